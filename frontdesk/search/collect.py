"""Running a query plan against the index: the ranked path, and the bounded path for
common words, gathering rows (without repeats) until the page is full.

Common concepts are checked on candidates rather than ranked across the catalogue, and a
query made only of common words (every first keystroke) takes a bounded path: names
starting with the text, then a capped sample ranked by where the words occur, so no
keystroke costs more than a few milliseconds on a 200k catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from frontdesk.search.query import QueryPlan
from frontdesk.search.ranking import Ranking
from frontdesk.search.rerank import Audiences, rerank
from frontdesk.search.scoring import (
    RANKED_SHARE,
    NameFactor,
    coordination,
    final_score,
    ranked_hits,
    sampled_hits,
    split,
)

# Candidates fetched per hit wanted, for the final ordering in Python.
_OVERFETCH = 2
TRIM = 0.1


@dataclass(slots=True)
class Collector:
    """Rows gathered across levels, without repeats, up to what the page needs."""

    want: int
    rows: list[tuple[Any, str, float]] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    whole: bool = False  # some row matches every concept of the query

    @property
    def need(self) -> int:
        return self.want - len(self.rows)

    def add(self, rows: list[Any], kind: str) -> None:
        self.whole = self.whole or bool(rows)
        for row in rows:
            if row.rowid not in self.seen and self.need > 0:
                self.seen.add(row.rowid)
                self.rows.append((row, kind, 0.0))

    def add_ranked(self, scored: list[tuple[Any, float]], kind: Callable[[Any], str]) -> None:
        """Rows with their final scores: best first, ties by name then id."""
        scored.sort(key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].id))
        for row, score in scored:
            if row.rowid not in self.seen and self.need > 0:
                self.seen.add(row.rowid)
                self.rows.append((row, kind(row), score))


def run(conn: Connection, query: QueryPlan, ranking: Ranking, found: Collector, typed: str) -> None:
    if query.browse:
        # Nothing typed lists services A-Z; a single letter lists names starting with it.
        found.add(ranking.by_name(conn, " ".join(query.typed.words), found.need), "name")
        return
    if not query.concepts:
        return  # words, but none the catalogue (or the synonym list) knows
    name = NameFactor(query, typed)
    total = query.total_mass
    parts = split(query)
    if parts.branches and parts.ranked_mass >= RANKED_SHARE * total:
        rows = ranking.candidates(
            conn,
            ranked_hits(parts.branches),
            total,
            found.need * _OVERFETCH,
            checks=parts.checks,
        )
        scored = [(row, final_score(row, total, parts.check_masses, name)) for row in rows]
        scored = rerank(scored, query, Audiences.bundled())
        whole = {row.rid for row in rows if coordination(row, total, parts.check_masses) >= 1}
        found.whole = found.whole or bool(whole)
        found.add_ranked(
            _trim(scored, whole),
            lambda row: (
                "some words" if row.rid not in whole else ("words" if row.literal else "synonyms")
            ),
        )
    if found.need > 0 and (parts.checks or not found.rows):
        _sampled(conn, query, ranking, found, name, typed)


def _sampled(
    conn: Connection,
    query: QueryPlan,
    ranking: Ranking,
    found: Collector,
    name: NameFactor,
    typed: str,
) -> None:
    """The bounded path for common words: names starting with the text, then services
    matching all the concepts (failing that, any), sampled by column group."""
    if not found.rows and typed:
        found.add(ranking.by_name(conn, typed, found.need), "name")
    total = query.total_mass
    # The caller's own words only (synonyms when a concept has none): a long OR of
    # phrases is slow to test row by row, and this path is for vague queries anyway.
    parts = [f"({c.literal() if c.words else c.synonym()})" for c in query.concepts]
    expressions = [(" AND ".join(parts), total, "words")]
    if len(parts) > 1:
        expressions.append((" OR ".join(parts), total / 2, "some words"))
    for expression, mass, kind in expressions:
        if found.need <= 0:
            return
        rows = ranking.candidates(
            conn,
            sampled_hits(expression, mass),
            total,
            found.need * _OVERFETCH,
            exclude=_seen(found),
        )
        scored = [(row, final_score(row, total, (), name) * _short(row.name)) for row in rows]
        scored = rerank(scored, query, Audiences.bundled())
        found.whole = found.whole or (kind == "words" and bool(scored))
        found.add_ranked(scored, _const(kind))


def _const(kind: str) -> Callable[[Any], str]:
    return lambda _row: kind


def _trim(scored: list[tuple[Any, float]], whole: set[int]) -> list[tuple[Any, float]]:
    """Leave out services that match only part of the query and score a small fraction
    of the best: with OR matching they share a minor word with it, listed just to fill."""
    best = max((score for _, score in scored), default=0.0)
    return [(row, s) for row, s in scored if row.rid in whole or s >= TRIM * best]


def _short(name: str) -> float:
    """Without bm25 to say how focused a service is, a shorter name is the better bet."""
    return 20.0 / (20.0 + len(name))


def _seen(found: Collector) -> tuple[int, ...]:
    return tuple(sorted(found.seen))
