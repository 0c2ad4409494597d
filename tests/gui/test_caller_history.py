"""The enquiry panel recognises a repeat caller as their details are typed, from this
desk's own enquiries (no hub: offline), and says nothing of a caller who did not consent.
Also the reason field, the call's duration and its wrap-up, by keyboard."""

from __future__ import annotations

import datetime as dt
import uuid

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.core.enquiry import Caller, Channel, EnquiryDraft, Outcome
from frontdesk.gui import i18n
from frontdesk.gui.enquiry.caller_history import CallerHistoryPanel
from frontdesk.gui.enquiry.today import DURATION_COLUMN
from frontdesk.gui.main_window import MainWindow
from frontdesk.store.caller_history import PastEnquiry
from tests.gui.test_enquiry_safety import type_an_enquiry
from tests.gui.with_hub import focused

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def earlier_call(window: MainWindow, caller: Caller, days_ago: int, **changes: object) -> str:
    """An enquiry saved on this desk `days_ago` days ago, with the first search result."""
    assert window.desk is not None
    started = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    draft = EnquiryDraft(
        id=str(uuid.uuid4()),
        channel=Channel.PHONE,
        started_at=started,
        caller=caller,
        service_ids=(window.search.current_id() or "",),
        notes="Bin missed again",
        outcome=Outcome.ADVICE_GIVEN,
        **changes,  # type: ignore[arg-type]
    )
    return window.desk.log.save(draft, now=started + dt.timedelta(minutes=4)).id


def type_caller_phone(qtbot: QtBot, window: MainWindow, phone: str) -> None:
    window.enquiries.new_enquiry()
    window.form.channel.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_K, ALT)  # keep the caller's details
    qtbot.waitUntil(window.form.consent.isChecked)  # a mnemonic animates the click first
    qtbot.keyClick(focused(), Qt.Key.Key_T, ALT)
    assert focused() is window.form.phone
    qtbot.keyClicks(window.form.phone, phone)


def test_typing_a_repeat_callers_number_shows_their_recent_calls(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.search.results.setFocus()
    service = window.search.results.currentIndex().data()
    joan = Caller(name="Joan O'Neill", phone="0161 912 2000", consent=True)
    earlier_call(window, joan, 3, reason="missed-collection")
    earlier_call(window, joan, 12)
    earlier_call(window, joan, 45)  # before the last 30 days: not counted
    earlier_call(window, Caller(phone="0161 912 2001", consent=True), 2)  # someone else

    panel = window.form.history
    with qtbot.waitSignal(window.enquiries.record.history.shown, timeout=5000) as shown:
        type_caller_phone(qtbot, window, "+44 (0)161 912 2000")
    qtbot.waitUntil(panel.isVisible)
    assert len(shown.args[0]) == 2
    assert panel.summary.text() == "Rang 2 times in the last 30 days"
    lines = panel.listing.text().splitlines()
    assert len(lines) == 2
    assert "Environment: Missed bin collection" not in lines[0]  # the reason's own words
    assert "Missed bin collection" in lines[0] and service in lines[0]
    assert "Advice given" in lines[0] and "Missed bin" not in lines[1]
    assert "Rang 2 times" in panel.accessibleDescription()

    window.form.consent.setChecked(False)  # no consent: nothing about the caller is shown
    qtbot.waitUntil(lambda: not panel.isVisible())


def test_a_caller_who_did_not_consent_before_is_not_recognised(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.search.results.setFocus()
    earlier_call(window, Caller(name="Ann", phone="0161 912 2000", consent=False), 1)
    with qtbot.waitSignal(window.enquiries.record.history.shown, timeout=5000) as shown:
        type_caller_phone(qtbot, window, "0161 912 2000")
    assert shown.args[0] == []
    assert not window.form.history.isVisible() and window.form.history.summary.text() == ""


def test_the_reason_is_chosen_by_keyboard_and_the_call_and_wrap_up_are_timed(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_an_enquiry(qtbot, window)
    form = window.form
    qtbot.keyClick(focused(), Qt.Key.Key_B, ALT)
    assert focused() is form.reason
    form.reason.setCurrentIndex(form.reason.findData("missed-collection"))
    assert form.reason.currentText() == "Environment: Missed bin collection"
    qtbot.keyClick(form.notes, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)
    saved = window.today.model.enquiry(0)
    assert saved is not None and saved.reason == "missed-collection"
    assert saved.duration_seconds is not None and saved.wrap_up_seconds is None
    assert window.today.model.index(0, DURATION_COLUMN).data().count(":") == 1
    assert form.wrap_up_button.isEnabled() and form.reason.currentIndex() == 0

    qtbot.mouseClick(form.wrap_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "wrap-up" in str(window.today.model.index(0, DURATION_COLUMN).data()))
    assert not form.wrap_up_button.isEnabled()
    again = window.today.model.enquiry(0)
    assert again is not None and again.wrap_up_seconds is not None


def test_the_next_call_ends_the_wrap_up(qtbot: QtBot, window: MainWindow) -> None:
    type_an_enquiry(qtbot, window)
    qtbot.keyClick(window.form.notes, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)
    qtbot.keyClick(window.form.notes, Qt.Key.Key_N, CTRL)  # the next caller
    qtbot.waitUntil(lambda: "wrap-up" in str(window.today.model.index(0, DURATION_COLUMN).data()))


def past(days_ago: int) -> PastEnquiry:
    started = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
    return PastEnquiry(str(uuid.uuid4()), started, (), Outcome.SIGNPOSTED, None)


def test_the_summary_counts_in_english_and_welsh_plural_forms(
    qtbot: QtBot, qapp: QApplication
) -> None:
    panel = CallerHistoryPanel()
    qtbot.addWidget(panel)
    panel.show_history([past(1)], ["one"], None)
    assert panel.summary.text() == "Rang once in the last 30 days"
    translators = i18n.install(qapp, "cy")
    try:
        panel.show_history([past(1), past(2)], ["one", "two"], None)
        assert panel.summary.text() == "Wedi ffonio 2 gwaith yn y 30 diwrnod diwethaf"
        panel.show_history([past(d) for d in range(5)], ["x"] * 5, None)
        assert panel.summary.text() == "Wedi ffonio 5 gwaith yn y 30 diwrnod diwethaf"
    finally:
        i18n.remove(qapp, translators)
        i18n.install(qapp, "en_GB")
