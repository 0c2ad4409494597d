"""References and corrections on the hub: each desk gets its own prefix, a pushed
enquiry keeps its reference (unique), and an amendment shows on the enquiry and in its
history, once however often it is pushed. On SQLite and PostgreSQL (batch and op by op)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from frontdesk.core import reference
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.registry import Role
from tests.helpers.hub import Hub, event_op

REF = reference.make("K7M", 1)


def _push(hub: Hub, headers: dict[str, str], ops: list[dict[str, Any]], device: str = "desk-1"):  # type: ignore[no-untyped-def]
    return hub.client.post("/sync/v1/push", json={"device_id": device, "ops": ops}, headers=headers)


def _prefix(hub: Hub, headers: dict[str, str], device: str) -> Any:
    return hub.client.post("/sync/v1/reference-prefix", json={"device_id": device}, headers=headers)


def test_each_desk_gets_its_own_prefix_and_keeps_it(hub: Hub) -> None:
    alice = hub.adviser("alice", "kirklees")
    first = _prefix(hub, alice, "desk-1").json()["prefix"]
    second = _prefix(hub, alice, "desk-2").json()["prefix"]
    assert first != second
    assert all(reference.is_hub_prefix(p) for p in (first, second))
    assert _prefix(hub, alice, "desk-1").json()["prefix"] == first
    bob = hub.adviser("bob", "calderdale")
    refused = _prefix(hub, bob, "desk-1")
    assert refused.status_code == 403, "another organisation's device gets no prefix"
    assert _prefix(hub, alice, "").status_code == 400


def _created(seq: int, enquiry: str, ref: str | None, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"channel": "phone", **extra}
    if ref is not None:
        data["reference"] = ref
    return event_op(
        seq, op_id=f"op-{enquiry}-{seq}", enquiry=enquiry, event=f"ev-{enquiry}-{seq}", data=data
    )


def _event(seq: int, enquiry: str, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return event_op(
        seq, op_id=f"op-{enquiry}-{seq}", enquiry=enquiry, event=f"ev-{enquiry}-{seq}",
        kind=kind, data=data,
    )  # fmt: skip


def test_a_pushed_reference_is_kept_and_a_second_enquiry_cannot_take_it(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    results = _push(hub, headers, [_created(1, "enq-1", REF)]).json()["results"]
    assert results[0]["status"] == "applied"
    clash = _push(hub, headers, [_created(2, "enq-2", REF), _created(3, "enq-3", None)])
    first, second = clash.json()["results"]
    assert first["status"] == "rejected" and REF in first["reason"]
    assert second["status"] == "applied", "a rejected op never blocks the ops behind it"
    bad = _push(hub, headers, [_created(4, "enq-4", REF[:-1] + "2" if REF[-1] != "2" else "3")])
    assert bad.json()["results"][0]["status"] == "rejected"
    with hub.engine.connect() as conn:
        rows = dict(conn.execute(select(t.enquiries.c.id, t.enquiries.c.reference)).all())
    assert rows == {"enq-1": REF, "enq-3": None}


def _amend_ops(enquiry: str, start: int) -> list[dict[str, Any]]:
    changes = {"outcome": "escalated", "notes": "Crew missed it again"}
    return [
        _event(start, enquiry, "amended", {"changes": changes}),
        _event(start + 1, enquiry, "follow-up done", {}),
    ]


def test_an_amendment_shows_on_the_enquiry_and_in_its_history_once(hub: Hub) -> None:
    hub.org("kirklees")
    hub.user("sue", "kirklees", Role.SUPERVISOR)
    supervisor = hub.login("sue")
    headers = hub.adviser("alice", "kirklees")
    saved = [
        _created(1, "enq-1", REF),
        _event(2, "enq-1", "note", {"text": "Bin missed"}),
        _event(3, "enq-1", "outcome set", {"outcome": "advice given"}),
    ]
    # One request with the save and its correction (the batch on PostgreSQL), then the
    # same request again, as a desk whose answer was lost resends it.
    ops = [*saved, *_amend_ops("enq-1", 4)]
    assert {r["status"] for r in _push(hub, headers, ops).json()["results"]} == {"applied"}
    again = _push(hub, headers, ops).json()["results"]
    assert {r["status"] for r in again} == {"duplicate"}
    found = hub.client.get(
        f"/supervisor/v1/enquiries/{REF[:3].lower()}-{REF[3:]}", headers=supervisor
    )
    assert found.status_code == 200, found.text
    body = found.json()
    assert (body["reference"], body["outcome"]) == (REF, "escalated")
    assert body["follow_up_done_at"] is not None
    kinds = [event["kind"] for event in body["history"]]
    assert kinds == ["created", "note", "outcome set", "amended", "follow-up done"]
    assert body["history"][3]["data"]["changes"]["notes"] == "Crew missed it again"
    listed = hub.client.get("/supervisor/v1/enquiries", headers=supervisor).json()
    assert [item["reference"] for item in listed["contents"]] == [REF]
    csv_text = hub.client.get(
        "/supervisor/v1/enquiries/export", params={"format": "csv"}, headers=supervisor
    ).text
    assert csv_text.splitlines()[0].lstrip("\ufeff").startswith("reference,id,")
    assert REF in csv_text
    missing = hub.client.get(
        f"/supervisor/v1/enquiries/{reference.make('ZZZ', 9)}", headers=supervisor
    )
    assert missing.status_code == 404


def test_amendments_pushed_op_by_op_land_the_same(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    _push(hub, headers, [_created(1, "enq-1", REF, follows="enq-0")])
    for op in _amend_ops("enq-1", 2):
        assert _push(hub, headers, [op]).json()["results"][0]["status"] == "applied"
    with hub.engine.connect() as conn:
        row = conn.execute(select(t.enquiries)).one()
    assert (row.outcome, row.follows_id) == ("escalated", "enq-0")
    assert row.follow_up_done_at is not None


def test_an_amendment_with_a_bad_outcome_is_rejected_with_its_reason(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    _push(hub, headers, [_created(1, "enq-1", REF)])
    bad = _event(2, "enq-1", "amended", {"changes": {"outcome": "sorted"}})
    [result] = _push(hub, headers, [bad]).json()["results"]
    assert result["status"] == "rejected" and "outcome" in result["reason"]
