"""The supervisor's view's figures in the period report — calls by London hour and
weekday, first-contact resolution week by week, enquiries by adviser, repeat callers and
messages sent — match counts made directly from generated enquiries pushed as desks push
them, on SQLite and PostgreSQL, with calls on the GMT and BST edges of London days."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from frontdesk.cli import main
from frontdesk.core.enquiry import Channel, Outcome
from frontdesk.hub import schema as t
from frontdesk.hub.enquiries.monthly_report import monthly_report
from tests.helpers.hub import Hub, event_op
from tests.helpers.referral_world import COUNCIL, OTHER_COUNCIL, World, make_world

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2025, 12, 15, 12, 0, tzinfo=dt.UTC)
ROLE_ORG = {"adviser": COUNCIL, "supervisor": COUNCIL, "other_supervisor": OTHER_COUNCIL}
FIRST = Outcome.RESOLVED_AT_FIRST_CONTACT.value
STATUSES = {
    "queued": "pending",
    "sending": "pending",
    "delivered": "delivered",
    "permanent-failure": "failed",
    "temporary-failure": "failed",
    "technical-failure": "failed",
    "rejected": "failed",
}
EDGES = (
    dt.datetime(2025, 10, 31, 23, 30, tzinfo=dt.UTC),  # 23:30 GMT, a Friday
    dt.datetime(2025, 8, 31, 22, 30, tzinfo=dt.UTC),  # 23:30 BST on Sunday 31 August
    dt.datetime(2025, 8, 31, 23, 30, tzinfo=dt.UTC),  # 00:30 BST on Monday 1 September
    dt.datetime(2025, 10, 26, 0, 30, tzinfo=dt.UTC),  # 01:30 BST, the night the clocks go back
    dt.datetime(2025, 10, 26, 1, 30, tzinfo=dt.UTC),  # 01:30 GMT, the same London hour again
)


@dataclass
class Person:
    """A caller: every call gives the phone number, or the e-mail address alone, or the
    name and postcode alone (written differently), as the person's `style` says."""

    number: int
    style: str  # phone | email | name

    def details(self, rng: random.Random) -> dict[str, Any]:
        if self.style == "email":
            return {
                "email": rng.choice([f"p{self.number}@example.org", f"P{self.number}@Example.ORG"])
            }
        if self.style == "name":
            name = rng.choice([f"Pat Caller{self.number}", f"  pat  CALLER{self.number}"])
            return {"name": name, "postcode": rng.choice(["hd1 2tg", "HD12TG"])}
        details: dict[str, Any] = {"phone": f"07700 900{self.number:03d}"}
        if rng.random() < 0.5:  # sometimes with an e-mail address too: still one caller
            details["email"] = f"phone{self.number}@example.org"
        return details


@dataclass
class Call:
    id: str
    role: str
    started: dt.datetime
    channel: str
    outcome: str | None = None
    person: Person | None = None
    purged: bool = False
    messages: list[tuple[str, str]] = field(default_factory=list)  # (channel, status)

    @property
    def org(self) -> str:
        return ROLE_ORG[self.role]

    @property
    def local(self) -> dt.datetime:
        return self.started.astimezone(LONDON)


class Desk:
    def __init__(self, world: World) -> None:
        self.world, self.seq = world, Counter[str]()

    def _op(self, role: str, call: Call, kind: str, data: dict[str, Any], minute: int) -> Any:
        self.seq[role] += 1
        n = self.seq[role]
        op = event_op(n, op_id=f"f-{role}-{n}", enquiry=call.id, event=f"f-{role}-ev-{n}")
        at = call.started + dt.timedelta(minutes=minute)
        op["payload"].update(kind=kind, data=data, at=at.isoformat())
        return op

    def push(self, call: Call, rng: random.Random) -> list[str]:
        created: dict[str, Any] = {"channel": call.channel, "started_at": call.started.isoformat()}
        if call.person is not None:
            created["caller"] = {**call.person.details(rng), "consent": True}
        ops = [self._op(call.role, call, "created", created, 0)]
        if call.outcome is not None:
            ops.append(self._op(call.role, call, "outcome set", {"outcome": call.outcome}, 2))
        for channel, _ in call.messages:
            to = "07700 900999" if channel == "sms" else "caller@example.org"
            data = {"service_id": "kirklees:svc-0", "channel": channel, "recipient": to}
            ops.append(self._op(call.role, call, "details sent", data, 5))
        results = self.world.push(call.role, ops, device=f"figures-{call.role}")
        assert {r["status"] for r in results} == {"applied"}, results
        sent = [op for op in ops if op["payload"]["kind"] == "details sent"]
        return [op["payload"]["event_id"] for op in sent]


def generate(world: World, count: int = 70, seed: int = 21) -> list[Call]:
    rng, desk, calls = random.Random(seed), Desk(world), []
    people = [Person(n, rng.choice(["phone", "phone", "email", "name"])) for n in range(12)]
    first = dt.datetime(2025, 8, 25, tzinfo=dt.UTC)
    statuses = list(STATUSES)
    for i in range(count):
        started = (
            EDGES[i] if i < len(EDGES) else first + dt.timedelta(minutes=rng.randrange(150_000))
        )
        call = Call(f"fig-{i}", rng.choice(list(ROLE_ORG)), started, rng.choice(list(Channel)))
        call.outcome = rng.choice([None, FIRST, FIRST, *(o.value for o in Outcome)])
        if rng.random() < 0.7:
            call.person = rng.choice(people)
        call.messages = [
            (rng.choice(["sms", "email"]), rng.choice(statuses)) for _ in range(rng.randrange(3))
        ]
        event_ids = desk.push(call, rng)
        with world.hub.engine.begin() as conn:
            m = t.outbound_messages.c
            for event_id, (_, status) in zip(event_ids, call.messages, strict=True):
                conn.execute(
                    update(t.outbound_messages).where(m.id == event_id).values(status=status)
                )
            if call.person is not None and rng.random() < 0.1:  # details purged: never matched
                call.purged = True
                c = t.enquiry_callers.c
                conn.execute(
                    update(t.enquiry_callers)
                    .where(c.enquiry_id == call.id)
                    .values(purged_at=NOW, name=None, phone=None, email=None)
                )
        calls.append(call)
    return calls


def expected(calls: list[Call], since: dt.date, until: dt.date, org: str | None) -> dict[str, Any]:
    chosen = [c for c in calls if since <= c.local.date() <= until and org in (None, c.org)]
    by_hour: dict[str, Counter[str]] = defaultdict(Counter)
    by_weekday: dict[str, Counter[str]] = defaultdict(Counter)
    for c in chosen:
        by_hour[str(c.local.hour)][c.channel] += 1
        by_weekday[str(c.local.isoweekday())][c.channel] += 1
    weeks = []
    monday = since - dt.timedelta(days=since.weekday())
    while monday <= until:
        week = [c for c in chosen if monday <= c.local.date() < monday + dt.timedelta(days=7)]
        resolved = sum(1 for c in week if c.outcome == FIRST)
        with_outcome = sum(1 for c in week if c.outcome is not None)
        rate = round(resolved / with_outcome, 4) if with_outcome else None
        weeks.append(
            {
                "week_start": monday.isoformat(),
                "resolved": resolved,
                "with_outcome": with_outcome,
                "rate": rate,
            }
        )
        monday += dt.timedelta(days=7)
    callers = Counter((c.org, c.person.number) for c in chosen if c.person and not c.purged)
    repeated = [n for n in callers.values() if n >= 2]
    messages = {
        ch: dict.fromkeys(("sent", "delivered", "failed", "pending"), 0) for ch in ("sms", "email")
    }
    for c in calls:  # a message's time is its event's: five minutes after the call began
        day = (c.started + dt.timedelta(minutes=5)).astimezone(LONDON).date()
        if since <= day <= until and org in (None, c.org):
            for channel, status in c.messages:
                messages[channel]["sent"] += 1
                messages[channel][STATUSES[status]] += 1
    return {
        "by_hour": {h: dict(n) for h, n in by_hour.items()},
        "by_weekday": {d: dict(n) for d, n in by_weekday.items()},
        "fcr_by_week": weeks,
        "by_adviser": dict(Counter(c.role for c in chosen)) if org else None,
        "repeat_callers": {"callers": len(repeated), "enquiries": sum(repeated)},
        "messages": messages,
    }


@pytest.fixture
def world(hub: Hub) -> World:
    return make_world(hub)


PERIODS = [
    (dt.date(2025, 8, 31), dt.date(2025, 8, 31)),  # a Sunday: one week, starting the 25th
    (dt.date(2025, 9, 1), dt.date(2025, 9, 30)),
    (dt.date(2025, 10, 1), dt.date(2025, 10, 31)),
    (dt.date(2025, 10, 26), dt.date(2025, 10, 26)),  # 25 hours long in London
    (dt.date(2025, 11, 1), dt.date(2025, 11, 30)),
    (dt.date(2025, 8, 25), dt.date(2025, 12, 31)),
]


def test_the_new_figures_match_counts_made_from_the_generated_enquiries(world: World) -> None:
    calls = generate(world)
    for since, until in PERIODS:
        for org in (None, COUNCIL, OTHER_COUNCIL):
            figures = monthly_report(world.hub.engine, since, until, org, now=NOW)
            want = expected(calls, since, until, org)
            assert {k: figures[k] for k in want} == want, (since, until, org)
    whole = expected(calls, *PERIODS[-1], None)
    # Every kind of figure was exercised by the generated data.
    assert whole["repeat_callers"]["callers"] >= 3
    assert all(whole["messages"][ch]["sent"] > 0 for ch in ("sms", "email"))
    assert len(whole["by_hour"]) >= 12 and len(whole["by_weekday"]) == 7
    assert any(c.purged for c in calls)


def test_hours_weekdays_and_weeks_are_londons(world: World) -> None:
    desk, rng = Desk(world), random.Random(1)
    for i, started in enumerate(EDGES):
        desk.push(Call(f"edge-{i}", "adviser", started, "phone", FIRST), rng)
    figures = monthly_report(
        world.hub.engine, dt.date(2025, 8, 31), dt.date(2025, 10, 31), COUNCIL, now=NOW
    )
    # 23:30 (twice), 00:30 and 01:30 twice (the hour the clocks go back repeats)
    assert figures["by_hour"] == {"23": {"phone": 2}, "0": {"phone": 1}, "1": {"phone": 2}}
    # Sunday 31 Aug and Sunday 26 Oct (x2), Monday 1 Sep, Friday 31 Oct
    assert figures["by_weekday"] == {"7": {"phone": 3}, "1": {"phone": 1}, "5": {"phone": 1}}
    weeks = {w["week_start"]: w["resolved"] for w in figures["fcr_by_week"]}
    assert weeks["2025-08-25"] == 1 and weeks["2025-09-01"] == 1
    assert weeks["2025-10-20"] == 2 and weeks["2025-10-27"] == 1
    assert figures["fcr_by_week"][0]["week_start"] == "2025-08-25"  # overlaps since
    assert figures["fcr_by_week"][-1]["week_start"] == "2025-10-27"
    assert figures["by_adviser"] == {"adviser": 5}


def test_the_command_prints_the_new_figures(
    hub: Hub, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FRONTDESK_HUB_DB", db_url)
    world = make_world(hub)
    calls = generate(world, count=25)
    args = ["hub", "report", "--since", "2025-08-01", "--until", "2025-12-31", "--org", COUNCIL]
    assert main([*args, "--stale-hours", "2", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    want = expected(calls, dt.date(2025, 8, 1), dt.date(2025, 12, 31), COUNCIL)
    assert {k: printed[k] for k in want} == want
    assert printed["estate"]["stale_after_hours"] == 2
    assert main(args) == 0
    text = capsys.readouterr().out
    repeat = want["repeat_callers"]
    assert f"repeat callers: {repeat['callers']} ({repeat['enquiries']} enquiries)" in text
    sms = want["messages"]["sms"]
    assert f"sms: sent {sms['sent']}, delivered {sms['delivered']}" in text
    advisers = want["by_adviser"]
    assert f"by adviser: adviser: {advisers['adviser']}" in text
    first = want["fcr_by_week"][0]
    assert f"week of {first['week_start']}: resolved at first contact {first['resolved']}" in text
    # Both desks pushed during the test, long after the generated calls' `now`: none stale.
    assert "desks: 2, not heard from for 24 hours: 0" in text
    assert main([*args, "--stale-hours", "0"]) == 1
    assert "--stale-hours must be at least 1" in capsys.readouterr().err
