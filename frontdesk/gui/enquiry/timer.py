"""The call timer: how long the current enquiry has been open, updated once a second."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget


def elapsed_text(seconds: int) -> str:
    minutes, secs = divmod(max(seconds, 0), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


class CallTimer(QLabel):
    """A label reading "Call time 03:12". Signals: none beyond QLabel's.

    Not in the tab order and not a live region: a screen reader reads it on request rather
    than every second.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._started: dt.datetime | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update)
        self._update()

    def start(self, started: dt.datetime) -> None:
        self._started = started
        self._tick.start()
        self._update()

    def stop(self) -> None:
        self._started = None
        self._tick.stop()
        self._update()

    def _update(self) -> None:
        if self._started is None:
            self.setText(self.tr("No call in progress"))
            return
        now = dt.datetime.now(self._started.tzinfo)
        seconds = int((now - self._started).total_seconds())
        self.setText(self.tr("Call time {0}").format(elapsed_text(seconds)))
