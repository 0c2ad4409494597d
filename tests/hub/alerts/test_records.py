"""Service alerts on the hub: one live alert per service, replaced by the next, cleared
with a tombstone on the change feed that every organisation's desks see, audited, and
refused with a reason when they cannot be set — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.core.alert import MAX_TEXT, AlertError
from frontdesk.hub import schema as t
from frontdesk.hub.alerts.records import (
    NoAlert,
    NotYours,
    UnknownService,
    clear_alert,
    get_alert,
    live_alerts,
    set_alert,
)
from frontdesk.hub.sync.changes import read_changes
from tests.helpers.hub import eventually
from tests.helpers.referral_world import (
    AGENCY,
    COUNCIL,
    OTHER_AGENCY,
    OTHER_COUNCIL,
    SERVICE,
    World,
    make_world,
)

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
LATER = NOW + dt.timedelta(hours=3)


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    return make_world(hub)


def _feed_alerts(world: World, org: str, expected: int) -> list[dict[str, Any]]:
    def read() -> list[dict[str, Any]]:
        page = read_changes(world.hub.engine, None, 1000, org)
        found = [c for c in page.changes if c["kind"] == "service_alert"]
        return found if len(found) >= expected else []

    return eventually(read)  # type: ignore[no-any-return]


def test_an_alert_is_set_replaced_and_read_back(world: World) -> None:
    engine = world.hub.engine
    first = set_alert(
        engine, SERVICE, "  Closed today,\n use Stretford food bank ", LATER,
        author="sue", organization_id=COUNCIL,
    )  # fmt: skip
    assert first.text == "Closed today, use Stretford food bank"  # one line, spaces tidied
    assert first.until == LATER
    later = LATER + dt.timedelta(hours=1)
    set_alert(engine, SERVICE, "Open until noon only", later, author="al", organization_id=AGENCY)
    alert = get_alert(engine, SERVICE)
    assert alert is not None and (alert.text, alert.until) == ("Open until noon only", later)
    [listed] = live_alerts(engine)
    assert (listed["author"], listed["organization_id"], listed["service_name"]) == (
        "al",
        AGENCY,
        "Service 0",
    )


def test_every_desk_sees_the_alert_and_its_clearing_on_the_feed(world: World) -> None:
    engine = world.hub.engine
    set_alert(engine, SERVICE, "Closed today", LATER, author="sue", organization_id=COUNCIL)
    for org in (COUNCIL, OTHER_COUNCIL, OTHER_AGENCY):
        [entry] = _feed_alerts(world, org, 1)
        assert (entry["id"], entry["op"], entry["data"]["text"]) == (
            SERVICE,
            "upsert",
            "Closed today",
        )
        assert entry["data"]["until"] == LATER.isoformat()
    cleared = clear_alert(engine, SERVICE, author="sue", organization_id=COUNCIL)
    assert cleared.text == "Closed today"
    entries = _feed_alerts(world, OTHER_COUNCIL, 2)
    assert (entries[-1]["op"], entries[-1]["data"]) == ("delete", None)
    assert get_alert(engine, SERVICE) is None and live_alerts(engine) == []


def test_writes_are_audited_with_who_did_them(world: World) -> None:
    engine = world.hub.engine
    set_alert(engine, SERVICE, "Closed", LATER, author="sue", organization_id=COUNCIL)
    clear_alert(engine, SERVICE, author="al", organization_id=AGENCY)
    a = t.audit_log.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(a.action, a.actor, a.target).where(a.action.like("alert.%")).order_by(a.id)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("alert.set", "sue", SERVICE),
        ("alert.clear", "al", SERVICE),
    ]


def test_an_expired_alert_is_not_live_on_the_hub(world: World) -> None:
    engine = world.hub.engine
    soon = NOW + dt.timedelta(minutes=5)
    set_alert(engine, SERVICE, "Closed", soon, author="sue", organization_id=None, now=NOW)
    assert get_alert(engine, SERVICE, now=soon - dt.timedelta(seconds=1)) is not None
    assert get_alert(engine, SERVICE, now=soon) is None
    assert live_alerts(engine, now=soon) == []


def test_an_agency_may_write_only_on_services_it_delivers(world: World) -> None:
    engine = world.hub.engine
    set_alert(engine, SERVICE, "Closed", LATER, author="h", organization_id=AGENCY, owner=AGENCY)
    with pytest.raises(NotYours, match="not delivered by your organisation"):
        set_alert(engine, SERVICE, "X", LATER, author="o", organization_id=None, owner=OTHER_AGENCY)
    with pytest.raises(NotYours):
        clear_alert(engine, SERVICE, author="o", organization_id=None, owner=OTHER_AGENCY)
    assert [a["service_id"] for a in live_alerts(engine, owner=AGENCY)] == [SERVICE]
    assert live_alerts(engine, owner=OTHER_AGENCY) == []


@pytest.mark.parametrize(
    ("service", "text", "until", "error", "reason"),
    [
        ("nowhere:svc", "Closed", LATER, UnknownService, "no service"),
        (SERVICE, "   ", LATER, AlertError, "no text"),
        (SERVICE, "x" * (MAX_TEXT + 1), LATER, AlertError, "the most is"),
        (SERVICE, "Closed", NOW - dt.timedelta(minutes=1), AlertError, "already passed"),
        (SERVICE, "Closed", NOW + dt.timedelta(days=91), AlertError, "90 days"),
    ],
)
def test_an_alert_that_cannot_be_set_is_refused_and_nothing_changes(
    world: World, service: str, text: str, until: dt.datetime, error: type, reason: str
) -> None:
    with pytest.raises(error, match=reason):
        set_alert(world.hub.engine, service, text, until, author="sue", organization_id=None)
    assert live_alerts(world.hub.engine) == []
    feed = read_changes(world.hub.engine, None, 1000, COUNCIL).changes
    assert all(c["kind"] != "service_alert" for c in feed)


def test_clearing_a_service_without_an_alert_says_so(world: World) -> None:
    with pytest.raises(NoAlert, match="has no alert"):
        clear_alert(world.hub.engine, SERVICE, author="sue", organization_id=None)
