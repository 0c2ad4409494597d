"""Callers' words for services: the synonym list and matching it against a query.

The list (resources/search/synonyms.txt) has one group per line. `a, b, c` makes the
phrases interchangeable; `a, b => c, d` sends the words on the left to those on the
right only (a caller's "dole" means jobseeker's allowance, but a search for jobseeker's
allowance should not bring up every mention of the dole). `#` starts a comment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontdesk.search.bundled import bundled_text
from frontdesk.search.tokens import STOPWORDS, words
from frontdesk.search.vocabulary import stem

Phrase = tuple[str, ...]
_LONGEST = 5


@dataclass(frozen=True, slots=True)
class SynonymMatch:
    """Query words `start:end` and the phrases that may stand in for them."""

    start: int
    end: int
    alternatives: tuple[Phrase, ...]


class Synonyms:
    """Phrase -> alternative phrases, looked up by exact words, then by word stems."""

    def __init__(self, pairs: Iterable[tuple[Phrase, Phrase]] = ()) -> None:
        table: dict[Phrase, dict[Phrase, None]] = defaultdict(dict)
        for source, target in pairs:
            if not source or not target or source == target:
                continue
            # Queries lose their filler words ("nowhere to sleep" arrives as "nowhere
            # sleep"), so each phrase is also filed without them.
            content = tuple(w for w in source if w not in STOPWORDS) or source
            for key in {source, content}:
                if len(key) <= _LONGEST:
                    table[key][target] = None
                    table[tuple(stem(w) for w in key)][target] = None
        self._table = {k: tuple(v) for k, v in table.items()}

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
        """The list shipped with frontdesk."""
        return cls.parse(bundled_text("synonyms.txt"))

    def __len__(self) -> int:
        return len(self._table)

    def lookup(self, phrase: Phrase) -> tuple[Phrase, ...]:
        found = self._table.get(phrase)
        if found is None:
            found = self._table.get(tuple(stem(w) for w in phrase), ())
        return tuple(p for p in found if p != phrase)

    def matches(self, query: Sequence[str]) -> list[SynonymMatch]:
        """Non-overlapping matches, longest phrase first, scanning left to right."""
        found: list[SynonymMatch] = []
        start = 0
        while start < len(query):
            for end in range(min(len(query), start + _LONGEST), start, -1):
                alternatives = self.lookup(tuple(query[start:end]))
                if alternatives:
                    found.append(SynonymMatch(start, end, alternatives))
                    start = end
                    break
            else:
                start += 1
        return found


def _phrases(part: str) -> list[Phrase]:
    return [p for p in (tuple(words(x)) for x in part.split(",")) if p]
