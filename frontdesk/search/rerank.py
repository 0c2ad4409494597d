"""A second pass over the few dozen fetched candidates, in Python, before they are listed.

bm25 and coordination say how well a service's words answer the query. Four things
they cannot see are judged here, on the candidates only, so the cost does not grow with
the catalogue:

- **Who it is for.** Callers say who needs help ("my son", "my nan", "ex army"). Those
  words are weak for matching (they appear everywhere), but a service that says it is
  for that group, in its name, audience tags or description, is the better offer. The
  groups are in `resources/search/audiences.txt`; a matching service gets AUDIENCE.
- **One provider crowding the list.** An organisation with many near-identical
  listings (weekly groups at different venues), or the national list of service types
  (LGSL records: a council function with no provider or contact details), should not
  fill the first screen. Each further listing from the same source counts CROWD times
  the one before it, so a local provider with nearly as good a score gets seen.
- **A service type is not a provider.** An LGSL record with no organisation says that
  councils do this, with no one to call; a local provider's listing of the same need is
  the better offer when its words match nearly as well: TYPE_ONLY. Where the council is
  the only provider (bins, council tax) the record still comes first, as nothing else
  matches as well.
- **How close the caller's concepts stand.** When a service matches two or more of the
  query's concepts within a few words of each other (in its name or the start of its
  description), it is about that combination, not mentioning each in passing: NEAR_BONUS.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from frontdesk.search.bundled import bundled_text
from frontdesk.search.intent import Intents
from frontdesk.search.phrases import within
from frontdesk.search.query import QueryPlan
from frontdesk.search.stemming import stem
from frontdesk.search.tokens import words

AUDIENCE = 1.25
CROWD = 0.75
NEAR_BONUS = 1.15
TYPE_ONLY = 0.8
# Words apart for two concepts to count as standing together.
_WINDOW = 6
# How much of the description the proximity check reads.
_HEAD = 600
_LGSL_GROUP = "\x00lgsl"

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Audiences:
    """Caller's words for a group of people -> the words services use for that group."""

    groups: tuple[tuple[tuple[Phrase, ...], tuple[Phrase, ...]], ...]

    @classmethod
    def parse(cls, text: str) -> Audiences:
        groups: list[tuple[tuple[Phrase, ...], tuple[Phrase, ...]]] = []
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            left, arrow, right = line.partition("=>")
            if not line or not arrow:
                continue
            said = tuple(_stems(p) for p in _phrases(left))
            meant = tuple(_stems(p) for p in _phrases(right))
            if said and meant:
                groups.append((said, meant))
        return cls(tuple(groups))

    @classmethod
    def bundled(cls) -> Audiences:
        return _bundled()

    def wanted(self, spoken: Sequence[str]) -> tuple[tuple[Phrase, ...], ...]:
        """The groups the caller named: for each, the phrases services use for it."""
        said = tuple(stem(w) for w in spoken)
        return tuple(
            meant for phrases, meant in self.groups if any(within(p, said) for p in phrases)
        )


@lru_cache(maxsize=1)
def _bundled() -> Audiences:
    return Audiences.parse(bundled_text("audiences.txt"))


def _phrases(part: str) -> list[Phrase]:
    return [p for p in (tuple(words(x)) for x in part.split(",")) if p]


def _stems(phrase: Phrase) -> Phrase:
    return tuple(stem(w) for w in phrase)


# Candidates' texts share most of their words: stem each once per process.
_stem = lru_cache(maxsize=1 << 16)(stem)


def _row_text(row: Any) -> Phrase:
    parts = (row.name, row.keywords or "", (row.description or "")[:_HEAD])
    return tuple(_stem(w) for w in words(" ".join(parts)))


def rerank(
    scored: list[tuple[Any, float]], query: QueryPlan, audiences: Audiences
) -> list[tuple[Any, float]]:
    """The candidates with their scores adjusted for audience, proximity and crowding."""
    if not scored:
        return scored
    wanted = audiences.wanted(query.typed.spoken)
    forms = _concept_forms(query)
    intents = Intents.bundled()
    asked = intents.of_query(query.typed.spoken)
    out: list[tuple[Any, float]] = []
    for row, score in scored:
        score *= intents.factor(asked, row.name)
        if row.lgsl_code and not row.organization_name:
            score *= TYPE_ONLY
        text = _row_text(row) if wanted or len(forms) > 1 else ()
        if wanted and any(any(within(p, text) for p in group) for group in wanted):
            score *= AUDIENCE
        if len(forms) > 1 and _near(text, forms):
            score *= NEAR_BONUS
        out.append((row, score))
    return _uncrowd(out, _group)


def _group(row: Any) -> str:
    if row.organization_name:
        return str(row.organization_name).casefold()
    return _LGSL_GROUP if row.lgsl_code else str(row.id)


def _uncrowd(
    scored: list[tuple[Any, float]], group: Callable[[Any], str]
) -> list[tuple[Any, float]]:
    ordered = sorted(scored, key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].id))
    seen: dict[str, int] = {}
    out: list[tuple[Any, float]] = []
    for row, score in ordered:
        key = group(row)
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append((row, score * CROWD**n))
    return out


def _concept_forms(query: QueryPlan) -> list[frozenset[str]]:
    """Per concept, the stems of the words that show it in a text (its own words' forms
    and its synonyms' words), for the proximity check. Weak concepts are left out."""
    forms: list[frozenset[str]] = []
    for concept in query.concepts:
        if concept.weight < 1.0:
            continue
        stems: set[str] = set()
        for alternatives in concept.words:
            stems.update(stem(t.words[-1]) for t in alternatives if not t.prefix)
        for term in concept.synonyms:
            stems.update(stem(w) for w in term.words)
        if stems:
            forms.append(frozenset(stems))
    return forms


def _near(text: Phrase, forms: list[frozenset[str]]) -> bool:
    """Whether two different concepts occur within _WINDOW words of each other."""
    last: dict[int, int] = {}
    for position, word in enumerate(text):
        for i, stems in enumerate(forms):
            if word in stems:
                if any(j != i and position - p <= _WINDOW for j, p in last.items()):
                    return True
                last[i] = position
    return False
