"""What desks say of themselves in headers on their pulls and pushes is recorded per
device and shown in the report's estate: last push and pull, outbox waiting, last
catalogue pull, stale desks flagged; bad headers are ignored and never break a sync; a
device of another organisation is never written; pulls write at most once a minute."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select, update

from frontdesk.hub import schema as t
from frontdesk.hub.enquiries.monthly_report import monthly_report
from frontdesk.hub.sync import desk_state
from frontdesk.hub.sync.desk_state import estate, record
from tests.helpers.hub import Hub, event_op
from tests.helpers.referral_world import COUNCIL, OTHER_COUNCIL, World, make_world

PULLED = "2025-11-30T08:15:00+00:00"


@pytest.fixture
def world(hub: Hub) -> World:
    return make_world(hub)


def _state(device: str, outbox: str = "3", pulled: str = PULLED) -> dict[str, str]:
    return {
        desk_state.DEVICE_HEADER: device,
        desk_state.OUTBOX_HEADER: outbox,
        desk_state.CATALOGUE_HEADER: pulled,
    }


def _push(world: World, role: str, device: str, n: int, headers: dict[str, str]) -> Any:
    op = event_op(n, op_id=f"ds-{device}-{n}", enquiry=f"ds-{device}-{n}", event=f"ds-ev-{n}")
    return world.hub.client.post(
        "/sync/v1/push",
        json={"device_id": device, "ops": [op]},
        headers={**world.headers[role], **headers},
    )


def _pull(world: World, role: str, headers: dict[str, str]) -> Any:
    return world.hub.client.get(
        "/sync/v1/changes", params={"limit": 5}, headers={**world.headers[role], **headers}
    )


def _row(world: World, device: str) -> Any:
    with world.hub.engine.connect() as conn:
        return conn.execute(select(t.devices).where(t.devices.c.id == device)).one()


def test_a_push_and_a_pull_record_what_the_desk_says(world: World) -> None:
    assert _push(world, "adviser", "desk-a", 1, _state("desk-a", "7")).status_code == 200
    row = _row(world, "desk-a")
    assert row.outbox_waiting == 7
    assert row.catalogue_pulled_at == dt.datetime.fromisoformat(PULLED)
    assert row.last_push_at is not None and row.last_pull_at is None
    assert _pull(world, "adviser", _state("desk-a", "0")).status_code == 200
    row = _row(world, "desk-a")
    assert row.outbox_waiting == 0 and row.last_pull_at is not None


def test_pulls_write_a_device_at_most_once_a_minute(world: World) -> None:
    assert _push(world, "adviser", "desk-a", 1, {}).status_code == 200
    now = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)
    engine = world.hub.engine
    assert record(engine, COUNCIL, _state("desk-a", "4"), pulled=True, now=now)
    later = now + dt.timedelta(seconds=59)
    assert not record(engine, COUNCIL, _state("desk-a", "9"), pulled=True, now=later)
    assert _row(world, "desk-a").outbox_waiting == 4
    minute = now + dt.timedelta(minutes=1)
    assert record(engine, COUNCIL, _state("desk-a", "9"), pulled=True, now=minute)
    row = _row(world, "desk-a")
    assert (row.outbox_waiting, row.last_pull_at) == (9, minute)
    # A push writes anyway, so what it says is always recorded.
    assert record(engine, COUNCIL, _state("desk-a", "2"), pulled=False, now=minute)
    assert _row(world, "desk-a").outbox_waiting == 2


@pytest.mark.parametrize(
    "headers",
    [
        _state("desk-a", "-1", "yesterday"),
        _state("desk-a", "lots", "2025-11-30T08:15:00"),  # no time zone
        _state("desk-a", "99999999999", "2999-01-01T00:00:00+00:00"),  # ahead of the clock
        _state("desk-a", "3.5", "\x00"),
        _state("x" * 500, "3"),
        _state("desk\x07a", "3"),
    ],
)
def test_bad_headers_are_ignored_and_the_sync_still_answers(
    world: World, headers: dict[str, str]
) -> None:
    assert _push(world, "adviser", "desk-a", 1, {}).status_code == 200
    assert _pull(world, "adviser", headers).status_code == 200
    assert _push(world, "adviser", "desk-a", 2, headers).status_code == 200
    row = _row(world, "desk-a")
    assert (row.outbox_waiting, row.catalogue_pulled_at) == (None, None)


@pytest.mark.parametrize("outbox", ["\u0663", "\u00b3", "1e3", " ", "0x10"])
def test_an_outbox_count_must_be_plain_digits(outbox: str) -> None:
    now = dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    parsed = desk_state.parse_headers(_state("desk-a", outbox), now)
    assert parsed.outbox_waiting is None and parsed.device_id == "desk-a"


def test_a_device_of_another_organisation_is_not_recorded(world: World) -> None:
    assert _push(world, "adviser", "desk-a", 1, {}).status_code == 200
    assert _pull(world, "other_supervisor", _state("desk-a", "5")).status_code == 200
    assert record(world.hub.engine, OTHER_COUNCIL, _state("desk-a"), pulled=False) is False
    row = _row(world, "desk-a")
    assert (row.outbox_waiting, row.last_pull_at) == (None, None)


def test_the_estate_flags_desks_not_heard_from(world: World) -> None:
    for device in ("desk-a", "desk-b", "desk-c"):
        assert _push(world, "adviser", device, 1, _state(device)).status_code == 200
    assert _push(world, "other_supervisor", "desk-x", 1, {}).status_code == 200
    now = dt.datetime(2025, 12, 1, 12, 0, tzinfo=dt.UTC)
    d = t.devices.c
    with world.hub.engine.begin() as conn:
        times = {
            "desk-a": (now - dt.timedelta(hours=30), now - dt.timedelta(hours=1)),  # pulled
            "desk-b": (now - dt.timedelta(hours=23), None),  # pushed in the last day
            "desk-c": (now - dt.timedelta(hours=25), None),  # neither
        }
        for device, (push, pull) in times.items():
            stmt = update(t.devices).where(d.id == device)
            conn.execute(stmt.values(last_push_at=push, last_pull_at=pull))
    found = estate(world.hub.engine, COUNCIL, now)
    assert found["as_at"] == now.isoformat() and found["stale_after_hours"] == 24
    desks = {desk["device_id"]: desk for desk in found["desks"]}
    assert set(desks) == {"desk-a", "desk-b", "desk-c"}  # not the other council's desk
    assert {k: v["stale"] for k, v in desks.items()} == {
        "desk-a": False,
        "desk-b": False,
        "desk-c": True,
    }
    assert desks["desk-a"] == {
        "device_id": "desk-a",
        "organization_id": COUNCIL,
        "last_push_at": (now - dt.timedelta(hours=30)).isoformat(),
        "last_pull_at": (now - dt.timedelta(hours=1)).isoformat(),
        "outbox_waiting": 3,
        "catalogue_pulled_at": PULLED,
        "stale": False,
    }
    stricter = estate(world.hub.engine, COUNCIL, now, stale_hours=2)
    assert [desk["stale"] for desk in stricter["desks"]] == [False, True, True]
    everyone = monthly_report(
        world.hub.engine, dt.date(2025, 11, 1), dt.date(2025, 11, 30), now=now
    )["estate"]
    assert {desk["device_id"] for desk in everyone["desks"]} == {*desks, "desk-x"}
