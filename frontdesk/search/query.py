"""From typed text to FTS5 match expressions that cannot fail.

Planning happens in memory against the vocabulary: words are corrected, expanded to
their word families (and the unfinished last word to its completions), and synonym
phrases are attached. Every term reaches FTS5 as a double-quoted string of letters and
digits, so nothing the adviser types can be read as FTS5 syntax. Three expressions come
out: the literal words, the literal words or their synonyms, and any of the words (the
last resort when everything together finds nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.search.spelling import Speller
from frontdesk.search.synonyms import Synonyms
from frontdesk.search.tokens import TypedQuery, parse_typed
from frontdesk.search.vocabulary import Vocabulary

# The columns a vague query is first tried against: what a service is called and the
# words chosen for it, not every passing mention in a description.
TITLE_COLUMNS = "{name keywords taxonomy lgsl_labels}"
_MAX_COMPLETIONS = 40
_MAX_ALTERNATIVES = 12
# A word this rare next to a correction this much commoner is taken as a slip.
_RARE, _COMMONER = 2, 50


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to match; `prefix` matches any word starting with the last one."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class Group:
    """One or more adjacent query words (each a set of literal terms) and synonyms for
    the whole span. A group matches when all its words do, or any synonym does."""

    words: tuple[tuple[Term, ...], ...]
    synonyms: tuple[Term, ...] = ()

    def literal(self) -> str:
        return " AND ".join(_any(w) for w in self.words)

    def expanded(self) -> str:
        if not self.synonyms:
            return self.literal()
        return "(" + " OR ".join([f"({self.literal()})", *(t.fts() for t in self.synonyms)]) + ")"


@dataclass(frozen=True, slots=True)
class QueryPlan:
    typed: TypedQuery
    groups: tuple[Group, ...]
    corrected: str | None
    literal_estimate: int
    expanded_estimate: int
    any_estimate: int

    @property
    def browse(self) -> bool:
        """Nothing to match: list services (by name) instead."""
        return not self.groups

    @property
    def has_synonyms(self) -> bool:
        return any(g.synonyms for g in self.groups)

    def literal(self) -> str:
        return " AND ".join(g.literal() for g in self.groups)

    def expanded(self) -> str:
        return " AND ".join(g.expanded() for g in self.groups)

    def any_word(self) -> str:
        return " OR ".join(f"({g.expanded()})" for g in self.groups)

    def highlight_words(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Whole words and prefixes worth marking in a snippet."""
        whole: set[str] = set()
        prefixes: set[str] = set()
        for group in self.groups:
            for term in (*(t for w in group.words for t in w), *group.synonyms):
                whole.update(term.words[:-1])
                (prefixes if term.prefix else whole).add(term.words[-1])
        return tuple(sorted(whole)), tuple(sorted(prefixes))


def _any(terms: tuple[Term, ...]) -> str:
    return terms[0].fts() if len(terms) == 1 else "(" + " OR ".join(t.fts() for t in terms) + ")"


def plan(text: str, vocabulary: Vocabulary, speller: Speller, synonyms: Synonyms) -> QueryPlan:
    typed = parse_typed(text)
    fixed, changed = _correct(list(typed.words), typed.prefix, vocabulary, speller)
    last = len(fixed) - 1
    literal: list[tuple[Term, ...]] = []
    spoken: list[str] = []
    for i, word in enumerate(fixed):
        terms = _literal_terms(word, typed.prefix and i == last, vocabulary)
        if terms:
            literal.append(terms)
            spoken.append(word)
    groups = _group(literal, spoken, vocabulary, synonyms)
    estimate = min((_estimate(w, vocabulary) for w in literal), default=0)
    per_group = [
        _estimate(g.synonyms, vocabulary) + min(_estimate(w, vocabulary) for w in g.words)
        for g in groups
    ]
    corrected = " ".join(fixed) if changed else None
    return QueryPlan(
        typed, tuple(groups), corrected, estimate, min(per_group, default=0), sum(per_group)
    )


def _correct(
    words: list[str], prefix: bool, vocabulary: Vocabulary, speller: Speller
) -> tuple[list[str], bool]:
    """Words the index lacks, replaced by the indexed words they were probably meant to be."""
    if not len(vocabulary):
        return words, False
    out: list[str] = []
    changed = False
    i = 0
    while i < len(words):
        word = words[i]
        is_prefix = prefix and i == len(words) - 1
        following_complete = i + 1 < len(words) and not (prefix and i + 1 == len(words) - 1)
        if not is_prefix and following_complete:
            joined = speller.join(word, words[i + 1])
            if joined:
                out.append(joined)
                changed, i = True, i + 2
                continue
        if is_prefix:
            found = vocabulary.prefix_count(word) > 0
        else:
            found = vocabulary.count(word) > 0 or bool(vocabulary.family(word))
        if word.isalpha() and (not found or _rare(word, is_prefix, vocabulary)):
            better = speller.correct(word)
            if better is not None and (not found or vocabulary.count(better) >= _COMMONER):
                out.append(better)
                changed, i = True, i + 1
                continue
            halves = None if found or is_prefix else speller.split(word)
            if halves is not None:
                out.extend(halves)
                changed, i = True, i + 1
                continue
        out.append(word)
        i += 1
    return out, changed


def _rare(word: str, is_prefix: bool, vocabulary: Vocabulary) -> bool:
    if is_prefix:
        return False
    return 0 < sum(vocabulary.count(w) for w in vocabulary.family(word)) <= _RARE


def _literal_terms(word: str, is_prefix: bool, vocabulary: Vocabulary) -> tuple[Term, ...]:
    if not is_prefix:
        family = vocabulary.family(word)
        return tuple(Term((w,)) for w in family[:_MAX_ALTERNATIVES]) or (Term((word,)),)
    if len(word) == 1:
        return ()  # one letter narrows nothing and would read half the index
    if len(word) >= 4:
        # Spelling out a longer prefix lets FTS5 stop early instead of merging every
        # completion's postings up front, which it does for a bare prefix query.
        completions = vocabulary.completions(word, _MAX_COMPLETIONS)
        if completions:
            return tuple(Term((w,)) for w in completions)
    return (Term((word,), prefix=True),)


def _group(
    literal: list[tuple[Term, ...]],
    spoken: list[str],
    vocabulary: Vocabulary,
    synonyms: Synonyms,
) -> list[Group]:
    groups: list[Group] = []
    position = 0
    for match in synonyms.matches(spoken):
        groups.extend(Group((w,)) for w in literal[position : match.start])
        usable = tuple(Term(p) for p in match.alternatives if all(vocabulary.count(w) for w in p))[
            :_MAX_ALTERNATIVES
        ]
        groups.append(Group(tuple(literal[match.start : match.end]), usable))
        position = match.end
    groups.extend(Group((w,)) for w in literal[position:])
    return groups


def _estimate(terms: tuple[Term, ...], vocabulary: Vocabulary) -> int:
    """An upper bound on how many services the terms match, from document counts."""
    total = 0
    for term in terms:
        counts = [vocabulary.count(w) for w in term.words[:-1]]
        last = term.words[-1]
        counts.append(vocabulary.prefix_count(last) if term.prefix else vocabulary.count(last))
        total += min(counts)
    return total
