"""The SQL that fetches candidate services with what scoring needs to know about them.

Candidates come from *hits*: rows of (service, concept, mass, literal, score) produced by
FTS5 queries (see scoring.py). They are summed per service in SQLite, so only the best
few reach Python: how much of the query each matched (its coordination), how strongly
(bm25, negated so larger is better) and whether on the caller's own words. Alongside
come the boosts a caller would expect whatever the words: the service is active,
someone checked it in the last year, it is known to cover the caller's address rather
than silent about where it works. With no address given, the chosen rows also say
whether a service is only for areas other than the desk's own (`home`, home.py;
scoring.py applies ELSEWHERE). Ties fall to name, then catalogue id, so the same
search always lists the same order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from frontdesk.search.filters import Clause
from frontdesk.search.index import COLUMNS, FTS_TABLE

BM25 = "bm25({}, {})".format(FTS_TABLE, ", ".join(str(w) for _, w in COLUMNS))
_FIELDS = (
    "s.rowid, s.id, s.source_id, s.name, s.organization_name, s.description, s.keywords,"
    " s.lgsl_labels, s.lgsl_code, s.providing_tier, s.status, s.last_assured"
)
INACTIVE, RECENTLY_ASSURED, UNKNOWN_COVERAGE, ELSEWHERE = 0.5, 1.1, 0.6, 0.8
_RECENT = dt.timedelta(days=365)
_SHORTLIST = 200


@dataclass(frozen=True, slots=True)
class Hits:
    """A `hits(rid, concept, mass, literal, score)` common table expression."""

    sql: str
    params: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Ranking:
    """What boosts compare against, and the filters' SQL."""

    where: Clause
    covers: Clause | None
    today: dt.date
    narrowing: bool = True  # filters beyond the default (active services) are applied
    home: Clause | None = None  # 0 for a service only for areas not the desk's own

    def _covers_sql(self) -> tuple[str, list[Any]]:
        if self.covers is None:
            return "NULL", []
        return self.covers.sql(), list(self.covers.params)

    def _home_sql(self, rowid: str) -> tuple[str, list[Any]]:
        """The `home` column over the rows already chosen (a few dozen), by their rowid."""
        if self.home is None:
            return "NULL", []
        return self.home.sql().replace("s.rowid", rowid), list(self.home.params)

    def _boost(self) -> tuple[str, list[Any]]:
        """Over the columns `status`, `last_assured` and `covers` of a fetched row."""
        recent = (self.today - _RECENT).isoformat()
        sql = (
            "(CASE WHEN status = 'active' THEN 1.0 ELSE ? END)"
            " * (CASE WHEN last_assured >= ? THEN ? ELSE 1.0 END)"
            " * (CASE WHEN covers IS NULL AND ? THEN ? ELSE 1.0 END)"
        )
        return sql, [INACTIVE, recent, RECENTLY_ASSURED, self.covers is not None, UNKNOWN_COVERAGE]

    def candidates(
        self,
        conn: Connection,
        hits: Hits,
        total_mass: float,
        limit: int,
        *,
        checks: tuple[tuple[str, ...], ...] = (),
        exclude: tuple[int, ...] = (),
    ) -> list[Any]:
        """The best `limit` services by (relevance x coordination squared x boosts), each
        with `relevance`, `matched` (mass), `literal`, `boost` and, per FTS5 expression in
        `checks`, a `checkN` column saying whether the service matches it too: a check
        costs one index probe per row, so common words are tested only on the few rows
        fetched rather than read for the whole catalogue."""
        covers, covers_params = self._covers_sql()
        home, home_params = self._home_sql("c.rid")
        boost, boost_params = self._boost()
        skip = f" AND s.rowid NOT IN ({', '.join('?' for _ in exclude)})" if exclude else ""
        probe = (
            f"EXISTS (SELECT 1 FROM {FTS_TABLE} f WHERE f.{FTS_TABLE} MATCH ? AND f.rowid = c.rid)"
        )
        probes = "".join(
            f", ({' OR '.join(probe for _ in check)}) AS check{i}" for i, check in enumerate(checks)
        )
        total = max(total_mass, 1e-9)
        sql = (
            f"WITH {hits.sql},"
            " per_concept AS (SELECT rid, concept, max(mass) AS mass, max(literal) AS literal,"
            " max(score) AS score FROM hits GROUP BY rid, concept),"
            " per_row AS (SELECT rid, sum(score) AS relevance, sum(mass) AS matched,"
            " max(literal) AS literal FROM per_concept GROUP BY rid"
            " ORDER BY relevance * matched * matched DESC LIMIT ?)"
            f" SELECT c.*{probes}, {home} AS home FROM ("
            f"SELECT b.*, {boost} AS boost FROM ("
            f"SELECT {_FIELDS}, r.rid, {covers} AS covers, r.relevance, r.matched, r.literal"
            " FROM per_row r JOIN services s ON s.rowid = r.rid"
            f" WHERE {self.where.sql()}{skip}) b"
            " ORDER BY b.relevance * (b.matched / ?) * (b.matched / ?) * boost DESC,"
            " b.name COLLATE NOCASE, b.id LIMIT ?) c"
        )
        # Before reading the services, keep the best by the words alone: the boosts move a
        # score by a factor of two at most. Narrowing filters need every candidate.
        shortlist = -1 if self.narrowing else max(_SHORTLIST, limit * 4)
        params = [*hits.params, shortlist, *(e for check in checks for e in check)]
        params += [*home_params, *boost_params, *covers_params]
        params += self.where.params
        params += [*exclude, total, total, limit]
        return list(conn.exec_driver_sql(sql, tuple(params)).all())

    def by_name(self, conn: Connection, starts_with: str, limit: int) -> list[Any]:
        """Services in name order, optionally only those whose name starts with the text;
        walks the name index, so it costs the same on any catalogue size."""
        covers, covers_params = self._covers_sql()
        home, home_params = self._home_sql("b.rowid")
        boost, boost_params = self._boost()
        condition, extra = "", []
        if starts_with:
            condition = " AND s.name >= ? COLLATE NOCASE AND s.name < ? COLLATE NOCASE"
            extra = [starts_with, starts_with + "\U0010ffff"]
        sql = (
            f"SELECT b.*, {boost} AS boost, {home} AS home FROM ("
            f"SELECT {_FIELDS}, {covers} AS covers, 0.0 AS relevance, 0.0 AS matched,"
            " 1 AS literal FROM services s INDEXED BY ix_services_search_name"
            f" WHERE {self.where.sql()}{condition}"
            " ORDER BY s.name COLLATE NOCASE, s.id LIMIT ?) b"
        )
        params = (*boost_params, *home_params, *covers_params, *self.where.params, *extra, limit)
        return list(conn.exec_driver_sql(sql, params).all())
