"""Data-quality figures from record reports, each one aggregate query: open reports by
owning agency and age, how long fixes take, and the records reported most.

Ages are counted from a group's first report; "time to fix" is from the first report to
the agency marking it fixed (closures by the source itself are counted apart, since
nobody acted on the report).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, case, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.core.record_report import ReportStatus
from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import is_postgres, reading

_g, _r, _s, _l = (
    t.record_report_groups,
    t.record_reports,
    t.services,
    t.organization_catalogue_links,
)
MOST_REPORTED = 10
UNROUTED = "(no agency linked)"


def record_report_stats(engine: Engine, now: dt.datetime | None = None) -> dict[str, Any]:
    at = now or utcnow()
    with reading(engine) as conn:
        return {
            "generated_at": at.isoformat(),
            "open_by_agency": _open_by_agency(conn, at),
            "closed": _closed(conn),
            "time_to_fix_days": _time_to_fix(conn),
            "most_reported": _most_reported(conn),
        }


def _owned() -> Any:
    """Groups with the hub organisation that owns the reported record (NULL: none)."""
    return _g.outerjoin(_s, _s.c.id == _g.c.service_id).outerjoin(
        _l, _l.c.catalogue_org_id == _s.c.organization_id
    )


def _open_by_agency(conn: Connection, now: dt.datetime) -> list[dict[str, Any]]:
    week, month = now - dt.timedelta(days=7), now - dt.timedelta(days=30)
    first = _g.c.first_reported_at
    owner = func.coalesce(_l.c.organization_id, literal(UNROUTED)).label("owner")
    query = (
        select(
            owner,
            func.count().label("open"),
            func.sum(case((first >= week, 1), else_=0)).label("under_7_days"),
            func.sum(case((first < week, case((first >= month, 1), else_=0)), else_=0)).label(
                "from_7_to_30_days"
            ),
            func.sum(case((first < month, 1), else_=0)).label("over_30_days"),
            func.min(first).label("oldest"),
        )
        .select_from(_owned())
        .where(_g.c.open_key.is_not(None))
        .group_by(owner)
        .order_by(func.count().desc(), owner)
    )
    return [
        {
            "agency": row.owner,
            "open": row.open,
            "under_7_days": int(row.under_7_days or 0),
            "from_7_to_30_days": int(row.from_7_to_30_days or 0),
            "over_30_days": int(row.over_30_days or 0),
            "oldest_first_reported_at": _stamp(row.oldest),
        }
        for row in conn.execute(query)
    ]


def _closed(conn: Connection) -> dict[str, int]:
    query = (
        select(_g.c.status, func.count())
        .where(_g.c.open_key.is_(None))
        .group_by(_g.c.status)
        .order_by(_g.c.status)
    )
    return {str(status): int(count) for status, count in conn.execute(query)}


def _days_between(conn: Connection, start: Any, end: Any) -> ColumnElement[Any]:
    if is_postgres(conn):
        return func.extract("epoch", end - start) / 86400.0
    return func.julianday(end) - func.julianday(start)


def _time_to_fix(conn: Connection) -> dict[str, Any]:
    days = _days_between(conn, _g.c.first_reported_at, _g.c.closed_at)
    row = conn.execute(
        select(func.count(), func.avg(days), func.max(days)).where(
            _g.c.status == ReportStatus.FIXED.value
        )
    ).one()
    count, mean, longest = row
    return {
        "fixed": int(count),
        "mean": round(float(mean), 1) if mean is not None else None,
        "longest": round(float(longest), 1) if longest is not None else None,
    }


def _most_reported(conn: Connection) -> list[dict[str, Any]]:
    reports = func.count(_r.c.id)
    open_now = func.count(func.distinct(case((_g.c.open_key.is_not(None), _g.c.id))))
    query = (
        select(_g.c.service_id, func.max(_s.c.name).label("name"), reports, open_now)
        .select_from(
            _g.join(_r, _r.c.group_id == _g.c.id).outerjoin(_s, _s.c.id == _g.c.service_id)
        )
        .group_by(_g.c.service_id)
        .order_by(reports.desc(), _g.c.service_id)
        .limit(MOST_REPORTED)
    )
    return [
        {"service_id": service_id, "service_name": name, "reports": int(n), "open": int(o)}
        for service_id, name, n, o in conn.execute(query)
    ]


def _stamp(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite gives MIN() of a time column back as text
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return str(value.astimezone(dt.UTC).isoformat())
