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
        self._pinned = ""
        self._latest = ""
        self.hide()

    def show_message(self, text: str) -> None:
        self._latest = text
        self._show()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def pin(self, text: str) -> None:
        """Keep `text` above the latest message until `clear_message()` (a new call, a
        save): a restored enquiry must not be announced only to be replaced at once by
        what starting up says next ("Demo catalogue loaded")."""
        self._pinned = text
        self._show()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    def unpin(self) -> None:
        self._pinned = ""
        self._show()

    def _show(self) -> None:
        shown = "\n".join(t for t in (self._pinned, self._latest) if t)
        self.setText(shown)
        self.setAccessibleName(shown)
        self.setVisible(bool(shown))

    def clear_message(self, text: str | None = None) -> None:
        """Hide the line (the pinned text too); with `text`, only that message, if it is
        still the latest."""
        if text is None:
            self._pinned = self._latest = ""
        elif self._latest == text:
            self._latest = ""
        self._show()
