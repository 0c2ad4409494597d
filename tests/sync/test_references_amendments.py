"""References and corrections between a desk and a real hub process (SQLite and
PostgreSQL): a desk takes its prefix at sign-in, its references reach the hub, and a
correction made on the desk reaches the hub exactly once, even when the hub's answer is
lost and the push is repeated."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from sqlalchemy import Engine, select

from frontdesk.core import reference
from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome
from frontdesk.hub import schema as h
from frontdesk.store import references
from frontdesk.store.enquiries import Amendment
from frontdesk.sync.errors import HubUnreachable
from tests.helpers.proxy import FaultProxy


def _draft(**changes: Any) -> EnquiryDraft:
    values: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "channel": Channel.PHONE,
        "started_at": dt.datetime.now(dt.UTC),
        "notes": "Bin missed twice",
        "outcome": Outcome.ADVICE_GIVEN,
    }
    return EnquiryDraft(**(values | changes))


def _hub_enquiry(hub_engine: Engine, enquiry_id: str) -> tuple[Any, list[Any]]:
    with hub_engine.connect() as conn:
        row = conn.execute(select(h.enquiries).where(h.enquiries.c.id == enquiry_id)).one()
        events = conn.execute(
            select(h.enquiry_events.c.kind, h.enquiry_events.c.data)
            .where(h.enquiry_events.c.enquiry_id == enquiry_id)
            .order_by(h.enquiry_events.c.at, h.enquiry_events.c.received_at)
        ).all()
    return row, events


def test_desks_take_distinct_prefixes_at_sign_in_and_references_reach_the_hub(
    proxy: FaultProxy, hub_engine: Engine, make_desk: Any
) -> None:
    first, second = make_desk("first"), make_desk("second")
    # Before it ever met a hub the first desk numbered under a standalone prefix.
    early = first.log.save(_draft())
    assert early.reference is not None and early.reference[0] in reference.DIGITS
    first.sign_in(proxy.url)
    second.sign_in(proxy.url)
    prefixes = {references.current_prefix(d.store) for d in (first, second)}
    assert len(prefixes) == 2 and all(reference.is_hub_prefix(str(p)) for p in prefixes)
    later = first.log.save(_draft())
    other = second.log.save(_draft())
    assert later.reference and later.reference.startswith(
        str(references.current_prefix(first.store))
    )
    first.sync()
    second.sync()
    for enquiry in (early, later, other):
        row, _ = _hub_enquiry(hub_engine, enquiry.id)
        assert row.reference == enquiry.reference


def test_a_desk_that_could_not_take_its_prefix_at_sign_in_takes_it_at_the_next_sync(
    proxy: FaultProxy, make_desk: Any
) -> None:
    desk = make_desk()
    proxy.faults.drop_responses["/sync/v1/reference-prefix"] = 1
    desk.sign_in(proxy.url)  # signed in all the same
    assert not references.has_hub_prefix(desk.store)
    desk.sync()
    assert references.has_hub_prefix(desk.store)


@pytest.mark.parametrize("offline_first", [False, True])
def test_a_correction_reaches_the_hub_once_even_when_its_push_is_repeated(
    proxy: FaultProxy, hub_engine: Engine, make_desk: Any, offline_first: bool
) -> None:
    desk = make_desk()
    desk.sign_in(proxy.url)
    saved = desk.log.save(_draft(outcome=Outcome.CALLBACK_ARRANGED))
    desk.sync()
    if offline_first:
        proxy.faults.down = True  # the hub cannot be reached: the correction waits
    corrected = desk.log.amend(
        saved.id,
        Amendment(note="Crew came back", outcome=Outcome.ESCALATED, follow_up_done=True),
    )
    assert corrected.outcome is Outcome.ESCALATED
    if offline_first:
        with pytest.raises(HubUnreachable):
            desk.sync()
        proxy.faults.down = False
    proxy.faults.drop_responses["/sync/v1/push"] = 1  # the hub applies it; the answer is lost
    with pytest.raises(HubUnreachable):
        desk.sync()
    assert desk.log.outbox_size() == 2, "nothing forgotten without an answer"
    report = desk.sync()  # the same ops again, as after a reconnect
    assert (report.push.duplicate, report.push.applied) == (2, 0)
    assert desk.log.outbox_size() == 0
    row, events = _hub_enquiry(hub_engine, saved.id)
    assert (row.reference, row.outcome) == (saved.reference, "escalated")
    assert row.follow_up_done_at is not None
    kinds = [kind for kind, _ in events]
    assert kinds.count("amended") == 1 and kinds.count("follow-up done") == 1
    [amended] = [json.loads(data) for kind, data in events if kind == "amended"]
    assert amended["changes"] == {"notes": "Crew came back", "outcome": "escalated"}
