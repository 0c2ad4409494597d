"""The demo, loaded on a fresh machine, routes a caller's postcode: the filter marks the
services that cover it and the detail panel names the council responsible there."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.search.model import BadgesRole
from frontdesk.gui.settings import Settings
from frontdesk.store.paths import DataPaths
from tests.gui.conftest import close_stores, open_window, ready

LANCASTER_POSTCODE = "LA1 1QD"


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search.box.clear()
    qtbot.keyClicks(window.search.box, text)
    window.search.search_now()
    qtbot.waitUntil(
        lambda: (
            (request := window.search.shown_request) is not None
            and request.text == text
            and request.postcode == window.search.filters.postcode.text()
        )
    )


def responsible_shown(window: MainWindow) -> str:
    detail = window.detail.detail
    if detail is None or detail.id != window.search.current_id() or detail.responsible is None:
        return ""
    return window.detail.browser.toPlainText()


def test_a_demo_postcode_shows_coverage_and_the_responsible_council(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    paths.catalogue_db.unlink()  # a fresh machine: the demo is loaded
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(window) and window.search.model.rowCount() > 0, timeout=20000)
    qtbot.keyClicks(window.search.filters.postcode, LANCASTER_POSTCODE)

    search(qtbot, window, "bin collection")
    badges = window.search.proxy.index(0, 0).data(BadgesRole)
    assert any(f"Covers {LANCASTER_POSTCODE}" in b for b in badges)
    qtbot.waitUntil(lambda: bool(responsible_shown(window)))
    assert "Lancaster City Council is responsible" in responsible_shown(window)
    assert window.detail.detail is not None
    assert window.detail.detail.organization == "Lancaster City Council"

    search(qtbot, window, "primary school admissions")
    qtbot.waitUntil(lambda: bool(responsible_shown(window)))
    assert "Lancashire County Council is responsible" in responsible_shown(window)
    assert window.detail.detail is not None
    assert window.detail.detail.organization == "Lancashire County Council"
    assert "We do not know the postcode" not in window.search.notice.text()
    close_stores(window)
