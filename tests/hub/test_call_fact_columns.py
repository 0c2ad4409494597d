"""The call's facts kept on `enquiries` (revision 0011): reason, duration_seconds and
wrap_up_seconds always equal what the enquiry's events say (`call_facts`: the last event
of each kind by time, then arrival), whichever way a push is applied — the PostgreSQL
batch or op by op — whether events come in time order or not, one request or many; and
the migration fills them for enquiries stored before it. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, insert, select

from frontdesk.hub import schema as t
from frontdesk.hub.db import create_hub_engine, writing
from frontdesk.hub.enquiries.call_facts import FACTS, call_facts
from frontdesk.hub.migrate import _config, current_revision, upgrade
from frontdesk.hub.sync.push import batch
from tests.helpers.hub import Hub, event_op

BASE = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.UTC)
#: (database, how the hub applies pushes): PostgreSQL's batch (SQLite has none) or op by op.
CASES = [
    pytest.param(("sqlite", "op by op"), id="sqlite-op by op"),
    pytest.param(("postgres", "batch"), id="postgres-batch", marks=pytest.mark.postgres),
    pytest.param(("postgres", "op by op"), id="postgres-op by op", marks=pytest.mark.postgres),
]
DATABASES = [
    pytest.param(("sqlite", ""), id="sqlite"),
    pytest.param(("postgres", ""), id="postgres", marks=pytest.mark.postgres),
]


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[str, str]:
    database, way = request.param
    return str(database), str(way)


@pytest.fixture
def db_url(case: tuple[str, str], request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if case[0] == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def way(case: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> str:
    """How the hub applies the pushes; op by op on PostgreSQL by turning the batch off."""
    database, how = case
    if database == "postgres" and how == "op by op":
        monkeypatch.setattr(batch.Batch, "apply", lambda *args: None)
    return how


class Desk:
    """One adviser's desk pushing ops in device order, a request at a time."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub
        self.headers = hub.adviser("alice", "kirklees")
        self.seq = 0

    def push(self, *events: tuple[str, str, str, int, dict[str, Any]]) -> None:
        """Each (enquiry, event id, kind, minutes after 10:00, data), in one request."""
        ops = []
        for enquiry, event, kind, minutes, data in events:
            self.seq += 1
            op = event_op(self.seq, enquiry=enquiry, event=event, kind=kind, data=data)
            op["payload"]["at"] = (BASE + dt.timedelta(minutes=minutes)).isoformat()
            ops.append(op)
        response = self.hub.client.post(
            "/sync/v1/push", json={"device_id": "d1", "ops": ops}, headers=self.headers
        )
        assert response.status_code == 200, response.text
        assert {r["status"] for r in response.json()["results"]} == {"applied"}


def _stored(engine: Engine) -> dict[str, dict[str, Any]]:
    e = t.enquiries.c
    with engine.connect() as conn:
        rows = conn.execute(select(e.id, *(e[name] for name in FACTS)).order_by(e.id))
        return {row.id: {name: row._mapping[name] for name in FACTS} for row in rows}


def _from_events(engine: Engine) -> dict[str, dict[str, Any]]:
    with engine.connect() as conn:
        ids = list(conn.scalars(select(t.enquiries.c.id).order_by(t.enquiries.c.id)))
        return call_facts(conn, ids)


def _created(enquiry: str, minutes: int = 0, seconds: int | None = 120) -> Any:
    data: dict[str, Any] = {"channel": "phone"}
    if seconds is not None:
        data["duration_seconds"] = seconds
    return (enquiry, f"{enquiry}-c", "created", minutes, data)


def _reason(enquiry: str, event: str, minutes: int, reason: str | None) -> Any:
    return (enquiry, event, "reason set", minutes, {"reason": reason})


def _wrap_up(enquiry: str, event: str, minutes: int, seconds: int) -> Any:
    return (enquiry, event, "wrap-up done", minutes, {"wrap_up_seconds": seconds})


def test_pushed_in_order_the_last_of_each_kind_is_kept(hub: Hub, way: str) -> None:
    desk = Desk(hub)
    desk.push(_created("e1", seconds=192), _reason("e1", "r1", 1, "missed-collection"))
    desk.push(_reason("e1", "r2", 5, "fly-tipping"), _wrap_up("e1", "w1", 9, 45))
    desk.push(_created("e2", seconds=None))  # a desk that sent no timings
    assert _stored(hub.engine) == {
        "e1": {"reason": "fly-tipping", "duration_seconds": 192, "wrap_up_seconds": 45},
        "e2": {"reason": None, "duration_seconds": None, "wrap_up_seconds": None},
    }
    assert _stored(hub.engine) == _from_events(hub.engine)


def test_an_event_older_than_the_one_kept_does_not_replace_it(hub: Hub, way: str) -> None:
    desk = Desk(hub)
    desk.push(_created("e1"), _reason("e1", "late", 9, "fly-tipping"))
    desk.push(_reason("e1", "early", 2, "missed-collection"))  # a later request, set earlier
    desk.push(_wrap_up("e1", "w-late", 20, 60), _wrap_up("e1", "w-early", 12, 30))
    assert _stored(hub.engine)["e1"] == {
        "reason": "fly-tipping",
        "duration_seconds": 120,
        "wrap_up_seconds": 60,
    }
    assert _stored(hub.engine) == _from_events(hub.engine)


def test_an_amended_reason_replaces_the_one_kept_and_can_take_it_away(hub: Hub, way: str) -> None:
    desk = Desk(hub)
    desk.push(_created("e1"), _reason("e1", "r1", 1, "missed-collection"))
    desk.push(_reason("e1", "r2", 30, "fly-tipping"))  # corrected half an hour later
    assert _stored(hub.engine)["e1"]["reason"] == "fly-tipping"
    desk.push(_reason("e1", "r3", 40, None))  # and then taken away
    assert _stored(hub.engine)["e1"]["reason"] is None
    assert _stored(hub.engine) == _from_events(hub.engine)


def test_events_at_the_same_time_are_ordered_by_arrival(hub: Hub, way: str) -> None:
    desk = Desk(hub)
    desk.push(_created("e1"), _reason("e1", "r-b", 5, "fly-tipping"))
    desk.push(_reason("e1", "r-a", 5, "missed-collection"))  # same time, arrived later
    assert _stored(hub.engine)["e1"]["reason"] == "missed-collection"
    assert _stored(hub.engine) == _from_events(hub.engine)


def test_an_enquiry_created_and_changed_in_one_request_keeps_its_last_facts(
    hub: Hub, way: str
) -> None:
    desk = Desk(hub)
    desk.push(
        _created("e1", seconds=300),
        _reason("e1", "r2", 8, "fly-tipping"),
        _reason("e1", "r1", 3, "missed-collection"),  # after it in the request, set before
        _wrap_up("e1", "w1", 10, 20),
        _created("e2", seconds=15),
        _reason("e2", "r3", 1, "council-tax"),
    )
    assert _stored(hub.engine) == {
        "e1": {"reason": "fly-tipping", "duration_seconds": 300, "wrap_up_seconds": 20},
        "e2": {"reason": "council-tax", "duration_seconds": 15, "wrap_up_seconds": None},
    }
    assert _stored(hub.engine) == _from_events(hub.engine)


@pytest.mark.parametrize("seed", range(4))
def test_any_order_and_grouping_of_pushes_agrees_with_the_events(
    hub: Hub, way: str, seed: int
) -> None:
    """Random calls' events, times shuffled against arrival, sent in requests of 1-6 ops."""
    rng = random.Random(seed)
    reasons = ["missed-collection", "fly-tipping", "council-tax", None]
    events: list[Any] = []
    for n in range(6):
        enquiry = f"e{n}"
        later: list[Any] = []
        for k in range(rng.randint(0, 5)):
            later.append(
                _reason(enquiry, f"{enquiry}-r{k}", rng.randint(0, 6), rng.choice(reasons))
            )
        for k in range(rng.randint(0, 3)):
            later.append(
                _wrap_up(enquiry, f"{enquiry}-w{k}", rng.randint(0, 6), rng.randint(0, 900))
            )
        rng.shuffle(later)
        events += [_created(enquiry, seconds=rng.choice([None, rng.randint(0, 3600)])), *later]
    desk = Desk(hub)
    while events:
        size = rng.randint(1, 6)
        desk.push(*events[:size])
        events = events[size:]
    assert _stored(hub.engine) == _from_events(hub.engine)


@pytest.mark.parametrize("case", DATABASES, indirect=True)
def test_the_migration_fills_the_facts_of_enquiries_stored_before_it(db_url: str) -> None:
    engine: Engine = create_hub_engine(db_url)
    try:
        with writing(engine) as conn:  # a fresh SQLite file, or PostgreSQL's migrated copy
            if current_revision(engine) is None:
                command.upgrade(_config(conn), "0010")
            else:
                command.downgrade(_config(conn), "0010")
        with writing(engine) as conn:
            conn.execute(insert(t.organizations).values(id="c", name="C", created_at=BASE))
            account = conn.execute(
                insert(t.accounts)
                .values(
                    name="a",
                    role="adviser",
                    organization_id="c",
                    password_hash="x",
                    created_at=BASE,
                )
                .returning(t.accounts.c.id)
            ).scalar_one()
            for enquiry in ("e1", "e2", "e3"):
                conn.execute(
                    insert(t.enquiries).values(
                        id=enquiry,
                        organization_id="c",
                        account_id=account,
                        device_id="d",
                        created_at=BASE,
                        updated_at=BASE,
                    )
                )

            def event(
                enquiry: str, event_id: str, kind: str, minutes: int, data: str, arrived: int = 0
            ) -> None:
                conn.execute(
                    insert(t.enquiry_events).values(
                        id=event_id,
                        enquiry_id=enquiry,
                        kind=kind,
                        at=BASE + dt.timedelta(minutes=minutes),
                        data=data,
                        op_id=f"op-{event_id}",
                        account_id=account,
                        received_at=BASE + dt.timedelta(hours=1, minutes=arrived),
                    )
                )

            event("e1", "c1", "created", 0, '{"channel": "phone", "duration_seconds": 192}')
            event("e1", "r1", "reason set", 9, '{"reason": "fly-tipping"}', arrived=0)
            event("e1", "r2", "reason set", 2, '{"reason": "missed-collection"}', arrived=5)
            event("e1", "w1", "wrap-up done", 10, '{"wrap_up_seconds": 45}')
            event("e2", "c2", "created", 0, '{"channel": "phone"}')
            event("e2", "r3", "reason set", 4, '{"reason": "council-tax"}', arrived=0)
            event("e2", "r4", "reason set", 4, '{"reason": "fly-tipping"}', arrived=7)
            event("e2", "r5", "reason set", 1, '{"reason": null}', arrived=9)
            event("e3", "c3", "created", 0, '{"channel": "email", "duration_seconds": 0}')
            event("e3", "r6", "reason set", 1, '{"reason": "council-tax"}')
            event("e3", "r7", "reason set", 3, '{"reason": null}')
        upgrade(engine)
        assert _stored(engine) == {
            "e1": {"reason": "fly-tipping", "duration_seconds": 192, "wrap_up_seconds": 45},
            "e2": {"reason": "fly-tipping", "duration_seconds": None, "wrap_up_seconds": None},
            "e3": {"reason": None, "duration_seconds": 0, "wrap_up_seconds": None},
        }
        assert _stored(engine) == _from_events(engine)
    finally:
        engine.dispose()
