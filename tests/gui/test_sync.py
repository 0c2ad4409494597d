"""The app with a real hub: background sync at startup, enquiries shown as sent only once
the hub confirmed them, offline while the hub is down (the outbox grows), drained when it
is back; leaving sync to another process that holds the desk, and taking over once it has
gone; and `frontdesk demo`'s embedded hub syncing the demo catalogue, then the app
syncing with it in the background, on a machine with no keyring."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot

from frontdesk.cli.demo_commands import start_demo_hub
from frontdesk.formats.demo import read_demo_catalogue
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.gui.startup import Startup
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.desk import DeskStore
from frontdesk.store.paths import DataPaths
from frontdesk.sync.account import SyncState
from tests.gui.with_hub import (
    WAIT,
    hub,
    save_enquiry_by_keyboard,
    statuses,
    synced_window,
)
from tests.helpers.hub_process import HubProcess, file_keyring, no_keyring
from tests.helpers.sync_lock import hold_sync_lock

NONE_WAITING = "0 enquiries waiting to send"

__all__ = ["file_keyring", "hub", "no_keyring", "synced_window"]  # fixtures, used by name

pytestmark = pytest.mark.slow


@pytest.fixture
def lock_holder(paths: DataPaths) -> Iterator[subprocess.Popen[str]]:
    """Another process syncing the desk (as `frontdesk sync --watch` would), started
    before the window."""
    child = hold_sync_lock(paths.root, "frontdesk sync --watch")
    yield child
    if child.poll() is None:
        child.kill()
        child.wait(30)


def test_enquiries_are_sent_kept_while_offline_and_drained_on_reconnect(
    qtbot: QtBot, synced_window: tuple[MainWindow, Startup], hub: HubProcess
) -> None:
    window, startup = synced_window
    status = window.status
    qtbot.waitUntil(lambda: startup.sync is not None, timeout=WAIT)
    # The first sync rebuilds the catalogue from the hub and swaps it in under the GUI.
    qtbot.waitUntil(
        lambda: status.mode.text() == "Online" and "today" in status.catalogue.text(),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=WAIT)
    assert status.mode.accessibleName() == "Online"
    assert "waiting" in status.waiting.accessibleDescription().lower()

    qtbot.waitUntil(window.isActiveWindow)
    save_enquiry_by_keyboard(qtbot, window, "Asked about council tax bands.")
    qtbot.waitUntil(lambda: statuses(window) == ["Sent to the hub"], timeout=WAIT)
    qtbot.waitUntil(
        lambda: status.mode.text() == "Online" and status.waiting.text() == NONE_WAITING,
        timeout=WAIT,
    )
    assert status.sync.text() != "Last sync: never"

    hub.stop(graceful=False)
    save_enquiry_by_keyboard(qtbot, window, "Second caller, same question.")
    qtbot.waitUntil(lambda: status.mode.text().startswith("Offline"), timeout=WAIT)
    qtbot.waitUntil(lambda: status.waiting.text() != NONE_WAITING, timeout=WAIT)
    # The first call's wrap-up, recorded as the second call started, waits for the hub too.
    assert statuses(window) == ["Saved on this desk", "Saved on this desk"]

    hub.start()
    window.actions_by_name["sync_now"].trigger()  # F5; the Syncer's own retry also gets there
    qtbot.waitUntil(
        lambda: statuses(window) == ["Sent to the hub", "Sent to the hub"], timeout=WAIT
    )
    qtbot.waitUntil(
        lambda: status.mode.text() == "Online" and status.waiting.text() == NONE_WAITING,
        timeout=WAIT,
    )


def test_the_app_leaves_sync_to_another_process_and_takes_over_when_it_is_killed(
    qtbot: QtBot,
    lock_holder: subprocess.Popen[str],
    synced_window: tuple[MainWindow, Startup],
) -> None:
    window, startup = synced_window
    status = window.status
    qtbot.waitUntil(lambda: startup.sync is not None, timeout=WAIT)
    link = startup.sync
    assert link is not None
    qtbot.waitUntil(lambda: "another frontdesk process" in status.mode.text(), timeout=WAIT)
    assert link.syncer is None and link.elsewhere
    assert window.message_bar.isVisible()
    assert "Another frontdesk process" in window.message_bar.text.text()

    # F5 tries to take over, is refused, and says who does the work.
    window.actions_by_name["sync_now"].trigger()
    assert "Another frontdesk process is syncing this desk" in window.info_line.text()
    assert link.syncer is None
    qtbot.waitUntil(window.isActiveWindow)
    save_enquiry_by_keyboard(qtbot, window, "Asked while another process syncs the desk.")
    qtbot.waitUntil(lambda: statuses(window) == ["Saved on this desk"], timeout=WAIT)
    assert "another frontdesk process" in status.mode.text()

    lock_holder.send_signal(signal.SIGKILL)  # the lock goes with the process
    lock_holder.wait(30)
    link.takeover_timer.setInterval(100)  # the periodic retry, without F5
    qtbot.waitUntil(lambda: link.syncer is not None, timeout=WAIT)
    qtbot.waitUntil(
        lambda: status.mode.text() == "Online" and "today" in status.catalogue.text(),
        timeout=WAIT,
    )
    qtbot.waitUntil(lambda: statuses(window) == ["Sent to the hub"], timeout=WAIT)
    assert not link.elsewhere and not window.message_bar.isVisible()


def test_sync_now_is_on_f5_in_the_file_menu(window: MainWindow) -> None:
    action = window.actions_by_name["sync_now"]
    assert action.shortcut().toString() == "F5"
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()  # type: ignore[union-attr]


def test_the_demo_hub_syncs_the_demo_catalogue_and_stops(tmp_path: Path, no_keyring: None) -> None:
    root = tmp_path / "demo"
    hub = start_demo_hub(root)
    try:
        assert hub.services == len(read_demo_catalogue().catalogue.services)
        store = CatalogueStore.open(root / "catalogue.db")
        try:
            stats = store.stats()
        finally:
            store.close()
        # The hub serves no reference data: the demo's routing files were added locally.
        assert stats.local_authorities > 0 and stats.postcodes > 0
    finally:
        hub.stop()
    with pytest.raises(requests.ConnectionError):  # the hub process has gone
        requests.get(hub.url + "/", timeout=5)
    desk = DeskStore.open(root / "desk.db", root / "backups")
    try:
        assert SyncState(desk).account() is None  # standalone again afterwards
    finally:
        desk.close()


def test_the_demo_window_syncs_in_the_background_with_no_keyring(
    qtbot: QtBot, tmp_path: Path, settings: Settings, no_keyring: None
) -> None:
    """`frontdesk demo` as it runs: the hub started and synced once, then the app's own
    syncer (no token store handed in) sends what the adviser saves."""
    root = tmp_path / "demo"
    hub = start_demo_hub(root)
    runner = OperationRunner.threaded()
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    startup = Startup(window, runner, DataPaths(root), settings, demo_hub=True, poll_interval=3600)
    try:
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        startup.begin()
        status = window.status
        qtbot.waitUntil(lambda: status.mode.text() == "Online", timeout=WAIT)
        assert "today" in status.catalogue.text()
        qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=WAIT)
        qtbot.waitUntil(window.isActiveWindow)
        save_enquiry_by_keyboard(qtbot, window, "Asked about the demo's bin collections.")
        qtbot.waitUntil(lambda: statuses(window) == ["Sent to the hub"], timeout=WAIT)
        # The round's status comes by its own queued signal, after today's list or before.
        qtbot.waitUntil(lambda: status.waiting.text() == NONE_WAITING, timeout=WAIT)
    finally:
        startup.stop_sync()
        runner.cancel_pending()
        runner.shutdown()
        startup.close_stores()
        runner.deleteLater()  # by Qt on the GUI thread, not by the garbage collector
        hub.stop()
