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
from frontdesk.search.synonyms import Synonyms
from frontdesk.search.vocabulary import Vocabulary


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
        crisis = self._best([s for s in found if s.kind == CRISIS], MOST[CRISIS])
        life = self._best([s for s in found if s.kind == LIFE], MOST[LIFE])
        ordered = crisis + rows[:1] + life + rows[1:] if life else crisis + rows
        out: list[tuple[Any, str, float]] = []
        seen: set[int] = set()
        for row in ordered:
            if row[0].rowid not in seen:
                seen.add(row[0].rowid)
                out.append(row)
        return out[:want]

    def _best(self, situations: list[Situation], most: int) -> list[tuple[Any, str, float]]:
        """The best whole match of each situation's searches, taking the first search of
        every situation before the second of any."""
        out: list[tuple[Any, str, float]] = []
        seen: set[int] = set()
        depth = max((len(s.searches) for s in situations), default=0)
        for k in range(depth):
            for situation in situations:
                if len(out) >= most or k >= len(situation.searches):
                    continue
                target = situation.searches[k]
                wanted = plan(target, self._vocabulary, self._speller, self._synonyms, typing=False)
                collected = Collector(3)
                run(self._conn, wanted, self._ranking, collected, target.lower())
                # The search's own words before its synonyms: "children's social care"
                # must not settle for a grant that safeguards children.
                best = next((r for r in collected.rows if r[1] in ("words", "name")), None)
                if best is not None and best[0].rowid not in seen:
                    seen.add(best[0].rowid)
                    out.append((best[0], "situation", best[2]))
                    self.plans.append(wanted)
        return out
