"""Correcting a saved enquiry: each correction is an event with its outbox op, written on
the desk (no hub needed), and the enquiry shows it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.core.enquiry import Channel, EnquiryDraft, EventKind, Outcome, SyncState
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import (
    Amendment,
    EnquiryInvalidError,
    EnquiryLog,
    UnknownEnquiryError,
)

NOW = dt.datetime(2025, 3, 10, 14, 30, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(hours=2)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[EnquiryLog]:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    yield EnquiryLog(store)
    store.close()


def saved(log: EnquiryLog, **changes: object) -> str:
    values: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "channel": Channel.PHONE,
        "started_at": NOW,
        "service_ids": ("demo:bins", "demo:recycling"),
        "notes": "Bin missed",
        "outcome": Outcome.REFERRED,
        "referral_service_id": "demo:bins",
    }
    enquiry = log.save(EnquiryDraft(**(values | changes)), now=NOW)  # type: ignore[arg-type]
    log.acknowledge([op.op_id for op in log.pending_ops()])  # the hub has it all
    return enquiry.id


def test_a_note_is_added_as_an_amendment_with_its_outbox_op(log: EnquiryLog) -> None:
    enquiry_id = saved(log)
    amended = log.amend(enquiry_id, Amendment(note="Crew came back"), now=LATER)
    assert amended.notes == ("Bin missed", "Crew came back")
    assert amended.sync_state is SyncState.SAVED_LOCALLY, "the correction waits for the hub"
    [op] = log.pending_ops()
    assert op.kind == EventKind.AMENDED.value
    assert op.payload["data"] == {"changes": {"notes": "Crew came back"}}
    assert log.history(enquiry_id)[-1].kind is EventKind.AMENDED


def test_the_outcome_is_changed_and_the_referral_withdrawn_together(log: EnquiryLog) -> None:
    enquiry_id = saved(log)
    with pytest.raises(EnquiryInvalidError):
        log.amend(enquiry_id, Amendment(outcome=Outcome.ADVICE_GIVEN), now=LATER)
    assert log.pending_ops() == [], "a refused amendment writes nothing"
    amended = log.amend(
        enquiry_id,
        Amendment(outcome=Outcome.ADVICE_GIVEN, withdraw_referral=True),
        now=LATER,
    )
    assert amended.outcome is Outcome.ADVICE_GIVEN
    assert amended.referral_service_id is None and amended.referral_status is None
    [op] = log.pending_ops()
    assert op.payload["data"]["changes"] == {
        "outcome": "advice given",
        "referral_service_id": None,
    }


def test_a_referral_is_redirected_to_another_service_as_a_new_referral(log: EnquiryLog) -> None:
    enquiry_id = saved(log)
    amended = log.amend(enquiry_id, Amendment(referral_service_id="demo:housing"), now=LATER)
    assert amended.referral_service_id == "demo:housing"
    assert "demo:housing" in amended.service_ids
    kinds = [op.kind for op in log.pending_ops()]
    assert kinds == [EventKind.AMENDED.value, EventKind.REFERRAL_SENT.value]
    sent = log.pending_ops()[1].payload["data"]
    assert sent["service_id"] == "demo:housing"


def test_follow_up_done_is_recorded_once(log: EnquiryLog) -> None:
    enquiry_id = saved(log, outcome=Outcome.CALLBACK_ARRANGED, referral_service_id=None)
    done = log.amend(enquiry_id, Amendment(follow_up_done=True), now=LATER)
    assert done.follow_up_done_at == LATER
    again = log.amend(enquiry_id, Amendment(follow_up_done=True), now=LATER)
    assert again.follow_up_done_at == LATER
    assert [op.kind for op in log.pending_ops()] == [EventKind.FOLLOW_UP_DONE.value]


def test_an_amendment_that_changes_nothing_sends_nothing(log: EnquiryLog) -> None:
    enquiry_id = saved(log)
    same = log.amend(enquiry_id, Amendment(outcome=Outcome.REFERRED), now=LATER)
    assert same.sync_state is SyncState.SENT
    assert log.pending_ops() == []


def test_an_unknown_enquiry_cannot_be_amended(log: EnquiryLog) -> None:
    with pytest.raises(UnknownEnquiryError):
        log.amend("nope", Amendment(note="x"), now=LATER)


def test_a_new_call_links_to_the_earlier_enquiry(log: EnquiryLog) -> None:
    earlier = saved(log)
    later = log.save(
        EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=Channel.PHONE,
            started_at=LATER,
            service_ids=("demo:bins",),
            notes="Still not collected",
            outcome=Outcome.ESCALATED,
            follows_id=earlier,
        ),
        now=LATER,
    )
    assert later.follows_id == earlier
    [created] = [op for op in log.pending_ops() if op.kind == "created"]
    assert created.payload["data"]["follows"] == earlier
