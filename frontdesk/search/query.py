"""From typed text to concepts: what the caller needs, as FTS5 terms that cannot fail.

A caller's sentence is not a list of words that must all appear. Planning turns it into
*concepts*: each content word, or each phrase the synonym list recognises ("signing on",
"nowhere to sleep"), with the literal forms of its words (their word families, or the
completions of the word still being typed) and the synonyms for the whole phrase. Each
concept carries a *mass*, how much of the query it is: a word that narrows the catalogue
a lot weighs more than one found everywhere, a recognised caller's phrase more than a
stray word, "mum" or "tonight" little, a one- or two-letter prefix little. Ranking then
rewards services for the share of the query's mass they match (see scoring.py).

Every term reaches FTS5 as a double-quoted string of letters and digits, so nothing the
adviser types can be read as FTS5 syntax. Planning happens in memory, against the
vocabulary, without touching the database.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from frontdesk.search.intent import STATE_WEIGHT, Intents
from frontdesk.search.spelling import Speller, edit_distance
from frontdesk.search.stemming import stem
from frontdesk.search.synonyms import SynonymMatch, Synonyms
from frontdesk.search.tokens import STOPWORDS, WEAKWORDS, TypedQuery, parse_typed
from frontdesk.search.vocabulary import Vocabulary
from frontdesk.search.welsh import read_welsh

_MAX_COMPLETIONS = 40
_MAX_ALTERNATIVES = 16
_MAX_PROBES = 3
# A word this rare next to a correction this much commoner is taken as a slip.
_RARE, _COMMONER = 2, 50
# How much of the query a concept is, before weighing how telling its words are.
RECOGNISED, PLAIN, WEAK, SHORT_PREFIX = 1.5, 1.0, 0.3, 0.3


# Words of a synonym phrase may be this far apart, in any order: catalogues write
# "refuse collection" as "Refuse - household waste - collection".
NEAR = 3


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to match; `prefix` matches any word starting with the last one,
    `near` lets a phrase's words stand a few words apart in any order."""

    words: tuple[str, ...]
    prefix: bool = False
    near: bool = False

    def fts(self) -> str:
        if self.near and len(self.words) > 1:
            return "NEAR(" + " ".join(f'"{w}"' for w in self.words) + f", {NEAR})"
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


def any_of(terms: tuple[Term, ...]) -> str:
    return terms[0].fts() if len(terms) == 1 else "(" + " OR ".join(t.fts() for t in terms) + ")"


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing the caller said. It matches literally when all its words do (each in
    any of its forms), or through any of its synonyms."""

    words: tuple[tuple[Term, ...], ...]
    synonyms: tuple[Term, ...]
    weight: float
    mass: float
    literal_estimate: int
    synonym_estimate: int
    cost: float  # rows ranked plus a tenth of the postings read (every word of every term)
    said: tuple[str, ...] = ()  # the caller's words it stands for

    def literal(self) -> str:
        return " AND ".join(any_of(w) for w in self.words)

    def synonym(self) -> str:
        return any_of(self.synonyms)

    def probes(self) -> tuple[str, ...]:
        """Expressions that each say the concept matches, cheapest first, for testing one
        service at a time (FTS5 tests a single term or phrase quickly, a long OR slowly)."""
        head = (self.literal(),) if self.words else ()
        return head + tuple(t.fts() for t in self.synonyms[:_MAX_PROBES])

    def expression(self) -> str:
        """Literal or synonyms, as one FTS5 expression."""
        if not self.synonyms:
            return self.literal()
        return f"(({self.literal()}) OR {self.synonym()})" if self.words else self.synonym()


@dataclass(frozen=True, slots=True)
class QueryPlan:
    typed: TypedQuery
    concepts: tuple[Concept, ...]
    corrected: str | None

    @property
    def browse(self) -> bool:
        """Nothing typed to match: list services (by name) instead."""
        return not self.typed.words or (len(self.typed.words) == 1 and not self.concepts)

    @property
    def total_mass(self) -> float:
        return sum(c.mass for c in self.concepts)

    def highlight_words(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Whole words and prefixes worth marking in a snippet."""
        whole: set[str] = set()
        prefixes: set[str] = set()
        for concept in self.concepts:
            for term in (*(t for w in concept.words for t in w), *concept.synonyms):
                whole.update(term.words[:-1])
                (prefixes if term.prefix else whole).add(term.words[-1])
        return tuple(sorted(whole)), tuple(sorted(prefixes))

    def literal_words(self) -> frozenset[str]:
        """Every whole form of the caller's own words that the plan searches for."""
        return frozenset(
            t.words[-1] for c in self.concepts for w in c.words for t in w if not t.prefix
        )


def plan(
    text: str,
    vocabulary: Vocabulary,
    speller: Speller,
    synonyms: Synonyms,
    *,
    typing: bool = True,
) -> QueryPlan:
    typed = parse_typed(text, typing=typing)
    welsh = read_welsh(typed, vocabulary, synonyms)
    typed = welsh.typed
    if welsh.in_welsh:  # Welsh is read into English, never "corrected" into look-alikes
        fixed, changed = list(typed.spoken), welsh.translated
    else:
        fixed, changed = _correct(typed, vocabulary, speller, synonyms)
    spoken = list(typed.spoken)
    if changed:
        # Corrections replace the words they fix; filler in between is kept for phrases.
        spoken = fixed
    states = Intents.bundled().states(spoken)
    concepts = _quiet_states(_concepts(spoken, typed, vocabulary, synonyms, states), states)
    corrected = " ".join(w for w in fixed if w not in STOPWORDS) if changed else None
    return QueryPlan(typed, tuple(concepts), corrected)


def _correct(
    typed: TypedQuery, vocabulary: Vocabulary, speller: Speller, synonyms: Synonyms
) -> tuple[list[str], bool]:
    """Spoken words with the ones the index lacks replaced by the indexed words they
    were probably meant to be. Words the synonym list knows are never replaced, and a
    word the index has is replaced only when it is very rare and the fix very common."""
    words = list(typed.spoken)
    if not len(vocabulary):
        return words, False
    out: list[str] = []
    changed = False
    last = len(words) - 1
    i = 0
    while i < len(words):
        word = words[i]
        is_prefix = typed.prefix and i == last
        if word in STOPWORDS and not is_prefix:
            out.append(word)
            i += 1
            continue
        following = i + 1 <= last and not (typed.prefix and i + 1 == last)
        if not is_prefix and following and words[i + 1] not in STOPWORDS:
            joined = speller.join(word, words[i + 1])
            if joined:
                out.append(joined)
                changed, i = True, i + 2
                continue
        better = _better(word, is_prefix, vocabulary, speller, synonyms)
        if better is not None:
            out.extend(better)
            changed, i = True, i + 1
            continue
        out.append(word)
        i += 1
    return out, changed


def _better(
    word: str, is_prefix: bool, vocabulary: Vocabulary, speller: Speller, synonyms: Synonyms
) -> list[str] | None:
    """The indexed word(s) a typed word was probably meant to be, or None to keep it.

    A word the index lacks is corrected when the fix is one slip away within its own word
    family ("bereavment"), or when nothing in the index shares its stem and the synonym
    list does not know it ("rats" must never become "rates"). A word the index has only
    once or twice is corrected to a far commoner word the list does not know either."""
    if not word.isalpha() or word in WEAKWORDS:
        return None  # a who/when/where word ("gran") is never turned into a need ("grant")
    family = vocabulary.family(word)
    if is_prefix:
        indexed = found = vocabulary.prefix_count(word) > 0
    else:
        indexed = vocabulary.count(word) > 0
        found = any(vocabulary.count(w) for w in family)
    known = synonyms.knows(word)
    if not indexed:
        better = speller.correct(word)
        if better is not None:
            same_family = stem(better) == stem(word)
            if (same_family and edit_distance(word, better, 1) <= 1) or not (found or known):
                return [better]
        if not (found or known or is_prefix):
            halves = speller.split(word)
            return list(halves) if halves else None
        return None
    if not known and _rare(word, vocabulary):
        better = speller.correct(word)
        if better is not None and vocabulary.count(better) >= _COMMONER:
            return [better]
    return None


def _rare(word: str, vocabulary: Vocabulary) -> bool:
    return 0 < sum(vocabulary.count(w) for w in vocabulary.family(word)) <= _RARE


def _literal_terms(word: str, is_prefix: bool, vocabulary: Vocabulary) -> tuple[Term, ...]:
    if not is_prefix:
        family = vocabulary.family(word)
        return tuple(Term((w,)) for w in family[:_MAX_ALTERNATIVES])
    if len(word) == 1:
        return ()  # one letter narrows nothing and would read half the index
    if len(word) >= 4:
        # Spelling out a longer prefix lets FTS5 stop early instead of merging every
        # completion's postings up front, which it does for a bare prefix query.
        completions = vocabulary.completions(word, _MAX_COMPLETIONS)
        if completions is not None:
            return tuple(Term((w,)) for w in completions)
    return (Term((word,), prefix=True),) if vocabulary.prefix_count(word) else ()


def _concepts(
    spoken: list[str],
    typed: TypedQuery,
    vocabulary: Vocabulary,
    synonyms: Synonyms,
    states: frozenset[str],
) -> list[Concept]:
    last = len(spoken) - 1
    # A query made only of filler words is searched as typed.
    filler = STOPWORDS if any(w not in STOPWORDS for w in typed.words) else frozenset()
    spans: list[tuple[int, int, SynonymMatch | None]] = []
    position = 0
    for match in synonyms.matches(spoken, typed.prefix):
        spans.extend((i, i + 1, None) for i in range(position, match.start))
        spans.append((match.start, match.end, match))
        position = match.end
    spans.extend((i, i + 1, None) for i in range(position, len(spoken)))
    concepts: list[Concept] = []
    for start, end, found in spans:
        members = [
            (i, spoken[i])
            for i in range(start, end)
            if spoken[i] not in filler or (typed.prefix and i == last)
        ]
        if not members and found is None:
            continue
        said = [w for _, w in members]
        if found is not None and len(members) > 1:
            # In a recognised phrase ("bins not emptied") the state word is carried by the
            # phrase's synonyms and the intent; literally, the thing ("bins") is enough.
            things = [(i, w) for i, w in members if w not in states]
            members = things or members
        literal = [_literal_terms(w, typed.prefix and i == last, vocabulary) for i, w in members]
        usable = _usable(found, vocabulary) if found else ()
        if any(not t for t in literal):
            literal = []  # a word the index lacks: only the synonyms can match
        if len(literal) == 1:
            # A synonym that is one of the literal forms adds nothing ("pot hole").
            usable = tuple(t for t in usable if t not in literal[0])
        concept = _concept(tuple(literal), usable, said, vocabulary)
        if concept is not None:
            concepts.append(concept)
    return concepts


def _usable(match: SynonymMatch, vocabulary: Vocabulary) -> tuple[Term, ...]:
    """The synonym phrases the index can match, a two-word phrase also as one word
    when the catalogue writes it that way ("fly tipping" / "flytipping")."""
    out: list[Term] = []
    for phrase in match.alternatives:
        if all(vocabulary.count(w) for w in phrase):
            out.append(Term(phrase, near=True))
        joined = "".join(phrase)
        if len(phrase) == 2 and vocabulary.count(joined):
            out.append(Term((joined,)))
    return tuple(dict.fromkeys(out))[:_MAX_ALTERNATIVES]


def _concept(
    literal: tuple[tuple[Term, ...], ...],
    synonyms: tuple[Term, ...],
    said: list[str],
    vocabulary: Vocabulary,
) -> Concept | None:
    literal_estimate = min((_estimate(w, vocabulary) for w in literal), default=0)
    synonym_estimate = _estimate(synonyms, vocabulary)
    reach = literal_estimate + synonym_estimate
    if reach == 0:
        return None  # nothing in the catalogue can match it: it cannot tell services apart
    if synonyms:
        weight = RECOGNISED
    elif all(w in WEAKWORDS for w in said):
        weight = WEAK
    elif len(literal) == 1 and literal[0][0].prefix and len(literal[0][0].words[-1]) <= 2:
        weight = SHORT_PREFIX
    else:
        weight = PLAIN
    documents = max(vocabulary.documents, reach, 1)
    telling = math.log(1.0 + documents / min(reach, documents))
    postings = sum(_postings(t, vocabulary) for w in literal for t in w) + sum(
        _postings(t, vocabulary) for t in synonyms
    )
    cost = literal_estimate + synonym_estimate + postings / 10
    return Concept(
        literal,
        synonyms,
        weight,
        weight * telling,
        literal_estimate,
        synonym_estimate,
        cost,
        tuple(said),
    )


def _quiet_states(concepts: list[Concept], states: frozenset[str]) -> list[Concept]:
    """Words that only say something went wrong ("missed", "not emptied") weigh little
    beside what went wrong (see intent.py); alone, they are all there is to match."""

    def state(c: Concept) -> bool:
        return not c.synonyms and bool(c.said) and all(w in states for w in c.said)

    if all(state(c) for c in concepts):
        return concepts
    return [
        replace(c, weight=c.weight * STATE_WEIGHT, mass=c.mass * STATE_WEIGHT) if state(c) else c
        for c in concepts
    ]


def _postings(term: Term, vocabulary: Vocabulary) -> int:
    last = term.words[-1]
    tail = vocabulary.prefix_count(last) if term.prefix else vocabulary.count(last)
    return sum(vocabulary.count(w) for w in term.words[:-1]) + tail


def _estimate(terms: tuple[Term, ...], vocabulary: Vocabulary) -> int:
    """An upper bound on how many services the terms match, from document counts."""
    total = 0
    for term in terms:
        counts = [vocabulary.count(w) for w in term.words[:-1]]
        last = term.words[-1]
        counts.append(vocabulary.prefix_count(last) if term.prefix else vocabulary.count(last))
        total += min(counts)
    return total
