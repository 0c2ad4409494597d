"""The supervisor's period report as data (`frontdesk hub report --json`): counts by
outcome, channel, reason, service and agency, the first-contact-resolution rate,
handling-time percentiles and how long open referrals have waited.

The period is whole calendar days in Europe/London, as a council's month is: a call at
23:30 on 31 October (GMT) or 31 August (BST) belongs to that day, whatever UTC says.
Counts are aggregate queries on PostgreSQL and SQLite alike. Two figures are not summed
in SQL, on purpose: the percentiles (SQLite has no percentile function, so the durations
column alone is fetched, sorted by the database, and ranked here) and the services
(the linked list is rebuilt from link and amendment events by `services_of`, the same
rule the exports use, so the two never disagree).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, case, func, literal, select

from frontdesk.core.enquiry import Outcome, ReferralStatus
from frontdesk.hub import schema as t
from frontdesk.hub.db import reading
from frontdesk.hub.enquiries import report_figures
from frontdesk.hub.enquiries.report_services import linked_services
from frontdesk.hub.enquiries.reports import EnquiryFilter, filtered
from frontdesk.hub.record_reports.stats import record_report_stats
from frontdesk.hub.sync.desk_state import DEFAULT_STALE_HOURS, estate

JsonObject = dict[str, Any]
LONDON = ZoneInfo("Europe/London")
#: Open referrals by whole days waited: (label, fewest days, most days or None).
AGE_BUCKETS = (("0-2", 0, 2), ("3-7", 3, 7), ("8-30", 8, 30), ("over-30", 31, None))
PERCENTILES = (50, 90)
_OPEN = [s.value for s in ReferralStatus if not s.is_closed]
#: Keeps a query (over the enquiries table) to the report's organisation and period.
Scope = Callable[[Any], Any]


def period(since: dt.date, until: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants [start, end) of the London calendar days since..until inclusive."""
    if until < since:
        raise ValueError("--until is before --since")
    start = dt.datetime.combine(since, dt.time(), LONDON)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), LONDON)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def _facts(column: Any, scope: Scope) -> Any:
    """One of the call's facts (revision 0011) of the period's enquiries, as `value`."""
    return scope(select(column.label("value"))).subquery()


def _counts(conn: Connection, column: Any, scope: Scope, blank: str) -> dict[str, int]:
    key = func.coalesce(column, blank)
    rows = conn.execute(scope(select(key, func.count())).group_by(key))
    return {str(key): int(n) for key, n in rows}


def nearest_rank(ordered: list[int], pct: int) -> int | None:
    """The pct-th percentile by nearest rank: a value some call really took."""
    if not ordered:
        return None
    return ordered[max(1, math.ceil(pct / 100 * len(ordered))) - 1]


def percentiles(conn: Connection, facts: Any, *, in_sql: bool | None = None) -> JsonObject:
    """The count and nearest-rank percentiles of `facts.c.value` (NULLs left out): by
    PostgreSQL's percentile_disc, which picks the same rank (the first value at or past
    fraction f of the ordered values: rank ceil(f * n)), or on SQLite, which has no
    percentile function, by fetching the sorted values and ranking them here."""
    value = facts.c.value
    if in_sql is None:
        in_sql = conn.dialect.name == "postgresql"
    if in_sql:
        ranks = [func.percentile_disc(p / 100).within_group(value) for p in PERCENTILES]
        n, *found = conn.execute(select(func.count(value), *ranks)).one()
        return {"calls": int(n), **{f"p{p}": v for p, v in zip(PERCENTILES, found, strict=True)}}
    values = [
        int(v) for (v,) in conn.execute(select(value).where(value.is_not(None)).order_by(value))
    ]
    return {"calls": len(values), **{f"p{p}": nearest_rank(values, p) for p in PERCENTILES}}


def _ageing(conn: Connection, org: str | None, end: dt.datetime, now: dt.datetime) -> JsonObject:
    """Referrals still open now, made before the period's end, by whole days waited."""
    r = t.referrals.c
    query = select(r.created_at).where(r.status.in_(_OPEN), r.created_at < end)
    if org is not None:
        query = query.where(r.from_organization_id == org)
    made = query.subquery().c.created_at
    sums = []
    for _, low, high in AGE_BUCKETS:
        # `days` whole days waited  <=>  now - (days+1) < created_at <= now - days
        cond = made <= now - dt.timedelta(days=low)
        if high is not None:
            cond = cond & (made > now - dt.timedelta(days=high + 1))
        sums.append(func.coalesce(func.sum(case((cond, 1), else_=0)), literal(0)))
    row = conn.execute(select(*sums)).one()
    return {label: int(n) for (label, _, _), n in zip(AGE_BUCKETS, row, strict=True)}


def monthly_report(
    engine: Engine,
    since: dt.date,
    until: dt.date,
    organization_id: str | None = None,
    now: dt.datetime | None = None,
    stale_hours: int = DEFAULT_STALE_HOURS,
) -> JsonObject:
    """The report's figures for London days since..until inclusive, one organisation's
    or every one's (None), read in one transaction so they agree with each other.
    Enquiries by adviser are given for one organisation only (None for the whole hub):
    advisers are compared with their own colleagues, never across organisations."""
    start, end = period(since, until)
    now = now or dt.datetime.now(dt.UTC)
    e = t.enquiries.c
    where = EnquiryFilter(organization_id, start, end)
    ids = filtered(select(e.id), where).subquery()

    def scope(query: Any) -> Any:
        return filtered(query, where)

    with reading(engine) as conn:
        if conn.dialect.name == "postgresql":
            # The report reads a period's enquiries' events through indexes; PostgreSQL's
            # default cost of a random read is a spinning disk's, which made it read every
            # event of a kind instead, for a month as for a year. Each statement is also
            # planned for its own period: psycopg prepares a statement run 5 times, and a
            # plan made for one period length is wrong for another (bench/hub/README.md).
            conn.exec_driver_sql("SET LOCAL random_page_cost = 1.1")
            conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")
        by_outcome = _counts(conn, e.outcome, scope, "none")
        r = t.referrals.c
        agencies = conn.execute(
            select(func.coalesce(r.to_organization_id, "unrouted").label("key"), func.count())
            .where(r.enquiry_id.in_(select(ids.c.id)))
            .group_by("key")
        )
        figures: JsonObject = {
            "since": since.isoformat(),
            "until": until.isoformat(),
            "time_zone": "Europe/London",
            "organization_id": organization_id,
            "enquiries": sum(by_outcome.values()),
            "by_outcome": by_outcome,
            "by_channel": _counts(conn, e.channel, scope, "unknown"),
            "by_reason": _counts(conn, e.reason, scope, "none"),
            "by_service": linked_services(conn, ids),
            "referrals_by_agency": {str(k): int(n) for k, n in agencies},
            "duration_seconds": percentiles(conn, _facts(e.duration_seconds, scope)),
            "wrap_up_seconds": percentiles(conn, _facts(e.wrap_up_seconds, scope)),
            "open_referrals_by_age_days": {
                "as_at": now.isoformat(),
                **_ageing(conn, organization_id, end, now),
            },
        }
        times = report_figures.time_figures(conn, scope, _started_at())
        weeks = times.pop("weeks")
        figures.update(times)
        figures["fcr_by_week"] = report_figures.fcr_by_week(weeks, since, until)
        figures["by_adviser"] = (
            report_figures.by_adviser(conn, scope) if organization_id is not None else None
        )
        figures["repeat_callers"] = report_figures.repeat_callers(conn, scope)
        figures["messages"] = report_figures.messages(conn, organization_id, start, end)
    with_outcome = sum(n for k, n in by_outcome.items() if k != "none")
    first = by_outcome.get(Outcome.RESOLVED_AT_FIRST_CONTACT.value, 0)
    figures["first_contact_resolution"] = {
        "resolved": first,
        "with_outcome": with_outcome,
        "rate": report_figures.rate(first, with_outcome),
    }
    figures["record_reports"] = _record_quality(engine, organization_id, now)
    figures["estate"] = estate(engine, organization_id, now, stale_hours)
    return figures


def _started_at() -> Any:
    e = t.enquiries.c
    return func.coalesce(e.started_at, e.created_at)


def _record_quality(engine: Engine, organization_id: str | None, now: dt.datetime) -> JsonObject:
    """The catalogue's data quality as advisers report it (hub.record_reports.stats), as
    things stand now, not over the period: for one organisation, only the open reports on
    the records it owns; for the whole hub, every figure."""
    quality = record_report_stats(engine, now)
    if organization_id is None:
        return quality
    own = [row for row in quality["open_by_agency"] if row["agency"] == organization_id]
    return {"generated_at": quality["generated_at"], "open_by_agency": own}
