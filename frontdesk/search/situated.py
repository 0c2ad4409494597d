"""Putting what a crisis or a life event calls for where the adviser looks first.

The situations and their searches are in situations.py; here each search runs through
the same collection as the caller's own query, and its best service on its own words is
placed: crisis services at the top, a life event's set right after the best answer to
the caller's words.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from frontdesk.search.collect import Collector, run
from frontdesk.search.query import QueryPlan, plan
from frontdesk.search.ranking import Ranking
from frontdesk.search.situations import CRISIS, LIFE, MOST, Situation, Situations
from frontdesk.search.spelling import Speller
from frontdesk.search.stemming import stem
from frontdesk.search.synonyms import Synonyms
from frontdesk.search.tokens import STOPWORDS, words
from frontdesk.search.vocabulary import Vocabulary

# How a row was found when it answers every word the caller said, as said.
_WHOLE = frozenset(["words", "name"])
# Rows each situation search looks at for its best service.
_LOOK = 5


class Situated:
    """Orders one search's rows with what its situations call for."""

    def __init__(
        self,
        conn: Connection,
        vocabulary: Vocabulary,
        speller: Speller,
        synonyms: Synonyms,
        ranking: Ranking,
    ) -> None:
        self._conn, self._ranking, self._synonyms = conn, ranking, synonyms
        self._vocabulary, self._speller = vocabulary, speller
        self.plans: list[QueryPlan] = []

    def order(
        self, query: QueryPlan, rows: list[tuple[Any, str, float]], want: int
    ) -> list[tuple[Any, str, float]]:
        found = Situations.bundled().find(query.typed.spoken, query.typed.prefix)
        if not found:
            return rows
        crisis = self._best([s for s in found if s.kind == CRISIS], MOST[CRISIS], named=True)
        life = self._best([s for s in found if s.kind == LIFE], MOST[LIFE], named=False)
        # The caller's own words keep first place only when a service answers all of
        # them as said; a partial or synonym match ("Retirement living" for "retiring
        # next month") is a weaker reading than the life event the words describe.
        lead = rows[:1] if rows and rows[0][1] in _WHOLE else []
        ordered = crisis + lead + life + rows[len(lead) :] if life else crisis + rows
        out: list[tuple[Any, str, float]] = []
        seen: set[int] = set()
        for row in ordered:
            if row[0].rowid not in seen:
                seen.add(row[0].rowid)
                out.append(row)
        return out[:want]

    def _best(
        self, situations: list[Situation], most: int, *, named: bool
    ) -> list[tuple[Any, str, float]]:
        """The best whole match of each situation's searches, taking the first search of
        every situation before the second of any. With `named` (a crisis: one call to
        the right line matters more than the order of the list), services named for what
        a search asks for ("Bristol Samaritans" for "samaritans") come before services
        that only mention it ("Bristol Mental Health" for "mental health crisis line");
        a life event's searches keep their order, as the set an adviser goes through."""
        picks: list[tuple[bool, int, Any, float, QueryPlan]] = []
        depth = max((len(s.searches) for s in situations), default=0)
        for k in range(depth):
            for situation in situations:
                if k >= len(situation.searches):
                    continue
                target = situation.searches[k]
                wanted = plan(target, self._vocabulary, self._speller, self._synonyms, typing=False)
                collected = Collector(_LOOK)
                run(self._conn, wanted, self._ranking, collected, target.lower())
                # The search's own words before its synonyms: "children's social care"
                # must not settle for a grant that safeguards children.
                whole = [r for r in collected.rows if r[1] in _WHOLE]
                titled = next((r for r in whole if named and _names(r[0].name, target)), None)
                best = titled or next(iter(whole), None)
                if best is not None:
                    picks.append((titled is None, len(picks), best[0], best[2], wanted))
        out: list[tuple[Any, str, float]] = []
        seen: set[int] = set()
        for _, _, row, score, wanted in sorted(picks, key=lambda p: p[:2]):
            if len(out) < most and row.rowid not in seen:
                seen.add(row.rowid)
                out.append((row, "situation", score))
                self.plans.append(wanted)
        return out


def _names(name: str, search: str) -> bool:
    """Whether a service's name holds every content word of a search (by stem)."""
    held = {stem(w) for w in words(name)}
    asked = {stem(w) for w in words(search) if w not in STOPWORDS}
    return bool(asked) and asked <= held
