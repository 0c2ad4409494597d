"""The banner at the top of the detail panel that shows a service's live alert, and hides
it at its expiry by itself (a timer to that moment), whether or not the hub is reachable.

The banner is words after a warning sign inside a bordered box, never colour alone, and
it names itself to screen readers; it takes no focus, so typing carries on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from frontdesk.core.alert import ServiceAlert

# A QTimer's longest wait is about 24 days; an alert further off is looked at again then.
LONGEST_WAIT_MS = 24 * 3600 * 1000


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AlertBanner(QFrame):
    """One service's alert, or nothing (hidden).

    Signals:
        expired(): the alert shown ran out and the banner hid itself.
    """

    expired = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)
        self.setAccessibleName(self.tr("Service alert"))
        # What "now" is for the expiry (tests pass their own clock).
        self.clock: Callable[[], dt.datetime] = utc_now
        self.alert: ServiceAlert | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self.hide()

    def show_alert(self, alert: ServiceAlert | None) -> None:
        """Show `alert` (None, or one already expired: hide)."""
        self.alert = alert
        self._check(announce=False)

    def text(self) -> str:
        return self.label.text()

    def _check(self, *, announce: bool = True) -> None:
        alert, now = self.alert, self.clock()
        if alert is None or not alert.live(now):
            self._timer.stop()
            was_shown = not self.isHidden()
            self.alert = None
            self.label.clear()
            self.setAccessibleDescription("")
            self.hide()
            if was_shown and announce:
                self.expired.emit()
            return
        words = self.tr("⚠ Service alert, until {0}: {1}").format(_when(alert.until), alert.text)
        self.label.setText(words)
        self.setAccessibleDescription(words)
        self.show()
        wait = (alert.until - now).total_seconds() * 1000
        self._timer.start(max(0, min(LONGEST_WAIT_MS, int(wait) + 1)))


def _when(until: dt.datetime) -> str:
    """The expiry in the desk's local time and language: "17:00" today, else with the
    day ("Tue 8 Dec 17:00", "Maw 8 Rhag 17:00")."""
    local = QDateTime.fromSecsSinceEpoch(int(until.timestamp())).toLocalTime()
    today = QDateTime.currentDateTime().date()
    return QLocale().toString(local, "HH:mm" if local.date() == today else "ddd d MMM HH:mm")
