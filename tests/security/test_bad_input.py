"""Input the hub cannot store or does not expect, on SQLite and PostgreSQL: a push op
with it is a stored rejection (the desk's queue goes on), and no endpoint answers it with a
5xx — NUL characters, bodies beyond the limits and wrongly typed JSON values everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
from sqlalchemy import select

from frontdesk.cli import main
from frontdesk.hub import schema as t
from frontdesk.hub.http.openapi import openapi_document
from frontdesk.hub.sync import push_validation
from frontdesk.hub.sync.push import batch
from frontdesk.hub.sync.push.shared import UNSTORABLE
from tests.helpers.hub import PROTOCOL, Hub, event_op
from tests.helpers.referral_world import CALLER, SERVICE, make_world

NUL = "a\x00b"
JSON = {"Content-Type": "application/json"}
FORM_TYPE = {"Content-Type": "application/x-www-form-urlencoded"}
#: A valid Open311 request, for putting one bad field in at a time.
FORM = {"service_code": "kirklees:svc-0", "description": "a hole in the road", "email": "a@b.uk"}


def _op(seq: int, **changes: Any) -> dict[str, Any]:
    """Op `seq`, a `created` for enquiry enq-2, with its envelope fields and payload
    fields replaced by `changes` (`payload` is merged into the payload)."""
    op = event_op(seq, enquiry="enq-2", data={"channel": "phone"})
    payload = {**op["payload"], **changes.pop("payload", {})}
    return {**op, "payload": payload, **changes}


def _created(data: dict[str, Any]) -> dict[str, Any]:
    return {"payload": {"data": {"channel": "phone", **data}}}


#: What in op 2 the hub cannot store, or is not what the protocol says, and part of the
#: reason it is rejected for.
BAD_OPS: dict[str, tuple[dict[str, Any], str]] = {
    "NUL in a caller's name": (
        _created({"caller": {"name": NUL, "phone": "07700 900123", "consent": True}}),
        "NUL",
    ),
    "NUL in a note": ({"payload": {"kind": "note", "data": {"text": NUL}}}, "NUL"),
    "NUL in a referral's note": (
        {"payload": {"kind": "referral sent", "data": {"service_id": "x:1", "note": NUL}}},
        "NUL",
    ),
    "NUL in an amended caller": (
        {"payload": {"kind": "amended", "data": {"changes": {"caller": {"email": NUL}}}}},
        "NUL",
    ),
    "NUL in a key": (_created({NUL: 1}), "NUL"),
    "NUL in a list": (_created({"tags": ["ok", [NUL]]}), "NUL"),
    "schema_v an object": ({"schema_v": {}}, "schema_v"),
    "schema_v a list": ({"schema_v": [1]}, "schema_v"),
    "schema_v a string": ({"schema_v": "1"}, "schema_v"),
    "schema_v true": ({"schema_v": True}, "schema_v"),
    "schema_v a float": ({"schema_v": 1.5}, "schema_v"),
    "kind an object": ({"kind": {}}, "op kind"),
    "kind a number": ({"kind": 3}, "op kind"),
    "payload a list": ({"payload": [], "replace": True}, "payload"),
    "payload null": ({"payload": None, "replace": True}, "payload"),
    "payload.kind an object": ({"payload": {"kind": {"a": 1}}}, "payload.kind"),
    "payload.at a number": ({"payload": {"at": 5}}, "payload.at"),
    "payload.data a list": ({"payload": {"data": [1]}}, "payload.data"),
    "channel an object": (_created({"channel": {}}), "data.channel"),
    "started_at a list": (_created({"started_at": []}), "data.started_at"),
    "outcome a list": (
        {"payload": {"kind": "outcome set", "data": {"outcome": ["referred"]}}},
        "data.outcome",
    ),
    "service_id a number": (
        {"payload": {"kind": "referral sent", "data": {"service_id": 7}}},
        "data.service_id",
    ),
}


def _bad_op(name: str) -> tuple[dict[str, Any], str]:
    changes, reason = BAD_OPS[name]
    if changes.get("replace"):
        return {**_op(2), "payload": changes["payload"]}, reason
    return _op(2, **changes), reason


def _push(hub: Hub, headers: dict[str, str], *ops: dict[str, Any]) -> Any:
    response = hub.client.post(
        "/sync/v1/push", json={"device_id": "desk-1", "ops": list(ops)}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_an_op_the_hub_cannot_store_is_a_stored_rejection_and_the_queue_goes_on(
    hub: Hub,
) -> None:
    headers = hub.adviser("ann", "kirklees")
    request, reasons = [event_op(1)], {}
    for name in BAD_OPS:  # each bad op, then a good one after it
        bad, reasons[name] = _bad_op(name)
        seq = len(request) + 1
        request.append({**bad, "op_id": f"bad-{seq}", "device_seq": seq})
        request.append(event_op(seq + 1, kind="note", data={"text": f"after {name}"}))
    results = _push(hub, headers, *request)
    assert [r["status"] for r in results] == ["applied"] + ["rejected", "applied"] * len(BAD_OPS)
    for name, result in zip(BAD_OPS, results[1::2], strict=True):
        assert reasons[name] in result["reason"], name
    # Stored: a retry gets the same answers, and the next op is not out of order.
    again = _push(hub, headers, *request)
    assert [r["status"] for r in again] == ["duplicate"] + ["rejected", "duplicate"] * len(BAD_OPS)
    assert [r.get("reason") for r in again[1::2]] == [r["reason"] for r in results[1::2]]
    after = _push(hub, headers, event_op(len(request) + 1, kind="note", data={}))
    assert after[0]["status"] == "applied"


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_value_the_database_refuses_is_a_stored_rejection(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Validation refuses NUL; here it does not, as for a value some future check misses:
    # the database's refusal of one op must still not block the desk's queue.
    monkeypatch.setattr(push_validation, "has_nul", lambda value: False)
    headers = hub.adviser("ann", "kirklees")
    caller = {"caller": {"name": NUL, "consent": True}}
    request = [
        event_op(1),
        _op(2, **_created(caller)),  # caller details: applied op by op
        event_op(3, kind="note", data={"text": "after it"}),
    ]
    results = _push(hub, headers, *request)
    assert results[1] == {"op_id": "op-2", "status": "rejected", "reason": UNSTORABLE}
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    again = _push(hub, headers, *request)
    assert [r["status"] for r in again] == ["duplicate", "rejected", "duplicate"]
    with hub.engine.connect() as conn:  # nothing of the refused op was kept
        assert conn.scalars(select(t.enquiries.c.id)).all() == ["enq-1"]
        assert conn.scalars(select(t.enquiry_callers.c.enquiry_id)).all() == []


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_value_the_database_refuses_in_a_batch_sends_the_request_op_by_op(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = hub.adviser("ann", "kirklees")
    plan = batch.plan
    refused: list[int] = []

    def refusing(*args: Any) -> Any:
        if not refused:
            refused.append(1)
            raise psycopg.errors.UntranslatableCharacter("unsupported Unicode escape sequence")
        return plan(*args)

    monkeypatch.setattr(batch, "plan", refusing)
    request = [event_op(1), event_op(2, kind="note", data={"text": "x"})]
    assert [r["status"] for r in _push(hub, headers, *request)] == ["applied", "applied"]
    assert refused == [1]


# -- Every endpoint, every input: never a 5xx ----------------------------------------------

#: Who calls each path in the sweep (everyone else is also tried anonymously).
CALLER_OF = {"/agency": "agency", "/admin": "admin", "/supervisor": "supervisor"}
WRONG_TYPES: list[Any] = [[], {}, 1.5, True, None, 10**30]
HUGE_BODY = b'"' + b"x" * (9 * 2**20) + b'"'  # beyond every body limit (push: 8 MiB)


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) for every operation the hub documents."""
    document = openapi_document()
    return [
        (method.upper(), path, operation)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if method in ("get", "post")
    ]


def _body_fields(operation: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The operation's body media type and the names of its fields."""
    content = operation.get("requestBody", {}).get("content", {})
    for media, spec in content.items():
        schema = spec.get("schema", {})
        ref = schema.get("$ref")
        if ref:
            schema = openapi_document()["components"]["schemas"][ref.rsplit("/", 1)[1]]
        return media, list(schema.get("properties", {}))
    return None, []


def _requests(path: str, operation: dict[str, Any], bad: str) -> list[dict[str, Any]]:
    """Requests (keyword arguments for TestClient.request) that put `bad` input in every
    place the operation reads: path and query parameters, and each body field."""
    query = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
    media, fields = _body_fields(operation)
    url = path.replace("{id}", "ref-e1")
    values: list[Any] = {"nul": [NUL], "huge": ["x" * 10_000], "types": WRONG_TYPES}[bad]
    out: list[dict[str, Any]] = []
    if "{id}" in path and bad != "types":
        out += [{"url": path.replace("{id}", quote(str(v), safe=""))} for v in values]
    for name in query:
        out += [{"url": url, "params": {name: str(v)}} for v in values]
    if media == "application/json":
        out += [{"url": url, "json": dict.fromkeys(fields, v)} for v in values]
        out += [{"url": url, "json": {field: v}} for field in fields for v in values]
        if bad == "types":
            out += [{"url": url, "json": v} for v in WRONG_TYPES]
        if bad == "huge":
            out.append({"url": url, "content": HUGE_BODY, "headers": JSON})
    elif media is not None:  # an Open311 form
        out += [{"url": url, "data": dict.fromkeys(fields, str(v))} for v in values]
        out += [{"url": url, "data": {**FORM, field: str(v)}} for field in fields for v in values]
        if bad == "huge":
            out.append({"url": url, "content": b"a=" + b"x" * (9 * 2**20), "headers": FORM_TYPE})
    return out


@pytest.mark.parametrize("bad", ["nul", "huge", "types"])
def test_no_input_gets_a_server_error_anywhere(hub: Hub, bad: str) -> None:
    world = make_world(hub)
    world.enquiry("e1", caller=CALLER, refer_to=SERVICE)
    failures: list[str] = []
    for method, path, operation in _operations():
        role = next((r for prefix, r in CALLER_OF.items() if path.startswith(prefix)), "adviser")
        for who in (role, None):
            headers = {**PROTOCOL, **(world.headers[who] if who else {})}
            for request in _requests(path, operation, bad):
                request["headers"] = {**headers, **request.get("headers", {})}
                try:
                    status = hub.client.request(method, **request).status_code
                except Exception as error:  # the test client re-raises what the app raised
                    status = 500
                    request["error"] = repr(error)[:300]
                if status >= 500:
                    request.pop("content", None)
                    failures.append(f"{method} {path} as {who}: {str(request)[:400]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("action", ["export", "erase"])
def test_a_nul_in_a_subject_request_from_the_command_line_is_refused_plainly(
    hub: Hub, db_url: str, action: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    world = make_world(hub)
    world.enquiry("e1", caller=CALLER)
    out = [str(tmp_path / "subject.json")] if action == "export" else []
    assert main(["hub", "subject", action, "--db", db_url, "--email", NUL, *out]) == 1
    assert "NUL" in capsys.readouterr().err
    with hub.engine.connect() as conn:  # nothing erased
        assert conn.scalar(select(t.enquiry_callers.c.email)) == CALLER["email"]
