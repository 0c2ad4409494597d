"""Situations that call for a set of services rather than the caller's words.

A caller in crisis rarely names the service: "he beats me up", "she says she wants to
end it all". Whatever else the words match, the crisis line, the domestic abuse service
or safeguarding must come first. A life event ("retiring next month", "leaving care",
"my dad just died") calls for the set of services an adviser goes through with the
caller. Both are listed in `resources/search/situations.txt` as the caller's phrases and
ordinary searches in the catalogue's own words; the searches run through the same engine,
so a catalogue without (say) a Samaritans listing simply contributes nothing for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from frontdesk.search.bundled import bundled_text
from frontdesk.search.phrases import Phrase, PhraseIndex, content_lines, stems
from frontdesk.search.stemming import stem
from frontdesk.search.tokens import words

CRISIS, LIFE = "crisis", "life"
# Services each situation may put ahead of the caller's own words.
MOST = {CRISIS: 3, LIFE: 4}


@dataclass(frozen=True, slots=True)
class Situation:
    kind: str  # CRISIS or LIFE
    said: tuple[Phrase, ...]  # the caller's phrases, as stems
    searches: tuple[str, ...]  # what to look for, in the catalogue's words


@dataclass(frozen=True, slots=True)
class Situations:
    items: tuple[Situation, ...]
    whole_words: frozenset[str] = frozenset()  # every word of the callers' phrases
    _said: PhraseIndex[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        said = PhraseIndex((p, i) for i, s in enumerate(self.items) for p in s.said)
        object.__setattr__(self, "_said", said)

    @classmethod
    def parse(cls, text: str) -> Situations:
        items: list[Situation] = []
        whole: set[str] = set()
        for number, line in content_lines(text):
            kind, colon, rest = line.partition(":")
            said, arrow, searches = rest.partition("=>")
            if not colon or not arrow or kind.strip() not in (CRISIS, LIFE):
                raise ValueError(f"situations line {number}: expected 'crisis|life: … => …'")
            phrases = tuple(p for p in (stems(part) for part in said.split(",")) if p)
            whole.update(words(said))
            targets = tuple(t.strip() for t in searches.split(";") if t.strip())
            if phrases and targets:
                items.append(Situation(kind.strip(), phrases, targets))
        return cls(tuple(items), frozenset(whole))

    @classmethod
    def bundled(cls) -> Situations:
        return _bundled()

    def find(self, spoken: Sequence[str], typing: bool = False) -> tuple[Situation, ...]:
        """The situations the caller's words describe, crises first. With `typing` the
        last word is unfinished: it counts only once it is one of the phrases' words
        ("bereav" is on its way to "bereavement", not a form of "bereaved")."""
        if typing and spoken and spoken[-1] not in self.whole_words:
            spoken = spoken[:-1]
        said = tuple(stem(w) for w in spoken)
        found = [self.items[i] for i in sorted(self._said.found(said))]
        return tuple(sorted(found, key=lambda s: s.kind != CRISIS))


@lru_cache(maxsize=1)
def _bundled() -> Situations:
    return Situations.parse(bundled_text("situations.txt"))
