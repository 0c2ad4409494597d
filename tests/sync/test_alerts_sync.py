"""Service alerts set on a real hub process reach a desk with its next sync, show in
`frontdesk service show` and `frontdesk search`, go when cleared, go at their expiry with
no sync at all, and come back with a rebuilt catalogue; each round says what it changed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Engine

from frontdesk.hub.alerts.records import clear_alert, set_alert
from frontdesk.store.alerts import live_alert
from frontdesk.sync.changed import SyncChanges
from tests.helpers.hub import eventually
from tests.helpers.hub_process import ORG, HubProcess

CLOSED, OTHER = f"{ORG}:svc-1", f"{ORG}:svc-2"
HUB_SERVICES = 30  # prepare_hub's catalogue


def _alert(desk: Any, service: str, now: dt.datetime | None = None) -> Any:
    store = desk.syncer().catalogue.store
    try:
        return live_alert(store.engine, service, now or dt.datetime.now(dt.UTC))
    finally:
        store.close()


def _sync_until(desk: Any, check: Any) -> list[SyncChanges]:
    """Sync until `check` holds (on PostgreSQL a neighbour's transaction may hold a new
    feed row back for a moment); returns what each round said it changed."""
    told: list[SyncChanges] = []

    def done() -> Any:
        desk.sync(on_changes=told.append)
        return check()

    assert eventually(done, timeout=60)  # other databases on the server hold xmin back
    return told


def _whole(desk: Any) -> bool:
    """Whether the desk holds the hub's whole catalogue (on PostgreSQL a first sync may
    stop short of rows a neighbour's transaction still hides)."""
    store = desk.syncer().catalogue.store
    try:
        return store.stats().services == HUB_SERVICES
    finally:
        store.close()


def _in(**span: float) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(**span)


def test_an_alert_reaches_the_desk_and_goes_when_cleared(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    set_alert(hub_engine, CLOSED, "Closed today, use Stretford", _in(hours=4), author="sue",
              organization_id=ORG)  # fmt: skip
    desk = make_desk()
    desk.sign_in(hub.url)
    first = _sync_until(desk, lambda: _alert(desk, CLOSED))
    assert first[-1].rebuilt  # the first sync builds the catalogue, alert and all
    assert _alert(desk, CLOSED).text == "Closed today, use Stretford"

    shown = json.loads(desk.cli("service", "show", CLOSED, "--json").stdout)
    assert shown["alert"]["text"] == "Closed today, use Stretford"
    assert json.loads(desk.cli("service", "show", OTHER, "--json").stdout)["alert"] is None
    human = desk.cli("service", "show", CLOSED).stdout
    assert human.startswith("⚠ ALERT until ") and "Closed today, use Stretford" in human
    hits = json.loads(desk.cli("search", "council tax", "--json", "--limit", "50").stdout)
    marked = {h["id"] for h in hits if h["alert"] is not None}
    assert marked == {CLOSED}
    listing = desk.cli("search", "council tax", "--limit", "50").stdout
    assert listing.count("⚠ ALERT") == 1

    # Cleared on the hub: one round removes it and says it was that alert.
    clear_alert(hub_engine, CLOSED, author="sue", organization_id=ORG)
    told = _sync_until(desk, lambda: _alert(desk, CLOSED) is None)
    assert told[-1] == SyncChanges(alerts=frozenset({CLOSED}))


def test_a_round_names_the_alert_it_brought_and_an_idle_round_names_nothing(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    _sync_until(desk, lambda: _whole(desk))
    told: list[SyncChanges] = []
    desk.sync(on_changes=told.append)
    assert told == []  # nothing on the feed: the listener is not even called
    set_alert(hub_engine, OTHER, "Phones down", _in(hours=1), author="al", organization_id=None)
    told = _sync_until(desk, lambda: _alert(desk, OTHER))
    assert told[-1] == SyncChanges(alerts=frozenset({OTHER}))
    assert not told[-1].touches_service(CLOSED)


def test_an_alert_goes_at_its_expiry_without_a_sync(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    until = _in(minutes=30)
    set_alert(hub_engine, CLOSED, "Closed until 3pm", until, author="sue", organization_id=None)
    desk = make_desk()
    desk.sign_in(hub.url)
    _sync_until(desk, lambda: _alert(desk, CLOSED))
    hub.stop()  # offline from here on
    assert _alert(desk, CLOSED, now=until - dt.timedelta(seconds=1)) is not None
    assert _alert(desk, CLOSED, now=until) is None


def test_a_rebuilt_catalogue_brings_back_the_live_alerts_only(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    set_alert(hub_engine, CLOSED, "Closed", _in(hours=2), author="sue", organization_id=None)
    set_alert(hub_engine, OTHER, "Moved", _in(hours=2), author="sue", organization_id=None)
    _sync_until(desk, lambda: _alert(desk, CLOSED) and _alert(desk, OTHER))
    clear_alert(hub_engine, OTHER, author="sue", organization_id=None)
    # catalogue.db is disposable: gone, the next sync rebuilds it from the feed.
    (desk.root / "catalogue.db").unlink()
    told = _sync_until(desk, lambda: _alert(desk, CLOSED))
    assert told[-1].rebuilt
    assert _alert(desk, OTHER) is None
