"""Opening the app on an empty, damaged or unwritable data folder, or on one a
`frontdesk demo` left signed in to its embedded hub."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.gui.dialogs import Ask
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import HUB_ADDRESS, Settings
from frontdesk.store.desk import DeskStore
from frontdesk.store.paths import DataPaths
from frontdesk.sync.account import HubAccount, SyncState
from tests.gui.conftest import close_stores, open_window, ready
from tests.helpers.hub_process import free_port


def test_an_empty_standalone_desk_loads_the_demo_catalogue(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    paths.catalogue_db.unlink()
    progress: list[str] = []
    runner.progress_started.connect(lambda _id, label: progress.append(label))
    window = open_window(qtbot, runner, settings, paths)
    # The loading state is on screen while the import runs.
    qtbot.waitUntil(lambda: "Loading demo catalogue…" in progress)
    assert window.search.notice.text() == "Loading demo catalogue…"
    assert window.status.busy.text() == "Loading demo catalogue…"
    qtbot.waitUntil(lambda: ready(window) and window.search.model.rowCount() > 0)
    assert window.status.busy.text() == ""
    assert "Demo catalogue loaded" in window.info_line.text()
    assert window.search.filters.agency.count() > 20  # all the demo's organisations
    close_stores(window)


def test_with_a_hub_configured_an_empty_catalogue_stays_empty(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    paths.catalogue_db.unlink()
    settings.set(HUB_ADDRESS, "https://hub.example.org")
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(window) and window.search.shown_request is not None)
    assert window.search.model.rowCount() == 0
    assert window.status.mode.text().startswith("Offline")
    close_stores(window)


def test_a_corrupt_catalogue_offers_a_rebuild_that_works(
    qtbot: QtBot,
    runner: OperationRunner,
    settings: Settings,
    paths: DataPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths.catalogue_db.write_bytes(b"this is not a database at all " * 200)
    offered: list[str] = []

    def accept(cls: type, parent: object, problem: str) -> bool:
        offered.append(problem)
        return True

    monkeypatch.setattr(Ask, "rebuild_catalogue", classmethod(accept))
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: bool(offered))
    assert "not a database" in offered[0]
    qtbot.waitUntil(lambda: ready(window) and window.search.model.rowCount() > 0)
    assert window.status.catalogue.text() == "Catalogue updated today"
    close_stores(window)


def test_declining_the_rebuild_leaves_enquiries_working(
    qtbot: QtBot,
    runner: OperationRunner,
    settings: Settings,
    paths: DataPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths.catalogue_db.write_bytes(b"garbage" * 1000)
    monkeypatch.setattr(Ask, "rebuild_catalogue", classmethod(lambda cls, parent, problem: False))
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(window.message_bar.isVisible)
    assert (
        "Searching is unavailable until the catalogue is rebuilt" in window.message_bar.text.text()
    )
    assert window.status.catalogue.text() == "Catalogue: needs rebuilding"
    qtbot.waitUntil(lambda: window.desk is not None)
    close_stores(window)


def test_an_unopenable_desk_db_is_explained(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    paths.desk_db.mkdir()  # a folder where the file should be
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "desk.db in" in window.message_bar.text.text()
    assert "cannot be opened" in window.message_bar.text.text()
    qtbot.waitUntil(lambda: window.catalogue is not None)
    close_stores(window)


def _signed_in_to_a_demo_hub(paths: DataPaths, url: str) -> None:
    """desk.db as `frontdesk demo` leaves it while it runs, or when it is killed before it
    can sign out: signed in to its embedded hub, whose token was in that process only."""
    desk = DeskStore.open(paths.desk_db, paths.backups)
    try:
        SyncState(desk).set_account(HubAccount(url, "demo-adviser", "demo", embedded=True))
    finally:
        desk.close()


def _account(paths: DataPaths) -> HubAccount | None:
    desk = DeskStore.open(paths.desk_db, paths.backups)
    try:
        return SyncState(desk).account()
    finally:
        desk.close()


@pytest.fixture
def listening() -> Iterator[str]:
    """A loopback address something answers on, as a running demo's hub does."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


def test_after_a_killed_demo_the_app_says_so_and_works_standalone(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    _signed_in_to_a_demo_hub(paths, f"http://127.0.0.1:{free_port()}")  # nothing there now
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(window) and window.search.model.rowCount() > 0)
    assert window.message_bar.isVisible()
    assert "demo hub this desk was signed in to has stopped" in window.message_bar.text.text()
    assert window.status.mode.text() == "Standalone"
    assert window.sync is None  # no syncer knocking on a dead port
    close_stores(window)
    assert _account(paths) is None  # signed out of it: imports work again


def test_a_demo_running_elsewhere_keeps_its_sign_in_and_this_window_stays_out(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, paths: DataPaths, listening: str
) -> None:
    _signed_in_to_a_demo_hub(paths, listening)
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(window) and window.search.model.rowCount() > 0)
    assert window.message_bar.isVisible()
    assert "only that window can sync it" in window.message_bar.text.text()
    assert window.sync is None
    close_stores(window)
    account = _account(paths)
    assert account is not None and account.url == listening  # the running demo's, untouched
