"""A desk online recognises a repeat caller from the organisation's enquiries on a real hub
process (made at another desk), as their number is typed; once the hub is gone, the panel
falls back to the desk's own history (here: none) without a word of error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import requests
from pytestqt.qtbot import QtBot

from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.startup import Startup
from tests.gui.test_caller_history import type_caller_phone
from tests.gui.with_hub import WAIT, hub, synced_window
from tests.helpers.hub import PASSWORD, PROTOCOL, event_op
from tests.helpers.hub_process import HubProcess, file_keyring

__all__ = ["file_keyring", "hub", "synced_window"]  # fixtures, used here by name

pytestmark = pytest.mark.slow


def push_from_another_desk(hub: HubProcess) -> None:
    """Bob, at another desk of the same council, logged a consented call from Joan."""
    login = requests.post(
        hub.url + "/auth/v1/login",
        json={"username": "bob", "password": PASSWORD},
        headers=PROTOCOL,
        timeout=10,
    )
    headers = {**PROTOCOL, "Authorization": f"Bearer {login.json()['token']}"}
    created: dict[str, Any] = {
        "channel": "phone",
        "started_at": (dt.datetime.now(dt.UTC) - dt.timedelta(days=2)).isoformat(),
        "caller": {"name": "Joan O'Neill", "phone": "+441619122000", "consent": True},
    }
    ops = [
        event_op(1, enquiry="bob-1", data=created),
        event_op(2, enquiry="bob-1", kind="outcome set", data={"outcome": "signposted"}),
        event_op(3, enquiry="bob-1", kind="reason set", data={"reason": "missed-collection"}),
    ]
    pushed = requests.post(
        hub.url + "/sync/v1/push",
        json={"device_id": "bobs-desk", "ops": ops},
        headers=headers,
        timeout=10,
    )
    assert [r["status"] for r in pushed.json()["results"]] == ["applied"] * 3


def test_an_online_desk_recognises_a_caller_from_the_organisations_history(
    qtbot: QtBot, synced_window: tuple[MainWindow, Startup], hub: HubProcess
) -> None:
    window, _ = synced_window
    qtbot.waitUntil(lambda: window.desk is not None and window.catalogue is not None, timeout=WAIT)
    push_from_another_desk(hub)
    panel = window.form.history
    type_caller_phone(qtbot, window, "0161 912 2000")
    qtbot.waitUntil(panel.isVisible, timeout=WAIT)
    assert panel.summary.text() == "Rang once in the last 30 days"
    [line] = panel.listing.text().splitlines()
    assert "Missed bin collection" in line and "Signposted" in line and "at another desk" in line

    hub.stop(graceful=False)  # offline: this desk has no history of its own with Joan
    window.form.phone.clear()
    qtbot.keyClicks(window.form.phone, "+44 161 912 2000")
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=WAIT)
