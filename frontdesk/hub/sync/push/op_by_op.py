"""One op per transaction, through SQLAlchemy: the way that works on every database and
for every op (SQLite, referrals, caller details), and that a PostgreSQL batch falls back
to when another hub process wrote one of its rows meanwhile.

Each op is read and decided with the device row locked, on the database as the ops before
it left it, and committed (durably) before the next op starts.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import insert_ignoring_conflict
from frontdesk.hub.record_reports.op import ReportPayload, is_record_report, parse_report
from frontdesk.hub.record_reports.records import apply_report
from frontdesk.hub.sync.push.op_by_op_writes import after_event, apply_event, execute_together
from frontdesk.hub.sync.push.shared import (
    APPLIED,
    OUT_OF_ORDER,
    REJECTED,
    UNSTORABLE,
    Audit,
    DeviceNotYours,
    OpIdReused,
    push_detail,
    referral_id,
    stored_answer,
)
from frontdesk.hub.sync.push_validation import EventPayload, Op, parse_event


def apply_op_by_op(
    conn: Connection, who: Principal, device_id: str, ops: list[Op], client: str
) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    # One transaction per op. The device is claimed inside the first op's transaction and
    # the audit row written inside the last one's: 5 commits for 5 ops, not 7. Each
    # commit is durable (synchronous_commit stays on).
    audited = False
    try:
        for index, op in enumerate(ops):
            last = index == len(ops) - 1
            audit_args = (client, results, len(ops)) if last else None
            result = _apply_with_retry(conn, who, device_id, op, claim=index == 0, audit=audit_args)
            results.append(result)
        audited = bool(ops)  # by the last op's transaction
    except OpIdReused as error:
        raise OpIdReused(error.op_id, results) from None
    finally:
        if not audited:
            # No ops, or an op failed before the last one: claim the device (if no op's
            # transaction did) and record the push in a transaction of their own.
            with conn.begin():
                _claim_device(conn, who, device_id)
                _record_push(conn, who, device_id, client, results, len(ops))
    return results


def _record_push(
    conn: Connection,
    who: Principal,
    device_id: str,
    client: str,
    results: list[dict[str, Any]],
    op_count: int,
) -> None:
    audit.record(
        conn,
        "sync.push",
        actor=who.name,
        organization_id=who.organization_id,
        target=device_id,
        client=client,
        detail=push_detail(results, op_count),
    )


def _claim_device(conn: Connection, who: Principal, device_id: str) -> None:
    """A device belongs to the organisation that first pushed from it; any of its
    accounts may push from it later (a shared library PC), no other organisation."""
    insert_ignoring_conflict(
        conn,
        t.devices,
        {
            "id": device_id,
            "organization_id": who.organization_id,
            "account_id": who.account_id,
            "last_seq": 0,
            "created_at": utcnow(),
        },
    )
    owner = conn.scalar(select(t.devices.c.organization_id).where(t.devices.c.id == device_id))
    if owner != who.organization_id:
        raise DeviceNotYours(device_id)


def _apply_with_retry(
    conn: Connection, who: Principal, device_id: str, op: Op, *, claim: bool, audit: Audit | None
) -> dict[str, Any]:
    try:
        # Two hub processes may race on the same op_id (a desk retrying against another
        # process): the loser's insert fails, and on the second pass it finds the winner's row.
        try:
            with conn.begin():
                return _apply(conn, who, device_id, op, claim=claim, audit=audit)
        except IntegrityError:
            with conn.begin():
                return _apply(conn, who, device_id, op, claim=claim, audit=audit)
    except DataError:
        # The database refused a value validation let through. The op's own transaction
        # is rolled back whole, so nothing of it is left; it is stored as rejected, in a
        # new transaction, so the desk is told and its queue goes on.
        with conn.begin():
            return _apply(conn, who, device_id, op, claim=claim, audit=audit, refuse=UNSTORABLE)


_d, _o, _e, _ev, _r = t.devices, t.ops, t.enquiries, t.enquiry_events, t.referrals
#: Everything an op's checks read, in one round trip, locking the device row (PostgreSQL;
#: SQLite's writer lock already serialises): one device's ops then apply one at a time,
#: and a retry racing its original through another hub process finds the original's
#: stored result, not a gap. Bound parameters keep it one cached compiled statement.
OP_STATE = (
    select(
        _d.c.last_seq,
        _d.c.organization_id.label("device_org"),
        _o.c.payload_hash,
        _o.c.result,
        _e.c.organization_id.label("owner"),
        _ev.c.enquiry_id.label("event_enquiry_id"),
        _ev.c.kind.label("event_kind"),
        _ev.c.at.label("event_at"),
        _ev.c.data.label("event_data"),
        _r.c.id.label("referral_id"),
    )
    .select_from(
        _d.outerjoin(_o, _o.c.op_id == bindparam("op_id"))
        .outerjoin(_e, _e.c.id == bindparam("enquiry_id"))
        .outerjoin(_ev, _ev.c.id == bindparam("event_id"))
        .outerjoin(_r, _r.c.id == bindparam("referral_id"))
    )
    .where(_d.c.id == bindparam("device_id"))
    .with_for_update(of=_d)
)


def _apply(
    conn: Connection,
    who: Principal,
    device_id: str,
    op: Op,
    *,
    claim: bool,
    audit: Audit | None,
    refuse: str | None = None,
) -> dict[str, Any]:
    """The op decided and stored; `refuse` stores it as rejected for that reason."""
    digest = op.payload_hash(device_id)
    # Pure: done first so the one read can fetch what the event names.
    event = _parse(op) if refuse is None else refuse
    ids: dict[str, str | None] = {"enquiry_id": None, "event_id": None, "referral_id": None}
    if isinstance(event, EventPayload):
        ids = {"enquiry_id": event.enquiry_id, "event_id": event.event_id, "referral_id": None}
        if event.kind is EventKind.REFERRAL_SENT:
            ids["referral_id"] = referral_id(event)
    params = {"device_id": device_id, "op_id": op.op_id, **ids}
    state = conn.execute(OP_STATE, params).first()
    if state is None:  # a new device: claim it, in this transaction, then read again
        _claim_device(conn, who, device_id)
        state = conn.execute(OP_STATE, params).one()
    elif claim and state.device_org != who.organization_id:
        # The first op checks the claim from the row it has just locked (no extra reads).
        raise DeviceNotYours(device_id)
    if state.payload_hash is None and op.device_seq != int(state.last_seq or 0) + 1:
        # If the read waited for the device lock (another hub process applying this
        # device's ops), PostgreSQL gave it the device row as now committed but the joined
        # rows as of before the wait. Read again while holding the lock, so a retry racing
        # its original finds the stored result rather than a sequence gap. Any other stale
        # row only makes an insert fail, and `_apply_with_retry` then reads afresh.
        state = conn.execute(OP_STATE, params).one()
    if state.payload_hash is not None:
        if state.payload_hash != digest:
            raise OpIdReused(op.op_id, [])
        result = stored_answer(state.result)
        _finish(conn, who, device_id, result, audit)
        return result
    expected = int(state.last_seq or 0) + 1
    if op.device_seq != expected:
        result = {"op_id": op.op_id, "status": OUT_OF_ORDER, "expected_seq": expected}
        _finish(conn, who, device_id, result, audit)
        return result
    now = utcnow()
    writes: list[Any] = []
    if isinstance(event, str):
        result = {"op_id": op.op_id, "status": REJECTED, "reason": event}
    elif isinstance(event, ReportPayload):
        refused = apply_report(conn, who, device_id, op.op_id, event, now)
        status = {"status": REJECTED, "reason": refused} if refused else {"status": APPLIED}
        result = {"op_id": op.op_id, **status}
    else:
        result = apply_event(conn, who, device_id, op, event, state, now, writes)
    writes.append(
        update(t.devices)
        .where(t.devices.c.id == device_id)
        .values(last_seq=op.device_seq, account_id=who.account_id, last_push_at=now)
    )
    writes.append(
        insert(t.ops).values(
            op_id=op.op_id,
            device_id=device_id,
            device_seq=op.device_seq,
            account_id=who.account_id,
            payload_hash=digest,
            result=json.dumps(result, sort_keys=True),
            created_at=now,
        )
    )
    execute_together(conn, writes)
    if result["status"] == APPLIED and isinstance(event, EventPayload):
        after_event(conn, who, event, now)
    _finish(conn, who, device_id, result, audit)
    return result


def _parse(op: Op) -> EventPayload | ReportPayload | str:
    """An enquiry event, or (the one other op kind) a record report, or why neither."""
    if is_record_report(op):
        return parse_report(op.schema_v, op.payload)
    return parse_event(op)


def _finish(
    conn: Connection,
    who: Principal,
    device_id: str,
    result: dict[str, Any],
    audit: Audit | None,
) -> None:
    """The last op's transaction also records the push in the audit log."""
    if audit is not None:
        client, earlier, op_count = audit
        _record_push(conn, who, device_id, client, [*earlier, result], op_count)
