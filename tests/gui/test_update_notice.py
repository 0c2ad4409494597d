"""The app and a real hub that announces desk releases: a newer one available is a quiet
label in the status bar and sync goes on; a release older than the hub accepts is a clear
message, sync stops, and the desk goes on working offline with its enquiries kept in the
outbox."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from frontdesk import __version__
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.settings import Settings
from frontdesk.gui.startup import Startup
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.store.paths import DataPaths
from frontdesk.sync import sign_in
from frontdesk.sync.credentials import TokenStore
from tests.gui.with_hub import WAIT, app_window, save_enquiry_by_keyboard, statuses
from tests.helpers.hub import PASSWORD
from tests.helpers.hub_process import HubProcess, file_keyring, prepare_hub

__all__ = ["file_keyring"]  # a fixture, used here by name

pytestmark = pytest.mark.slow


def hub_announcing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **releases: str) -> HubProcess:
    for name in ("MIN", "LATEST"):
        monkeypatch.delenv(f"FRONTDESK_{name}_DESK_VERSION", raising=False)
    for name, value in releases.items():
        monkeypatch.setenv(f"FRONTDESK_{name.upper()}_DESK_VERSION", value)
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    prepare_hub(db, services=5).dispose()
    process = HubProcess(db, tmp_path / "hub.log")
    process.start()
    return process


@pytest.fixture
def app_on_hub(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    paths: DataPaths,
    settings: Settings,
    file_keyring: TokenStore,
) -> Iterator[Callable[..., contextlib.AbstractContextManager[tuple[MainWindow, Startup]]]]:
    """Opens the app on a desk signed in to a hub announcing the releases given."""
    hubs: list[HubProcess] = []

    def open_(**releases: str) -> contextlib.AbstractContextManager[tuple[MainWindow, Startup]]:
        hub = hub_announcing(tmp_path, monkeypatch, **releases)
        hubs.append(hub)
        desk = DeskStore.open(paths.desk_db, paths.backups)
        try:
            sign_in(desk, hub.url, "alice", PASSWORD, tokens=file_keyring)
        finally:
            desk.close()
        return app_window(qtbot, paths, settings, file_keyring)

    yield open_
    for hub in hubs:
        hub.stop(graceful=False)


def test_a_newer_release_is_a_quiet_label_and_sync_goes_on(
    qtbot: QtBot, app_on_hub: Callable[..., Any]
) -> None:
    with app_on_hub(latest="99.0") as opened:
        window, startup = opened
        qtbot.waitUntil(lambda: startup.versions is not None, timeout=WAIT)
        assert startup.versions is not None
        label = startup.versions.label
        qtbot.waitUntil(label.isVisible, timeout=WAIT)
        assert label.text() == "Update available: frontdesk 99.0"
        assert label.accessibleName() == label.text()
        assert not window.message_bar.isVisible()
        qtbot.waitUntil(lambda: window.status.mode.text() == "Online", timeout=WAIT)
        save_enquiry_by_keyboard(qtbot, window, "Asked about bins.")
        qtbot.waitUntil(lambda: statuses(window) == ["Sent to the hub"], timeout=WAIT)


def test_a_release_the_hub_no_longer_accepts_stops_sync_and_keeps_the_outbox(
    qtbot: QtBot, app_on_hub: Callable[..., Any], paths: DataPaths
) -> None:
    with app_on_hub(min="99.0", latest="99.1") as opened:
        window, startup = opened
        qtbot.waitUntil(window.message_bar.isVisible, timeout=WAIT)
        text = window.message_bar.text.text()
        assert f"This frontdesk ({__version__}) is older than the hub accepts (99.0" in text
        assert "keeps every enquiry" in text
        qtbot.waitUntil(lambda: startup.sync is None, timeout=WAIT)
        assert window.status.mode.text() == "Not syncing: this frontdesk needs updating"
        assert startup.versions is not None
        assert startup.versions.label.text().startswith("Update needed")

        qtbot.waitUntil(window.isActiveWindow)
        save_enquiry_by_keyboard(qtbot, window, "Caller asked about parking permits.")
        qtbot.waitUntil(lambda: statuses(window) == ["Saved on this desk"], timeout=WAIT)
        window.actions_by_name["sync_now"].trigger()  # F5 says why, and sends nothing
        assert "needs updating" in window.message_bar.text.text()
        qtbot.wait(500)
        assert statuses(window) == ["Saved on this desk"]
    desk = DeskStore.open(paths.desk_db, paths.backups)
    try:
        assert EnquiryLog(desk).outbox_size() >= 1  # kept for when the desk is updated
    finally:
        desk.close()
