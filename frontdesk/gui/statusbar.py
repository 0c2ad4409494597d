"""The status bar: standalone/online/offline, last sync, items waiting to send, catalogue
age, and what is running in the background. Every state is words, not just colour."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from frontdesk.gui.desk_access import DeskStatus
from frontdesk.store.catalogue import CatalogueStats


class StatusLabel(QLabel):
    """A label that asks for one line but may wrap when the window is narrow (200% text).

    Signals: QLabel's own.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 4
        return QSize(one_line, hint.height())


class StatusBar(QStatusBar):
    """Permanent labels for the desk's state plus transient messages.

    Signals: QStatusBar's own (messageChanged).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = StatusLabel()
        self.mode = StatusLabel()
        self.sync = StatusLabel()
        self.waiting = StatusLabel()
        self.catalogue = StatusLabel()
        for label in (self.busy, self.mode, self.sync, self.waiting, self.catalogue):
            self.addPermanentWidget(label)
        self._running: dict[int, str] = {}
        self.set_mode(None)
        self.set_desk(None)
        self.catalogue.setText(self.tr("Catalogue: opening…"))

    def set_mode(self, hub_address: str | None, online: bool = False) -> None:
        if not hub_address:
            self.mode.setText(self.tr("Standalone"))
        elif online:
            self.mode.setText(self.tr("Online"))
        else:
            self.mode.setText(self.tr("Offline: enquiries are kept on this desk"))

    def set_desk(self, status: DeskStatus | None) -> None:
        if status is None:
            self.sync.setText(self.tr("Last sync: never"))
            self.waiting.setText("")
            return
        self.sync.setText(
            self.tr("Last sync: {0}").format(status.last_sync)
            if status.last_sync
            else self.tr("Last sync: never")
        )
        self.waiting.setText(self.tr("%n item(s) waiting to send", "", status.waiting))

    def set_catalogue(self, stats: CatalogueStats | None, problem: str = "") -> None:
        if stats is None:
            self.catalogue.setText(problem or self.tr("Catalogue: not available"))
            return
        self.set_catalogue_age(stats.last_import)

    def set_catalogue_age(self, imported_at: str | None) -> None:
        """Say how old the catalogue is from when it was last imported (ISO 8601)."""
        self.catalogue.setText(self.age_text(imported_at, dt.datetime.now(dt.UTC)))

    def age_text(self, imported_at: str | None, now: dt.datetime) -> str:
        if not imported_at:
            return self.tr("Catalogue: empty")
        try:
            when = dt.datetime.fromisoformat(imported_at)
        except ValueError:
            return self.tr("Catalogue: date unknown")
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        days = max(0, (now - when).days)
        if days == 0:
            return self.tr("Catalogue updated today")
        return self.tr("Catalogue updated %n day(s) ago", "", days)

    def progress_started(self, op_id: int, label: str) -> None:
        self._running[op_id] = label
        self._show_busy()

    def progress_finished(self, op_id: int) -> None:
        self._running.pop(op_id, None)
        self._show_busy()

    def _show_busy(self) -> None:
        labels = list(self._running.values())
        self.busy.setText(labels[-1] if labels else "")
