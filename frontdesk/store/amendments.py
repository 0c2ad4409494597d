"""Correcting a saved enquiry: a note added, the outcome changed, the referral sent to
another service or withdrawn, the follow-up marked done.

An amendment is worked out as the same `EnquiryChange` a save makes (one `amended` event
with the changed fields, a new `referral sent` event for a redirected referral), plus a
`follow-up done` event, so it reaches the hub through the outbox exactly as a save does,
offline or not. The rules are those of a save: a referral needs the outcome 'referred'.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from frontdesk.core.enquiry import Caller, EnquiryDraft, EnquiryEvent, EventKind, Outcome, SyncState
from frontdesk.store.enquiry_rules import (
    EnquiryChange,
    EnquiryInvalidError,
    save_change,
    stamp,
    state_from_row,
    stored_from_row,
    validated,
)


@dataclass(frozen=True, slots=True)
class Amendment:
    """What the adviser corrects; a field left at its default keeps what was saved."""

    note: str = ""
    outcome: Outcome | None = None
    referral_service_id: str | None = None  # refer (or redirect) to this service
    withdraw_referral: bool = False
    follow_up_done: bool = False

    def is_empty(self) -> bool:
        return not (
            self.note.strip()
            or self.outcome
            or self.referral_service_id
            or self.withdraw_referral
            or self.follow_up_done
        )


def amendment_change(row: Any, amendment: Amendment, at: dt.datetime) -> EnquiryChange:
    """What `amendment` does to the enquiry in `row` (an `enquiries` row) at `at`.

    Raises EnquiryInvalidError when the result could not be saved (a referral without
    the outcome 'referred', or the reverse). An amendment that changes nothing gives a
    change with no events.
    """
    if amendment.referral_service_id and amendment.withdraw_referral:
        raise EnquiryInvalidError("a referral cannot be redirected and withdrawn at once")
    old = state_from_row(row)
    referral = old.referral_service_id
    if amendment.withdraw_referral:
        referral = None
    if amendment.referral_service_id:
        referral = amendment.referral_service_id.strip()
    services = old.service_ids
    if referral and referral not in services:
        services = (*services, referral)  # the service referred to is one the call was about
    draft = EnquiryDraft(
        id=row.id,
        channel=old.channel,
        started_at=dt.datetime.fromisoformat(row.started_at),
        caller=old.caller,
        service_ids=services,
        notes=amendment.note,
        outcome=amendment.outcome or old.outcome,
        referral_service_id=referral,
    )
    # The caller details were checked when first saved; only the referral rules apply.
    checked = replace(validated(replace(draft, caller=Caller())), caller=old.caller)
    change = save_change(checked, stored_from_row(row), at)
    if not amendment.follow_up_done or row.follow_up_done_at is not None:
        return change
    done = EnquiryEvent(
        id=str(uuid.uuid4()), enquiry_id=row.id, kind=EventKind.FOLLOW_UP_DONE, at=at, data={}
    )
    columns = dict(change.columns) | {"follow_up_done_at": stamp(at)}
    if SyncState(row.sync_state) is not SyncState.REJECTED:
        columns["sync_state"] = SyncState.SAVED_LOCALLY.value
    return replace(change, events=(*change.events, done), columns=MappingProxyType(columns))
