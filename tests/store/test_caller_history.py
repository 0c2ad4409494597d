"""A consented caller's earlier enquiries on this desk: found by any one identifier in any
form people type it, never for a caller who did not consent, never once purged."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontdesk.core.enquiry import Caller, Channel, EnquiryDraft, Outcome, ReferralStatus
from frontdesk.store.caller_history import (
    CallerQuery,
    PastEnquiry,
    desk_history,
    from_json,
    merged,
    to_json,
)
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import CallerInvalidError, EnquiryLog

NOW = dt.datetime(2026, 3, 10, 14, 30, tzinfo=dt.UTC)
JOAN = Caller(
    name="Joan O'Neill",
    phone="0161 912 2000",
    email="Joan.ONeill@Example.org",
    postcode="m33 7zg",
    consent=True,
)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskStore]:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    yield store
    store.close()


def save(desk: DeskStore, caller: Caller, days_ago: float = 1, **changes: Any) -> str:
    started = NOW - dt.timedelta(days=days_ago)
    draft = EnquiryDraft(
        id=str(uuid.uuid4()),
        channel=Channel.PHONE,
        started_at=started,
        caller=caller,
        service_ids=("demo:bins",),
        notes="Bin missed",
        outcome=Outcome.ADVICE_GIVEN,
        **changes,
    )
    return EnquiryLog(desk).save(draft, now=started + dt.timedelta(minutes=4)).id


@pytest.mark.parametrize(
    "typed",
    [
        {"phone": "0161 912 2000"},
        {"phone": "+44 161 912 2000"},
        {"phone": "0044 161 912 2000"},
        {"phone": "+44 (0)161 912 2000"},
        {"email": "joan.oneill@example.org"},
        {"email": "JOAN.ONEILL@EXAMPLE.ORG"},
        {"name": "  joan   o'neill ", "postcode": "M337ZG"},
    ],
)
def test_a_consented_caller_is_found_by_any_identifier_in_any_typed_form(
    desk: DeskStore, typed: dict[str, str]
) -> None:
    earlier = save(desk, JOAN)
    found = desk_history(desk, CallerQuery.typed(**typed))
    assert [p.id for p in found] == [earlier]
    assert found[0].outcome is Outcome.ADVICE_GIVEN and found[0].service_ids == ("demo:bins",)


def test_a_name_without_a_postcode_or_a_postcode_without_a_name_finds_nobody(
    desk: DeskStore,
) -> None:
    save(desk, JOAN)
    assert desk_history(desk, CallerQuery.typed(name="Joan O'Neill")) == []
    assert desk_history(desk, CallerQuery.typed(postcode="M33 7ZG")) == []
    assert desk_history(desk, CallerQuery.typed(name="Ann Jones", postcode="M33 7ZG")) == []


def test_a_caller_who_did_not_consent_is_never_found(desk: DeskStore) -> None:
    save(desk, Caller(name=JOAN.name, phone=JOAN.phone, email=JOAN.email, consent=False))
    assert desk_history(desk, CallerQuery.typed(phone="0161 912 2000")) == []
    assert desk_history(desk, CallerQuery.typed(email=JOAN.email)) == []


def test_a_purged_caller_is_no_longer_found_but_a_recent_one_is(desk: DeskStore) -> None:
    save(desk, JOAN, days_ago=100)
    recent = save(desk, JOAN, days_ago=2)
    log = EnquiryLog(desk)
    for op in log.pending_ops(1000):  # the hub has them: purge may remove the details
        log.acknowledge([op.op_id])
    assert log.purge(older_than_days=30, now=NOW) == 1
    found = desk_history(desk, CallerQuery.typed(phone=JOAN.phone))
    assert [p.id for p in found] == [recent]


def test_history_is_newest_first_within_the_window_and_leaves_out_the_open_enquiry(
    desk: DeskStore,
) -> None:
    old = save(desk, JOAN, days_ago=45)
    middle = save(desk, JOAN, days_ago=10)
    newest = save(desk, JOAN, days_ago=1)
    query = CallerQuery.typed(phone=JOAN.phone)
    assert [p.id for p in desk_history(desk, query)] == [newest, middle, old]
    since = NOW - dt.timedelta(days=30)
    assert [p.id for p in desk_history(desk, query, since=since)] == [newest, middle]
    assert [p.id for p in desk_history(desk, query, exclude=newest)] == [middle, old]


def test_each_past_enquiry_carries_reason_and_referral_status(desk: DeskStore) -> None:
    enquiry_id = save(desk, JOAN, reason="missed-collection")
    EnquiryLog(desk).set_referral_status(enquiry_id, ReferralStatus.IN_PROGRESS)
    [found] = desk_history(desk, CallerQuery.typed(email=JOAN.email))
    assert found.reason == "missed-collection"
    assert found.referral_status is ReferralStatus.IN_PROGRESS
    assert from_json(to_json(found)) == PastEnquiry(**{**vars_of(found), "on_this_desk": False})


def vars_of(found: PastEnquiry) -> dict[str, Any]:
    return {name: getattr(found, name) for name in PastEnquiry.__slots__}


def test_wildcards_in_an_address_match_only_themselves(desk: DeskStore) -> None:
    save(desk, Caller(email="a_b@example.org", consent=True))
    assert desk_history(desk, CallerQuery.typed(email="axb@example.org")) == []
    assert len(desk_history(desk, CallerQuery.typed(email="A_B@example.org"))) == 1


def test_a_malformed_phone_or_email_is_refused_naming_the_field() -> None:
    with pytest.raises(CallerInvalidError) as error:
        CallerQuery.typed(phone="12", email="joan.oneill@example")
    assert set(error.value.problems) == {"phone", "email"}
    assert "telephone number '12'" in error.value.problems["phone"]


def test_what_is_being_typed_looks_up_only_what_is_complete() -> None:
    half = Caller(phone="0161 912", email="joan.oneill@example.org", consent=True)
    query = CallerQuery.of_caller(half)
    assert query is not None and query.phone is None and query.email == "joan.oneill@example.org"
    assert CallerQuery.of_caller(Caller(phone="0161 912", consent=True)) is None
    assert CallerQuery.of_caller(Caller(phone="0161 912 2000", consent=False)) is None


def test_merged_sources_keep_one_copy_each_newest_first() -> None:
    def past(enquiry_id: str, days: int, here: bool) -> PastEnquiry:
        started = NOW - dt.timedelta(days=days)
        return PastEnquiry(enquiry_id, started, (), None, None, on_this_desk=here)

    own = [past("a", 1, True)]
    hub = [past("a", 1, False), past("b", 3, False), past("c", 0, False)]
    result = merged(own, hub)
    assert [(p.id, p.on_this_desk) for p in result] == [("c", False), ("a", True), ("b", False)]
