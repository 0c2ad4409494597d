"""Signing this desk in to a hub from the app: the hub's address, the account and its
password. The password goes to the hub once and is forgotten; what the hub gives back is
kept in the OS keyring (see `sync.session`).

The dialog only asks and shows: whoever opens it signs in when `submitted` fires (off the
GUI thread: the hub may take seconds to answer), then calls `succeeded` or `failed`.
While the hub is asked the fields are locked and the button says so; a refusal keeps the
dialog open with the hub's words and the password cleared, so the adviser can try again.
The layout is the form ui/sign_in.ui.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QWidget

from frontdesk.gui import forms


class SignInDialog(QDialog):
    """Signals:
    submitted(str, str, str): sign in with this hub address, account name and password.
    """

    submitted = Signal(str, str, str)

    def __init__(self, hub_url: str = "", user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        forms.load(self, "sign_in")
        self.hub = forms.child(self, QLineEdit, "hub")
        self.user = forms.child(self, QLineEdit, "user")
        self.password = forms.child(self, QLineEdit, "password")
        self.problem = forms.child(self, QLabel, "problem")
        self.hub.setText(hub_url)
        self.user.setText(user)
        self.hub.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 40))  # a whole URL
        self.problem.hide()
        buttons = forms.child(self, QDialogButtonBox, "buttons")
        # A button of our own words: a .ui button box holds only Qt's standard buttons.
        self.sign_in_button: QPushButton = buttons.addButton(
            self.tr("&Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Created after the form's Cancel, it would otherwise come before it in the Tab order.
        self.setTabOrder(
            buttons.button(QDialogButtonBox.StandardButton.Cancel), self.sign_in_button
        )
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)

    def showEvent(self, event: QShowEvent) -> None:
        """Start in the first field left to fill (the password, when signing in again)."""
        super().showEvent(event)
        # Return signs in: the button box, once shown, makes Cancel its default otherwise.
        self.sign_in_button.setDefault(True)
        next((e for e in (self.hub, self.user) if not e.text()), self.password).setFocus()

    def _submit(self) -> None:
        hub, user = self.hub.text().strip(), self.user.text().strip()
        password = self.password.text()
        filled = ((self.hub, hub), (self.user, user), (self.password, password))
        empty = [editor for editor, value in filled if not value]
        if empty:
            self._show_problem(
                self.tr("Fill in the hub address, the account name and the password.")
            )
            empty[0].setFocus()
            return
        self._set_busy(True)
        self.submitted.emit(hub, user, password)

    def succeeded(self) -> None:
        self.password.clear()
        self.accept()

    def failed(self, reason: str) -> None:
        """Signing in did not work: say why, keep what was typed but the password."""
        self._set_busy(False)
        self.password.clear()
        self._show_problem(self.tr("Not signed in: {0}").format(reason))
        self.password.setFocus()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setAccessibleDescription(text)
        self.problem.show()

    def _set_busy(self, busy: bool) -> None:
        for editor in (self.hub, self.user, self.password):
            editor.setEnabled(not busy)
        self.sign_in_button.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("&Sign in"))
