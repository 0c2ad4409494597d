"""Deciding a batch's ops in Python, in order, exactly as one op at a time would: each
op sees what the database held when the batch read it plus what the ops before it wrote.
The result is each op's answer and the rows that store them, for `batch` to write."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import orjson

from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import utcnow
from frontdesk.hub.sync.push.facts import FACTS, Fact, fact_of, merged
from frontdesk.hub.sync.push.shared import (
    APPLIED,
    ENQUIRY_SETTABLE,
    OUT_OF_ORDER,
    REJECTED,
    check_event,
    enquiry_values,
    event_data_text,
    push_detail,
    stored_answer,
)
from frontdesk.hub.sync.push_validation import EventPayload, Op


@dataclass(slots=True)
class Known:
    """What the database held when the batch read it, plus what the batch's own earlier
    ops have written since: each op is decided on exactly what it would have read had the
    ops before it been committed one by one."""

    last_seq: int
    device_org: str
    ops: dict[str, tuple[str, str]]  # op_id → (payload_hash, result)
    owners: dict[str, str]  # enquiry id → organisation
    events: dict[str, tuple[str, str, dt.datetime, str]]  # event id → (enquiry, kind, at, data)


@dataclass(frozen=True, slots=True)
class OpState:
    """The row `op_by_op.OP_STATE` would have given an op (the parts a plain op's checks read)."""

    owner: str | None
    event_enquiry_id: str | None
    event_kind: str | None
    event_at: dt.datetime | None
    event_data: str | None
    referral_id: None = None


@dataclass(frozen=True, slots=True)
class Decided:
    """An in-sequence op's outcome: its result and the rows that store it."""

    result: dict[str, Any]
    result_text: str  # as stored in ops.result
    op_row: dict[str, Any]
    #: The enquiry's row if the op creates it, else the columns it changes (with its id
    #: under "id"); None if the op writes no enquiry.
    enquiry: dict[str, Any] | None = None
    creates_enquiry: bool = False
    event_row: dict[str, Any] | None = None


def decide_in_sequence(
    who: Principal,
    device_id: str,
    op: Op,
    event: EventPayload | str,
    state: Any,
    digest: str,
    now: dt.datetime,
) -> Decided:
    """What op by op (`op_by_op._apply`) does with a plain op that is new and next in
    the device's sequence: `state` has the enquiry's owner and any event stored under its
    event_id."""
    enquiry: dict[str, Any] | None = None
    event_row: dict[str, Any] | None = None
    creates = False
    if isinstance(event, str):
        result: dict[str, Any] = {"op_id": op.op_id, "status": REJECTED, "reason": event}
    else:
        data_text = event_data_text(event)
        refused = check_event(who, op, event, state, data_text)
        result = refused or {"op_id": op.op_id, "status": APPLIED}
        if refused is None:
            enquiry = {"id": event.enquiry_id, **enquiry_values(event, now)}
            if state.owner is None:
                # Created with its final values, as on the SQLAlchemy path.
                creates = True
                enquiry.update(
                    organization_id=who.organization_id,
                    account_id=who.account_id,
                    device_id=device_id,
                    created_at=now,
                )
            event_row = {
                "id": event.event_id,
                "enquiry_id": event.enquiry_id,
                "kind": event.kind.value,
                "at": event.at,
                "data": data_text,
                "op_id": op.op_id,
                "account_id": who.account_id,
                "received_at": now,
            }
    result_text = json.dumps(result, sort_keys=True)
    op_row = {
        "op_id": op.op_id,
        "device_id": device_id,
        "device_seq": op.device_seq,
        "account_id": who.account_id,
        "payload_hash": digest,
        "result": result_text,
        "created_at": now,
    }
    return Decided(result, result_text, op_row, enquiry, creates, event_row)


@dataclass(slots=True)
class Plan:
    results: list[dict[str, Any]]
    params: dict[str, Any]  # for `batch`'s write statement
    reused: str | None  # an op_id sent again with another payload: the ops after it wait


def plan(
    who: Principal,
    device_id: str,
    ops: list[Op],
    events: list[EventPayload | str],
    digests: list[str],
    known: Known,
    client: str,
) -> Plan:
    """Each op's result, in order, as op by op would decide it, and the rows that store
    them (each enquiry's changes merged in op order)."""
    results: list[dict[str, Any]] = []
    reused: str | None = None
    moved: tuple[int, dt.datetime] | None = None  # the device's new last_seq, and when
    created: dict[str, dict[str, Any]] = {}  # enquiry id → its row, final values
    changed: dict[str, dict[str, Any]] = {}  # enquiry id → the columns its ops set
    facts: dict[str, dict[str, Fact]] = {}  # enquiry id → column → the batch's last fact
    event_rows: list[dict[str, Any]] = []
    op_rows: list[dict[str, Any]] = []
    for op, event, digest in zip(ops, events, digests, strict=True):
        stored = known.ops.get(op.op_id)
        if stored is not None:
            if stored[0] != digest:
                reused = op.op_id
                break
            results.append(stored_answer(stored[1]))
            continue
        expected = known.last_seq + 1
        if op.device_seq != expected:
            results.append({"op_id": op.op_id, "status": OUT_OF_ORDER, "expected_seq": expected})
            continue
        state = OpState(None, None, None, None, None)
        if not isinstance(event, str):
            earlier = known.events.get(event.event_id)
            state = OpState(known.owners.get(event.enquiry_id), *(earlier or (None,) * 4))
        now = utcnow()
        decided = decide_in_sequence(who, device_id, op, event, state, digest, now)
        results.append(decided.result)
        op_rows.append(decided.op_row)
        # What the next ops would read once this one is committed.
        known.ops[op.op_id] = (digest, decided.result_text)
        known.last_seq = op.device_seq
        moved = (op.device_seq, now)
        if decided.event_row is not None and decided.enquiry is not None:  # applied
            enquiry_id = decided.enquiry["id"]
            if decided.creates_enquiry:
                created[enquiry_id] = dict(decided.enquiry)
            else:
                (created.get(enquiry_id) or changed.setdefault(enquiry_id, {})).update(
                    decided.enquiry
                )
            known.owners.setdefault(enquiry_id, who.organization_id)
            row = decided.event_row
            fact = None if isinstance(event, str) else fact_of(event, row["received_at"])
            if fact is not None:
                into = created.get(enquiry_id) or changed.setdefault(enquiry_id, {})
                merged(into, facts.setdefault(enquiry_id, {}), fact)
            known.events[row["id"]] = (enquiry_id, row["kind"], row["at"], row["data"])
            event_rows.append(row)
    params: dict[str, Any] = {}
    audit_insert(params, who, device_id, client, results, len(ops))
    seq, now = moved or (known.last_seq, utcnow())
    device_update(params, who, device_id, seq, now)
    params["d_moved"] = moved is not None
    for values in changed.values():
        for column in (*ENQUIRY_SETTABLE, *FACTS):
            values[f"set_{column}"] = column in values
    rows = {
        "created": list(created.values()),
        "changed": list(changed.values()),
        "events": event_rows,
        "ops": op_rows,
    }
    params["rows"] = orjson.dumps(
        rows, default=_utc_text, option=orjson.OPT_PASSTHROUGH_DATETIME
    ).decode()
    return Plan(results, params, reused)


def _utc_text(value: Any) -> str:
    """A datetime for the batch's write statement's JSON: ISO 8601 in UTC, to the microsecond."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# -- The batch's SQL parameters, and its claim of a new device ---------------------------


def claim_new_device(raw: Any, who: Principal, device_id: str) -> None:
    """Claim a device the hub has not seen, in the open transaction. Another hub process
    may claim it first: then nothing is written, and the read that follows says whose it is."""
    params: dict[str, Any] = {}
    sql = insert_sql("devices", "", _device_row(who, device_id), params)
    raw.execute(sql + " ON CONFLICT DO NOTHING", params)


def insert_sql(table: str, prefix: str, values: dict[str, Any], params: dict[str, Any]) -> str:
    """`INSERT INTO table (...) VALUES (...)` with the values bound (column names are ours)."""
    for column, value in values.items():
        params[prefix + column] = value
    columns = ", ".join(values)
    placeholders = ", ".join(f"%({prefix}{column})s" for column in values)
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"


_DEVICE_UPDATE_SQL = (
    "UPDATE devices SET last_seq = %(d_seq)s, account_id = %(d_account)s,"
    " last_push_at = %(d_now)s WHERE id = %(d_key)s"
)


def device_update(
    params: dict[str, Any], who: Principal, device_id: str, seq: int, now: dt.datetime
) -> str:
    params.update(d_seq=seq, d_account=who.account_id, d_now=now, d_key=device_id)
    return _DEVICE_UPDATE_SQL


def audit_insert(
    params: dict[str, Any],
    who: Principal,
    device_id: str,
    client: str,
    results: list[dict[str, Any]],
    op_count: int,
) -> str:
    """The push's audit row, as op by op writes it."""
    row = audit.row(
        "sync.push",
        actor=who.name,
        organization_id=who.organization_id,
        target=device_id,
        client=client,
        detail=push_detail(results, op_count),
    )
    return insert_sql("audit_log", "a_", row, params)


def _device_row(who: Principal, device_id: str) -> dict[str, Any]:
    return {
        "id": device_id,
        "organization_id": who.organization_id,
        "account_id": who.account_id,
        "last_seq": 0,
        "created_at": utcnow(),
    }
