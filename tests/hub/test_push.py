"""Pushing a desk's outbox: exactly once, in device order, rejections stored and scoped."""

from __future__ import annotations

import json

from sqlalchemy import select

from frontdesk.hub import schema as t
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.sync.api import SHARED_TRIP_BODY
from tests.helpers.hub import PROTOCOL, Hub, event_op, eventually


def _push(hub: Hub, headers: dict[str, str], ops: list[dict[str, object]], device: str = "desk-1"):  # type: ignore[no-untyped-def]
    return hub.client.post("/sync/v1/push", json={"device_id": device, "ops": ops}, headers=headers)


def test_ops_are_applied_and_create_the_enquiry_in_the_accounts_organisation(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    note = event_op(2, kind="note", data={"text": "caller asked about bins"})
    outcome = event_op(3, kind="outcome set", data={"outcome": "advice given"})
    response = _push(hub, headers, [event_op(1), note, outcome])
    assert response.status_code == 200
    assert [r["status"] for r in response.json()["results"]] == ["applied"] * 3
    with hub.engine.connect() as conn:
        enquiry = conn.execute(select(t.enquiries)).one()
        events = conn.execute(select(t.enquiry_events.c.kind)).scalars().all()
        audit = conn.execute(
            select(t.audit_log.c.detail).where(t.audit_log.c.action == "sync.push")
        ).scalar_one()
    assert (enquiry.organization_id, enquiry.channel, enquiry.outcome) == (
        "kirklees",
        "phone",
        "advice given",
    )
    assert sorted(events) == ["created", "note", "outcome set"]
    assert json.loads(audit) == {"applied": 3, "ops": 3}


def test_the_same_op_twice_is_applied_once(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    first = _push(hub, headers, [event_op(1)]).json()["results"]
    again = _push(hub, headers, [event_op(1)]).json()["results"]
    assert first == [{"op_id": "op-1", "status": "applied"}]
    assert again == [{"op_id": "op-1", "status": "duplicate"}]
    with hub.engine.connect() as conn:
        assert len(conn.execute(select(t.enquiry_events)).all()) == 1


def test_a_reused_op_id_with_a_different_payload_is_422(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    _push(hub, headers, [event_op(1)])
    changed = event_op(1, data={"channel": "email"})
    response = _push(hub, headers, [changed])
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["code"] == "op_id_reused"
    assert body["op_id"] == "op-1"


def test_ops_out_of_sequence_are_not_applied_and_say_what_is_expected(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    response = _push(hub, headers, [event_op(2)])
    assert response.json()["results"] == [
        {"op_id": "op-2", "status": "out_of_order", "expected_seq": 1}
    ]
    # Sent again in order, the same op applies: nothing was stored for it.
    ordered = _push(hub, headers, [event_op(1), event_op(2, kind="note", data={})])
    assert [r["status"] for r in ordered.json()["results"]] == ["applied", "applied"]
    replayed_seq = _push(hub, headers, [event_op(2, op_id="op-new", event="ev-new")])
    assert replayed_seq.json()["results"][0]["expected_seq"] == 3


def test_an_invalid_op_is_rejected_with_a_reason_that_a_retry_gets_again(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    bad = event_op(1, kind="outcome set", data={"outcome": "sorted it"})
    first = _push(hub, headers, [bad]).json()["results"][0]
    assert first["status"] == "rejected"
    assert "outcome" in first["reason"]
    assert _push(hub, headers, [bad]).json()["results"][0] == first
    # A rejection moves the sequence on, so one bad op never blocks the queue.
    assert _push(hub, headers, [event_op(2)]).json()["results"][0]["status"] == "applied"


def test_content_problems_are_each_rejected(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    cases = [
        {**event_op(1), "schema_v": 9},
        {**event_op(2), "kind": "something else"},
        {**event_op(3), "payload": "text"},
        {**event_op(4), "payload": {**event_op(4)["payload"], "kind": "invented"}},
        {**event_op(5), "payload": {**event_op(5)["payload"], "at": "yesterday"}},
        {**event_op(6), "payload": {**event_op(6)["payload"], "data": []}},
        event_op(7, kind="referral sent", data={}),
        event_op(8, data={"channel": "carrier pigeon"}),
    ]
    results = _push(hub, headers, cases).json()["results"]
    assert [r["status"] for r in results] == ["rejected"] * len(cases)
    assert all(r["reason"] for r in results)


def test_another_organisation_cannot_append_to_an_enquiry(hub: Hub) -> None:
    kirklees = hub.adviser("alice", "kirklees")
    calderdale = hub.adviser("bob", "calderdale")
    _push(hub, kirklees, [event_op(1)])
    result = _push(hub, calderdale, [event_op(1, op_id="x-1", event="x-ev")], "desk-2")
    assert result.json()["results"][0]["status"] == "rejected"
    assert "already used" in result.json()["results"][0]["reason"]


def test_a_device_belongs_to_the_organisation_that_first_pushed_from_it(hub: Hub) -> None:
    kirklees = hub.adviser("alice", "kirklees")
    colleague = hub.adviser("carol", "kirklees")
    calderdale = hub.adviser("bob", "calderdale")
    _push(hub, kirklees, [event_op(1)])
    assert _push(hub, colleague, [event_op(2, kind="note", data={})]).status_code == 200
    refused = _push(hub, calderdale, [event_op(3)])
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "device_forbidden"


def test_a_re_queued_event_under_a_new_op_id_is_a_duplicate(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    _push(hub, headers, [event_op(1)])
    requeued = event_op(2, event="ev-1")
    assert _push(hub, headers, [requeued]).json()["results"][0]["status"] == "duplicate"


def test_a_referral_reaches_only_its_own_organisations_feed(hub: Hub) -> None:
    kirklees = hub.adviser("alice", "kirklees")
    calderdale = hub.adviser("bob", "calderdale")
    referral = event_op(2, kind="referral sent", data={"service_id": "catalogue:svc-1"})
    _push(hub, kirklees, [event_op(1), referral])
    own = eventually(lambda: hub.client.get("/sync/v1/changes", headers=kirklees).json()["changes"])
    other = hub.client.get("/sync/v1/changes", headers=calderdale).json()["changes"]
    assert [(c["kind"], c["data"]["status"]) for c in own] == [("referral", "sent")]
    assert other == []


def test_malformed_envelopes_are_400(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    for body in (
        [],
        {"ops": []},
        {"device_id": "d", "ops": {}},
        {"device_id": "d", "ops": [{"device_seq": 1}]},
        {"device_id": "d", "ops": [{"op_id": "a", "device_seq": "1"}]},
        {"device_id": "d", "ops": [{"op_id": "a", "device_seq": True}]},
    ):
        response = hub.client.post("/sync/v1/push", json=body, headers=headers)
        assert response.status_code == 400, body
        assert response.json()["error"]["code"] == "invalid_request"


def test_the_token_and_the_role_are_answered_before_the_body(hub: Hub) -> None:
    """A small push is read before its token is checked (one trip to a worker thread for
    both); what is answered stays as if the token came first."""
    good = hub.adviser("alice", "kirklees")
    hub.user("nhs", hub.org("nhs-trust"), Role.AGENCY)
    agency = hub.login("nhs")
    bad = {**PROTOCOL, "Authorization": "Bearer not-a-token"}
    valid = json.dumps({"device_id": "desk-1", "ops": [event_op(1)]}).encode()
    big = json.dumps({"device_id": "desk-1", "ops": [event_op(1)] * 400}).encode()
    assert len(big) > SHARED_TRIP_BODY > len(valid)
    for content in (valid, b"{not json", b'{"device_id": 5}', big):
        for headers, status, code in (
            (bad, 401, "token_invalid"),
            (agency, 403, "role_forbidden"),
        ):
            response = hub.client.post(
                "/sync/v1/push",
                content=content,
                headers={**headers, "Content-Type": "application/json"},
            )
            assert (response.status_code, response.json()["error"]["code"]) == (status, code)
    assert _push(hub, good, [event_op(1)]).json()["results"][0]["status"] == "applied"
    # A push larger than that is read once the token is known good, and applied the same.
    ops = [event_op(seq, kind="note", data={"text": "x" * 200}) for seq in range(2, 402)]
    response = hub.client.post(
        "/sync/v1/push", json={"device_id": "desk-1", "ops": ops}, headers=good
    )
    assert len(response.request.content) > SHARED_TRIP_BODY
    assert [r["status"] for r in response.json()["results"]] == ["applied"] * 400
