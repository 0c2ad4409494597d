"""Callers' words for services: the synonym list and matching it against a query.

The list (resources/search/synonyms.txt) has one group per line. `a, b, c` makes the
phrases interchangeable; `a, b => c, d` sends the words on the left to those on the
right only (a caller's "dole" means jobseeker's allowance, but a search for jobseeker's
allowance should not bring up every mention of the dole). `#` starts a comment.

Phrases are matched against everything the caller said, filler words included ("look
after", "on my own" hinge on them), then with the filler left out ("bins have not been
emptied" still meets "bin not emptied"), each time by exact words and then by stems.
A phrase that loses all but one word without its filler ("on my own" -> "own") is only
matched whole: one leftover word is too loose a key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontdesk.search.bundled import bundled_text
from frontdesk.search.stemming import stem
from frontdesk.search.tokens import STOPWORDS, words

Phrase = tuple[str, ...]
_LONGEST = 7  # words in a caller's phrase, filler included


@dataclass(frozen=True, slots=True)
class SynonymMatch:
    """Spoken words `start:end` and the phrases that may stand in for them."""

    start: int
    end: int
    alternatives: tuple[Phrase, ...]


def _content(phrase: Phrase) -> Phrase:
    return tuple(w for w in phrase if w not in STOPWORDS)


def _stems(phrase: Phrase) -> Phrase:
    return tuple(stem(w) for w in phrase)


def _keys(phrase: Phrase) -> list[Phrase]:
    """The forms a phrase is filed and looked up under, most exact first."""
    keys = [phrase, _stems(phrase)]
    content = _content(phrase)
    if content != phrase and (len(content) >= 2 or len(phrase) == 1):
        keys += [content, _stems(content)]
    return keys


class Synonyms:
    """Phrase -> alternative phrases, looked up by exact words, then by word stems."""

    def __init__(self, pairs: Iterable[tuple[Phrase, Phrase]] = ()) -> None:
        table: dict[Phrase, dict[Phrase, None]] = defaultdict(dict)
        known: set[str] = set()
        for source, target in pairs:
            if not source or not target or source == target:
                continue
            known.update(source)
            known.update(stem(w) for w in source)
            for key in _keys(source):
                if 0 < len(key) <= _LONGEST:
                    table[key][target] = None
        self._table = {k: tuple(v) for k, v in table.items()}
        self._known = frozenset(known)

    @classmethod
    def parse(cls, text: str) -> Synonyms:
        pairs: list[tuple[Phrase, Phrase]] = []
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            left, arrow, right = line.partition("=>")
            sources = _phrases(left)
            targets = _phrases(right) if arrow else sources
            pairs.extend((s, t) for s in sources for t in targets)
        return cls(pairs)

    @classmethod
    def bundled(cls) -> Synonyms:
        """The list shipped with frontdesk, with the Welsh vocabulary (see welsh.py)."""
        return cls.parse(bundled_text("synonyms.txt") + "\n" + bundled_text("welsh.txt"))

    def __len__(self) -> int:
        return len(self._table)

    def knows(self, word: str) -> bool:
        """Whether the word is a caller's word the list understands: such a word is
        never 'corrected' into a different indexed word ("rats" is not "rates")."""
        return word in self._known or stem(word) in self._known

    def lookup(self, phrase: Phrase, exact: bool = False) -> tuple[Phrase, ...]:
        """Alternatives for a phrase; `exact` looks it up only as it is written."""
        for key in [phrase] if exact else _keys(phrase):
            found = self._table.get(key)
            if found:
                return tuple(p for p in found if p != phrase)
        return ()

    def matches(self, spoken: Sequence[str], typing: bool = False) -> list[SynonymMatch]:
        """Non-overlapping matches over the spoken words, longest phrase first, left to
        right. A span of filler words alone never matches. With `typing` the last word
        is unfinished, so a span ending on it must match as written: "tran" is on its
        way to "transport", not a form of "trans"."""
        found: list[SynonymMatch] = []
        start = 0
        while start < len(spoken):
            for end in range(min(len(spoken), start + _LONGEST), start, -1):
                span = tuple(spoken[start:end])
                if not _content(span):
                    continue
                alternatives = self.lookup(span, exact=typing and end == len(spoken))
                if alternatives:
                    found.append(SynonymMatch(start, end, alternatives))
                    start = end
                    break
            else:
                start += 1
        return found


def _phrases(part: str) -> list[Phrase]:
    return [p for p in (tuple(words(x)) for x in part.split(",")) if p]
