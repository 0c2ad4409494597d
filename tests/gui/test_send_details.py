"""Sending a service's details to the caller from the window (Ctrl+Shift+T): recorded on
the saved enquiry for the hub to send, and its status shown in today's list; the dialog
asks for the caller's agreement and checks the number."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from frontdesk.gui.enquiry.send_dialog import SendDetailsDialog, SendRequest
from frontdesk.gui.main_window import MainWindow
from frontdesk.store.details_sent import sent_for, set_status
from frontdesk.sync.notify_status import HubSends
from tests.gui.test_main_window import detail_matches, search

NO_HUB = (
    "This desk is not signed in to a hub: the request is kept and sent once the desk signs "
    "in and syncs."
)


def _saved_enquiry(qtbot: QtBot, window: MainWindow) -> str:
    search(qtbot, window, "missed bin")
    qtbot.waitUntil(lambda: detail_matches(window))
    window.enquiries.new_enquiry()
    window.search.results.setFocus()
    window.add_selected()
    qtbot.keyClicks(window.form.notes, "Asked when the bin will be emptied.")
    window.form.outcome.setCurrentIndex(window.form.outcome.findText("Signposted"))
    qtbot.mouseClick(window.form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)
    window.today.table.selectRow(0)  # the form has moved on to the next call
    enquiry = window.today.model.enquiry(0)
    assert enquiry is not None
    return enquiry.id


def test_ctrl_shift_t_records_a_text_and_today_shows_its_status(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    enquiry = _saved_enquiry(qtbot, window)
    asked: list[list[tuple[str, str]]] = []

    def answer(
        cls: object,
        parent: object,
        services: list[tuple[str, str]],
        phone: str,
        email: str,
        asking_hub: object,
    ) -> SendRequest:
        asked.append(services)
        return SendRequest(services[0][0], "sms", "07700 900123")

    monkeypatch.setattr(SendDetailsDialog, "ask", classmethod(answer))
    window.actions_by_name["send_details"].trigger()
    qtbot.waitUntil(lambda: "text: waiting to send" in _status(window))
    assert "will be sent by the hub" in window.info_line.text()
    assert window.desk is not None
    [sent] = sent_for(window.desk.log, [enquiry])[enquiry]
    assert sent.service_id == asked[0][0][0]  # the service offered first
    set_status(window.desk.log, sent.event_id, "delivered", None, "2026-12-07T10:00:00+00:00")
    window._refresh_today()
    qtbot.waitUntil(lambda: "text: delivered" in _status(window))


def test_a_desk_without_a_hub_says_so_before_the_text_is_promised(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    enquiry = _saved_enquiry(qtbot, window)
    notes: list[str] = []

    def answer(
        cls: type[SendDetailsDialog],
        parent: object,
        services: list[tuple[str, str]],
        phone: str,
        email: str,
        asking_hub: Callable[[SendDetailsDialog], None],
    ) -> SendRequest:
        dialog = cls(services, phone, email)
        qtbot.addWidget(dialog)
        asking_hub(dialog)
        qtbot.waitUntil(lambda: bool(dialog.hub_note.text()))
        notes.append(dialog.hub_note.text())
        return SendRequest(services[0][0], "sms", "07700 900123")

    monkeypatch.setattr(SendDetailsDialog, "ask", classmethod(answer))
    window.actions_by_name["send_details"].trigger()
    qtbot.waitUntil(lambda: "text: waiting to send" in _status(window))
    assert notes == [NO_HUB]
    assert window.message_bar.text.text().endswith(NO_HUB)  # a warning: hard to miss
    assert window.desk is not None
    assert len(sent_for(window.desk.log, [enquiry])[enquiry]) == 1  # kept all the same


def test_the_dialog_names_what_the_hub_cannot_send_for_the_chosen_channel(
    qtbot: QtBot,
) -> None:
    dialog = SendDetailsDialog([("demo:1", "Food bank")], "07700 900123", "ann@example.org")
    qtbot.addWidget(dialog)
    assert dialog.hub_note.isHidden()  # no answer yet: nothing claimed
    dialog.set_hub_sending({"sms": HubSends.NOT_SET_UP, "email": HubSends.YES})
    assert dialog.hub_note.text().startswith("This hub cannot send texts yet: ask your supervisor")
    assert not dialog.hub_note.isHidden()
    dialog.channel.setCurrentIndex(1)  # e-mail, which it can send
    assert dialog.hub_note.isHidden()
    dialog.set_hub_sending({"sms": HubSends.UNKNOWN, "email": HubSends.UNKNOWN})
    assert dialog.hub_note.text().startswith("The hub cannot be asked now")


def _status(window: MainWindow) -> str:
    return str(window.today.model.index(0, 4).data())


def test_an_unsaved_enquiry_is_saved_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SendDetailsDialog, "ask", classmethod(lambda *a: pytest.fail("asked")))
    search(qtbot, window, "missed bin")
    qtbot.waitUntil(lambda: detail_matches(window))
    window.enquiries.new_enquiry()
    window.actions_by_name["send_details"].trigger()
    qtbot.waitUntil(lambda: "Save the enquiry first" in window.info_line.text())


def test_the_dialog_needs_consent_and_a_uk_mobile_for_a_text(qtbot: QtBot) -> None:
    dialog = SendDetailsDialog([("demo:1", "Food bank")], "0117 496 0000", "ann@example.org")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no agreement yet
    dialog.consent.setChecked(True)
    assert ok.isEnabled()
    ok.click()  # a landline
    assert dialog.problem.text().startswith("This is not a UK mobile number")
    assert dialog.result() == 0  # still open
    dialog.channel.setCurrentIndex(1)  # e-mail: the caller's address is offered
    assert dialog.recipient.text() == "ann@example.org"
    ok.click()
    assert dialog.result() == 1
    assert dialog.request() == SendRequest("demo:1", "email", "ann@example.org")
