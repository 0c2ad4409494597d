"""The caller's telephone, e-mail and postcode fields checked where they are typed.

The checks themselves are the store's (`store.caller_details`), so the form refuses
exactly what a save would. A problem is shown as a line of text under the field that names
the field and gives an example, and the field's accessible description carries the same
text, so it does not depend on colour and a screen reader hears it on reaching the field.
A field is checked when the adviser leaves it and again when Save is pressed; while they
retype, a message disappears as soon as the text is acceptable, but never appears mid-word.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QLineEdit

from frontdesk.store.caller_details import checked_fields, display_phone, normalise_field


class CallerFieldChecks(QObject):
    """One problem label per checked field; the form lays the labels out under the fields.

    Signals:
        reformatted(): a valid entry was rewritten in its standard form on leaving it.
    """

    reformatted = Signal()

    def __init__(self, edits: dict[str, QLineEdit], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edits = {field: edits[field] for field in checked_fields()}
        self.labels: dict[str, QLabel] = {}
        for field, edit in self._edits.items():
            label = QLabel()
            label.setObjectName(f"{field}_problem")
            label.setWordWrap(True)
            label.hide()
            self.labels[field] = label
            edit.editingFinished.connect(partial(self.check, field))
            edit.textEdited.connect(partial(self._clear_if_fixed, field))

    def _message(self, field: str) -> str:
        return {
            "phone": self.tr(
                "Telephone: this is not a telephone number. Type it as, for example, "
                "0161 912 2000 or +44 161 912 2000, or leave it blank."
            ),
            "email": self.tr(
                "E-mail: this is not an e-mail address. It should look like "
                "name@example.org; correct it or leave it blank."
            ),
            "postcode": self.tr(
                "Postcode: this is not a UK postcode. It should look like M33 7ZZ; "
                "correct it or leave it blank."
            ),
        }[field]

    def check(self, field: str) -> bool:
        """Show or clear the field's problem; a valid entry is shown in its standard form."""
        edit = self._edits[field]
        typed = edit.text().strip()
        if not typed or not edit.isEnabled():
            self._show(field, None)
            return True
        try:
            value = normalise_field(field, typed)
        except ValueError:
            self._show(field, self._message(field))
            return False
        self._show(field, None)
        shown = display_phone(value) if field == "phone" else value
        if field != "email" and shown != edit.text():
            edit.setText(shown)
            self.reformatted.emit()
        return True

    def check_all(self) -> bool:
        """Check every field; focus the first one at fault so it can be corrected at once."""
        faulty = [field for field in self._edits if not self.check(field)]
        if faulty:
            self._edits[faulty[0]].setFocus()
        return not faulty

    def clear(self) -> None:
        for field in self._edits:
            self._show(field, None)

    def problem(self, field: str) -> str | None:
        label = self.labels[field]
        return label.text() if not label.isHidden() else None

    def _clear_if_fixed(self, field: str, _text: str = "") -> None:
        if self.problem(field) is None:
            return
        typed = self._edits[field].text().strip()
        try:
            if typed:
                normalise_field(field, typed)
        except ValueError:
            return
        self._show(field, None)

    def _show(self, field: str, text: str | None) -> None:
        label, edit = self.labels[field], self._edits[field]
        label.setText(text or "")
        label.setVisible(text is not None)
        edit.setAccessibleDescription(text or "")
