"""The PostgreSQL batch: a push request's plain ops in one transaction.

The batch must answer and store exactly what applying the ops one by one does; these tests
run the same pushes both ways and compare, then check the fallback to one op at a time
when the batch meets a row another hub process wrote after the batch read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, select, text

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.http.app import create_app
from frontdesk.hub.http.endpoint import HubConfig
from frontdesk.hub.migrate import upgrade
from frontdesk.hub.sync import push as push_module
from frontdesk.hub.sync.push import batch, shared
from frontdesk.hub.sync.push_validation import EventPayload, Op, parse_push
from tests.helpers.hub import PASSWORD, PROTOCOL, TestClient, event_op

pytestmark = pytest.mark.postgres

#: One call of (account, device, ops) per push, each answered in order. Covers: a new
#: device, duplicates of earlier ops, an op twice in one request, a gap, a rejection, an
#: event re-queued under a new op_id, an event_id reused for another event, an enquiry of
#: another organisation, created/outcome/amended on enquiries created earlier or in the
#: same request, several enquiries in one request, and an op_id reused mid-request.
SCENARIO: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "alice",
        "desk-1",
        [
            event_op(1),
            event_op(2, kind="note", data={"text": "first"}),
            event_op(3, kind="outcome set", data={"outcome": "advice given"}),
        ],
    ),
    ("alice", "desk-1", [event_op(1), event_op(2, kind="note", data={"text": "first"})]),
    (
        "alice",
        "desk-1",
        [
            event_op(3, kind="outcome set", data={"outcome": "advice given"}),  # stored
            event_op(4, kind="note", data={"text": "x"}),
            event_op(4, kind="note", data={"text": "x"}),  # the same op again
            event_op(6, kind="note", data={}),  # a gap: out of order, not stored
            event_op(5, kind="outcome set", data={"outcome": "sorted it"}),  # rejected
            event_op(6, op_id="op-6b", event="ev-2", kind="note", data={"text": "first"}),
            event_op(7, event="ev-4", kind="note", data={"text": "not x"}),  # ev-4 reused
            event_op(8, enquiry="enq-2", event="ev-8", data={"channel": "email"}),
            event_op(9, enquiry="enq-2", event="ev-9", kind="note", data={"text": "y"}),
            event_op(10, event="ev-10", data={"channel": "face to face"}),  # re-created
            event_op(
                11,
                enquiry="enq-2",
                event="ev-11",
                kind="outcome set",
                data={"outcome": "signposted"},
            ),
            event_op(12, event="ev-12", kind="amended", data={"changes": {"notes": "n"}}),
        ],
    ),
    ("bob", "desk-2", [event_op(1, op_id="b-1", event="b-ev-1", kind="note", data={})]),
    (
        "bob",
        "desk-2",
        [
            event_op(2, op_id="b-2", enquiry="enq-b", event="b-ev-2"),
            event_op(3, op_id="b-3", enquiry="enq-b", event="b-ev-3", kind="note", data={}),
            {**event_op(4, op_id="op-1"), "device_seq": 4},  # another device's op_id: 422
            event_op(5, op_id="b-5", enquiry="enq-b", event="b-ev-5", kind="note", data={}),
        ],
    ),
    ("carol", "desk-1", [event_op(13, op_id="c-13", event="c-ev-13", kind="note", data={})]),
    ("alice", "desk-3", []),
    ("bob", "desk-1", [event_op(14, op_id="x-14", event="x-ev-14", kind="note", data={})]),
]


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = create_hub_engine(pg_url)
    upgrade(engine)
    add_organization(engine, "kirklees", "Kirklees", actor="test")
    add_organization(engine, "calderdale", "Calderdale", actor="test")
    add_account(engine, "alice", Role.ADVISER, "kirklees", PASSWORD, actor="test")
    add_account(engine, "carol", Role.SUPERVISOR, "kirklees", PASSWORD, actor="test")
    add_account(engine, "bob", Role.ADVISER, "calderdale", PASSWORD, actor="test")
    yield engine
    engine.dispose()


@pytest.fixture
def client(pg_engine: Engine) -> Iterator[TestClient]:
    config = HubConfig(token_ttl=dt.timedelta(hours=1))
    with TestClient(create_app(pg_engine, config), client=("198.51.100.7", 5000)) as client:
        yield client


def _headers(client: TestClient, name: str) -> dict[str, str]:
    response = client.post(
        "/auth/v1/login", json={"username": name, "password": PASSWORD}, headers=PROTOCOL
    )
    return {**PROTOCOL, "Authorization": f"Bearer {response.json()['token']}"}


def _run(client: TestClient) -> list[tuple[int, Any]]:
    headers = {name: _headers(client, name) for name in ("alice", "bob", "carol")}
    answers = []
    for name, device, ops in SCENARIO:
        response = client.post(
            "/sync/v1/push", json={"device_id": device, "ops": ops}, headers=headers[name]
        )
        answers.append((response.status_code, response.json()))
    return answers


def _stored(engine: Engine) -> dict[str, Any]:
    """Every row a push writes, without the times the hub stamps (they differ by run)."""
    with engine.connect() as conn:
        return {
            "devices": conn.execute(
                text("SELECT id, organization_id, last_seq, account_id FROM devices ORDER BY id")
            ).all(),
            "ops": conn.execute(
                text(
                    "SELECT op_id, device_id, device_seq, account_id, payload_hash, result"
                    " FROM ops ORDER BY op_id"
                )
            ).all(),
            "enquiries": conn.execute(
                text(
                    "SELECT id, organization_id, account_id, device_id, channel, started_at,"
                    " outcome, created_at <= updated_at, reason, duration_seconds,"
                    " wrap_up_seconds FROM enquiries ORDER BY id"
                )
            ).all(),
            "events": conn.execute(
                text(
                    "SELECT id, enquiry_id, kind, at, data, op_id, account_id"
                    " FROM enquiry_events ORDER BY id"
                )
            ).all(),
            "audit": conn.execute(
                text(
                    "SELECT action, actor, organization_id, target, client, detail"
                    " FROM audit_log WHERE action = 'sync.push' ORDER BY id"
                )
            ).all(),
        }


def test_the_batch_answers_and_stores_what_op_by_op_does(
    pg_url: str, pg_engine: Engine, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes: list[str] = []
    apply = batch.Batch.apply

    def recording(self: Any, *args: Any) -> Any:
        outcomes.append("raised")  # DeviceNotYours, OpIdReused
        results = apply(self, *args)
        outcomes[-1] = "op by op" if results is None else "batch"
        return results

    monkeypatch.setattr(batch.Batch, "apply", recording)
    answers = _run(client)
    stored = _stored(pg_engine)
    # Every request with ops went as a batch, and none needed op by op to finish it.
    assert outcomes == ["batch"] * 4 + ["raised", "batch", "raised"]

    # The same pushes on a second database, one op at a time.
    monkeypatch.setattr(batch.Batch, "apply", lambda *args: None)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("TRUNCATE ops, enquiry_events, enquiries, devices, audit_log CASCADE")
    expected = _run(client)
    assert answers == expected
    assert stored == _stored(pg_engine)

    # And what that is, spelled out for the request with everything in it.
    status, body = answers[2]
    assert status == 200
    assert [(r["op_id"], r["status"]) for r in body["results"]] == [
        ("op-3", "duplicate"),
        ("op-4", "applied"),
        ("op-4", "duplicate"),
        ("op-6", "out_of_order"),
        ("op-5", "rejected"),
        ("op-6b", "duplicate"),
        ("op-7", "rejected"),
        ("op-8", "applied"),
        ("op-9", "applied"),
        ("op-10", "applied"),
        ("op-11", "applied"),
        ("op-12", "applied"),
    ]
    assert answers[3][1]["results"][0]["reason"] == (
        "enquiry_id was already used for a different enquiry"
    )
    assert answers[4][0] == 422
    assert answers[4][1]["op_id"] == "op-1"
    assert [r["status"] for r in answers[4][1]["results"]] == ["applied", "applied"]
    assert answers[5][0] == 200  # a colleague on the same device
    assert answers[6] == (200, {"results": []})
    assert answers[7][0] == 403  # another organisation's device
    enquiries = {row.id: row for row in stored["enquiries"]}
    assert (enquiries["enq-1"].channel, enquiries["enq-1"].outcome) == (
        "face to face",
        "advice given",
    )
    assert (enquiries["enq-2"].channel, enquiries["enq-2"].outcome) == ("email", "signposted")
    assert enquiries["enq-b"].organization_id == "calderdale"
    assert [json.loads(row.detail) for row in stored["audit"][:3]] == [
        {"ops": 3, "applied": 3},
        {"ops": 2, "duplicate": 2},
        {"ops": 12, "applied": 6, "duplicate": 3, "out_of_order": 1, "rejected": 2},
    ]


def test_every_enquiry_column_an_event_sets_is_one_the_batch_writes() -> None:
    at = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    data = {
        "channel": "phone",
        "started_at": at.isoformat(),
        "outcome": "advice given",
        "changes": {"outcome": "signposted", "channel": "email", "notes": "later"},
    }
    for kind in EventKind:
        event = EventPayload("enq", "ev", kind, at, data)
        columns = set(shared.enquiry_values(event, at))
        created_only = shared.ENQUIRY_CREATED_ONLY if kind is EventKind.CREATED else ()
        assert columns <= {*shared.ENQUIRY_SETTABLE, *created_only, "updated_at"}, kind


def _principal(engine: Engine, name: str) -> Principal:
    with engine.connect() as conn:
        row = conn.execute(
            select(t.accounts.c.id, t.accounts.c.organization_id).where(t.accounts.c.name == name)
        ).one()
    return Principal(row.id, name, Role.ADVISER, row.organization_id, 0)


def _ops(*ops: dict[str, Any]) -> list[Op]:
    return parse_push({"device_id": "desk-1", "ops": list(ops)})[1]


def test_a_row_written_by_another_process_meanwhile_sends_the_request_op_by_op(
    pg_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = _principal(pg_engine, "alice")
    push_module.push(pg_engine, alice, "desk-1", _ops(event_op(1)), "test")
    racing = pg_engine.connect()  # another hub process, another desk of the organisation
    plan = batch.plan

    def plan_then_race(*args: Any) -> Any:
        decided = plan(*args)
        if not racing.in_transaction():
            with racing.begin():
                racing.execute(
                    text(
                        "INSERT INTO enquiry_events (id, enquiry_id, kind, at, data, op_id,"
                        " account_id, received_at) VALUES ('ev-3', 'enq-1', 'note',"
                        " now(), '{}', 'elsewhere', :account, now())"
                    ),
                    {"account": alice.account_id},
                )
        return decided

    monkeypatch.setattr(batch, "plan", plan_then_race)
    one_by_one: list[int] = []
    op_by_op = push_module.apply_op_by_op

    def counting(*args: Any) -> Any:
        one_by_one.append(len(args[3]))
        return op_by_op(*args)

    monkeypatch.setattr(push_module, "apply_op_by_op", counting)
    ops = _ops(
        event_op(2, kind="note", data={"text": "a"}),
        event_op(3, kind="note", data={"text": "b"}),  # its event_id was taken meanwhile
        event_op(4, kind="note", data={"text": "c"}),
    )
    try:
        results = push_module.push(pg_engine, alice, "desk-1", ops, "test").results
    finally:
        racing.close()
    assert one_by_one == [3]  # the batch's unique violation: nothing of it committed
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"] == "event_id was already used for a different event"
    with pg_engine.connect() as conn:
        assert conn.scalar(select(t.devices.c.last_seq)) == 4
        events = dict(conn.execute(select(t.enquiry_events.c.id, t.enquiry_events.c.op_id)).all())
        audits = conn.execute(
            select(t.audit_log.c.detail).where(t.audit_log.c.action == "sync.push")
        ).all()
    assert events == {"ev-1": "op-1", "ev-2": "op-2", "ev-3": "elsewhere", "ev-4": "op-4"}
    assert len(audits) == 2  # one per request: the failed batch left none


def test_a_deadlock_also_sends_the_request_op_by_op(
    pg_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = _principal(pg_engine, "alice")

    def deadlocked(*args: Any) -> Any:
        raise psycopg.errors.DeadlockDetected("deadlock detected")

    monkeypatch.setattr(batch, "plan", deadlocked)
    results = push_module.push(pg_engine, alice, "desk-1", _ops(event_op(1)), "test").results
    assert results == [{"op_id": "op-1", "status": "applied"}]


def test_the_connection_goes_back_as_it_was_lent(pg_engine: Engine) -> None:
    alice = _principal(pg_engine, "alice")
    ops = _ops(event_op(1), event_op(2, kind="note", data={}))
    with pg_engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        results = push_module.push_on(conn, alice, "desk-1", ops, "test")
        assert [r["status"] for r in results] == ["applied", "applied"]
        assert raw.autocommit is False
        assert raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        assert raw.pgconn.pipeline_status == psycopg.pq.PipelineStatus.OFF
        # A refused device rolls the batch back and leaves the connection the same way.
        bob = _principal(pg_engine, "bob")
        with pytest.raises(push_module.DeviceNotYours):
            push_module.push_on(conn, bob, "desk-1", _ops(event_op(3)), "test")
        assert raw.autocommit is False
        assert raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        # A reused op_id commits the ops before it, then is refused.
        reused = _ops(event_op(3, kind="note", data={}), {**event_op(1), "device_seq": 4})
        with pytest.raises(push_module.OpIdReused) as refused:
            push_module.push_on(conn, alice, "desk-1", reused, "test")
        assert refused.value.results == [{"op_id": "op-3", "status": "applied"}]
        assert raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    with pg_engine.connect() as conn:
        assert conn.scalar(select(t.devices.c.last_seq)) == 3


def test_a_request_with_a_referral_goes_op_by_op(
    pg_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = _principal(pg_engine, "alice")
    batched: list[int] = []

    def batched_apply(*args: Any) -> None:
        batched.append(1)

    monkeypatch.setattr(batch.Batch, "apply", batched_apply)
    referral = event_op(2, kind="referral sent", data={"service_id": "catalogue:svc-1"})
    results = push_module.push(
        pg_engine, alice, "desk-1", _ops(event_op(1), referral), "test"
    ).results
    assert batched == []
    assert [r["status"] for r in results] == ["applied", "applied"]
