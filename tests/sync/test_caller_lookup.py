"""A repeat caller recognised from a real hub process: a desk online sees the
organisation's enquiries with the caller (made at another desk), a desk offline still sees
its own, and neither sees a caller who did not consent or another organisation's."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from sqlalchemy import Engine

from frontdesk.core.enquiry import Caller, Channel, Enquiry, EnquiryDraft, Outcome
from frontdesk.store.caller_history import CallerQuery, desk_history
from frontdesk.sync.caller_lookup import hub_history
from frontdesk.sync.errors import HubUnreachable
from tests.helpers.hub_process import Desk, HubProcess

JOAN = Caller(name="Joan O'Neill", phone="0161 912 2000", consent=True)


def save(desk: Desk, caller: Caller, note: str) -> Enquiry:
    draft = EnquiryDraft(
        id=str(uuid.uuid4()),
        channel=Channel.PHONE,
        started_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=3),
        caller=caller,
        notes=note,
        outcome=Outcome.ADVICE_GIVEN,
        reason="missed-collection",
    )
    return desk.log.save(draft)


def test_a_repeat_caller_is_recognised_online_from_the_hub_and_offline_from_the_desk(
    hub: HubProcess, hub_engine: Engine, make_desk
) -> None:  # type: ignore[no-untyped-def]
    first, second, elsewhere = make_desk("first"), make_desk("second"), make_desk("leeds")
    first.sign_in(hub.url, "alice")
    second.sign_in(hub.url, "bob")
    elsewhere.sign_in(hub.url, "lena")
    saved = save(first, JOAN, "bin missed")
    earlier = saved.id
    save(first, Caller(phone="0161 912 2000", consent=False), "did not consent")
    assert first.sync().push.applied >= 1

    query = CallerQuery.typed(phone="+44 (0)161 912 2000")
    [found] = hub_history(second.store, query, tokens=second.tokens)
    assert (found.id, found.on_this_desk, found.reason) == (earlier, False, "missed-collection")
    assert desk_history(second.store, query) == [], "the second desk has none of its own"
    assert hub_history(elsewhere.store, query, tokens=elsewhere.tokens) == []

    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=30)
    assert len(hub_history(second.store, query, since=since, tokens=second.tokens)) == 1

    listed = second.cli("enquiries", "history", "--phone", "0161 912 2000", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [item["id"] for item in json.loads(listed.stdout)] == [earlier]

    hub.stop(graceful=False)  # the first desk is now offline: its own history still answers
    with pytest.raises(HubUnreachable):
        hub_history(first.store, query, tokens=first.tokens)
    assert [p.id for p in desk_history(first.store, query)] == [earlier]
    offline = first.cli("enquiries", "history", "--phone", "0161 912 2000")
    assert offline.returncode == 0 and str(saved.reference) in offline.stdout
    assert "the hub's history is left out" in offline.stderr
