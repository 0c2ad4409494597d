"""A whole call with no mouse, checked where it matters: in desk.db."""

from __future__ import annotations

import json
import sqlite3

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.gui.main_window import MainWindow
from frontdesk.store.paths import DataPaths

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_a_whole_call_by_keyboard_is_saved_with_its_outbox_rows(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    form = window.form

    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    assert form.in_progress and "Call time" in form.timer.text()
    assert focused() is window.search.box

    qtbot.keyClicks(window.search.box, "council tax")
    qtbot.waitUntil(
        lambda: (
            window.search.shown_request is not None
            and window.search.shown_request.text == "council tax"
        )
    )
    qtbot.keyClick(window.search.box, Qt.Key.Key_Down)
    assert focused() is window.search.results
    first_id = window.search.current_id()
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert form.linked_model.ids() == (first_id,)

    qtbot.keyClick(window.search.results, Qt.Key.Key_Up)  # the first Down left the top row
    second_id = window.search.current_id()
    assert second_id != first_id
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return, CTRL)
    assert form.linked_model.ids() == (first_id, second_id)

    assert not form.name.isEnabled()  # no caller details without consent
    qtbot.keyClick(focused(), Qt.Key.Key_K, ALT)
    qtbot.waitUntil(form.consent.isChecked)  # a mnemonic animates the click first
    assert form.name.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_M, ALT)
    assert focused() is form.name
    qtbot.keyClicks(form.name, "Sam Caller")
    qtbot.keyClick(focused(), Qt.Key.Key_T, ALT)
    qtbot.keyClicks(form.phone, "0161 496 0000")
    qtbot.keyClick(focused(), Qt.Key.Key_C, ALT)
    qtbot.keyClicks(form.postcode, "m33 7zz")
    qtbot.keyClick(focused(), Qt.Key.Key_N, ALT)
    assert focused() is form.notes
    qtbot.keyClicks(form.notes, "Bin missed twice this month.")
    qtbot.keyClick(focused(), Qt.Key.Key_O, ALT)
    assert focused() is form.outcome
    qtbot.keyClicks(form.outcome, "Advice")
    assert form.outcome.currentText() == "Advice given"

    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)
    assert not form.in_progress and form.notes.toPlainText() == ""

    db = sqlite3.connect(paths.desk_db)
    try:
        [(enquiry_id, outcome, caller, summary)] = db.execute(
            "SELECT id, outcome, caller, summary FROM enquiries"
        ).fetchall()
        events = db.execute(
            "SELECT id, kind FROM enquiry_events WHERE enquiry_id = ? ORDER BY seq", (enquiry_id,)
        ).fetchall()
        outbox = db.execute("SELECT kind, payload FROM outbox ORDER BY device_seq").fetchall()
        drafts = db.execute("SELECT count(*) FROM drafts").fetchone()[0]
    finally:
        db.close()
    assert outcome == "advice given"
    assert json.loads(caller)["name"] == "Sam Caller"
    assert json.loads(caller)["postcode"] == "M33 7ZZ"
    assert first_id in summary and second_id in summary
    assert "Bin missed twice" in summary
    kinds = [kind for _, kind in events]
    assert kinds[0] == "created" and kinds.count("service linked") == 2
    assert len(outbox) == len(events)  # one outbox row per event, same transaction
    assert all(enquiry_id in payload for _, payload in outbox)
    assert drafts == 0  # saving removes the draft
    assert window.status.waiting.text() == "1 enquiry waiting to send"
