"""The supervisor's period report computed from this desk's own log (desk.db).

The same keys and meanings as the hub's report (`hub.enquiries.monthly_report`), so the
dashboard and the printed report draw either one: counts by outcome, channel, reason,
service and agency; calls by London hour of day and ISO weekday; the first-contact
resolution rate overall and week by week; handling-time percentiles; open referrals by
days waited; repeat callers; texts and e-mails by delivery status. No estate: a desk
knows only itself.

The period is whole London calendar days. SQLite has no time zones, so the calls are
counted in SQL per UTC hour (by channel, and by how the call ended), and each hourly
bucket is then placed in its London hour, day and week here: London's offset from UTC is
always a whole number of hours, so a UTC hour lies inside exactly one London hour. The
counts read only the columns of the started_at index (desk migration 6); the services,
repeat callers and messages need the rows themselves.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, case, func, literal, select, text

from frontdesk.core.enquiry import EventKind, Outcome, ReferralStatus
from frontdesk.store import desk_schema as t
from frontdesk.store.desk import DeskStore
from frontdesk.store.desk_report_callers import repeat_callers
from frontdesk.store.enquiry_rules import stamp

JsonObject = dict[str, Any]
LONDON = ZoneInfo("Europe/London")
AGE_BUCKETS = (("0-2", 0, 2), ("3-7", 3, 7), ("8-30", 8, 30), ("over-30", 31, None))
PERCENTILES = (50, 90)
#: Maps referral service ids to the organisation that delivers each (from the catalogue).
AgencyOf = Callable[[Iterable[str]], dict[str, str]]
_OPEN = [s.value for s in ReferralStatus if not s.is_closed]
_DELIVERED = "delivered"
_FAILED = frozenset(
    {"rejected", "permanent-failure", "temporary-failure", "technical-failure", "failed"}
)


def period(since: dt.date, until: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants [start, end) of the London calendar days since..until inclusive."""
    if until < since:
        raise ValueError("--until is before --since")
    start = dt.datetime.combine(since, dt.time(), LONDON)
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), LONDON)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def desk_report(
    desk: DeskStore,
    since: dt.date,
    until: dt.date,
    *,
    agency_of: AgencyOf | None = None,
    now: dt.datetime | None = None,
) -> JsonObject:
    """The report's figures for London days since..until inclusive, from one read
    transaction of desk.db. `agency_of` names each referral's agency; without it (or for
    a service the catalogue no longer has) a referral counts as "unrouted"."""
    start, end = period(since, until)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    lo, hi = stamp(start), stamp(end)
    e = t.enquiries.c
    inside = (e.started_at >= lo) & (e.started_at < hi)
    with desk.engine.connect() as conn, conn.begin():
        by_outcome = _counts(conn, func.coalesce(e.outcome, "none"), inside)
        by_reason = _counts(conn, func.coalesce(e.reason, "none"), inside)
        # The figures read from the rows themselves (JSON columns) find them through the
        # index for a short period; for a long one (over a fifth of the log) reading the
        # table straight through beats a look-up per call, and SQLite cannot tell which:
        # an expression on started_at keeps it off the index.
        logged = conn.scalar(select(func.count()).select_from(t.enquiries)) or 0
        scan = sum(by_outcome.values()) * 5 > logged
        when = func.coalesce(e.started_at, "") if scan else e.started_at
        rows = (when >= lo) & (when < hi)
        services = _json_counts(conn, "$.service_ids", lo, hi, scan=scan)
        referred = _counts(
            conn,
            func.json_extract(e.summary, "$.referral_service_id"),
            rows & func.json_extract(e.summary, "$.referral_service_id").is_not(None),
        )
        figures: JsonObject = {
            "since": since.isoformat(),
            "until": until.isoformat(),
            "time_zone": "Europe/London",
            "organization_id": None,
            "source": "desk",
            "enquiries": sum(by_outcome.values()),
            "by_outcome": by_outcome,
            "by_channel": _counts(conn, e.channel, inside),
            **_by_time(conn, inside, start, end),
            "first_contact_resolution": _overall(by_outcome),
            "by_reason": by_reason,
            "by_service": services,
            "referrals_by_agency": _agencies(referred, agency_of),
            "duration_seconds": _spread(conn, e.duration_seconds, inside),
            "wrap_up_seconds": _spread(conn, e.wrap_up_seconds, inside),
            "open_referrals_by_age_days": {"as_at": now.isoformat(), **_ageing(conn, hi, now)},
            "repeat_callers": repeat_callers(conn, rows),
            "messages": _messages(conn, lo, hi),
        }
    return figures


# -- calls by time ----------------------------------------------------------------------

Hourly = list[tuple[dt.datetime, str, int]]
#: How an outcome counts toward first-contact resolution (the hourly rows carry only this).
_RESOLVED, _OTHER, _NONE = "resolved", "other", "none"


def _hourly(conn: Connection, inside: Any, key: Any) -> Hourly:
    """(UTC hour, key, calls) for every hour with calls."""
    hour = func.substr(t.enquiries.c.started_at, 1, 13).label("hour")
    rows = conn.execute(
        select(hour, key.label("key"), func.count()).where(inside).group_by(hour, "key")
    )
    return [(_utc_hour(h), str(k), int(n)) for h, k, n in rows]


def _utc_hour(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{text}:00:00+00:00")


def _by_time(conn: Connection, inside: Any, start: dt.datetime, end: dt.datetime) -> JsonObject:
    e = t.enquiries.c
    resolved = Outcome.RESOLVED_AT_FIRST_CONTACT.value
    fcr_class = case((e.outcome == resolved, _RESOLVED), (e.outcome.is_(None), _NONE), else_=_OTHER)
    local: dict[dt.datetime, dt.datetime] = {}  # each UTC hour converted once

    def london(hour: dt.datetime) -> dt.datetime:
        if hour not in local:
            local[hour] = hour.astimezone(LONDON)
        return local[hour]

    by_hour: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_weekday: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for utc_hour, channel, n in _hourly(conn, inside, e.channel):
        moment = london(utc_hour)
        by_hour[str(moment.hour)][channel] += n
        by_weekday[str(moment.isoweekday())][channel] += n
    weeks: defaultdict[dt.date, Counter[str]] = defaultdict(Counter)
    for utc_hour, kind, n in _hourly(conn, inside, fcr_class):
        day = london(utc_hour).date()
        weeks[day - dt.timedelta(days=day.weekday())][kind] += n
    first_local = start.astimezone(LONDON).date()
    last_local = (end - dt.timedelta(microseconds=1)).astimezone(LONDON).date()
    week = first_local - dt.timedelta(days=first_local.weekday())
    fcr_by_week = []
    while week <= last_local:
        done = weeks[week]
        with_outcome = done[_RESOLVED] + done[_OTHER]
        fcr_by_week.append(_fcr(done[_RESOLVED], with_outcome, week))
        week += dt.timedelta(days=7)
    return {
        "by_hour": {h: dict(c) for h, c in sorted(by_hour.items(), key=lambda kv: int(kv[0]))},
        "by_weekday": {d: dict(c) for d, c in sorted(by_weekday.items())},
        "fcr_by_week": fcr_by_week,
    }


def _overall(by_outcome: dict[str, int]) -> JsonObject:
    with_outcome = sum(n for k, n in by_outcome.items() if k != "none")
    return _fcr(by_outcome.get(Outcome.RESOLVED_AT_FIRST_CONTACT.value, 0), with_outcome, None)


def _fcr(resolved: int, with_outcome: int, week: dt.date | None) -> JsonObject:
    row: JsonObject = {} if week is None else {"week_start": week.isoformat()}
    rate = round(resolved / with_outcome, 4) if with_outcome else None
    return row | {"resolved": resolved, "with_outcome": with_outcome, "rate": rate}


# -- counts -----------------------------------------------------------------------------


def _counts(conn: Connection, key: Any, where: Any) -> dict[str, int]:
    label = key.label("key")
    rows = conn.execute(select(label, func.count()).where(where).group_by(label))
    return {str(k): int(n) for k, n in rows}


def _json_counts(conn: Connection, path: str, lo: str, hi: str, *, scan: bool) -> dict[str, int]:
    """Counts of the values of a JSON list in the enquiries' summary (json_each)."""
    # The unary plus keeps SQLite off the index (a straight read of the table).
    when = "+e.started_at" if scan else "e.started_at"
    rows = conn.execute(
        text(
            "SELECT j.value, count(*) FROM enquiries AS e, json_each(e.summary, :path) AS j "
            f"WHERE {when} >= :lo AND {when} < :hi GROUP BY j.value"
        ),
        {"path": path, "lo": lo, "hi": hi},
    )
    return {str(k): int(n) for k, n in rows}


def _agencies(referred: dict[str, int], agency_of: AgencyOf | None) -> dict[str, int]:
    owners = agency_of(referred) if agency_of is not None else {}
    counts: Counter[str] = Counter()
    for service, n in referred.items():
        counts[owners.get(service) or "unrouted"] += n
    return dict(counts)


def _spread(conn: Connection, column: Any, inside: Any) -> JsonObject:
    """How many calls have the figure, its mean (whole seconds) and its percentiles by
    nearest rank, each read by SQLite as the row at its rank (no 100,000-row fetch)."""
    where = (inside, column.is_not(None))
    count, total = conn.execute(select(func.count(), func.sum(column)).where(*where)).one()
    count = int(count)
    spread: JsonObject = {"calls": count, "mean": round(total / count) if count else None}
    for pct in PERCENTILES:
        rank = max(1, -(-pct * count // 100))
        value = conn.scalar(select(column).where(*where).order_by(column).offset(rank - 1).limit(1))
        spread[f"p{pct}"] = None if value is None else int(value)
    return spread


def _ageing(conn: Connection, hi: str, now: dt.datetime) -> dict[str, int]:
    """Referrals still open now, made before the period's end, by whole days waited."""
    ev, e = t.enquiry_events.c, t.enquiries.c
    made_at = (
        select(ev.enquiry_id, func.max(ev.at).label("at"))
        .where(ev.kind == EventKind.REFERRAL_SENT.value)
        .group_by(ev.enquiry_id)
        .subquery()
    )
    made = (
        select(made_at.c.at)
        .join_from(made_at, t.enquiries, e.id == made_at.c.enquiry_id)
        .where(e.referral_status.in_(_OPEN), made_at.c.at < hi)
        .subquery()
        .c.at
    )
    sums = []
    for _, low, high in AGE_BUCKETS:
        cond = made <= stamp(now - dt.timedelta(days=low))
        if high is not None:
            cond = cond & (made > stamp(now - dt.timedelta(days=high + 1)))
        sums.append(func.coalesce(func.sum(case((cond, 1), else_=0)), literal(0)))
    row = conn.execute(select(*sums)).one()
    return {label: int(n) for (label, _, _), n in zip(AGE_BUCKETS, row, strict=True)}


def _messages(conn: Connection, lo: str, hi: str) -> JsonObject:
    """Details sent in the period (by the request's time), by last known delivery status."""
    s, ev = t.sent_details.c, t.enquiry_events.c
    rows = conn.execute(
        select(s.channel, s.status, func.count())
        .join_from(t.sent_details, t.enquiry_events, ev.id == s.event_id)
        .where(ev.at >= lo, ev.at < hi)
        .group_by(s.channel, s.status)
    )
    out: dict[str, Counter[str]] = {}
    for channel, status, n in rows:
        tally = out.setdefault(str(channel), Counter(sent=0, delivered=0, failed=0, pending=0))
        tally["sent"] += n
        if status == _DELIVERED:
            tally["delivered"] += n
        elif status in _FAILED:
            tally["failed"] += n
        else:
            tally["pending"] += n
    return {channel: dict(tally) for channel, tally in sorted(out.items())}
