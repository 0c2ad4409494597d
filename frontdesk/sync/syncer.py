"""The Syncer: one round (push the outbox, pull the feed) on demand, or a background
thread doing rounds until stopped.

The thread syncs every `poll_interval` seconds while the hub answers, long-polling the
hub's change feed in between (`live`) so that changes at the hub arrive at once; it backs
off exponentially with jitter while it does not (retrying even when nothing new is written),
and starts a round at once on `wake()` — which the GUI calls when an enquiry is saved or
the adviser presses F5 — and when, while offline, the way to the hub comes back
(`reconnect`). It stops trying on its own only when a person must act: the hub
refused the sign-in (sign in again; outbox and cursor are kept) or a bug was detected.
`on_status` is called from the sync thread with a fresh SyncStatus after every change,
and `on_changes` with what a round changed (`SyncChanges`) when it changed anything; the
GUI must hand both over to its own thread (a queued signal) before touching widgets.

A Syncer holds its data folder's sync lock (`frontdesk.sync.lock`) from construction to
`stop()`: one syncer per desk across every process, so a rebuild never swaps catalogue.db
from under another process's syncer. Constructing a second raises SyncBusy.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from frontdesk.store.desk import DeskStore, DeskWriteError
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync.account import BLOCKED, LAST_ERROR, LAST_PULL, LAST_PUSH, SIGNED_OUT, SyncState
from frontdesk.sync.backoff import Backoff
from frontdesk.sync.changed import SyncChanges
from frontdesk.sync.client import HubClient
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.desk_headers import desk_headers
from frontdesk.sync.errors import (
    HubRefused,
    HubUnreachable,
    KeyringUnavailable,
    NotSignedIn,
    ProtocolMismatch,
    SignedOut,
    SyncError,
)
from frontdesk.sync.live import LIVE_WAIT, HeldPage, LiveWait
from frontdesk.sync.lock import SyncLock
from frontdesk.sync.pull import CURSOR, FEED, PAGE, PullReport
from frontdesk.sync.push import BATCH, PushReport, push_outbox
from frontdesk.sync.rebuild import CatalogueFile, Prepare, StagingWriterFactory, pull_catalogue
from frontdesk.sync.reconnect import PROBE_INTERVAL, Hop, first_hop, wait_for_reconnect
from frontdesk.sync.references import ensure_hub_prefix
from frontdesk.sync.session import connect
from frontdesk.sync.status import SyncMode, SyncStatus, read_status

log = logging.getLogger(__name__)

StatusListener = Callable[[SyncStatus], None]
ChangeListener = Callable[[SyncChanges], None]


@dataclass(slots=True)
class SyncReport:
    push: PushReport = field(default_factory=PushReport)
    pull: PullReport = field(default_factory=PullReport)
    push_blocked: str | None = None  # why ops were not sent this round


class Syncer:
    """Sync for one desk. `run_once` may be called from any thread; `start` runs rounds on
    a background thread of its own. `role` names this syncer to a process it refuses
    ("the app", "frontdesk sync --watch")."""

    def __init__(
        self,
        desk: DeskStore,
        catalogue: CatalogueFile,
        *,
        tokens: TokenStore | None = None,
        prepare: Prepare | None = None,
        fill_process: StagingWriterFactory | None = None,
        on_status: StatusListener | None = None,
        poll_interval: float = 60.0,
        backoff: Backoff | None = None,
        page_size: int = PAGE,
        batch_size: int = BATCH,
        role: str | None = None,
        probe_interval: float = PROBE_INTERVAL,
        on_changes: ChangeListener | None = None,
        live_wait: int = LIVE_WAIT,
    ) -> None:
        # First, so that a refused Syncer (SyncBusy) has opened nothing.
        self._lock = SyncLock.for_folder(catalogue.path.parent, role)
        self._lock.acquire()
        self.desk = desk
        self.catalogue = catalogue
        self._log = EnquiryLog(desk)
        self._state = SyncState(desk)
        self._tokens = tokens or TokenStore()
        self._prepare = prepare
        self._fill_process = fill_process
        self._on_status = on_status
        self._on_changes = on_changes
        self._poll = poll_interval
        self._backoff = backoff or Backoff()
        self._probe_interval = probe_interval
        self._offline_hop: Hop | None = None  # set while the last round could not connect
        self._page, self._batch = page_size, batch_size
        self._round = threading.Lock()
        self._wakeup = threading.Event()
        self._stopping = threading.Event()
        # No reference back to this Syncer (a cycle would keep its lock until a collection).
        target = functools.partial(_live_target, desk, self._tokens, catalogue)
        self._long_poll = LiveWait(target, self._wakeup, wait=live_wait)
        self._held: HeldPage | None = None  # a page the long-poll brought, for the next round
        self._thread: threading.Thread | None = None
        self._live: SyncStatus | None = None

    # -- one round -------------------------------------------------------------------

    def run_once(self, *, retry_blocked: bool = False) -> SyncReport:
        """Push, then pull. Raises SyncError subclasses (the state is recorded first);
        SyncBusy when stopped and another syncer took the desk meanwhile."""
        with self._round:
            self._lock.acquire()
            self._publish(mode=SyncMode.SYNCING)
            try:
                report = self._round_trip(retry_blocked)
            except SignedOut as error:
                self._state.set({SIGNED_OUT: str(error)})
                raise
            except HubUnreachable as error:
                self._state.set({LAST_ERROR: str(error)})
                raise
            self._state.set({LAST_ERROR: None})
            self._tell_changes(report.pull.what_changed())
            return report

    def _tell_changes(self, changes: SyncChanges) -> None:
        """Hand what the round changed to the listener (nothing changed: no call)."""
        if self._on_changes is None or changes.empty:
            return
        try:
            self._on_changes(changes)
        except Exception:  # the listener's fault must not fail a round that worked
            log.exception("the sync change listener failed")

    def _round_trip(self, retry_blocked: bool) -> SyncReport:
        account, client = connect(self.desk, self._tokens)
        client.desk_state = partial(desk_headers, self._log, self.catalogue)
        report = SyncReport()
        with client:
            ensure_hub_prefix(self.desk, client)
            blocked = self._state.get(BLOCKED)
            if blocked and not retry_blocked:
                report.push_blocked = blocked
            else:
                try:
                    report.push = push_outbox(
                        self._log, client, batch=self._batch, should_stop=self._stopping.is_set
                    )
                    self._state.set({BLOCKED: None})
                    if report.push.batches:  # an empty outbox sends nothing: no contact
                        self._state.stamp(LAST_PUSH)
                except (HubRefused, ProtocolMismatch) as error:
                    # A bug or a version mismatch: keep every op, stop pushing, keep pulling.
                    log.error("pushing stopped: %s", error)
                    self._state.set({BLOCKED: str(error)})
                    report.push_blocked = str(error)
            held, self._held = self._held, None
            report.pull = pull_catalogue(
                self.catalogue,
                self._log,
                client,
                account.feed_id,
                limit=self._page,
                prepare=self._prepare,
                fill_process=self._fill_process,
                should_stop=self._stopping.is_set,
                first=held,
            )
            # To the millisecond: the window refreshes today's list when this changes, and
            # with the live feed two rounds can bring changes within the same second.
            self._state.stamp(LAST_PULL, timespec="milliseconds")
        return report

    # -- the background thread -------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._lock.acquire()  # again, if stopped before
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="frontdesk-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the page or batch in hand, then stop (committed work is never cut off)
        and let another syncer have the desk."""
        self._stopping.set()
        self._long_poll.note_wake()
        self._wakeup.set()
        running = False
        if self._thread is not None:
            self._thread.join(timeout)
            running = self._thread.is_alive()
            self._thread = None
        self.catalogue.close()
        # A round another thread is running directly (run_once) is stopping too: let it
        # finish before another process may take the desk.
        if not running and self._round.acquire(timeout=timeout):
            try:
                self._lock.release()
            finally:
                self._round.release()
        else:
            log.warning("a sync round did not stop in time; the desk stays locked")

    def wake(self) -> None:
        """Sync now: the network is back, the adviser signed in again or saved an enquiry."""
        self._backoff.reset()
        self._long_poll.note_wake()
        self._wakeup.set()

    def status(self) -> SyncStatus:
        """The latest status; safe from any thread (it never opens catalogue.db, which the
        sync thread may be swapping)."""
        return self._live or read_status(self.desk, None)

    def _loop(self) -> None:
        delay: float | None = 0.0
        while not self._stopping.is_set():
            if delay is None:
                self._wakeup.wait()
            elif delay > 0:
                self._wait(delay)
            self._wakeup.clear()
            if self._stopping.is_set():
                break
            delay = self._attempt()

    def _wait(self, seconds: float) -> None:
        """Until the next round: `seconds`, or less once woken or back online."""
        hop, self._offline_hop = self._offline_hop, None
        if hop is None:
            # Online: long-poll the feed meanwhile; a change brought is the next round's.
            self._held = self._long_poll.hold(seconds)
        elif wait_for_reconnect(hop, seconds, self._wakeup, interval=self._probe_interval):
            log.info("the way to the hub is back; syncing now")
            self._backoff.reset()

    def _attempt(self) -> float | None:
        """One round in the thread; returns the seconds until the next (None: until woken)."""
        try:
            self.run_once()
        except HubUnreachable as error:
            account = self._state.account()
            self._offline_hop = first_hop(account.url) if account is not None else None
            wait = self._backoff.next_delay(error.retry_after)
            log.info("hub unreachable (%s); retrying in %.0f s", error, wait)
            self._publish(SyncMode.OFFLINE, str(error), wait)
            return wait
        except (SignedOut, NotSignedIn, KeyringUnavailable) as error:
            self._publish(self._stored_status().mode, str(error))
            return None
        except DeskWriteError as error:
            wait = self._backoff.next_delay()
            self._publish(SyncMode.OFFLINE, str(error), wait)
            return wait
        except SyncError as error:
            wait = self._backoff.next_delay()
            self._publish(SyncMode.BLOCKED, str(error), wait)
            return wait
        except Exception as error:  # a bug: keep the thread alive, try again later
            log.exception("sync failed")
            wait = self._backoff.next_delay()
            self._publish(SyncMode.BLOCKED, f"sync failed unexpectedly: {error}", wait)
            return wait
        self._backoff.reset()
        self._publish(None, None, self._poll)
        return self._poll

    def _stored_status(self) -> SyncStatus:
        return read_status(self.desk, self.catalogue.store)

    def _publish(
        self, mode: SyncMode | None, message: str | None = None, wait: float | None = None
    ) -> None:
        try:
            status = self._stored_status()
        except Exception:  # status is best effort; never let it kill the sync thread
            log.exception("could not read the sync status")
            return
        if mode is not None and status.mode not in (SyncMode.STANDALONE, SyncMode.SIGNED_OUT):
            status = replace(status, mode=mode, message=message or status.message)
        if wait is not None:
            status = replace(
                status, next_attempt_at=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=wait)
            )
        self._live = status
        if self._on_status is not None:
            try:
                self._on_status(status)
            except Exception:
                log.exception("the sync status listener failed")


def _live_target(
    desk: DeskStore, tokens: TokenStore, catalogue: CatalogueFile
) -> tuple[HubClient, str] | None:
    """What to long-poll with: a client and the stored cursor, unless a round must first
    rebuild the catalogue (no cursor, or one from another hub or account)."""
    account, client = connect(desk, tokens)
    store = catalogue.store
    cursor = store.meta(CURSOR)
    if not cursor or store.meta(FEED) != account.feed_id:
        client.close()
        return None
    return client, cursor
