"""Input that once made the hub answer 500 (found while fuzzing its OpenAPI document): each
is now a 4xx or a per-op rejection, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import base64
from typing import Any

from tests.helpers.hub import PROTOCOL, Hub, event_op

JSON = {"Content-Type": "application/json"}
LONE_SURROGATE = b'"\\udc80"'


def _push(hub: Hub, headers: dict[str, str], device: str, *ops: dict[str, Any]) -> Any:
    return hub.client.post(
        "/sync/v1/push", json={"device_id": device, "ops": list(ops)}, headers=headers
    )


def test_a_nul_or_half_a_surrogate_pair_is_a_bad_request(hub: Hub) -> None:
    headers = hub.adviser("ann", "kirklees")
    login = hub.client.post(
        "/auth/v1/login", json={"username": "a\x00b", "password": "x"}, headers=PROTOCOL
    )
    assert login.status_code == 400
    body = b'{"username": ' + LONE_SURROGATE + b', "password": "x"}'
    login = hub.client.post("/auth/v1/login", content=body, headers={**PROTOCOL, **JSON})
    assert login.status_code == 400 and login.json()["error"]["code"] == "malformed_json"
    assert _push(hub, headers, "desk\x00").status_code == 400
    body = b'{"device_id": ' + LONE_SURROGATE + b', "ops": []}'
    pushed = hub.client.post("/sync/v1/push", content=body, headers={**headers, **JSON})
    assert pushed.status_code == 400
    for kind in ("services", "organizations", "taxonomies", "taxonomy_terms"):
        assert hub.client.get(f"/{kind}/a%00b").status_code == 404


def test_dates_without_a_utc_equivalent_are_refused(hub: Hub) -> None:
    headers = hub.adviser("ann", "kirklees")
    answer = hub.client.get("/services", params={"modified_after": "0001-01-01T00:00:00+05:00"})
    assert answer.status_code == 400
    early = event_op(1)
    early["payload"]["at"] = "0001-01-01T00:00:00+05:00"
    late = event_op(2, enquiry="enq-2", data={"started_at": "9999-12-31T23:59:59-05:00"})
    results = _push(hub, headers, "desk-1", early, late).json()["results"]
    assert [r["status"] for r in results] == ["rejected", "rejected"]


def test_referral_ids_that_cannot_be_keys_are_not_used_as_keys(hub: Hub) -> None:
    headers = hub.adviser("ann", "kirklees")
    created = event_op(1)
    bad_service = event_op(2, kind="referral sent", data={"service_id": "svc\x01"})
    bad_referral = event_op(
        3, kind="referral sent", data={"service_id": "demo:svc-1", "referral_id": "r\x01"}
    )
    results = _push(hub, headers, "desk-1", created, bad_service, bad_referral).json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]


def test_a_forged_cursor_beyond_a_bigint_is_a_bad_cursor(hub: Hub) -> None:
    headers = hub.adviser("ann", "kirklees")
    for raw in ("1:0:99999999999999999999:0", "1:0:0:99999999999999999999"):
        cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
        answer = hub.client.get("/sync/v1/changes", params={"cursor": cursor}, headers=headers)
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_cursor"
