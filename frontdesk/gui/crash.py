"""Bugs go to a crash dialog and the log; the application keeps running.

`install()` replaces `sys.excepthook`, so an exception that escapes a slot or a background
task's callback is logged with its traceback and shown in `CrashDialog`. Environment
failures (disk full, bad file) never come here: they are messages (see `message`).
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("frontdesk.gui.crash")


class CrashDialog(QDialog):
    """Says something went wrong in frontdesk, with details to copy into a bug report.

    Signals: none beyond QDialog's.
    """

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("frontdesk hit a problem"))
        text = QLabel(
            self.tr(
                "Something went wrong inside frontdesk. Your saved enquiries are safe and the "
                "enquiry you are typing is kept as a draft. You can carry on working.\n\n"
                "Problem: {0}"
            ).format(summary)
        )
        text.setWordWrap(True)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setAccessibleName(self.tr("Technical details for the support team"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(box)
        layout.addWidget(buttons)

    @classmethod
    def show_crash(cls, summary: str, details: str) -> None:
        """Show the dialog and wait for the adviser to close it (tests replace this)."""
        cls(summary, details, QApplication.activeWindow()).exec()


_showing = False


def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    global _showing
    details = "".join(traceback.format_exception(kind, error, tb))
    log.error("unexpected error\n%s", details)
    if _showing or QApplication.instance() is None:
        # An error while the dialog is up is logged only: one dialog at a time.
        print(details, file=sys.stderr)
        return
    _showing = True
    try:
        summary = f"{kind.__name__}: {error}"
        CrashDialog.show_crash(summary, details)
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = excepthook
