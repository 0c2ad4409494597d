"""Asking how to send a service's details to the caller: which service, text or e-mail,
to what number or address, and the caller's agreement. Behind `SendDetailsDialog.ask` so
tests can answer it.

The number or address is checked as it will be on the hub (a UK mobile for a text), and
a problem is named under the field rather than in a pop-up. Whether the hub can send the
chosen channel yet (GOV.UK Notify set up for the organisation) is shown once the hub has
answered, so the adviser does not promise a text it cannot send.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from frontdesk.store.details_sent import EMAIL, SMS, RecipientError, checked_recipient
from frontdesk.sync.notify_status import HubSends


@dataclass(frozen=True, slots=True)
class SendRequest:
    service_id: str
    channel: str
    recipient: str


class SendDetailsDialog(QDialog):
    """Signals: QDialog's own."""

    def __init__(
        self,
        services: list[tuple[str, str]],
        phone: str,
        email: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send the service's details to the caller"))
        self._phone, self._email = phone, email
        self.service = QComboBox()
        for service_id, name in services:
            self.service.addItem(name, service_id)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Text message (UK mobile)"), SMS)
        self.channel.addItem(self.tr("E-mail"), EMAIL)
        self.recipient = QLineEdit(phone)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.hub_note = QLabel()
        self.hub_note.setWordWrap(True)
        self.hub_note.hide()
        self._sending: dict[str, HubSends] = {}
        self.consent = QCheckBox(self.tr("The caller &agrees to be sent this"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Send"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Ser&vice:"), self.service)
        form.addRow(self.tr("Send &by:"), self.channel)
        form.addRow(self.tr("&To:"), self.recipient)
        form.addRow(self.problem)
        form.addRow(self.hub_note)
        form.addRow(self.consent)
        form.addRow(self.buttons)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.consent.toggled.connect(self._update)
        self.recipient.textChanged.connect(self._update)
        self._update()

    def _channel_changed(self) -> None:
        wanted = self._phone if self.channel.currentData() == SMS else self._email
        self.recipient.setText(wanted)
        self._show_hub()

    def set_hub_sending(self, sending: dict[str, HubSends]) -> None:
        """The hub's answer: what it can send now, per channel."""
        self._sending = sending
        self._show_hub()

    def _show_hub(self) -> None:
        channel = str(self.channel.currentData())
        note = hub_note(self._sending.get(channel, HubSends.YES), channel)
        self.hub_note.setText(note or "")
        self.hub_note.setVisible(note is not None)

    def _update(self) -> None:
        ready = self.consent.isChecked() and bool(self.recipient.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _check(self) -> None:
        try:
            checked_recipient(str(self.channel.currentData()), self.recipient.text())
        except RecipientError:
            text = (
                self.tr("This is not a UK mobile number, so it cannot take a text.")
                if self.channel.currentData() == SMS
                else self.tr("This is not an e-mail address mail can be sent to.")
            )
            self.problem.setText(text)
            self.problem.show()
            self.recipient.setAccessibleDescription(text)
            self.recipient.setFocus()
            return
        self.accept()

    def request(self) -> SendRequest:
        return SendRequest(
            str(self.service.currentData()),
            str(self.channel.currentData()),
            self.recipient.text().strip(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        services: list[tuple[str, str]],
        phone: str,
        email: str,
        asking_hub: Callable[[SendDetailsDialog], None],
    ) -> SendRequest | None:
        """`asking_hub` starts asking the hub, and gives the dialog its answer."""
        dialog = cls(services, phone, email, parent)
        asking_hub(dialog)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


def hub_note(sends: HubSends, channel: str) -> str | None:
    """What the adviser must know before promising the caller a text or an e-mail."""
    if sends is HubSends.NOT_SET_UP:
        if channel == SMS:
            return QCoreApplication.translate(
                "SendDetails",
                "This hub cannot send texts yet: ask your supervisor to set up GOV.UK "
                "Notify; the request is kept and sent once it can.",
            )
        return QCoreApplication.translate(
            "SendDetails",
            "This hub cannot send e-mails yet: ask your supervisor to set up GOV.UK "
            "Notify; the request is kept and sent once it can.",
        )
    if sends is HubSends.UNKNOWN:
        return QCoreApplication.translate(
            "SendDetails",
            "The hub cannot be asked now whether it can send this: the request is kept and "
            "goes to the hub when this desk is back online.",
        )
    if sends is HubSends.NO_HUB:
        return QCoreApplication.translate(
            "SendDetails",
            "This desk is not signed in to a hub: the request is kept and sent once the "
            "desk signs in and syncs.",
        )
    return None
