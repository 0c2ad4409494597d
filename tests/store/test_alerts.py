"""Service alerts in catalogue.db: set and cleared by feed changes, replaced by the next
one, and never read once their time has passed — whatever the clock of the last sync."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from frontdesk.core.alert import ServiceAlert
from frontdesk.core.catalogue import Service
from frontdesk.store.alerts import ALERT, live_alert, live_alerts, next_expiry
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_changes import SERVICE, CatalogueChange

NOON = dt.datetime(2026, 12, 8, 12, tzinfo=dt.UTC)


def alert(service: str, text: str, until: dt.datetime) -> CatalogueChange:
    data = ServiceAlert(service, text, until, NOON - dt.timedelta(hours=1)).as_dict()
    return CatalogueChange(ALERT, service, "", data)


def cleared(service: str) -> CatalogueChange:
    return CatalogueChange(ALERT, service)


def test_alerts_are_set_replaced_and_cleared_by_the_feed(tmp_path: Path) -> None:
    store = CatalogueStore.open(tmp_path / "catalogue.db")
    applier = store.change_applier("https://hub")
    service = CatalogueChange(SERVICE, "src:s1", "src", Service(id="s1", name="Food bank"))
    applier.apply([service, alert("src:s1", "Closed today", NOON)], {})
    found = live_alert(store.engine, "src:s1", NOON - dt.timedelta(minutes=1))
    assert found is not None and (found.text, found.until) == ("Closed today", NOON)
    later = NOON + dt.timedelta(hours=2)
    # Two changes to one alert in a page: the last one holds.
    applier.apply([alert("src:s1", "Closed", NOON), alert("src:s1", "Opens at 2pm", later)], {})
    found = live_alert(store.engine, "src:s1", NOON)
    assert found is not None and found.text == "Opens at 2pm"
    applier.apply([cleared("src:s1")], {})
    assert live_alert(store.engine, "src:s1", NOON) is None
    assert store.get("src:s1") is not None  # the service itself is untouched


def test_an_alert_is_not_read_once_its_time_has_passed(tmp_path: Path) -> None:
    store = CatalogueStore.open(tmp_path / "catalogue.db")
    applier = store.change_applier("https://hub")
    soon, later = NOON + dt.timedelta(minutes=5), NOON + dt.timedelta(hours=3)
    applier.apply([alert("src:a", "Closed", soon), alert("src:b", "Phones down", later)], {})
    assert set(live_alerts(store.engine, ["src:a", "src:b", "src:c"], NOON)) == {
        "src:a",
        "src:b",
    }
    assert next_expiry(store.engine, NOON) == soon
    # No sync in between: the read alone drops it at its expiry.
    assert set(live_alerts(store.engine, ["src:a", "src:b"], soon)) == {"src:b"}
    assert next_expiry(store.engine, soon) == later
    assert next_expiry(store.engine, later) is None


def test_an_alert_for_a_service_not_yet_on_the_desk_waits_for_it(tmp_path: Path) -> None:
    # A rebuild's feed may bring the alert before its service: both are simply stored.
    store = CatalogueStore.open(tmp_path / "catalogue.db")
    applier = store.change_applier("https://hub", filling=True)
    applier.apply([alert("src:s9", "Closed", NOON)], {})
    applier.apply([CatalogueChange(SERVICE, "src:s9", "src", Service(id="s9", name="Hub"))], {})
    assert live_alert(store.engine, "src:s9", NOON - dt.timedelta(seconds=1)) is not None
