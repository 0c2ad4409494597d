"""One postcode per call: the caller's postcode typed in the search filter (where it says
who is responsible there) fills the caller's details, and the other way round, so the
adviser types it once.

A field follows the other only while it is empty or holds what was copied into it: a
postcode the adviser typed into each field by hand stays as typed (the caller lives in one
place and asks about another). The caller's details take it only with the caller's consent
(without it they keep nothing).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QLineEdit


class PostcodeLink(QObject):
    """Keeps the search filter's and the caller's postcode in step. Signals: none."""

    def __init__(
        self,
        search_postcode: QLineEdit,
        caller_postcode: QLineEdit,
        consent: QCheckBox,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._search, self._caller, self._consent = search_postcode, caller_postcode, consent
        self._typed: set[QLineEdit] = set()  # fields whose text the adviser typed there
        self._copying = False
        search_postcode.textEdited.connect(lambda text: self._edited(self._search, text))
        caller_postcode.textEdited.connect(lambda text: self._edited(self._caller, text))
        # Emptied (a new call, or consent withdrawn): the field follows again.
        search_postcode.textChanged.connect(lambda text: self._emptied(self._search, text))
        caller_postcode.textChanged.connect(lambda text: self._emptied(self._caller, text))
        consent.toggled.connect(self._consent_given)

    def _edited(self, source: QLineEdit, text: str) -> None:
        if self._copying:
            return
        self._typed.add(source)
        target = self._caller if source is self._search else self._search
        if target is self._caller and not self._consent.isChecked():
            return
        if target.text() and target in self._typed:
            return  # typed there by hand: the adviser meant a different postcode
        self._copy(target, text)

    def _emptied(self, field: QLineEdit, text: str) -> None:
        if not text:
            self._typed.discard(field)

    def _consent_given(self, checked: bool) -> None:
        if checked and not self._caller.text() and self._search.text():
            self._copy(self._caller, self._search.text())

    def _copy(self, target: QLineEdit, text: str) -> None:
        self._copying = True
        try:
            target.setText(text)
            # As if typed: the form saves its draft and the search filter searches again.
            target.textEdited.emit(text)
        finally:
            self._copying = False
