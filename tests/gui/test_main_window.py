"""The adviser's screen opened on a real catalogue and desk.db."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.search.model import BadgesRole
from tests.gui.conftest import CALLER_POSTCODE


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search.box.clear()
    qtbot.keyClicks(window.search.box, text)
    window.search.search_now()
    qtbot.waitUntil(lambda: shown(window, text))


def shown(window: MainWindow, text: str) -> bool:
    request = window.search.shown_request
    return (
        request is not None
        and request.text == text
        and request.postcode == (window.search.filters.postcode.text())
    )


def test_typing_shows_matching_services_with_their_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, "missed bin")
    names = [window.search.proxy.index(r, 0).data() for r in range(window.search.proxy.rowCount())]
    assert any("bin" in n.lower() for n in names)
    qtbot.waitUntil(lambda: detail_matches(window))
    assert window.detail.detail.service.name == names[0]
    assert "Opening hours" in window.detail.browser.toPlainText()


def test_a_misspelling_says_what_was_searched_instead(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "councl tax")
    assert window.search.notice.isVisible()
    assert "Showing results for" in window.search.notice.text()


def test_the_callers_postcode_adds_coverage_badges_and_who_is_responsible(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClicks(window.search.filters.postcode, CALLER_POSTCODE)
    search(qtbot, window, "council tax")
    badges = window.search.proxy.index(0, 0).data(BadgesRole)
    assert any(f"Covers {CALLER_POSTCODE}" in b for b in badges)
    qtbot.waitUntil(lambda: detail_matches(window) and window.detail.detail.responsible is not None)
    assert "Trafford is responsible" in window.detail.browser.toPlainText()


def test_an_unknown_postcode_is_said_plainly(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search.filters.postcode, "ZZ9 9ZZ")
    search(qtbot, window, "council tax")
    assert "We do not know the postcode ZZ9 9ZZ" in window.search.notice.text()


def test_open_now_narrows_the_list_without_a_new_search(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "council")
    before = window.search.proxy.rowCount()
    window.search.filters.open_now.setChecked(True)
    after = window.search.proxy.rowCount()
    assert after <= before
    for row in range(after):
        assert "Open now" in " ".join(window.search.proxy.index(row, 0).data(BadgesRole))


def test_copy_first_phone_with_one_key(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    search(qtbot, window, "missed bin")
    qtbot.waitUntil(lambda: detail_matches(window))
    qtbot.keyClick(
        window.search.box,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    phone = window.detail.detail.service.phones[0].number
    assert QGuiApplication.clipboard().text() == phone
    assert phone in window.info_line.text()


def test_status_bar_says_standalone_and_how_old_the_catalogue_is(window: MainWindow) -> None:
    assert window.status.mode.text() == "Standalone"
    assert window.status.catalogue.text() == "Catalogue updated today"
    assert window.status.waiting.text() == "0 enquiries waiting to send"


def detail_matches(window: MainWindow) -> bool:
    detail = window.detail.detail
    return detail is not None and detail.id == window.search.current_id()
