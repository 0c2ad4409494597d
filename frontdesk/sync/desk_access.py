"""The desk side of the GUI's background work: desk.db through the enquiry log. Runs on
the database worker only and returns core dataclasses or small frozen summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from frontdesk.core.enquiry import Enquiry, EnquiryDraft
from frontdesk.store.desk import DeskStore
from frontdesk.store.details_sent import SentDetails, sent_for
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync.account import HubAccount, SyncState
from frontdesk.sync.status import read_status


@dataclass(frozen=True, slots=True)
class DeskStatus:
    waiting: int  # enquiries not yet confirmed by the hub
    last_sync: str | None


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

    def sent_details(self, enquiry_ids: list[str]) -> dict[str, list[SentDetails]]:
        """Texts and e-mails of services' details asked for on these enquiries."""
        return sent_for(self.log, enquiry_ids)

    def save(self, draft: EnquiryDraft) -> SaveOutcome:
        enquiry = self.log.save(draft)
        return SaveOutcome(enquiry, self.today(), self.status())

    def save_draft(self, draft: EnquiryDraft) -> None:
        self.log.save_draft(draft)

    def load_draft(self) -> EnquiryDraft | None:
        return self.log.load_draft()

    def discard_draft(self, draft_id: str) -> None:
        self.log.discard_draft(draft_id)
