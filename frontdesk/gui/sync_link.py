"""Sync in the app: the desk's Syncer, started once catalogue.db and desk.db are open when
desk.db says the desk is signed in to a hub, and wired to the GUI thread.

The Syncer runs its rounds on a thread of its own. Its status comes back through a queued
Qt signal, never by touching a widget from that thread. When a rebuild swaps a new
catalogue.db in, the GUI's own connections must let go first: `release` queues a task on
the database worker that closes the GUI's store and then holds the worker (so no search or
write can reach the closed store) until `reopened` says the swap is done; the task then
opens the new file and the window refreshes what it shows from the catalogue.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from frontdesk.gui.catalogue_access import CatalogueAccess, sync_prepare
from frontdesk.gui.operations import OperationRunner
from frontdesk.store.desk import DeskStore
from frontdesk.sync import CatalogueFile, Syncer, SyncStatus
from frontdesk.sync.backoff import Backoff
from frontdesk.sync.credentials import TokenStore

log = logging.getLogger("frontdesk.gui.sync")

# Longest the sync thread waits for the worker to let go of catalogue.db (a long search
# or import may be running), and the worker for the swap to finish.
SWAP_TIMEOUT = 120.0


class SyncLink(QObject):
    """One desk's background sync, as the GUI sees it.

    Signals:
        status_changed(SyncStatus): the sync status changed (delivered on the GUI thread).
        catalogue_replaced(bool): a rebuilt catalogue.db was swapped in and reopened
            (False: it could not be reopened).
    """

    status_changed = Signal(object)
    catalogue_replaced = Signal(bool)
    _status_from_thread = Signal(object)
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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._catalogue = catalogue
        self._swapped = threading.Event()
        self._status_from_thread.connect(
            self.status_changed.emit, Qt.ConnectionType.QueuedConnection
        )
        self._replaced_from_worker.connect(
            self.catalogue_replaced.emit, Qt.ConnectionType.QueuedConnection
        )
        self.syncer = Syncer(
            desk,
            CatalogueFile(path, release=self._release, reopened=self._reopened),
            tokens=tokens,
            prepare=sync_prepare(path, demo_reference=demo_reference),
            on_status=self._status_from_thread.emit,
            poll_interval=poll_interval,
            backoff=backoff,
        )

    def set_catalogue(self, catalogue: CatalogueAccess) -> None:
        """The GUI opened catalogue.db afresh (a rebuild): release that one for swaps."""
        self._catalogue = catalogue

    def start(self) -> None:
        self.syncer.start()

    def wake(self) -> None:
        self.syncer.wake()

    def status(self) -> SyncStatus:
        return self.syncer.status()

    def stop(self) -> None:
        """Let the round in hand finish its page or batch, then stop the thread."""
        self.syncer.stop()

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
