"""Applying what desks push: each op in its own transaction, exactly once, in device order.

For every op the hub, in one transaction: looks the op_id up (a retry gets the stored
answer; the same op_id with a different payload is refused as `op_id_reused`), checks the
device's sequence (`out_of_order` if it is not last + 1, nothing stored so the op can be
sent again in order), validates it (`rejected`, stored, the sequence moves on so one bad op
never blocks the desk's queue), and applies it — creating the enquiry on first sight,
owned by the pushing account's organisation. The result is committed before the response
is sent, so an acknowledged op is durable.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import audit
from frontdesk.hub import schema as t
from frontdesk.hub.auth import Principal
from frontdesk.hub.callers import record_caller
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import insert_ignoring_conflict, is_postgres
from frontdesk.hub.push_validation import EventPayload, Op, parse_event
from frontdesk.hub.referrals import NewReferral, create_referral

APPLIED, DUPLICATE, REJECTED, OUT_OF_ORDER = "applied", "duplicate", "rejected", "out_of_order"


class OpIdReused(Exception):
    """An op_id came back with a different payload: a desk bug, never silently accepted."""

    def __init__(self, op_id: str, results: list[dict[str, Any]]) -> None:
        super().__init__(op_id)
        self.op_id = op_id
        self.results = results


class DeviceNotYours(Exception):
    """The device id is registered to another organisation."""


@dataclass(frozen=True, slots=True)
class PushSummary:
    results: list[dict[str, Any]]


def push(engine: Engine, who: Principal, device_id: str, ops: list[Op], client: str) -> PushSummary:
    results: list[dict[str, Any]] = []
    # One pooled connection for the whole request (one checkout and pre-ping, not one per
    # op), still one transaction per op. The device is claimed inside the first op's
    # transaction and the audit row written inside the last one's: 5 commits for 5 ops,
    # not 7. Each commit is durable (synchronous_commit stays on).
    audited = False
    with engine.execution_options(immediate=True).connect() as conn:
        try:
            for index, op in enumerate(ops):
                last = index == len(ops) - 1
                result = _apply_with_retry(
                    conn,
                    who,
                    device_id,
                    op,
                    claim=index == 0,
                    audit=(client, results, len(ops)) if last else None,
                )
                results.append(result)
            audited = bool(ops)  # by the last op's transaction
        except OpIdReused as error:
            raise OpIdReused(error.op_id, results) from None
        finally:
            if not audited:
                # No ops, or an op failed before the last one: claim the device (if no
                # op's transaction did) and record the push in a transaction of their own.
                with conn.begin():
                    _claim_device(conn, who, device_id)
                    _record_push(conn, who, device_id, client, results, len(ops))
    return PushSummary(results)


def _record_push(
    conn: Connection,
    who: Principal,
    device_id: str,
    client: str,
    results: list[dict[str, Any]],
    op_count: int,
) -> None:
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    audit.record(
        conn,
        "sync.push",
        actor=who.name,
        organization_id=who.organization_id,
        target=device_id,
        client=client,
        detail={"ops": op_count, **counts},
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


#: (client, results so far, number of ops): the last op writes the push's audit row.
_Audit = tuple[str, list[dict[str, Any]], int]


def _apply_with_retry(
    conn: Connection, who: Principal, device_id: str, op: Op, *, claim: bool, audit: _Audit | None
) -> dict[str, Any]:
    # Two hub processes may race on the same op_id (a desk retrying against another
    # process): the loser's insert fails, and on the second pass it finds the winner's row.
    try:
        with conn.begin():
            return _apply(conn, who, device_id, op, claim=claim, audit=audit)
    except IntegrityError:
        with conn.begin():
            return _apply(conn, who, device_id, op, claim=claim, audit=audit)


_d, _o, _e, _ev, _r = t.devices, t.ops, t.enquiries, t.enquiry_events, t.referrals
#: Everything an op's checks read, in one round trip, locking the device row (PostgreSQL;
#: SQLite's writer lock already serialises): one device's ops then apply one at a time,
#: and a retry racing its original through another hub process finds the original's
#: stored result, not a gap. Bound parameters keep it one cached compiled statement.
_OP_STATE = (
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
    audit: _Audit | None,
) -> dict[str, Any]:
    digest = op.payload_hash(device_id)
    event = parse_event(op)  # pure: done first so the one read can fetch what it names
    ids: dict[str, str | None] = {"enquiry_id": None, "event_id": None, "referral_id": None}
    if not isinstance(event, str):
        ids = {"enquiry_id": event.enquiry_id, "event_id": event.event_id, "referral_id": None}
        if event.kind is EventKind.REFERRAL_SENT:
            ids["referral_id"] = _referral_id(event)
    params = {"device_id": device_id, "op_id": op.op_id, **ids}
    state = conn.execute(_OP_STATE, params).first()
    if state is None:  # a new device: claim it, in this transaction, then read again
        _claim_device(conn, who, device_id)
        state = conn.execute(_OP_STATE, params).one()
    elif claim and state.device_org != who.organization_id:
        # The first op checks the claim from the row it has just locked (no extra reads).
        raise DeviceNotYours(device_id)
    if state.payload_hash is None and op.device_seq != int(state.last_seq or 0) + 1:
        # If the read waited for the device lock (another hub process applying this
        # device's ops), PostgreSQL gave it the device row as now committed but the joined
        # rows as of before the wait. Read again while holding the lock, so a retry racing
        # its original finds the stored result rather than a sequence gap. Any other stale
        # row only makes an insert fail, and `_apply_with_retry` then reads afresh.
        state = conn.execute(_OP_STATE, params).one()
    if state.payload_hash is not None:
        if state.payload_hash != digest:
            raise OpIdReused(op.op_id, [])
        result: dict[str, Any] = json.loads(state.result)
        if result["status"] == APPLIED:
            result["status"] = DUPLICATE
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
    else:
        result = _apply_event(conn, who, device_id, op, event, state, now, writes)
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
    _execute_together(conn, writes)
    if result["status"] == APPLIED and not isinstance(event, str):
        _after_event(conn, who, event, now)
    _finish(conn, who, device_id, result, audit)
    return result


def _finish(
    conn: Connection,
    who: Principal,
    device_id: str,
    result: dict[str, Any],
    audit: _Audit | None,
) -> None:
    """The last op's transaction also records the push in the audit log."""
    if audit is not None:
        client, earlier, op_count = audit
        _record_push(conn, who, device_id, client, [*earlier, result], op_count)


def _execute_together(conn: Connection, statements: list[Any]) -> None:
    """Run independent writes: on PostgreSQL as one statement (all but the last as
    data-modifying CTEs, one round trip; foreign keys are checked at the end of the
    statement), on SQLite one by one. None of them may touch a row another one writes,
    since the CTEs all see the snapshot from before the statement."""
    if is_postgres(conn) and len(statements) > 1:
        main = statements[-1]
        for index, statement in enumerate(statements[:-1]):
            main = main.add_cte(statement.cte(f"w{index}"))
        conn.execute(main)
        return
    for statement in statements:
        conn.execute(statement)


def _apply_event(
    conn: Connection,
    who: Principal,
    device_id: str,
    op: Op,
    event: EventPayload,
    state: Any,
    now: dt.datetime,
    writes: list[Any],
) -> dict[str, Any]:
    """Every check comes before the first write, so a rejected op leaves nothing behind.
    Appends the op's enquiry writes to `writes`; caller and referral rows, which refer to
    the enquiry, are written afterwards by `_after_event`."""
    owner = state.owner
    if owner is not None and owner != who.organization_id:
        return _rejected(op, "the enquiry belongs to another organisation")
    data_text = json.dumps(event.data, sort_keys=True, ensure_ascii=False)
    if state.event_enquiry_id is not None:
        existing = (state.event_enquiry_id, state.event_kind, state.event_at, state.event_data)
        if existing == (event.enquiry_id, event.kind.value, event.at, data_text):
            return {"op_id": op.op_id, "status": DUPLICATE}  # the desk re-queued it
        return _rejected(op, "event_id was already used for a different event")
    if event.kind is EventKind.REFERRAL_SENT and state.referral_id:
        return _rejected(op, "referral_id was already used for a different referral")
    values = _enquiry_values(event, now)
    if owner is None:
        # Created with its final values: a later statement in the same CTE could not see
        # the new row to update it.
        writes.append(
            insert(t.enquiries).values(
                id=event.enquiry_id,
                organization_id=who.organization_id,
                account_id=who.account_id,
                device_id=device_id,
                created_at=now,
                **values,
            )
        )
    else:
        writes.append(
            update(t.enquiries).where(t.enquiries.c.id == event.enquiry_id).values(**values)
        )
    writes.append(
        insert(t.enquiry_events).values(
            id=event.event_id,
            enquiry_id=event.enquiry_id,
            kind=event.kind.value,
            at=event.at,
            data=data_text,
            op_id=op.op_id,
            account_id=who.account_id,
            received_at=now,
        )
    )
    return {"op_id": op.op_id, "status": APPLIED}


def _referral_id(event: EventPayload) -> str:
    given = event.data.get("referral_id")
    usable = isinstance(given, str) and 0 < len(given) <= 100 and given.isprintable()
    return str(given) if usable else event.event_id


def _rejected(op: Op, reason: str) -> dict[str, Any]:
    return {"op_id": op.op_id, "status": REJECTED, "reason": reason}


def _enquiry_values(event: EventPayload, now: dt.datetime) -> dict[str, Any]:
    """The enquiry columns an event sets."""
    values: dict[str, Any] = {"updated_at": now}
    data = event.data
    if event.kind is EventKind.CREATED:
        values["channel"] = data.get("channel")
        started = data.get("started_at")
        values["started_at"] = dt.datetime.fromisoformat(started) if started else event.at
        if values["started_at"].tzinfo is None:
            values["started_at"] = values["started_at"].replace(tzinfo=dt.UTC)
    elif event.kind is EventKind.OUTCOME_SET:
        values["outcome"] = data["outcome"]
    return values


def _after_event(conn: Connection, who: Principal, event: EventPayload, now: dt.datetime) -> None:
    """Rows that refer to the enquiry, so written once it exists."""
    if event.kind is EventKind.REFERRAL_SENT:
        _create_referral(conn, who, event, now)
    if event.kind in (EventKind.CREATED, EventKind.AMENDED):
        record_caller(conn, event.enquiry_id, event.kind, event.data, now)


def _create_referral(
    conn: Connection, who: Principal, event: EventPayload, now: dt.datetime
) -> None:
    note = event.data.get("note")
    new = NewReferral(
        id=_referral_id(event),
        enquiry_id=event.enquiry_id,
        service_id=event.data["service_id"],
        from_organization_id=who.organization_id,
        note=note if isinstance(note, str) else None,
    )
    create_referral(conn, new, now)
