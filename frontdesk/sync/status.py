"""What the status bar and `frontdesk status` show about sync, as one frozen dataclass."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync.account import (
    BLOCKED,
    LAST_ERROR,
    LAST_PULL,
    LAST_PUSH,
    SIGNED_OUT,
    SyncState,
)
from frontdesk.sync.pull import CURSOR, PULLED_AT

#: Said of a desk signed in to the embedded demo hub: its token is in that demo's memory.
EMBEDDED_NOTE = "signed in to the embedded demo hub, which only the running frontdesk demo syncs"


class SyncMode(enum.StrEnum):
    STANDALONE = "standalone"  # no hub: the catalogue comes from local imports
    ONLINE = "online"  # the last attempt reached the hub
    SYNCING = "syncing"
    OFFLINE = "offline"  # the hub could not be reached; retrying with backoff
    SIGNED_OUT = "signed out"  # the hub refused the sign-in: sign in again
    BLOCKED = "blocked"  # a bug or a version mismatch needs a person; the outbox is kept


@dataclass(frozen=True, slots=True)
class SyncStatus:
    mode: SyncMode
    hub_url: str | None = None
    user: str | None = None
    organization_id: str | None = None
    outbox: int = 0  # ops waiting for the hub
    waiting: int = 0  # enquiries those ops belong to: what the adviser is told
    last_push_at: dt.datetime | None = None
    last_pull_at: dt.datetime | None = None
    catalogue_synced_at: dt.datetime | None = None
    cursor: str | None = None
    message: str | None = None
    next_attempt_at: dt.datetime | None = None

    @property
    def last_sync_at(self) -> dt.datetime | None:
        """When the hub last answered a push or a pull."""
        times = [t for t in (self.last_push_at, self.last_pull_at) if t is not None]
        return max(times, default=None)


def read_status(desk: DeskStore, catalogue: CatalogueStore | None) -> SyncStatus:
    """The state as stored: what a desk that is not syncing right now can say."""
    state = SyncState(desk)
    account = state.account()
    facts = state.get_many((SIGNED_OUT, BLOCKED, LAST_ERROR, LAST_PUSH, LAST_PULL))
    log = EnquiryLog(desk)
    outbox, waiting = log.outbox_size(), log.enquiries_waiting()
    cursor = catalogue.meta(CURSOR) if catalogue is not None else None
    synced = catalogue.meta(PULLED_AT) if catalogue is not None else None
    if account is None:
        return SyncStatus(SyncMode.STANDALONE, outbox=outbox, waiting=waiting)
    if facts.get(SIGNED_OUT):
        mode, message = SyncMode.SIGNED_OUT, facts[SIGNED_OUT]
    elif facts.get(BLOCKED):
        mode, message = SyncMode.BLOCKED, facts[BLOCKED]
    elif facts.get(LAST_ERROR):
        mode, message = SyncMode.OFFLINE, facts[LAST_ERROR]
    else:
        mode, message = SyncMode.ONLINE, None
    if account.embedded and message is None:
        message = EMBEDDED_NOTE
    return SyncStatus(
        mode,
        hub_url=account.url,
        user=account.user,
        organization_id=account.organization_id,
        outbox=outbox,
        waiting=waiting,
        last_push_at=_time(facts.get(LAST_PUSH)),
        last_pull_at=_time(facts.get(LAST_PULL)),
        catalogue_synced_at=_time(synced),
        cursor=cursor,
        message=message,
    )


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None
