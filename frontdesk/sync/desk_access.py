"""The desk side of the GUI's background work: desk.db through the enquiry log. Runs on
the database worker only and returns core dataclasses or small frozen summaries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from frontdesk.core.enquiry import Enquiry, EnquiryDraft, EnquiryEvent
from frontdesk.store.caller_history import CallerQuery, PastEnquiry, desk_history
from frontdesk.store.desk import DeskStore
from frontdesk.store.details_sent import SentDetails, sent_for
from frontdesk.store.enquiries import Amendment, EnquiryLog
from frontdesk.store.reasons import ReasonList, load_reasons
from frontdesk.sync.account import HubAccount, SyncState
from frontdesk.sync.caller_lookup import hub_history, signed_in
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.notify_status import HubSends, hub_sending
from frontdesk.sync.status import read_status

# What "lately" means for the most used services, and how many an empty search lists.
MOST_USED_DAYS = 90
MOST_USED_LIMIT = 50


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

    def most_used_services(
        self, days: int = MOST_USED_DAYS, limit: int = MOST_USED_LIMIT
    ) -> tuple[str, ...]:
        """The services this desk linked to enquiries most often lately, most used first
        (ties: the one used last first): what an empty search box offers."""
        counts: Counter[str] = Counter()
        last_used: dict[str, int] = {}
        enquiries = self.log.list(since=dt.date.today() - dt.timedelta(days=days))
        for age, enquiry in enumerate(enquiries):  # newest first
            for service_id in enquiry.service_ids:
                counts[service_id] += 1
                last_used.setdefault(service_id, age)
        ranked = sorted(counts, key=lambda s: (-counts[s], last_used[s]))
        return tuple(ranked[:limit])

    def sent_details(self, enquiry_ids: list[str]) -> dict[str, list[SentDetails]]:
        """Texts and e-mails of services' details asked for on these enquiries."""
        return sent_for(self.log, enquiry_ids)

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

    def record_wrap_up(self, enquiry_id: str) -> tuple[Enquiry, ...]:
        """The wrap-up after `enquiry_id` ends now; returns today's list to show it."""
        self.log.record_wrap_up(enquiry_id)
        return self.today()

    def reasons(self) -> ReasonList:
        """The reason list: built in, plus the organisation's file in the data folder."""
        return load_reasons(self.store.path.parent)

    # -- a caller's earlier enquiries ------------------------------------------------

    def own_history(
        self, query: CallerQuery, *, since: dt.datetime | None, exclude: str | None
    ) -> list[PastEnquiry]:
        return desk_history(self.store, query, since=since, exclude=exclude)

    def signed_in(self) -> bool:
        return signed_in(self.store)

    def hub_history(
        self, query: CallerQuery, since: dt.datetime | None, tokens: TokenStore
    ) -> list[PastEnquiry]:
        """On the network lane: the hub's answer for the desk's organisation."""
        return hub_history(self.store, query, since=since, tokens=tokens)

    def hub_sending(self, tokens: TokenStore) -> dict[str, HubSends]:
        """On the network lane: whether the hub can send texts and e-mails now."""
        return hub_sending(self.store, tokens)
