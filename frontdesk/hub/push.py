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

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import audit
from frontdesk.hub import schema as t
from frontdesk.hub.auth import Principal
from frontdesk.hub.callers import record_caller
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import insert_ignoring_conflict, writing
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
    _claim_device(engine, who, device_id)
    results: list[dict[str, Any]] = []
    try:
        for op in ops:
            results.append(_apply_with_retry(engine, who, device_id, op))
    except OpIdReused as error:
        raise OpIdReused(error.op_id, results) from None
    finally:
        with writing(engine) as conn:
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
                detail={"ops": len(ops), **counts},
            )
    return PushSummary(results)


def _claim_device(engine: Engine, who: Principal, device_id: str) -> None:
    """A device belongs to the organisation that first pushed from it; any of its
    accounts may push from it later (a shared library PC), no other organisation."""
    with writing(engine) as conn:
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


def _apply_with_retry(engine: Engine, who: Principal, device_id: str, op: Op) -> dict[str, Any]:
    # Two hub processes may race on the same op_id (a desk retrying against another
    # process): the loser's insert fails, and on the second pass it finds the winner's row.
    try:
        return _apply(engine, who, device_id, op)
    except IntegrityError:
        return _apply(engine, who, device_id, op)


def _apply(engine: Engine, who: Principal, device_id: str, op: Op) -> dict[str, Any]:
    digest = op.payload_hash(device_id)
    with writing(engine) as conn:
        # Lock the device row first (PostgreSQL; SQLite's writer lock already serialises):
        # one device's ops then apply one at a time, and a retry racing its original
        # through another hub process finds the original's stored result, not a gap.
        last = conn.scalar(
            select(t.devices.c.last_seq).where(t.devices.c.id == device_id).with_for_update()
        )
        stored = conn.execute(
            select(t.ops.c.payload_hash, t.ops.c.result).where(t.ops.c.op_id == op.op_id)
        ).first()
        if stored is not None:
            if stored.payload_hash != digest:
                raise OpIdReused(op.op_id, [])
            result: dict[str, Any] = json.loads(stored.result)
            if result["status"] == APPLIED:
                result["status"] = DUPLICATE
            return result
        expected = int(last or 0) + 1
        if op.device_seq != expected:
            return {"op_id": op.op_id, "status": OUT_OF_ORDER, "expected_seq": expected}
        event = parse_event(op)
        if isinstance(event, str):
            result = {"op_id": op.op_id, "status": REJECTED, "reason": event}
        else:
            result = _apply_event(conn, who, device_id, op, event)
        conn.execute(
            update(t.devices)
            .where(t.devices.c.id == device_id)
            .values(last_seq=op.device_seq, account_id=who.account_id, last_push_at=utcnow())
        )
        conn.execute(
            insert(t.ops).values(
                op_id=op.op_id,
                device_id=device_id,
                device_seq=op.device_seq,
                account_id=who.account_id,
                payload_hash=digest,
                result=json.dumps(result, sort_keys=True),
                created_at=utcnow(),
            )
        )
        return result


def _apply_event(
    conn: Connection, who: Principal, device_id: str, op: Op, event: EventPayload
) -> dict[str, Any]:
    """Every check comes before the first write, so a rejected op leaves nothing behind."""
    now = utcnow()
    e, ev = t.enquiries.c, t.enquiry_events.c
    owner = conn.scalar(select(e.organization_id).where(e.id == event.enquiry_id))
    if owner is not None and owner != who.organization_id:
        return _rejected(op, "the enquiry belongs to another organisation")
    existing = conn.execute(
        select(ev.enquiry_id, ev.kind, ev.at, ev.data).where(ev.id == event.event_id)
    ).first()
    data_text = json.dumps(event.data, sort_keys=True, ensure_ascii=False)
    if existing is not None:
        same = (existing.enquiry_id, existing.kind, existing.at, existing.data) == (
            event.enquiry_id,
            event.kind.value,
            event.at,
            data_text,
        )
        if same:  # the desk re-queued an event the hub already has
            return {"op_id": op.op_id, "status": DUPLICATE}
        return _rejected(op, "event_id was already used for a different event")
    if event.kind is EventKind.REFERRAL_SENT:
        referral_id = _referral_id(event)
        if conn.scalar(select(t.referrals.c.id).where(t.referrals.c.id == referral_id)):
            return _rejected(op, "referral_id was already used for a different referral")
    if owner is None:
        conn.execute(
            insert(t.enquiries).values(
                id=event.enquiry_id,
                organization_id=who.organization_id,
                account_id=who.account_id,
                device_id=device_id,
                created_at=now,
                updated_at=now,
            )
        )
    conn.execute(
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
    _update_enquiry(conn, who, event, now)
    return {"op_id": op.op_id, "status": APPLIED}


def _referral_id(event: EventPayload) -> str:
    given = event.data.get("referral_id")
    usable = isinstance(given, str) and 0 < len(given) <= 100 and given.isprintable()
    return str(given) if usable else event.event_id


def _rejected(op: Op, reason: str) -> dict[str, Any]:
    return {"op_id": op.op_id, "status": REJECTED, "reason": reason}


def _update_enquiry(
    conn: Connection, who: Principal, event: EventPayload, now: dt.datetime
) -> None:
    values: dict[str, Any] = {"updated_at": now}
    data = event.data
    if event.kind is EventKind.CREATED:
        values["channel"] = data.get("channel")
        started = event.data.get("started_at")
        values["started_at"] = dt.datetime.fromisoformat(started) if started else event.at
        if values["started_at"].tzinfo is None:
            values["started_at"] = values["started_at"].replace(tzinfo=dt.UTC)
    elif event.kind is EventKind.OUTCOME_SET:
        values["outcome"] = data["outcome"]
    elif event.kind is EventKind.REFERRAL_SENT:
        _create_referral(conn, who, event, now)
    if event.kind in (EventKind.CREATED, EventKind.AMENDED):
        record_caller(conn, event.enquiry_id, event.kind, event.data, now)
    conn.execute(update(t.enquiries).where(t.enquiries.c.id == event.enquiry_id).values(**values))


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
