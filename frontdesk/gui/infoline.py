"""The line under the enquiry form for short confirmations ("Linked …", "Nothing to save
yet"): where the adviser is looking while they link and save, and kept until the next
one, so nobody has to catch it in the status bar before it goes. Screen readers hear it
as it changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget


class InfoLine(QLabel):
    """The latest information message; hidden while there is none. Signals: QLabel's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleDescription(self.tr("Latest information message"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.show()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def clear_message(self, text: str | None = None) -> None:
        """Hide the line; with `text`, only if that is still what it says."""
        if text is None or self.text() == text:
            self.clear()
            self.setAccessibleName("")
            self.hide()
