"""One call after another on the main window: what a new call starts from, what an empty
enquiry is refused with, and where short confirmations appear."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.gui.main_window import MainWindow
from tests.gui.conftest import CALLER_POSTCODE

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_new_call_starts_with_a_clean_search(qtbot: QtBot, window: MainWindow) -> None:
    search, filters = window.search, window.search.filters
    qtbot.keyClicks(filters.postcode, CALLER_POSTCODE)
    qtbot.keyClicks(search.box, "council tax")
    filters.agency.setCurrentIndex(1)
    filters.category.setCurrentIndex(1)
    filters.open_now.setChecked(True)
    qtbot.keyClick(search.box, Qt.Key.Key_N, CTRL)
    assert window.form.in_progress
    assert search.box.text() == "" and search.box.hasFocus()
    assert filters.postcode.text() == ""
    assert filters.agency.currentIndex() == 0 and filters.category.currentIndex() == 0
    assert not filters.open_now.isChecked()
    qtbot.waitUntil(lambda: search.shown_request is not None and search.shown_request.text == "")
    assert search.shown_request is not None
    assert (search.shown_request.postcode, search.shown_request.organization_id) == ("", None)
