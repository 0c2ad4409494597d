"""The caller's postcode is typed once: the search filter and the caller's details follow
each other, the caller's details only with consent, and two postcodes typed by hand stay
as typed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def start_call(qtbot: QtBot, window: MainWindow, consent: bool) -> None:
    qtbot.keyClick(window.search.box, Qt.Key.Key_N, CTRL)
    window.form.consent.setChecked(consent)


def test_the_postcode_typed_in_the_search_filter_fills_the_callers_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    start_call(qtbot, window, consent=True)
    qtbot.keyClicks(window.search.filters.postcode, "M33 7ZZ")
    assert window.form.postcode.text() == "M33 7ZZ"
    assert window.form.draft().caller.postcode == "M33 7ZZ"


def test_the_postcode_typed_in_the_callers_details_fills_the_search_filter(
    qtbot: QtBot, window: MainWindow
) -> None:
    start_call(qtbot, window, consent=True)
    qtbot.keyClicks(window.form.postcode, "M33 7ZG")
    assert window.search.filters.postcode.text() == "M33 7ZG"
    qtbot.waitUntil(
        lambda: (
            window.search.shown_request is not None
            and window.search.shown_request.postcode == "M33 7ZG"
        )
    )


def test_without_consent_the_callers_details_keep_no_postcode(
    qtbot: QtBot, window: MainWindow
) -> None:
    start_call(qtbot, window, consent=False)
    qtbot.keyClicks(window.search.filters.postcode, "M33 7ZZ")
    assert window.form.postcode.text() == ""
    window.form.consent.setChecked(True)  # the caller agrees later in the call
    assert window.form.postcode.text() == "M33 7ZZ"


def test_two_postcodes_typed_by_hand_each_stay_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    start_call(qtbot, window, consent=True)
    qtbot.keyClicks(window.search.filters.postcode, "M33 7ZZ")
    window.form.postcode.clear()
    qtbot.keyClicks(window.form.postcode, "LA1 1AA")  # the caller lives elsewhere
    window.search.filters.postcode.clear()
    qtbot.keyClicks(window.search.filters.postcode, "M33 7ZG")  # asking about Sale
    assert window.form.postcode.text() == "LA1 1AA"
    assert window.search.filters.postcode.text() == "M33 7ZG"
