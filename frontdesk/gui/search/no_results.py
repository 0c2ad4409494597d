"""What the results list says when it is empty because of the filters: which filters are
on, how many services they hide, and a button (reached by Tab) that clears them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class NoResults(QFrame):
    """Shown in place of an empty results list while filters are on.

    Signals:
        clear_requested(): the adviser asked to clear every filter.
    """

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.clear_button = QPushButton(self.tr("Clear the filters and search everything"))
        self.clear_button.clicked.connect(self.clear_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addWidget(self.clear_button)
        self.hide()

    def show_for(self, filters: list[str], hidden: int | None, more: bool) -> None:
        """Say that `filters` (described in words) leave nothing, and what they hide:
        `hidden` services found without them (at least that many when `more`)."""
        text = self.tr("No services found with these filters: {0}.").format("; ".join(filters))
        if hidden:
            if more:
                text += " " + self.tr("Without them, more than %n services match.", "", hidden)
            else:
                text += " " + self.tr("Without them, %n service(s) match.", "", hidden)
        elif hidden == 0:
            text += " " + self.tr("Without them, nothing matches either: try other words.")
        self.text.setText(text)
        self.clear_button.setAccessibleDescription(text)
        was_shown = self.isVisible()
        self.show()
        if not was_shown:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))
