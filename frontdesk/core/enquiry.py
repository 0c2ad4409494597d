"""Enquiries: an append-only list of events per call, and the referrals they create.

The desk owns the events it writes; the receiving agency owns a referral's status.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any


class Channel(enum.StrEnum):
    PHONE = "phone"
    FACE_TO_FACE = "face to face"
    EMAIL = "email"
    WEB_CHAT = "web chat"


class Outcome(enum.StrEnum):
    RESOLVED_AT_FIRST_CONTACT = "resolved at first contact"
    ADVICE_GIVEN = "advice given"
    SIGNPOSTED = "signposted"
    REFERRED = "referred"
    TRANSFERRED = "transferred"
    CALLBACK_ARRANGED = "callback arranged"
    ESCALATED = "escalated"
    NO_FURTHER_ACTION = "no further action"


class ReferralStatus(enum.StrEnum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in progress"
    ACTION_SCHEDULED = "action scheduled"
    CLOSED_RESOLVED = "closed - resolved"
    CLOSED_NOT_RESOLVED = "closed - not resolved"
    NOT_OUR_RESPONSIBILITY = "not our responsibility"
    DUPLICATE = "duplicate"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self not in (
            ReferralStatus.SENT,
            ReferralStatus.ACKNOWLEDGED,
            ReferralStatus.IN_PROGRESS,
            ReferralStatus.ACTION_SCHEDULED,
        )


class EventKind(enum.StrEnum):
    CREATED = "created"
    NOTE = "note"
    SERVICE_LINKED = "service linked"
    OUTCOME_SET = "outcome set"
    REFERRAL_SENT = "referral sent"
    AMENDED = "amended"
    REASON_SET = "reason set"  # what the call was about, apart from how it ended
    WRAP_UP_DONE = "wrap-up done"  # the adviser's time after the call, once it is known

    FOLLOW_UP_DONE = "follow-up done"
    # The service's details sent to the caller (SMS or e-mail); the hub sends it.
    DETAILS_SENT = "details sent"


@dataclass(frozen=True, slots=True)
class Caller:
    """Optional, minimal caller details; kept only with the caller's consent."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None
    postcode: str | None = None
    consent: bool = False

    def is_empty(self) -> bool:
        return not any((self.name, self.phone, self.email, self.postcode))


@dataclass(frozen=True, slots=True)
class EnquiryEvent:
    id: str
    enquiry_id: str
    kind: EventKind
    at: dt.datetime
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Referral:
    id: str
    enquiry_id: str
    service_id: str
    organization_id: str | None
    status: ReferralStatus = ReferralStatus.SENT
    note: str | None = None
    updated_at: dt.datetime | None = None


class SyncState(enum.StrEnum):
    """Where a saved enquiry is on its way to the hub."""

    SAVED_LOCALLY = "saved locally"
    SENT = "sent"  # the hub has confirmed it
    REJECTED = "rejected"  # the hub refused it; the adviser must see why


@dataclass(frozen=True, slots=True)
class EnquiryDraft:
    """What the adviser has typed so far; saved as a draft on every change so nothing typed
    is lost, and turned into events when the adviser saves."""

    id: str
    channel: Channel
    started_at: dt.datetime
    caller: Caller = Caller()
    service_ids: tuple[str, ...] = ()
    notes: str = ""
    outcome: Outcome | None = None
    referral_service_id: str | None = None
    reason: str | None = None  # a reason code (store.reasons), not its label

    follows_id: str | None = None  # an earlier enquiry this call is about


@dataclass(frozen=True, slots=True)
class Enquiry:
    """A saved enquiry as the desk lists it."""

    id: str
    channel: Channel
    started_at: dt.datetime
    saved_at: dt.datetime
    caller: Caller = Caller()
    service_ids: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    outcome: Outcome | None = None
    referral_service_id: str | None = None
    sync_state: SyncState = SyncState.SAVED_LOCALLY
    referral_status: ReferralStatus | None = None
    rejection_reason: str | None = None
    reason: str | None = None
    duration_seconds: int | None = None  # the call: started to saved
    wrap_up_seconds: int | None = None  # after the call: saved to the next call or "done"

    reference: str | None = None  # what the caller writes down; None only before references
    follows_id: str | None = None
    follow_up_done_at: dt.datetime | None = None


def without_caller(data: dict[str, Any], changed: str | None = None) -> dict[str, Any]:
    """An event's data as a listing shows it: the caller's details left out, and in an
    amendment's changes either dropped or (with `changed`) replaced by that word."""
    shown = {k: v for k, v in data.items() if k != "caller"}
    changes = shown.get("changes")
    if isinstance(changes, dict) and "caller" in changes:
        shown["changes"] = {
            k: changed if k == "caller" else v
            for k, v in changes.items()
            if k != "caller" or changed is not None
        }
    return shown
