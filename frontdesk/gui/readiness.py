"""Start-up timing on request, for benchmarks and for support asking "how slow is it?".

With FRONTDESK_REPORT_READY=1 in the environment the app prints two lines to stderr:

    ready 0.812        the window has painted and its event loop is free to take keys
    searchable 1.034   the first results list from catalogue.db has been shown

Each number is seconds since the process started (from /proc/self/stat where it exists,
else since this module was imported). Without the variable nothing is installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

from frontdesk.gui.main_window import MainWindow

ENVIRONMENT = "FRONTDESK_REPORT_READY"
_IMPORTED = time.monotonic()


def requested() -> bool:
    return os.environ.get(ENVIRONMENT, "") not in ("", "0")


def process_age() -> float:
    """Seconds since this process was started by the kernel (10 ms resolution on Linux)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            # Field 22 counts clock ticks since boot; the command name may hold spaces.
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, IndexError, ValueError, AttributeError):
        return time.monotonic() - _IMPORTED


class ReadyReporter(QObject):
    """Prints the two moments once each. Signals: none."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._box = window.search.box
        self._box.installEventFilter(self)
        window.search.results_shown.connect(self._searchable)
        self._searched = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._box and event.type() == QEvent.Type.Paint:
            self._box.removeEventFilter(self)
            # Queued behind the paint: runs when the loop is idle and a key would be taken.
            QTimer.singleShot(0, lambda: _report("ready"))
        return False

    def _searchable(self) -> None:
        if not self._searched:
            self._searched = True
            _report("searchable")


def _report(moment: str) -> None:
    print(f"{moment} {process_age():.3f}", file=sys.stderr, flush=True)


def install(window: MainWindow) -> None:
    """Report start-up moments for `window` if the environment asks for it."""
    if requested():
        ReadyReporter(window)
