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


def test_an_enquiry_with_only_an_outcome_is_refused_at_the_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = window.form
    qtbot.keyClick(window.search.box, Qt.Key.Key_N, CTRL)
    form.outcome.setCurrentIndex(1)
    qtbot.keyClicks(form.notes, "   ")
    qtbot.keyClick(form.outcome, Qt.Key.Key_S, CTRL)
    assert form.in_progress and window.today.model.rowCount() == 0
    assert window.info_line.isVisible()
    assert window.info_line.text().startswith("Nothing to save yet")
    assert form.notes.hasFocus()


def test_a_link_confirmation_stays_under_the_form_until_the_next_call(
    qtbot: QtBot, window: MainWindow
) -> None:
    search = window.search
    qtbot.waitUntil(lambda: search.current_id() != "")
    name = search.results.currentIndex().data()
    qtbot.keyClick(search.box, Qt.Key.Key_Return)
    assert window.form.linked_model.ids() == (search.current_id(),)
    assert window.info_line.isVisible()
    assert window.info_line.text() == f"Linked “{name}” to the enquiry."
    assert window.statusBar().currentMessage() == ""  # not where it used to vanish
    window.form.linked_model.reset((), {})  # so Ctrl+N asks nothing
    qtbot.keyClick(search.box, Qt.Key.Key_N, CTRL)
    assert not window.info_line.isVisible()
