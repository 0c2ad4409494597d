"""The supervisor's view's extra figures in the period report: calls by London hour and
weekday, the first-contact-resolution rate week by week, enquiries by adviser, callers
who rang more than once, and the texts and e-mails sent through Notify.

Hours, weekdays and weeks are London's. SQLite has no time zones, so both databases group
the calls by UTC hour (a few thousand groups for a year, not a million rows) and each hour
is turned into London time here: London's offset from UTC is always a whole number of
hours, so every UTC hour lies inside exactly one London hour, on exactly one London day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, case, func, select

from frontdesk.core.enquiry import EventKind, Outcome
from frontdesk.hub import schema as t
from frontdesk.hub.enquiries.caller_history import name_key

JsonObject = dict[str, Any]
LONDON = ZoneInfo("Europe/London")
#: The hub's delivery statuses (notify.sender) as the report counts them.
_PENDING = ("queued", "sending")
_DELIVERED = ("delivered",)
_STATUS_KINDS = ("sent", "delivered", "failed", "pending")
MESSAGE_CHANNELS = ("sms", "email")


def _utc_hour(conn: Connection, moment: Any) -> Any:
    if conn.dialect.name == "postgresql":
        return func.date_trunc("hour", func.timezone("UTC", moment))
    return func.strftime("%Y-%m-%d %H:00:00", moment)


def _as_utc(value: Any) -> dt.datetime:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=dt.UTC)


def rate(resolved: int, with_outcome: int) -> float | None:
    return round(resolved / with_outcome, 4) if with_outcome else None


def time_figures(conn: Connection, scope: Any, started: Any) -> JsonObject:
    """by_hour, by_weekday and fcr_by_week for the enquiries `scope` keeps."""
    e = t.enquiries.c
    resolved = Outcome.RESOLVED_AT_FIRST_CONTACT.value
    kind = case((e.outcome == resolved, "r"), (e.outcome.is_not(None), "o"), else_="n")
    hour = _utc_hour(conn, started)
    rows = conn.execute(
        scope(select(hour.label("hour"), e.channel, kind.label("kind"), func.count())).group_by(
            hour, e.channel, kind
        )
    )
    by_hour: dict[int, Counter[str]] = defaultdict(Counter)
    by_weekday: dict[int, Counter[str]] = defaultdict(Counter)
    weeks: dict[dt.date, Counter[str]] = defaultdict(Counter)
    london: dict[Any, dt.datetime] = {}  # a year has 8,760 hours but ~15 rows per hour
    for utc_hour, channel, outcome_kind, n in rows:
        local = london.get(utc_hour)
        if local is None:
            local = london[utc_hour] = _as_utc(utc_hour).astimezone(LONDON)
        channel = channel or "unknown"
        by_hour[local.hour][channel] += n
        by_weekday[local.isoweekday()][channel] += n
        week = weeks[local.date() - dt.timedelta(days=local.weekday())]
        week[outcome_kind] += n
    return {
        "by_hour": {str(h): dict(by_hour[h]) for h in sorted(by_hour)},
        "by_weekday": {str(d): dict(by_weekday[d]) for d in sorted(by_weekday)},
        "weeks": weeks,
    }


def fcr_by_week(weeks: dict[dt.date, Counter[str]], since: dt.date, until: dt.date) -> list[Any]:
    """Every London week (Monday first) overlapping since..until, calls or not."""
    monday = since - dt.timedelta(days=since.weekday())
    found = []
    while monday <= until:
        counts = weeks.get(monday, Counter())
        with_outcome = counts["r"] + counts["o"]
        found.append(
            {
                "week_start": monday.isoformat(),
                "resolved": counts["r"],
                "with_outcome": with_outcome,
                "rate": rate(counts["r"], with_outcome),
            }
        )
        monday += dt.timedelta(days=7)
    return found


def by_adviser(conn: Connection, scope: Any) -> dict[str, int]:
    """Enquiries by the account that pushed the op creating them (enquiries.account_id,
    set once when the row is made), labelled with its username."""
    e, a = t.enquiries.c, t.accounts.c
    rows = conn.execute(
        scope(
            select(a.name, func.count()).select_from(
                t.enquiries.join(t.accounts, a.id == e.account_id)
            )
        ).group_by(a.name)
    )
    return {str(name): int(n) for name, n in rows}


def repeat_callers(conn: Connection, scope: Any) -> dict[str, int]:
    """Consented callers with two or more enquiries `scope` keeps, and their enquiries.

    One caller is every enquiry of one organisation linked by any one identifier caller
    history matches on (telephone, e-mail, or name and postcode together), so a caller
    who gave a phone number once and an e-mail address with it later is still one caller.
    Details removed by retention or erasure match nothing, as in caller history."""
    e, c = t.enquiries.c, t.enquiry_callers.c
    rows = conn.execute(
        scope(
            select(e.id, e.organization_id, c.phone_key, c.email_key, c.name, c.postcode)
            .join_from(t.enquiries, t.enquiry_callers, e.id == c.enquiry_id)
            .where(c.purged_at.is_(None))
        )
    )
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    enquiries: list[str] = []
    for row in rows:
        keys = []
        if row.phone_key:
            keys.append(f"{row.organization_id}\x00p\x00{row.phone_key}")
        if row.email_key:
            keys.append(f"{row.organization_id}\x00e\x00{row.email_key}")
        if row.name and row.postcode:
            keys.append(f"{row.organization_id}\x00n\x00{name_key(row.name)}\x00{row.postcode}")
        if not keys:
            continue
        enquiry = f"\x01{row.id}"
        enquiries.append(enquiry)
        parent.setdefault(enquiry, enquiry)
        for key in keys:
            parent.setdefault(key, key)
            parent[root(key)] = root(enquiry)
    sizes = Counter(root(enquiry) for enquiry in enquiries)
    repeated = [n for n in sizes.values() if n >= 2]
    return {"callers": len(repeated), "enquiries": sum(repeated)}


def messages(
    conn: Connection, organization_id: str | None, start: dt.datetime, end: dt.datetime
) -> JsonObject:
    """Texts and e-mails asked for by "details sent" events timed inside the period, by
    the delivery status last known: sent (all of them) = delivered + failed + pending."""
    m, ev = t.outbound_messages.c, t.enquiry_events.c
    status = case(
        (m.status.in_(_PENDING), "pending"),
        (m.status.in_(_DELIVERED), "delivered"),
        else_="failed",
    )
    query = (
        select(m.channel, status.label("status"), func.count())
        .join_from(t.outbound_messages, t.enquiry_events, ev.id == m.id)
        .where(ev.kind == EventKind.DETAILS_SENT.value, ev.at >= start, ev.at < end)
        .group_by(m.channel, status)
    )
    if organization_id is not None:
        query = query.where(m.organization_id == organization_id)
    found = {channel: dict.fromkeys(_STATUS_KINDS, 0) for channel in MESSAGE_CHANNELS}
    for channel, kind, n in conn.execute(query):
        counts = found.setdefault(str(channel), dict.fromkeys(_STATUS_KINDS, 0))
        counts[kind] += n
        counts["sent"] += n
    return found
