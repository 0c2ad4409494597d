"""Sync in the app: the desk's Syncer, started once catalogue.db and desk.db are open when
desk.db says the desk is signed in to a hub, and wired to the GUI thread.

The Syncer runs its rounds on a thread of its own. Its status comes back through a queued
Qt signal, never by touching a widget from that thread. When a rebuild swaps a new
catalogue.db in, the GUI's own connections must let go first: `release` queues a task on
the database worker that closes the GUI's store and then holds the worker (so no search or
write can reach the closed store) until `reopened` says the swap is done; the task then
opens the new file and the window refreshes what it shows from the catalogue.

Only one process syncs a desk (the Syncer holds the data folder's sync lock). When another
one has it (`frontdesk sync --watch`, a second window), this link has no Syncer: it says
so, shows the state the other process records in desk.db, and tries again on a timer and
on F5, so the app takes over once the other process stops. Meanwhile the window notices
that process's catalogue swaps by itself (`CatalogueAccess`).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from frontdesk.formats.demo import read_demo_reference
from frontdesk.gui.operations import OperationRunner
from frontdesk.search.catalogue_access import CatalogueAccess, sync_prepare
from frontdesk.search.fill import fill_process
from frontdesk.store.desk import DeskStore
from frontdesk.sync import CatalogueFile, Syncer, SyncStatus, read_status
from frontdesk.sync.backoff import Backoff
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.lock import SyncBusy

log = logging.getLogger("frontdesk.gui.sync")

# Longest the sync thread waits for the worker to let go of catalogue.db (a long search
# or import may be running), and the worker for the swap to finish.
SWAP_TIMEOUT = 120.0
# Seconds between attempts to take over sync from another process that holds the desk.
TAKEOVER_INTERVAL = 30.0
# How the app names itself to a process it refuses.
ROLE = "the frontdesk app"


class SyncLink(QObject):
    """One desk's background sync, as the GUI sees it.

    Signals:
        status_changed(SyncStatus): the sync status changed (delivered on the GUI thread).
        catalogue_replaced(bool): a rebuilt catalogue.db was swapped in and reopened
            (False: it could not be reopened).
        elsewhere_changed(bool): another process syncs this desk, so this one does not
            (True), or this app has taken sync over (False).
        changed(SyncChanges): a round changed these things on the desk (delivered on
            the GUI thread; never emitted for a round that changed nothing).
    """

    status_changed = Signal(object)
    catalogue_replaced = Signal(bool)
    elsewhere_changed = Signal(bool)
    changed = Signal(object)
    _status_from_thread = Signal(object)
    _changes_from_thread = Signal(object)
    _replaced_from_worker = Signal(bool)

    def __init__(
        self,
        runner: OperationRunner,
        desk: DeskStore,
        catalogue: CatalogueAccess,
        path: Path,
        *,
        demo_reference: bool = False,
        poll_interval: float = 60.0,
        tokens: TokenStore | None = None,
        backoff: Backoff | None = None,
        takeover_interval: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk = desk
        self._catalogue = catalogue
        self._path = path
        self._options = (demo_reference, poll_interval, tokens, backoff)
        self._swapped = threading.Event()
        self._status_from_thread.connect(
            self.status_changed.emit, Qt.ConnectionType.QueuedConnection
        )
        self._replaced_from_worker.connect(
            self.catalogue_replaced.emit, Qt.ConnectionType.QueuedConnection
        )
        self._changes_from_thread.connect(self.changed.emit, Qt.ConnectionType.QueuedConnection)
        self.syncer: Syncer | None = None
        self.elsewhere = False  # another process holds the desk's sync lock
        self.takeover_timer = QTimer(self)
        interval = TAKEOVER_INTERVAL if takeover_interval is None else takeover_interval
        self.takeover_timer.setInterval(round(interval * 1000))
        self.takeover_timer.timeout.connect(self.start)
        self._stopped = False

    def set_catalogue(self, catalogue: CatalogueAccess) -> None:
        """The GUI opened catalogue.db afresh (a rebuild): release that one for swaps."""
        self._catalogue = catalogue

    def start(self) -> bool:
        """Start syncing, unless another process syncs this desk: then say so and try
        again later. Returns whether this app syncs the desk now."""
        if self._stopped:
            return False
        if self.syncer is None:
            try:
                self.syncer = self._make_syncer()
            except SyncBusy as busy:
                log.info("not syncing: %s", busy)
                self._set_elsewhere(True)
                self.takeover_timer.start()
                # What the other process records in desk.db, so the status bar follows it.
                self._runner.run(self.status).on_success(self.status_changed.emit)
                return False
            self.takeover_timer.stop()
            self._set_elsewhere(False)
        self.syncer.start()
        return True

    def wake(self) -> bool:
        """Sync now (F5, a save); if another process has the desk, try to take it over.
        Returns whether this app syncs the desk."""
        if self.syncer is None:
            return self.start()
        self.syncer.wake()
        return True

    def status(self) -> SyncStatus:
        """The syncer's latest status, or desk.db's (on the database worker: it reads)."""
        syncer = self.syncer
        return syncer.status() if syncer is not None else read_status(self._desk, None)

    def stop(self) -> None:
        """Let the round in hand finish its page or batch, then stop the thread (which
        lets another process have the desk)."""
        self._stopped = True
        self.takeover_timer.stop()
        if self.syncer is not None:
            self.syncer.stop()

    def _make_syncer(self) -> Syncer:
        demo_reference, poll_interval, tokens, backoff = self._options
        path = self._path
        return Syncer(
            self._desk,
            CatalogueFile(path, release=self._release, reopened=self._reopened),
            tokens=tokens,
            prepare=sync_prepare(path, reference=read_demo_reference if demo_reference else None),
            fill_process=fill_process(),
            on_status=self._status_from_thread.emit,
            on_changes=self._changes_from_thread.emit,
            poll_interval=poll_interval,
            backoff=backoff,
            role=ROLE,
        )

    def _set_elsewhere(self, elsewhere: bool) -> None:
        if elsewhere != self.elsewhere:
            self.elsewhere = elsewhere
            self.elsewhere_changed.emit(elsewhere)

    # -- the catalogue swap (called on the sync thread) ------------------------------

    def _release(self) -> None:
        released = threading.Event()
        self._swapped.clear()
        catalogue, swapped, done = self._catalogue, self._swapped, self._replaced_from_worker

        def hold() -> None:  # on the database worker
            try:
                catalogue.close()
            finally:
                released.set()
            if not swapped.wait(SWAP_TIMEOUT):
                log.warning("the catalogue swap did not finish; reopening the old file")
            try:
                catalogue.reopen()
            except Exception:
                log.exception("catalogue.db could not be reopened after sync replaced it")
                done.emit(False)
                return
            done.emit(True)

        self._runner.submit(hold)
        if not released.wait(SWAP_TIMEOUT):
            log.warning("the database worker did not release catalogue.db in time")

    def _reopened(self) -> None:
        self._swapped.set()
