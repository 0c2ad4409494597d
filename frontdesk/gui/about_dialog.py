"""Help → About frontdesk: what it is, its version and licence, and the data folder in use
(the first thing support asks). The layout is the form ui/about.ui."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from frontdesk import __version__
from frontdesk.gui import forms

# Wide enough for most data folders; a longer one scrolls in its (read-only) field.
FOLDER_CHARS = 60


class AboutDialog(QDialog):
    """Read-only facts about this frontdesk. Signals: QDialog's own."""

    def __init__(self, data_folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        forms.load(self, "about")
        self.version = forms.child(self, QLabel, "version")
        self.version.setText(__version__)
        self.data_folder = forms.child(self, QLineEdit, "data_folder")
        if data_folder is None:  # a window no desk files were opened for
            forms.child(self, QFormLayout, "facts").setRowVisible(self.data_folder, False)
        else:
            folder = str(data_folder)
            self.data_folder.setText(folder)
            self.data_folder.setCursorPosition(0)  # the start of a long path, not its end
            metrics = self.data_folder.fontMetrics()
            text = min(
                metrics.horizontalAdvance(folder), metrics.horizontalAdvance("x" * FOLDER_CHARS)
            )
            # (plus two characters for the field's frame and margins)
            self.data_folder.setMinimumWidth(text + 2 * metrics.averageCharWidth())
        forms.child(self, QDialogButtonBox, "buttons").rejected.connect(self.reject)

    @classmethod
    def show_about(cls, data_folder: Path | None, parent: QWidget | None) -> None:
        """Show the dialog until the adviser closes it (tests replace this)."""
        cls(data_folder, parent).exec()
