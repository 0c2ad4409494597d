"""The status bar: standalone/online/syncing/offline/signed out/blocked, last sync, items
waiting to send, catalogue age, and what is running in the background. Every state is
words, not just colour."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from frontdesk.store.catalogue import CatalogueStats
from frontdesk.sync.desk_access import DeskStatus
from frontdesk.sync.status import SyncMode, SyncStatus


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class StatusLabel(QLabel):
    """A label that asks for one line but may wrap when the window is narrow (200% text);
    its accessible name follows its text.

    Signals: QLabel's own.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setAccessibleName(text)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 4
        return QSize(one_line, hint.height())


class StatusBar(QStatusBar):
    """Permanent labels for the desk's state plus transient messages. Each label's
    accessible name is its text and its description says what it is about.

    Signals: QStatusBar's own (messageChanged).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = StatusLabel()
        self.mode = StatusLabel()
        self.sync = StatusLabel()
        self.waiting = StatusLabel()
        self.catalogue = StatusLabel()
        descriptions = (
            (self.busy, self.tr("Background work")),
            (self.mode, self.tr("Connection to the hub")),
            (self.sync, self.tr("Last sync with the hub")),
            (self.waiting, self.tr("Enquiries waiting to send to the hub")),
            (self.catalogue, self.tr("Age of the service catalogue")),
        )
        for label, description in descriptions:
            label.setAccessibleDescription(description)
            self.addPermanentWidget(label)
        self._running: dict[int, str] = {}
        self._synced_at: dt.datetime | None = None
        self._elsewhere = False
        self._last_sync: SyncStatus | None = None
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
        when = dt.datetime.fromisoformat(status.last_sync) if status.last_sync else None
        self._show_sync_counts(when, status.waiting)

    def set_elsewhere(self, elsewhere: bool) -> None:
        """Another frontdesk process syncs this desk (True) or this window does again:
        the mode says so until this window takes over."""
        self._elsewhere = elsewhere
        if self._last_sync is not None:
            self.set_sync(self._last_sync)
        elif elsewhere:
            self.mode.setText(self.tr("Synced by another frontdesk process"))
            self.mode.setToolTip(self._elsewhere_tip())

    def _elsewhere_tip(self) -> str:
        return self.tr(
            "frontdesk sync --watch or another frontdesk window is syncing this desk; this "
            "window takes over when it stops (or on F5)."
        )

    def set_sync(self, status: SyncStatus) -> None:
        """Show what the syncer last reported: mode, last sync, waiting, catalogue age."""
        self._last_sync = status
        mode = status.mode
        texts = {
            SyncMode.STANDALONE: self.tr("Standalone"),
            SyncMode.ONLINE: self.tr("Online"),
            SyncMode.SYNCING: self.tr("Syncing…"),
            SyncMode.OFFLINE: self.tr("Offline: enquiries are kept on this desk"),
            SyncMode.SIGNED_OUT: self.tr("Signed out: sign in again"),
            SyncMode.BLOCKED: self.tr("Sync blocked: enquiries are kept on this desk"),
        }
        text = texts[mode]
        if mode is SyncMode.OFFLINE and status.next_attempt_at is not None:
            retry = status.next_attempt_at.astimezone().strftime("%H:%M:%S")
            text = self.tr("{0} (retrying at {1})").format(text, retry)
        tip = status.message or ""
        if self._elsewhere and mode is not SyncMode.STANDALONE:
            text = self.tr("{0} (synced by another frontdesk process)").format(text)
            tip = self._elsewhere_tip()
        self.mode.setText(text)
        self.mode.setToolTip(tip)
        if mode is SyncMode.STANDALONE:
            self.set_desk(DeskStatus(status.waiting, None))
            return
        self._show_sync_counts(status.last_sync_at, status.waiting)
        if status.catalogue_synced_at is not None:
            self._synced_at = status.catalogue_synced_at
            self.catalogue.setText(self.age_text(self._synced_at.isoformat(), _now()))

    def _show_sync_counts(self, last_sync: dt.datetime | None, waiting: int) -> None:
        if last_sync is None:
            self.sync.setText(self.tr("Last sync: never"))
        else:
            local = last_sync.astimezone()
            shown = (
                local.strftime("%H:%M")
                if local.date() == dt.date.today()
                else local.strftime("%d %b %Y %H:%M")
            )
            self.sync.setText(self.tr("Last sync: {0}").format(shown))
        self.set_waiting(waiting)

    def set_waiting(self, waiting: int) -> None:
        """How many enquiries have changes the hub has not yet confirmed."""
        self.waiting.setText(self.tr("%n enquiry(s) waiting to send", "", waiting))

    def set_catalogue(self, stats: CatalogueStats | None, problem: str = "") -> None:
        if stats is None:
            self.catalogue.setText(problem or self.tr("Catalogue: not available"))
            return
        self.set_catalogue_age(stats.last_import)

    def set_catalogue_age(self, imported_at: str | None) -> None:
        """Say how old the catalogue is from when it was last imported (ISO 8601); once the
        hub has synced it, its sync time says that instead."""
        if self._synced_at is not None:
            imported_at = self._synced_at.isoformat()
        self.catalogue.setText(self.age_text(imported_at, _now()))

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
