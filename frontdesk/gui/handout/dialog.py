"""Printing a hand-out from the window: the caller's language and large print, then the
operating system's print dialog (its printer, paper — A4, or A5 on a library counter's
printer — and "Save as PDF" where the system offers it).

Both dialogs are behind classmethods (`HandoutOptions.ask`, `PrintDialog.ask`) so tests can
answer them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from frontdesk.gui.handout.content import Handout
from frontdesk.gui.handout.render import page_layout, paint


@dataclass(frozen=True, slots=True)
class HandoutChoice:
    language: str  # "en" | "cy"
    large: bool


class HandoutOptions(QDialog):
    """The hand-out's language and size. Signals: QDialog's own."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print a hand-out"))
        self.language = QComboBox()
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Welsh (Cymraeg)"), "cy")
        self.language.setCurrentIndex(1 if language == "cy" else 0)
        self.large = QCheckBox(self.tr("&Large print"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Print…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language of the hand-out:"), self.language)
        form.addRow(self.large)
        form.addRow(buttons)

    def choice(self) -> HandoutChoice:
        return HandoutChoice(str(self.language.currentData()), self.large.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, language: str) -> HandoutChoice | None:
        dialog = cls(language, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PrintDialog:
    """The system's print dialog behind a classmethod, so tests can answer it."""

    @classmethod
    def ask(cls, printer: QPrinter, parent: QWidget | None) -> bool:
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def new_printer() -> QPrinter:
    """A printer set up for an A4 hand-out (the dialog may change the paper)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(a5=False))
    printer.setDocName("frontdesk hand-out")
    return printer


def print_handout(parent: QWidget | None, handout: Handout, language: str) -> int:
    """Ask for the language and size, then the printer, and print; the pages printed (0:
    the adviser cancelled). OSError if the printer could not be opened."""
    choice = HandoutOptions.ask(parent, language)
    if choice is None:
        return 0
    printer = new_printer()
    if not PrintDialog.ask(printer, parent):
        return 0
    a5 = printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A5
    chosen = replace(handout, language=choice.language, large=choice.large, a5=a5)
    return paint(chosen, printer)
