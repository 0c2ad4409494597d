"""Reasons, call durations and wrap-up times pushed by desks: kept with the enquiry's
events when well formed, each malformed one rejected with a reason (the ops behind it
still applied). On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from frontdesk.hub import schema as t
from frontdesk.hub.accounts.registry import Role
from tests.helpers.hub import Hub, event_op


def _push(hub: Hub, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    headers = hub.adviser("alice", "kirklees")
    response = hub.client.post(
        "/sync/v1/push", json={"device_id": "d1", "ops": ops}, headers=headers
    )
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def test_reason_duration_and_wrap_up_are_kept_with_the_enquiry(hub: Hub) -> None:
    ops = [
        event_op(1, data={"channel": "phone", "duration_seconds": 192}),
        event_op(2, kind="reason set", data={"reason": "missed-collection"}),
        event_op(3, kind="wrap-up done", data={"wrap_up_seconds": 45}),
    ]
    assert [r["status"] for r in _push(hub, ops)] == ["applied"] * 3
    with hub.engine.connect() as conn:
        stored = {
            row.kind: json.loads(row.data)
            for row in conn.execute(select(t.enquiry_events.c.kind, t.enquiry_events.c.data))
        }
    assert stored["created"]["duration_seconds"] == 192
    assert stored["reason set"] == {"reason": "missed-collection"}
    assert stored["wrap-up done"] == {"wrap_up_seconds": 45}


def test_malformed_reasons_and_timings_are_each_rejected_and_the_rest_applied(hub: Hub) -> None:
    ops = [
        event_op(1),
        event_op(2, kind="reason set", data={"reason": "Missed bin!"}),
        event_op(3, kind="reason set", data={"reason": 7}),
        event_op(4, kind="wrap-up done", data={"wrap_up_seconds": -1}),
        event_op(5, kind="wrap-up done", data={}),
        event_op(6, enquiry="enq-2", data={"channel": "phone", "duration_seconds": "long"}),
        event_op(7, enquiry="enq-3", data={"channel": "phone", "duration_seconds": True}),
        event_op(8, kind="reason set", data={"reason": None}),  # the reason taken away
    ]
    results = _push(hub, ops)
    assert [r["status"] for r in results] == ["applied", *["rejected"] * 6, "applied"]
    assert "not a reason code" in results[1]["reason"]
    assert "wrap_up_seconds" in results[3]["reason"]
    assert "duration_seconds" in results[5]["reason"]


def test_supervisors_exports_carry_reason_duration_and_wrap_up(hub: Hub) -> None:
    ops = [
        event_op(1, data={"channel": "phone", "duration_seconds": 192}),
        event_op(2, kind="reason set", data={"reason": "missed-collection"}),
        event_op(3, kind="reason set", data={"reason": "fly-tipping"}),  # changed its mind
        event_op(4, kind="wrap-up done", data={"wrap_up_seconds": 45}),
        event_op(5, enquiry="enq-2"),  # from a desk that sent no timings
    ]
    assert {r["status"] for r in _push(hub, ops)} == {"applied"}
    hub.user("sue", "kirklees", Role.SUPERVISOR)
    headers = hub.login("sue")
    exported = hub.client.get("/supervisor/v1/enquiries/export", headers=headers).json()
    facts = {
        e["id"]: (e["reason"], e["duration_seconds"], e["wrap_up_seconds"])
        for e in exported["enquiries"]
    }
    assert facts == {"enq-1": ("fly-tipping", 192, 45), "enq-2": (None, None, None)}
    csv_text = hub.client.get(
        "/supervisor/v1/enquiries/export", params={"format": "csv"}, headers=headers
    ).text
    header, first = csv_text.lstrip("\ufeff").splitlines()[:2]
    assert "reason,duration_seconds,wrap_up_seconds" in header
    assert "fly-tipping,192,45" in first
