"""Reopening a saved enquiry from today's list by keyboard, or by typing its reference in
the search box, correcting it, and reading its history — with what desk.db then holds."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome
from frontdesk.gui.enquiry.today import REFERENCE_COLUMN
from frontdesk.gui.main_window import MainWindow
from frontdesk.store.paths import DataPaths
from tests.gui.test_keyboard_flow import ALT, CTRL, focused


def save_one(
    qtbot: QtBot, window: MainWindow, notes: str = "Bin missed twice", *, new: bool = True
) -> str:
    """An enquiry saved through the form by keyboard; returns the reference shown."""
    form = window.form
    if new:
        qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_N, ALT)
    qtbot.keyClicks(form.notes, notes)
    qtbot.keyClick(focused(), Qt.Key.Key_O, ALT)
    # A combo box's type-ahead goes on from the last letters typed within this interval.
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    qtbot.keyClicks(form.outcome, "Callback")
    rows = window.today.model.rowCount()
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == rows + 1)
    reference = str(window.today.model.index(0, REFERENCE_COLUMN).data())
    assert reference in window.info_line.text(), "the reference is given on save"
    return reference


def desk_rows(paths: DataPaths, sql: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(paths.desk_db)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def test_return_on_todays_list_reopens_it_and_a_correction_is_saved_with_history(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    reference = save_one(qtbot, window)
    qtbot.keyClick(focused(), Qt.Key.Key_F9)
    assert focused() is window.today.table
    window.today.table.setCurrentIndex(window.today.model.index(0, 0))
    qtbot.keyClick(window.today.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.enquiry_stack.currentWidget() is window.reopen)
    panel = window.reopen
    assert focused() is panel.note
    assert reference in panel.title.text()
    assert panel.history.count() == 3  # saved, note, outcome
    assert "Callback arranged" in panel.history.item(2).text()

    qtbot.keyClicks(panel.note, "Crew came back and emptied it")
    qtbot.keyClick(focused(), Qt.Key.Key_O, ALT)
    assert focused() is panel.outcome
    qtbot.keyClicks(panel.outcome, "Resolved")
    qtbot.keyClick(focused(), Qt.Key.Key_E, ALT)
    qtbot.waitUntil(panel.follow_up.isChecked)
    panel.save_button.setFocus()
    qtbot.keyClick(panel.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: panel.history.count() == 5)
    assert "Corrected" in panel.history.item(3).text()
    assert "Crew came back" in panel.history.item(3).text()
    assert "Follow-up done" in panel.history.item(4).text()
    assert not panel.follow_up.isEnabled(), "follow-up done once is done"
    assert "Resolved at first contact" in panel.summary.text()
    assert reference in window.info_line.text()

    [(outcome, done)] = desk_rows(paths, "SELECT outcome, follow_up_done_at FROM enquiries")
    assert outcome == "resolved at first contact" and done is not None
    kinds = [k for (k,) in desk_rows(paths, "SELECT kind FROM outbox ORDER BY device_seq")]
    assert kinds[-2:] == ["amended", "follow-up done"], "each correction waits in the outbox"
    assert window.today.model.index(0, 2).data() == "Resolved at first contact"

    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert window.enquiry_stack.currentWidget() is window.form


def test_typing_a_reference_in_the_search_box_opens_that_enquiry(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    reference = save_one(qtbot, window)
    window.focus_search()
    typed = f"{reference[:3].lower()}-{reference[3:]}"
    qtbot.keyClicks(window.search.box, typed)
    qtbot.waitUntil(lambda: window.enquiry_stack.currentWidget() is window.reopen)
    assert reference in window.reopen.title.text()
    assert reference in window.info_line.text()
    qtbot.keyClick(focused(), Qt.Key.Key_F8)
    assert focused() is window.reopen.note


def test_a_new_call_about_a_reopened_enquiry_is_linked_to_it(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    reference = save_one(qtbot, window)
    window.today.table.setFocus()
    window.today.table.setCurrentIndex(window.today.model.index(0, 0))
    qtbot.keyClick(window.today.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.enquiry_stack.currentWidget() is window.reopen)
    qtbot.mouseClick(window.reopen.new_call_button, Qt.MouseButton.LeftButton)
    assert window.enquiry_stack.currentWidget() is window.form
    assert reference in window.form.follows_note.text()
    assert focused() is window.search.box, "a new call starts at the search box"
    save_one(qtbot, window, notes="Still not emptied", new=False)
    rows = desk_rows(paths, "SELECT id, follows_id FROM enquiries ORDER BY saved_at")
    assert rows[1][1] == rows[0][0]
    window.today.table.setFocus()
    window.today.table.setCurrentIndex(window.today.model.index(0, 0))
    qtbot.keyClick(window.today.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reference in window.reopen.summary.text())


def test_a_redirected_referral_goes_to_the_service_chosen_in_the_search(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    assert window.desk is not None
    enquiry = window.desk.save(
        EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=Channel.PHONE,
            started_at=dt.datetime.now(dt.UTC),
            service_ids=("a:1",),
            notes="Housing repair",
            outcome=Outcome.REFERRED,
            referral_service_id="a:1",
        )
    ).enquiry
    window.reopening.open(enquiry.id)
    qtbot.waitUntil(lambda: window.enquiry_stack.currentWidget() is window.reopen)
    panel = window.reopen
    # Return on a search result, while the enquiry is reopened, chooses it under Refer to.
    window.focus_search()
    qtbot.keyClicks(window.search.box, "council tax")
    qtbot.waitUntil(lambda: bool(window.search.current_id()))
    found = window.search.current_id()
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert panel.referral.currentData() == found
    assert window.form.linked_model.ids() == (), "nothing is linked to the hidden form"
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(
        lambda: panel.reopened is not None and panel.reopened.enquiry.referral_service_id == found
    )
    kinds = [k for (k,) in desk_rows(paths, "SELECT kind FROM outbox ORDER BY device_seq")]
    assert kinds[-2:] == ["amended", "referral sent"]
    assert "a:1" not in panel.summary.text().split("Referred to: ")[1]


def test_ctrl_s_saves_the_correction_and_ctrl_n_goes_back_to_a_new_enquiry(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    save_one(qtbot, window)
    window.today.table.setFocus()
    window.today.table.setCurrentIndex(window.today.model.index(0, 0))
    qtbot.keyClick(window.today.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.enquiry_stack.currentWidget() is window.reopen)
    qtbot.keyClicks(window.reopen.note, "Rang back")
    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.reopen.history.count() == 4)
    [(kind,)] = desk_rows(paths, "SELECT kind FROM outbox ORDER BY device_seq DESC LIMIT 1")
    assert kind == "amended"
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    assert window.enquiry_stack.currentWidget() is window.form
    assert window.form.in_progress and focused() is window.search.box
