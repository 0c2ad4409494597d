"""The desk side of the GUI's background work: desk.db through the enquiry log. Runs on
the database worker only and returns core dataclasses or small frozen summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from frontdesk.core.enquiry import Enquiry, EnquiryDraft, EnquiryEvent
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import Amendment, EnquiryLog
from frontdesk.sync.account import HubAccount, SyncState
from frontdesk.sync.status import read_status


@dataclass(frozen=True, slots=True)
class DeskStatus:
    waiting: int  # enquiries not yet confirmed by the hub
    last_sync: str | None


@dataclass(frozen=True, slots=True)
class Reopened:
    """A saved enquiry opened again: as it stands, its history, the reference of the
    earlier enquiry it follows up (if any)."""

    enquiry: Enquiry
    history: tuple[EnquiryEvent, ...]
    follows_reference: str | None


@dataclass(frozen=True, slots=True)
class AmendOutcome:
    """What a correction changed: the enquiry reopened afresh, today's list, the status."""

    reopened: Reopened
    today: tuple[Enquiry, ...]
    status: DeskStatus


@dataclass(frozen=True, slots=True)
class SaveOutcome:
    """What a save changed, so the window refreshes only that (Anki's OpChanges)."""

    enquiry: Enquiry
    today: tuple[Enquiry, ...]
    status: DeskStatus


class DeskAccess:
    """desk.db, used only from the database worker."""

    def __init__(self, store: DeskStore) -> None:
        self.store = store
        self.log = EnquiryLog(store)

    @classmethod
    def open(cls, path: Path, backups: Path) -> DeskAccess:
        return cls(DeskStore.open(path, backups))

    def close(self) -> None:
        self.store.close()

    def status(self) -> DeskStatus:
        found = read_status(self.store, None)
        last = found.last_sync_at
        return DeskStatus(found.waiting, last.isoformat() if last else None)

    def hub_account(self) -> HubAccount | None:
        """The hub this desk is signed in to (None: standalone)."""
        return SyncState(self.store).account()

    def today(self) -> tuple[Enquiry, ...]:
        return tuple(self.log.list(since=dt.date.today()))

    def save(self, draft: EnquiryDraft) -> SaveOutcome:
        enquiry = self.log.save(draft)
        return SaveOutcome(enquiry, self.today(), self.status())

    def reopen(self, enquiry_id: str) -> Reopened | None:
        enquiry = self.log.get(enquiry_id)
        if enquiry is None:
            return None
        earlier = self.log.get(enquiry.follows_id) if enquiry.follows_id else None
        follows = (earlier.reference or earlier.id) if earlier is not None else None
        return Reopened(enquiry, tuple(self.log.history(enquiry_id)), follows)

    def find(self, typed: str) -> Reopened | None:
        """The enquiry whose reference was typed (in the search box), reopened."""
        found = self.log.find(typed)
        return None if found is None else self.reopen(found.id)

    def amend(self, enquiry_id: str, amendment: Amendment) -> AmendOutcome:
        self.log.amend(enquiry_id, amendment)
        reopened = self.reopen(enquiry_id)
        assert reopened is not None  # amend raised if it did not exist
        return AmendOutcome(reopened, self.today(), self.status())

    def save_draft(self, draft: EnquiryDraft) -> None:
        self.log.save_draft(draft)

    def load_draft(self) -> EnquiryDraft | None:
        return self.log.load_draft()

    def discard_draft(self, draft_id: str) -> None:
        self.log.discard_draft(draft_id)
