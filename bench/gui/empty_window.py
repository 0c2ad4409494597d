"""The start-up baseline: import PySide6.QtWidgets and show an empty QMainWindow holding
one line edit, reporting "ready <seconds>" on stderr by the same method as frontdesk's
FRONTDESK_REPORT_READY hook (first paint of the line edit, then one idle turn of the
event loop). Imports nothing from frontdesk, so it is the floor any Qt app pays."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow


def process_age() -> float:
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / os.sysconf("SC_CLK_TCK")


class FirstPaint(QObject):
    """Prints once the watched widget has painted and the loop is idle. Signals: none."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print(f"ready {process_age():.3f}", file=sys.stderr))
            QTimer.singleShot(0, lambda: print(f"searchable {process_age():.3f}", file=sys.stderr))
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    box = QLineEdit()
    window.setCentralWidget(box)
    watcher = FirstPaint()
    box.installEventFilter(watcher)
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
