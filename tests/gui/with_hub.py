"""For the GUI tests that sync: a real hub process, and the app's window on a desk, run
the way the app runs it (threads, not the immediate runner of the other GUI tests)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.gui.enquiry.today import STATUS_COLUMN
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.gui.startup import Startup
from frontdesk.store.desk import DeskStore
from frontdesk.store.paths import DataPaths
from frontdesk.sync import sign_in
from frontdesk.sync.backoff import Backoff
from frontdesk.sync.credentials import TokenStore
from tests.helpers.hub import PASSWORD
from tests.helpers.hub_process import HubProcess, prepare_hub

WAIT = 60_000  # ms: generous, the hub is a real process
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[HubProcess]:
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    prepare_hub(db).dispose()
    process = HubProcess(db, tmp_path / "hub.log")
    process.start()
    yield process
    process.stop(graceful=False)


@pytest.fixture
def synced_window(
    qtbot: QtBot,
    hub: HubProcess,
    paths: DataPaths,
    settings: Settings,
    file_keyring: TokenStore,
) -> Iterator[tuple[MainWindow, Startup]]:
    """The app on a desk signed in to the hub as alice, syncing in the background."""
    desk = DeskStore.open(paths.desk_db, paths.backups)
    try:
        sign_in(desk, hub.url, "alice", PASSWORD, tokens=file_keyring)
    finally:
        desk.close()
    with app_window(qtbot, paths, settings, file_keyring) as opened:
        yield opened


@contextlib.contextmanager
def app_window(
    qtbot: QtBot, paths: DataPaths, settings: Settings, tokens: TokenStore
) -> Iterator[tuple[MainWindow, Startup]]:
    runner = OperationRunner.threaded()
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    startup = Startup(
        window,
        runner,
        paths,
        settings,
        poll_interval=3600,  # only the Syncer's retries, saves and F5 start a round
        tokens=tokens,
        backoff=Backoff(first=0.05, cap=0.5),
    )
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    startup.begin()
    try:
        yield window, startup
    finally:
        startup.stop_sync()
        runner.cancel_pending()
        runner.shutdown()
        startup.close_stores()
        runner.deleteLater()  # by Qt on the GUI thread, not by the garbage collector


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def save_enquiry_by_keyboard(qtbot: QtBot, window: MainWindow, note: str) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_N, ALT)
    assert focused() is window.form.notes
    qtbot.keyClicks(window.form.notes, note)
    qtbot.keyClick(focused(), Qt.Key.Key_O, ALT)
    assert focused() is window.form.outcome
    qtbot.keyClick(window.form.outcome, Qt.Key.Key_Down)  # the first outcome in the list
    assert window.form.outcome.currentIndex() == 1
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)


def statuses(window: MainWindow) -> list[str]:
    """Today's enquiries' sync column, newest first."""
    model = window.today.model
    return [str(model.index(row, STATUS_COLUMN).data()) for row in range(model.rowCount())]
