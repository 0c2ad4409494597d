"""The caller's telephone, e-mail and postcode are checked at the field: a problem is a
visible line naming the field (not only a colour), and the enquiry is not saved."""

from __future__ import annotations

import json
import sqlite3

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.gui.main_window import MainWindow
from frontdesk.store.paths import DataPaths
from tests.gui.test_enquiry_safety import type_an_enquiry


def leave(qtbot: QtBot, window: MainWindow) -> None:
    """Move on to the notes, as Tab or a mnemonic would (the field's editing finishes)."""
    window.form.notes.setFocus()
    qtbot.waitUntil(window.form.notes.hasFocus)


def saved_callers(paths: DataPaths) -> list[dict[str, str]]:
    db = sqlite3.connect(paths.desk_db)
    try:
        return [json.loads(c) for (c,) in db.execute("SELECT caller FROM enquiries")]
    finally:
        db.close()


def test_an_email_without_a_proper_domain_is_named_at_its_field_and_not_saved(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    type_an_enquiry(qtbot, window)
    form = window.form
    form.email.setFocus()
    qtbot.keyClicks(form.email, "joan.oneill@example")
    leave(qtbot, window)
    problem = form.caller_checks.labels["email"]
    assert problem.isVisible() and problem.text().startswith("E-mail:")
    assert form.email.accessibleDescription() == problem.text()  # read out at the field

    qtbot.keyClick(form.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "e-mail address 'joan.oneill@example'" in window.message_bar.text.text()
    assert form.email.hasFocus() and form.in_progress
    assert saved_callers(paths) == []

    qtbot.keyClicks(form.email, ".org")  # corrected: the message goes as it is fixed
    assert not problem.isVisible() and form.email.accessibleDescription() == ""


def test_a_bad_phone_and_postcode_are_each_marked_when_save_is_pressed(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    type_an_enquiry(qtbot, window)
    form = window.form
    form.phone.setText("0161 91")
    form.postcode.setText("M33")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    labels = form.caller_checks.labels
    assert labels["phone"].isVisible() and labels["phone"].text().startswith("Telephone:")
    assert labels["postcode"].isVisible() and labels["postcode"].text().startswith("Postcode:")
    assert not labels["email"].isVisible()
    assert form.phone.hasFocus()  # the first field at fault
    qtbot.waitUntil(window.message_bar.isVisible)
    assert saved_callers(paths) == []

    form.consent.setChecked(False)  # nothing kept, so nothing left to correct
    assert not labels["phone"].isVisible() and not labels["postcode"].isVisible()


def test_a_number_typed_internationally_is_shown_nationally_and_stored_as_e164(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    type_an_enquiry(qtbot, window)
    form = window.form
    form.phone.setFocus()
    qtbot.keyClicks(form.phone, "+44 161 912 2000")
    leave(qtbot, window)
    assert form.phone.text() == "0161 912 2000"
    assert not form.caller_checks.labels["phone"].isVisible()

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)
    [caller] = saved_callers(paths)
    assert caller["phone"] == "+441619122000"
