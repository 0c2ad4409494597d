"""The desk side of the GUI's background work: desk.db through the enquiry log. Runs on
the database worker only and returns core dataclasses or small frozen summaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from frontdesk.core.enquiry import Enquiry, EnquiryDraft
from frontdesk.store import desk_schema
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog

# Where a future sync client records its last successful exchange with the hub.
LAST_SYNC_KEY = "last_sync_at"


@dataclass(frozen=True, slots=True)
class DeskStatus:
    waiting: int
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
        with self.store.engine.connect() as conn:
            last = conn.scalar(
                select(desk_schema.desk_state.c.value).where(
                    desk_schema.desk_state.c.key == LAST_SYNC_KEY
                )
            )
        return DeskStatus(self.log.outbox_size(), last)

    def today(self) -> tuple[Enquiry, ...]:
        return tuple(self.log.list(since=dt.date.today()))

    def save(self, draft: EnquiryDraft) -> SaveOutcome:
        enquiry = self.log.save(draft)
        return SaveOutcome(enquiry, self.today(), self.status())

    def save_draft(self, draft: EnquiryDraft) -> None:
        self.log.save_draft(draft)

    def load_draft(self) -> EnquiryDraft | None:
        return self.log.load_draft()

    def discard_draft(self, draft_id: str) -> None:
        self.log.discard_draft(draft_id)
