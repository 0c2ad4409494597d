"""Widgets that ask for the size they need and no more, or no less.

A form inside a scroll area is laid out at its fields' preferred heights (a word-wrapping
row makes the scroll area ask for height-for-width), and Qt's list and text views prefer
192 px whatever their content, which put the outcome and Save below a scroll on a
1366×768 laptop. These prefer their minimum height and still grow into any spare height
through their expanding size policy.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QListView, QPlainTextEdit


class CompactListView(QListView):
    """A QListView whose preferred height is its minimum. Signals: QListView's own."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class CompactTextEdit(QPlainTextEdit):
    """A QPlainTextEdit whose preferred height is its minimum. Signals: QPlainTextEdit's own."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class FieldLabel(QLabel):
    """A field's label with half a character to spare at its end: at large text sizes
    Qt draws some words a few pixels wider than it measures them, which cut the last
    letter off ("Telephon"). Signals: QLabel's own."""

    def _spare(self) -> int:
        return self.fontMetrics().averageCharWidth() // 2 + 1

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width() + self._spare(), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width() + self._spare(), hint.height())
