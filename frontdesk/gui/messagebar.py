"""A bar across the top of the window for warnings and errors: visible without stealing
focus from what the adviser is typing, read out by screen readers, closed with Escape."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from frontdesk.gui.message import Level


class MessageBar(QFrame):
    """Shows the latest warning or error. Signals: none of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close message (Esc)"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def show_message(self, level: Level, text: str) -> None:
        # The word "Warning"/"Error" carries the level; the frame colour only repeats it.
        prefix = self.tr("⚠ Warning:") if level is Level.WARNING else self.tr("✖ Error:")
        self.text.setText(f"{prefix} {text}")
        self.setProperty("level", level.value)
        self.setStyleSheet(
            "MessageBar { border: 2px solid palette(highlight); border-radius: 4px; }"
        )
        self.show()
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self.text.text()))
