"""The SQL that fetches and orders hits: bm25 with column weights, then boosts.

Relevance is FTS5's bm25 (negated, so larger is better) multiplied by boosts a caller
would expect: the service's name is exactly what was typed, or starts with it; it is
active; someone checked it in the last year; it is known to cover the caller's address
rather than silent about where it works. Ties fall to name, then catalogue id, so the
same search always lists the same order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from frontdesk.search.filters import Clause
from frontdesk.search.index import COLUMNS, FTS_TABLE

_BM25 = "bm25({}, {})".format(FTS_TABLE, ", ".join(str(w) for _, w in COLUMNS))
_FIELDS = (
    "s.rowid, s.id, s.source_id, s.name, s.organization_name, s.description, s.keywords,"
    " s.lgsl_labels, s.lgsl_code, s.providing_tier, s.status, s.last_assured"
)
EXACT_NAME, NAME_STARTS, INACTIVE, RECENTLY_ASSURED, UNKNOWN_COVERAGE = 3.0, 1.5, 0.5, 1.1, 0.6
_RECENT = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Ranking:
    """What boosts compare against: the typed text as a name, and the filters' SQL."""

    typed_name: str
    where: Clause
    covers: Clause | None
    today: dt.date

    def _covers_sql(self) -> tuple[str, list[Any]]:
        if self.covers is None:
            return "NULL", []
        return self.covers.sql(), list(self.covers.params)

    def _score(self, relevance: str) -> tuple[str, list[Any]]:
        recent = (self.today - _RECENT).isoformat()
        sql = (
            f"{relevance}"
            " * (CASE WHEN lower(name) = ? THEN ? WHEN substr(lower(name), 1, ?) = ? THEN ?"
            " ELSE 1.0 END)"
            " * (CASE WHEN status = 'active' THEN 1.0 ELSE ? END)"
            " * (CASE WHEN last_assured >= ? THEN ? ELSE 1.0 END)"
            " * (CASE WHEN covers IS NULL AND ? THEN ? ELSE 1.0 END)"
        )
        name = self.typed_name
        params: list[Any] = [name, EXACT_NAME, len(name), name, NAME_STARTS, INACTIVE]
        params += [recent, RECENTLY_ASSURED, self.covers is not None, UNKNOWN_COVERAGE]
        return sql, params

    def matches(
        self,
        conn: Connection,
        expression: str,
        limit: int,
        *,
        cap: int | None = None,
        exclude: tuple[int, ...] = (),
    ) -> list[Any]:
        """Services matching an FTS5 expression, best first. With `cap`, only the first
        `cap` matches in index order are ranked: bounded time for a vague query."""
        covers, covers_params = self._covers_sql()
        score, score_params = self._score("relevance")
        skip = f" AND s.rowid NOT IN ({', '.join('?' for _ in exclude)})" if exclude else ""
        inner = (
            f"SELECT {_FIELDS}, {covers} AS covers, -{_BM25} AS relevance"
            f" FROM {FTS_TABLE} JOIN services s ON s.rowid = {FTS_TABLE}.rowid"
            f" WHERE {FTS_TABLE} MATCH ? AND {self.where.sql()}{skip}"
            + (" LIMIT ?" if cap is not None else "")
        )
        params: list[Any] = [*covers_params, expression, *self.where.params, *exclude]
        if cap is not None:
            params.append(cap)
        sql = (
            f"SELECT *, {score} AS score FROM ({inner})"
            " ORDER BY score DESC, name COLLATE NOCASE, id LIMIT ?"
        )
        return list(conn.exec_driver_sql(sql, (*score_params, *params, limit)).all())

    def by_name(self, conn: Connection, starts_with: str, limit: int) -> list[Any]:
        """Services in name order, optionally only those whose name starts with the text;
        walks the name index, so it costs the same on any catalogue size."""
        covers, covers_params = self._covers_sql()
        condition, extra = "", []
        if starts_with:
            condition = " AND s.name >= ? COLLATE NOCASE AND s.name < ? COLLATE NOCASE"
            extra = [starts_with, starts_with + "\U0010ffff"]
        sql = (
            f"SELECT {_FIELDS}, {covers} AS covers, 0.0 AS relevance, 0.0 AS score"
            f" FROM services s INDEXED BY ix_services_search_name"
            f" WHERE {self.where.sql()}{condition}"
            " ORDER BY s.name COLLATE NOCASE, s.id LIMIT ?"
        )
        params = (*covers_params, *self.where.params, *extra, limit)
        return list(conn.exec_driver_sql(sql, params).all())
