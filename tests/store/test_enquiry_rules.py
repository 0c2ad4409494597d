"""The change a save makes, worked out by the rules alone: no database, one value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import pytest

from frontdesk.core.enquiry import (
    Caller,
    Channel,
    EnquiryDraft,
    EventKind,
    Outcome,
    ReferralStatus,
    SyncState,
)
from frontdesk.store.enquiry_rules import (
    EnquiryChange,
    StoredEnquiry,
    save_change,
    validated,
)

STARTED = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)
AT = dt.datetime(2025, 3, 4, 9, 5, tzinfo=dt.UTC)
LATER = dt.datetime(2025, 3, 4, 10, 0, tzinfo=dt.UTC)


def draft(**changes: Any) -> EnquiryDraft:
    base = EnquiryDraft(
        id="enq-1",
        channel=Channel.PHONE,
        started_at=STARTED,
        caller=Caller(name="Ann", postcode="ls1 1ur", consent=True),
        service_ids=("svc:a", "svc:b"),
        notes="Asked about bins",
        outcome=Outcome.REFERRED,
        referral_service_id="svc:b",
    )
    return validated(dataclasses.replace(base, **changes))


def saved(change: EnquiryChange, sync_state: SyncState = SyncState.SAVED_LOCALLY) -> StoredEnquiry:
    return StoredEnquiry(change.state, sync_state)


def test_a_first_save_is_the_whole_row_and_every_event_in_order() -> None:
    change = save_change(draft(), None, AT)
    assert change.created and change.enquiry_id == "enq-1"
    kinds = [e.kind for e in change.events]
    assert kinds == [
        EventKind.CREATED,
        EventKind.SERVICE_LINKED,
        EventKind.SERVICE_LINKED,
        EventKind.NOTE,
        EventKind.OUTCOME_SET,
        EventKind.REFERRAL_SENT,
    ]
    assert all(e.enquiry_id == "enq-1" and e.at == AT for e in change.events)
    assert change.events[0].data["caller"]["postcode"] == "LS1 1UR"
    columns = change.columns
    assert columns["id"] == "enq-1" and columns["channel"] == "phone"
    assert columns["sync_state"] == SyncState.SAVED_LOCALLY.value
    assert columns["referral_status"] == ReferralStatus.SENT.value
    assert json.loads(columns["caller"]) == {"name": "Ann", "postcode": "LS1 1UR", "consent": True}
    summary = json.loads(columns["summary"])
    # The row, the state and the referral event name the same referral.
    assert summary["referral_id"] == change.state.referral_id is not None
    assert change.events[-1].data == {"referral_id": summary["referral_id"], "service_id": "svc:b"}


def test_saving_the_same_draft_again_changes_nothing() -> None:
    first = save_change(draft(), None, AT)
    again = save_change(draft(), saved(first), LATER)
    assert not again.created
    assert again.events == () and dict(again.columns) == {}
    assert again.state == first.state


def test_an_amendment_writes_only_what_it_sets_and_keeps_a_rejection_in_view() -> None:
    first = save_change(draft(), None, AT)
    amended = save_change(
        draft(notes="Called back", channel=Channel.EMAIL), saved(first, SyncState.REJECTED), LATER
    )
    assert [e.kind for e in amended.events] == [EventKind.AMENDED]
    assert amended.events[0].data == {"changes": {"channel": "email", "notes": "Called back"}}
    assert "sync_state" not in amended.columns  # the hub's rejection stays visible
    assert "referral_status" not in amended.columns  # same referral, status untouched
    assert amended.columns["channel"] == "email"
    assert json.loads(amended.columns["summary"])["notes"] == ["Asked about bins", "Called back"]
    assert amended.state.referral_id == first.state.referral_id


def test_a_referral_redirected_is_a_new_referral_and_a_withdrawn_one_clears_its_status() -> None:
    first = save_change(draft(), None, AT)
    redirected = save_change(draft(referral_service_id="svc:a"), saved(first), LATER)
    assert [e.kind for e in redirected.events] == [EventKind.AMENDED, EventKind.REFERRAL_SENT]
    assert redirected.state.referral_id not in (None, first.state.referral_id)
    assert redirected.columns["referral_status"] == ReferralStatus.SENT.value
    assert redirected.columns["sync_state"] == SyncState.SAVED_LOCALLY.value

    withdrawn = save_change(
        draft(outcome=Outcome.ADVICE_GIVEN, referral_service_id=None), saved(redirected), LATER
    )
    assert [e.kind for e in withdrawn.events] == [EventKind.AMENDED]
    assert withdrawn.state.referral_id is None
    assert withdrawn.columns["referral_status"] is None


def test_the_change_is_a_value_nobody_can_alter_on_the_way_to_the_log() -> None:
    change = save_change(draft(), None, AT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.created = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        change.columns["sync_state"] = SyncState.SENT.value  # type: ignore[index]
