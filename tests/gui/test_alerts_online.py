"""An alert set on a real hub reaches the app with one sync round and shows at once at
the top of the open service's details and on its result row, without a new search or a
click; cleared on the hub, it goes the same way."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.search.model import AlertRole
from frontdesk.gui.startup import Startup
from frontdesk.hub.alerts.records import clear_alert, set_alert
from frontdesk.hub.db import create_hub_engine
from frontdesk.sync.changed import SyncChanges
from tests.gui.with_hub import WAIT, hub, synced_window
from tests.helpers.hub_process import ORG, HubProcess, file_keyring

__all__ = ["file_keyring", "hub", "synced_window"]  # fixtures, used by name

pytestmark = pytest.mark.slow


def _row_alert(window: MainWindow, service: str) -> str:
    model = window.search.model
    ids = model.ids()
    return str(model.data(model.index(ids.index(service)), AlertRole)) if service in ids else ""


def test_an_alert_set_on_the_hub_shows_after_one_round_and_goes_when_cleared(
    qtbot: QtBot, synced_window: tuple[MainWindow, Startup], hub: HubProcess
) -> None:
    window, startup = synced_window
    window.search.box.setFocus()
    window.search.box.setText("council tax")
    # The first round rebuilds the catalogue from the hub and swaps it in.
    qtbot.waitUntil(lambda: window.search.current_id().startswith(f"{ORG}:"), timeout=WAIT)
    qtbot.waitUntil(
        lambda: (
            window.detail.detail is not None
            and window.detail.detail.id == window.search.current_id()
        ),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: window.status.mode.text() == "Online", timeout=WAIT)
    shown = window.search.current_id()
    told: list[SyncChanges] = []
    assert startup.sync is not None
    startup.sync.changed.connect(told.append)

    engine: Engine = create_hub_engine(hub.db_url)
    try:
        until = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
        set_alert(engine, shown, "Closed today: use the Civic Centre", until, author="sue",
                  organization_id=None)  # fmt: skip
        window.sync_now()  # F5: one round
        qtbot.waitUntil(lambda: not window.detail.alert.isHidden(), timeout=WAIT)
        assert window.detail.alert.text().endswith(": Closed today: use the Civic Centre")
        qtbot.waitUntil(lambda: _row_alert(window, shown) != "", timeout=WAIT)
        assert told == [SyncChanges(alerts=frozenset({shown}))]
        assert window.search.current_id() == shown and window.search.box.hasFocus()

        clear_alert(engine, shown, author="sue", organization_id=None)
        window.sync_now()
        qtbot.waitUntil(lambda: window.detail.alert.isHidden(), timeout=WAIT)
        qtbot.waitUntil(lambda: _row_alert(window, shown) == "", timeout=WAIT)
    finally:
        engine.dispose()
