"""Help → Keyboard shortcuts: the shortcut table, read from `shortcuts.SHORTCUTS`.

The frame is the form ui/shortcuts.ui; the rows come from the table in code, so the
dialog, the window's actions and the README never disagree.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from frontdesk.gui import forms, window_size
from frontdesk.gui.shortcuts import SHORTCUTS


def native_keys(keys: tuple[str, ...], span: bool = False) -> str:
    """Keys as this platform writes them (Ctrl on Windows/Linux, ⌘ on macOS); a run of
    keys as its first and last."""
    texts = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys]
    return f"{texts[0]} … {texts[-1]}" if span else ", ".join(texts)


class ShortcutsDialog(QDialog):
    """A read-only two-column table of keys and what they do. Signals: QDialog's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        forms.load(self, "shortcuts")
        self.table = forms.child(self, QTableWidget, "table")
        self.table.setRowCount(len(SHORTCUTS))
        for row, binding in enumerate(SHORTCUTS):
            self.table.setItem(row, 0, QTableWidgetItem(native_keys(binding.keys, binding.span)))
            self.table.setItem(row, 1, QTableWidgetItem(binding.translated_text()))
        # Per-column resize modes are not something a .ui file can say.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # A long description wraps rather than being cut off: rows are measured again
        # whenever the column's real width is known or changes (shown, resized, text size).
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        forms.child(self, QDialogButtonBox, "buttons").rejected.connect(self.reject)
        # Sized in characters, not the pixels a form would hold, so it grows with the text;
        # never past the screen, where the descriptions' column would be cut off.
        window_size.size_in_characters(self, 110, 40)

    @classmethod
    def show_shortcuts(cls, parent: QWidget | None) -> None:
        cls(parent).exec()
