"""Asking how to send a service's details to the caller: which service, text or e-mail,
to what number or address, and the caller's agreement. Behind `SendDetailsDialog.ask` so
tests can answer it.

The number or address is checked as it will be on the hub (a UK mobile for a text), and
a problem is named under the field rather than in a pop-up.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        form.addRow(self.consent)
        form.addRow(self.buttons)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.consent.toggled.connect(self._update)
        self.recipient.textChanged.connect(self._update)
        self._update()

    def _channel_changed(self) -> None:
        wanted = self._phone if self.channel.currentData() == SMS else self._email
        self.recipient.setText(wanted)

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
        cls, parent: QWidget | None, services: list[tuple[str, str]], phone: str, email: str
    ) -> SendRequest | None:
        dialog = cls(services, phone, email, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
