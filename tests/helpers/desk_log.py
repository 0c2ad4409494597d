"""A desk log with known enquiries, and the report's figures counted from what was
generated (never from desk.db), for the desk report, the dashboard and the PDF tests.

The calls fall between late September and early December 2026 and include the edges
where London and UTC disagree: 23:30 on 30 September (BST: 22:30 UTC), 00:15 on
1 October (BST: still 30 September in UTC), 23:30 on 31 October (GMT, the clocks went
back on the 25th, in whose repeated hour one call falls) and 23:59 on 30 November.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.core.enquiry import Caller, Channel, EnquiryDraft, Outcome, ReferralStatus
from frontdesk.store.desk import DeskStore
from frontdesk.store.details_sent import send_details, set_status
from frontdesk.store.enquiries import EnquiryLog

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
REASONS = ("bins-missed", "council-tax", "housing-repair", None)
SERVICES = ("svc:bins", "svc:tax", "svc:repairs", "svc:food")
AGENCY = {"svc:bins": "org:council", "svc:tax": "org:council", "svc:repairs": "org:housing"}
CALLERS = (
    Caller(name="Joan Ash", phone="0161 912 2000", consent=True),
    Caller(name="joan  ash", phone="+44 161 912 2000", email="joan@example.org", consent=True),
    Caller(email="Joan@Example.org", consent=True),  # the same caller by e-mail
    Caller(name="Sam Birch", postcode="m33 7zg", consent=True),
    Caller(name="sam birch", postcode="M337ZG", consent=True),
    Caller(phone="0161 000 1111", consent=False),  # never counted: no consent
    Caller(phone="0161 555 0101", consent=True),  # once only
    Caller(),
)
STATUSES = ("delivered", "permanent-failure", "sending", "waiting to send", "delivered")


@dataclass
class Call:
    started: dt.datetime  # UTC
    channel: Channel
    outcome: Outcome | None
    reason: str | None
    services: tuple[str, ...]
    duration: int
    wrap_up: int | None
    caller: Caller
    referral: str | None = None
    referral_status: ReferralStatus | None = None
    messages: list[tuple[str, str]] = field(default_factory=list)  # (channel, status)


EDGES = (
    dt.datetime(2026, 9, 30, 23, 30, tzinfo=LONDON),  # BST: 22:30 UTC, still 30 September
    dt.datetime(2026, 10, 1, 0, 15, tzinfo=LONDON),  # BST: 23:15 UTC on 30 September
    dt.datetime(2026, 10, 31, 23, 30, tzinfo=LONDON),  # GMT: the last day of October
    dt.datetime(2026, 11, 1, 0, 5, tzinfo=LONDON),
    dt.datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=1),  # the repeated hour, GMT
    dt.datetime(2026, 11, 30, 23, 59, tzinfo=LONDON),
)


def generate(count: int = 160, seed: int = 18) -> list[Call]:
    rng = random.Random(seed)
    start = dt.datetime(2026, 9, 28, tzinfo=dt.UTC)
    moments = [e.astimezone(dt.UTC) for e in EDGES]
    moments += [start + dt.timedelta(seconds=rng.randrange(0, 66 * 86400)) for _ in range(count)]
    calls = []
    for at in moments:
        outcome = rng.choice([*Outcome, None])
        referral = None
        if outcome is Outcome.REFERRED:
            referral = rng.choice(SERVICES)
        calls.append(
            Call(
                started=at.replace(microsecond=0),
                channel=rng.choice(list(Channel)),
                outcome=outcome,
                reason=rng.choice(REASONS),
                services=tuple(rng.sample(SERVICES, rng.randrange(0, 3))),
                duration=rng.randrange(30, 1500),
                wrap_up=rng.choice([None, rng.randrange(0, 600)]),
                caller=rng.choice(CALLERS),
                referral=referral,
                referral_status=rng.choice(list(ReferralStatus)) if referral else None,
                messages=[
                    (rng.choice(("sms", "email")), rng.choice(STATUSES))
                    for _ in range(rng.choice((0, 0, 1, 2)))
                ],
            )
        )
    return calls


def write(desk: DeskStore, calls: list[Call]) -> None:
    log = EnquiryLog(desk)
    for call in calls:
        draft = EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=call.channel,
            started_at=call.started,
            caller=call.caller,
            service_ids=call.services,
            outcome=call.outcome,
            referral_service_id=call.referral,
            reason=call.reason,
        )
        saved_at = call.started + dt.timedelta(seconds=call.duration)
        saved = log.save(draft, now=saved_at)
        if call.wrap_up is not None:
            log.record_wrap_up(saved.id, now=saved_at + dt.timedelta(seconds=call.wrap_up))
        if call.referral_status is not None:
            log.set_referral_status(saved.id, call.referral_status, now=NOW)
        for channel, status in call.messages:
            to = "07700 900123" if channel == "sms" else "caller@example.org"
            sent = send_details(log, saved.id, "svc:bins", channel, to, now=saved_at)
            set_status(log, sent.event_id, status, None, NOW.isoformat())


def in_period(
    calls: list[Call], since: dt.date, until: dt.date, *, sent: bool = False
) -> list[Call]:
    """Calls started in the period (or, with `sent`, saved in it: details go at the save)."""

    def day(c: Call) -> dt.date:
        at = c.started + dt.timedelta(seconds=c.duration if sent else 0)
        return at.astimezone(LONDON).date()

    return [c for c in calls if since <= day(c) <= until]


def truth(calls: list[Call], since: dt.date, until: dt.date) -> dict[str, Any]:
    """The report's figures counted call by call from what was generated."""
    inside = in_period(calls, since, until)
    by_hour: defaultdict[str, Counter[str]] = defaultdict(Counter)
    by_weekday: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for c in inside:
        local = c.started.astimezone(LONDON)
        by_hour[str(local.hour)][c.channel.value] += 1
        by_weekday[str(local.isoweekday())][c.channel.value] += 1
    resolved = Outcome.RESOLVED_AT_FIRST_CONTACT
    weeks = []
    week = since - dt.timedelta(days=since.weekday())
    while week <= until:
        days = [c for c in inside if 0 <= (c.started.astimezone(LONDON).date() - week).days < 7]
        weeks.append(_fcr(days, resolved) | {"week_start": week.isoformat()})
        week += dt.timedelta(days=7)
    durations = sorted(c.duration for c in inside)
    wraps = sorted(c.wrap_up for c in inside if c.wrap_up is not None)
    messages: dict[str, Counter[str]] = {}
    for c in in_period(calls, since, until, sent=True):
        for channel, status in c.messages:
            tally = messages.setdefault(channel, Counter(sent=0, delivered=0, failed=0, pending=0))
            tally["sent"] += 1
            kind = {"delivered": "delivered", "permanent-failure": "failed"}.get(status, "pending")
            tally[kind] += 1
    return {
        "enquiries": len(inside),
        "by_outcome": dict(Counter(c.outcome.value if c.outcome else "none" for c in inside)),
        "by_channel": dict(Counter(c.channel.value for c in inside)),
        "by_reason": dict(Counter(c.reason or "none" for c in inside)),
        "by_service": dict(Counter(s for c in inside for s in c.services)),
        "referrals_by_agency": dict(
            Counter(AGENCY.get(c.referral, "unrouted") for c in inside if c.referral)
        ),
        "by_hour": {h: dict(n) for h, n in by_hour.items()},
        "by_weekday": {d: dict(n) for d, n in by_weekday.items()},
        "first_contact_resolution": _fcr(inside, resolved),
        "fcr_by_week": weeks,
        "duration_seconds": _spread(durations),
        "wrap_up_seconds": _spread(wraps),
        "repeat_callers": _repeat(inside),
        "messages": {k: dict(v) for k, v in messages.items()},
    }


def open_referral_ages(calls: list[Call], until: dt.date) -> dict[str, int]:
    end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time(), LONDON)
    ages: Counter[str] = Counter({"0-2": 0, "3-7": 0, "8-30": 0, "over-30": 0})
    for c in calls:
        made = c.started + dt.timedelta(seconds=c.duration)
        if c.referral_status is None or c.referral_status.is_closed or made >= end:
            continue
        days = (NOW - made).days
        label = "0-2" if days <= 2 else "3-7" if days <= 7 else "8-30" if days <= 30 else "over-30"
        ages[label] += 1
    return dict(ages)


def _fcr(calls: list[Call], resolved: Outcome) -> dict[str, Any]:
    first = sum(c.outcome is resolved for c in calls)
    with_outcome = sum(c.outcome is not None for c in calls)
    rate = round(first / with_outcome, 4) if with_outcome else None
    return {"resolved": first, "with_outcome": with_outcome, "rate": rate}


def _spread(values: list[int]) -> dict[str, Any]:
    def rank(pct: int) -> int | None:
        if not values:
            return None
        index = max(1, -(-pct * len(values) // 100)) - 1
        return values[index]

    mean = round(sum(values) / len(values)) if values else None
    return {"calls": len(values), "mean": mean, "p50": rank(50), "p90": rank(90)}


def _repeat(calls: list[Call]) -> dict[str, int]:
    """Written out by hand from CALLERS: the first three are one person (by number, then
    by e-mail), the next two another (name and postcode); the rest never repeat."""
    joan = sum(c.caller in CALLERS[0:3] for c in calls)
    sam = sum(c.caller in CALLERS[3:5] for c in calls)
    once = sum(c.caller == CALLERS[6] for c in calls)
    groups = [n for n in (joan, sam, once) if n >= 2]
    return {"callers": len(groups), "enquiries": sum(groups)}
