"""A list and a text box that ask only for the height they must have.

A form inside a scroll area is laid out at its fields' preferred heights (a word-wrapping
row makes the scroll area ask for height-for-width), and Qt's list and text views prefer
192 px whatever their content, which put the outcome and Save below a scroll on a
1366×768 laptop. These prefer their minimum height and still grow into any spare height
through their expanding size policy.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListView, QPlainTextEdit


class CompactListView(QListView):
    """A QListView whose preferred height is its minimum. Signals: QListView's own."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class CompactTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose preferred height is its minimum. Signals: QPlainTextEdit's own."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())
