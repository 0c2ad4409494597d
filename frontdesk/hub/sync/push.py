"""Applying what desks push: exactly once, in device order, durable before acknowledged.

For every op the hub looks the op_id up (a retry gets the stored answer; the same op_id
with a different payload is refused as `op_id_reused`), checks the device's sequence
(`out_of_order` if it is not last + 1, nothing stored so the op can be sent again in
order), validates it (`rejected`, stored, the sequence moves on so one bad op never blocks
the desk's queue), and applies it — creating the enquiry on first sight, owned by the
pushing account's organisation. Each op is decided with the device row locked, on the
database as the ops before it left it, and is all or nothing. The response is sent only
after the transaction holding the ops has committed, so an acknowledged op is durable.

On PostgreSQL a request whose ops write only enquiries and their events (the usual push)
is one transaction (`_Batch`); any other request, and a batch that met a row another hub
process wrote meanwhile, goes one transaction per op (`_op_by_op`). Both give the same
answers and rows (tests/hub/test_push_batch.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import orjson
import psycopg
from psycopg.rows import namedtuple_row
from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import insert_ignoring_conflict, is_postgres
from frontdesk.hub.enquiries.callers import caller_in, record_caller
from frontdesk.hub.referrals.records import NewReferral, create_referral, withdraw_referrals
from frontdesk.hub.sync.push_validation import EventPayload, Op, parse_event

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
    with engine.execution_options(immediate=True).connect() as conn:
        return PushSummary(push_on(conn, who, device_id, ops, client))


def push_on(
    conn: Connection, who: Principal, device_id: str, ops: list[Op], client: str
) -> list[dict[str, Any]]:
    """The push on a connection the caller checked out (and may have used already, e.g.
    to authenticate, as long as no transaction is open on it)."""
    events = [parse_event(op) for op in ops]  # pure: before any transaction
    if ops and is_postgres(conn) and all(_plain(event) for event in events):
        results = _Batch(conn).apply(who, device_id, ops, events, client)
        if results is not None:
            return results
        # A conflict the batch could not judge (another hub process wrote one of its rows
        # meanwhile): nothing of it was committed; op by op re-reads after every conflict.
    return _op_by_op(conn, who, device_id, ops, events, client)


def _op_by_op(
    conn: Connection,
    who: Principal,
    device_id: str,
    ops: list[Op],
    events: list[EventPayload | str],
    client: str,
) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    # One transaction per op. The device is claimed inside the first op's transaction and
    # the audit row written inside the last one's: 5 commits for 5 ops, not 7. Each
    # commit is durable (synchronous_commit stays on).
    audited = False
    pipe = _Pipeline(conn) if is_postgres(conn) else None
    try:
        for index, (op, event) in enumerate(zip(ops, events, strict=True)):
            last = index == len(ops) - 1
            audit_args = (client, results, len(ops)) if last else None
            if pipe is not None and _plain(event):
                result = pipe.apply(who, device_id, op, event, claim=index == 0, audit=audit_args)
            else:
                if pipe is not None:
                    pipe.leave()  # SQLAlchemy below: the connection must be out of it
                result = _apply_with_retry(
                    conn, who, device_id, op, claim=index == 0, audit=audit_args
                )
            results.append(result)
        audited = bool(ops)  # by the last op's transaction
    except OpIdReused as error:
        raise OpIdReused(error.op_id, results) from None
    finally:
        if pipe is not None:
            pipe.leave()
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
        detail=_push_detail(results, op_count),
    )


def _push_detail(results: list[dict[str, Any]], op_count: int) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return {"ops": op_count, **counts}


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
    data_text = json.dumps(event.data, sort_keys=True, ensure_ascii=False)
    refused = _check_event(who, op, event, state, data_text)
    if refused is not None:
        return refused
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


def _check_event(
    who: Principal, op: Op, event: EventPayload, state: Any, data_text: str
) -> dict[str, Any] | None:
    """Why the event cannot be applied (a result to store), or None if it can."""
    if state.owner is not None and state.owner != who.organization_id:
        return _rejected(op, "enquiry_id was already used for a different enquiry")
    if state.event_enquiry_id is not None:
        existing = (state.event_enquiry_id, state.event_kind, state.event_at, state.event_data)
        if existing == (event.enquiry_id, event.kind.value, event.at, data_text):
            return {"op_id": op.op_id, "status": DUPLICATE}  # the desk re-queued it
        return _rejected(op, "event_id was already used for a different event")
    if event.kind is EventKind.REFERRAL_SENT and state.referral_id:
        return _rejected(op, "referral_id was already used for a different referral")
    return None


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
    if _changes_referral(event):
        withdraw_referrals(conn, event.enquiry_id, who, now)
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


# -- PostgreSQL: the same ops, pipelined -------------------------------------------------
#
# psycopg's pipeline mode queues statements and sends them together. Two ways use it:
#
# `_Batch` (a request whose ops are all plain, below): the whole request is one
# transaction of two round trips. BEGIN, the device row's lock and the reads of every row
# the ops name go together; the hub decides each op in order, in Python, exactly as one op
# at a time would (each op sees what the ops before it wrote); then every op's writes,
# the device row, the audit row and COMMIT go together. Nothing is answered before COMMIT
# has returned, so every acknowledged op is durable, and an op is never half-applied.
#
# `_Pipeline` (the fallback, and requests with other ops): one transaction per op, of two
# round trips: BEGIN rides with the locking read, the op's one write statement (with the
# audit row folded in on the last op) with COMMIT. Ops whose application needs other
# modules' SQLAlchemy code (a referral, caller details) take the SQLAlchemy path; the
# pipeline is left first.


def _plain(event: EventPayload | str) -> bool:
    """The op's writes are only the enquiry, its event, the device and the op."""
    if isinstance(event, str):
        return True
    return (
        event.kind is not EventKind.REFERRAL_SENT
        and not _changes_referral(event)
        and not caller_in(event.kind, event.data)[0]
    )


def _changes_referral(event: EventPayload) -> bool:
    """An amendment that takes the referral away or sends it to another service: the
    referral sent before is withdrawn (a redirected one arrives as a new referral-sent
    event after it)."""
    changes = event.data.get("changes") if event.kind is EventKind.AMENDED else None
    return isinstance(changes, dict) and "referral_service_id" in changes


_OP_STATE_SQL = str(_OP_STATE.compile(dialect=postgresql.psycopg.dialect()))  # type: ignore[no-untyped-call]


def _claim_new_device(raw: Any, who: Principal, device_id: str) -> None:
    """Claim a device the hub has not seen, in the open transaction. Another hub process
    may claim it first: then nothing is written, and the read that follows says whose it is."""
    params: dict[str, Any] = {}
    sql = _insert_sql("devices", "", _device_row(who, device_id), params)
    raw.execute(sql + " ON CONFLICT DO NOTHING", params)


def _insert_sql(table: str, prefix: str, values: dict[str, Any], params: dict[str, Any]) -> str:
    """`INSERT INTO table (...) VALUES (...)` with the values bound (column names are ours)."""
    for column, value in values.items():
        params[prefix + column] = value
    columns = ", ".join(values)
    placeholders = ", ".join(f"%({prefix}{column})s" for column in values)
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"


def _one_statement(writes: list[str]) -> str:
    """Independent writes as one statement: all but the last as data-modifying CTEs (none
    touches a row another writes; foreign keys are checked at the end of the statement)."""
    ctes = ", ".join(f"w{index} AS ({sql})" for index, sql in enumerate(writes[:-1]))
    return f"WITH {ctes} {writes[-1]}" if ctes else writes[-1]


_DEVICE_UPDATE_SQL = (
    "UPDATE devices SET last_seq = %(d_seq)s, account_id = %(d_account)s,"
    " last_push_at = %(d_now)s WHERE id = %(d_key)s"
)


def _device_update(
    params: dict[str, Any], who: Principal, device_id: str, seq: int, now: dt.datetime
) -> str:
    params.update(d_seq=seq, d_account=who.account_id, d_now=now, d_key=device_id)
    return _DEVICE_UPDATE_SQL


def _audit_insert(
    params: dict[str, Any],
    who: Principal,
    device_id: str,
    client: str,
    results: list[dict[str, Any]],
    op_count: int,
) -> str:
    """The push's audit row, as `_record_push` writes it."""
    row = audit.row(
        "sync.push",
        actor=who.name,
        organization_id=who.organization_id,
        target=device_id,
        client=client,
        detail=_push_detail(results, op_count),
    )
    return _insert_sql("audit_log", "a_", row, params)


@dataclass(frozen=True, slots=True)
class _Decided:
    """An in-sequence op's outcome: its result and the rows that store it."""

    result: dict[str, Any]
    result_text: str  # as stored in ops.result
    op_row: dict[str, Any]
    #: The enquiry's row if the op creates it, else the columns it changes (with its id
    #: under "id"); None if the op writes no enquiry.
    enquiry: dict[str, Any] | None = None
    creates_enquiry: bool = False
    event_row: dict[str, Any] | None = None


def _decide_in_sequence(
    who: Principal,
    device_id: str,
    op: Op,
    event: EventPayload | str,
    state: Any,
    digest: str,
    now: dt.datetime,
) -> _Decided:
    """What `_apply` does with an op that is new and next in the device's sequence, for a
    plain op: `state` has the enquiry's owner and any event stored under its event_id."""
    enquiry: dict[str, Any] | None = None
    event_row: dict[str, Any] | None = None
    creates = False
    if isinstance(event, str):
        result: dict[str, Any] = {"op_id": op.op_id, "status": REJECTED, "reason": event}
    else:
        data_text = json.dumps(event.data, sort_keys=True, ensure_ascii=False)
        refused = _check_event(who, op, event, state, data_text)
        result = refused or {"op_id": op.op_id, "status": APPLIED}
        if refused is None:
            enquiry = {"id": event.enquiry_id, **_enquiry_values(event, now)}
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
    return _Decided(result, result_text, op_row, enquiry, creates, event_row)


def _op_writes(decided: _Decided, params: dict[str, Any]) -> list[str]:
    """The decided op's rows as SQL (one op at a time), parameters into `params`."""
    writes: list[str] = []
    if decided.enquiry is not None:
        if decided.creates_enquiry:
            writes.append(_insert_sql("enquiries", "e_", decided.enquiry, params))
        else:
            values = {k: v for k, v in decided.enquiry.items() if k != "id"}
            sets = ", ".join(f"{column} = %(e_{column})s" for column in values)
            params.update({f"e_{column}": value for column, value in values.items()})
            params["e_key"] = decided.enquiry["id"]
            writes.append(f"UPDATE enquiries SET {sets} WHERE id = %(e_key)s")
    if decided.event_row is not None:
        writes.append(_insert_sql("enquiry_events", "ev_", decided.event_row, params))
    writes.append(_insert_sql("ops", "o_", decided.op_row, params))
    return writes


def _stored_answer(stored_result: str) -> dict[str, Any]:
    """A retry's answer: the stored result, an applied op now reported as a duplicate."""
    result: dict[str, Any] = json.loads(stored_result)
    if result["status"] == APPLIED:
        result["status"] = DUPLICATE
    return result


class _Pipeline:
    """The request's pooled connection, driven through psycopg in pipeline mode."""

    def __init__(self, conn: Connection) -> None:
        raw = conn.connection.driver_connection
        assert raw is not None
        self.raw: Any = raw
        self._pipeline: Any = None

    def _enter(self) -> None:
        if self._pipeline is None:
            pipeline = self.raw.pipeline()
            pipeline.__enter__()  # client side only: no round trip
            self._pipeline = pipeline

    def leave(self) -> None:
        """Out of pipeline mode (one Sync round trip), for SQLAlchemy to use the connection."""
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None:
            pipeline.__exit__(None, None, None)

    def apply(
        self,
        who: Principal,
        device_id: str,
        op: Op,
        event: EventPayload | str,
        *,
        claim: bool,
        audit: _Audit | None,
    ) -> dict[str, Any]:
        # As `_apply_with_retry`: a racing hub process's insert makes ours fail once.
        try:
            return self._transaction(who, device_id, op, event, claim=claim, audit=audit)
        except psycopg.errors.IntegrityError:
            return self._transaction(who, device_id, op, event, claim=claim, audit=audit)

    def _transaction(
        self,
        who: Principal,
        device_id: str,
        op: Op,
        event: EventPayload | str,
        *,
        claim: bool,
        audit: _Audit | None,
    ) -> dict[str, Any]:
        self._enter()
        try:
            result, statement, params = self._decide(who, device_id, op, event, claim, audit)
            if statement:
                self.raw.execute(statement, params)  # queued
            self.raw.commit()  # COMMIT, Sync: one round trip, and durable once it returns
            return result
        except BaseException:
            # The original error says more; a dead connection is dropped by the pool.
            with contextlib.suppress(Exception):
                self.raw.rollback()
            raise

    def _read(self, params: dict[str, Any]) -> Any:
        with self.raw.cursor(row_factory=namedtuple_row) as cursor:
            cursor.execute(_OP_STATE_SQL, params)
            return cursor.fetchone()  # the first read also sends the transaction's BEGIN

    def _decide(
        self,
        who: Principal,
        device_id: str,
        op: Op,
        event: EventPayload | str,
        claim: bool,
        audit: _Audit | None,
    ) -> tuple[dict[str, Any], str, dict[str, Any]]:
        """`_apply`'s checks; returns the result and the one statement that stores it."""
        digest = op.payload_hash(device_id)
        ids: dict[str, str | None] = {"enquiry_id": None, "event_id": None, "referral_id": None}
        if not isinstance(event, str):
            ids = {"enquiry_id": event.enquiry_id, "event_id": event.event_id, "referral_id": None}
        params = {"device_id": device_id, "op_id": op.op_id, **ids}
        state = self._read(params)
        if state is None:  # a new device: claim it, in this transaction, then read again
            _claim_new_device(self.raw, who, device_id)
            state = self._read(params)
            if state is None or state.device_org != who.organization_id:
                raise DeviceNotYours(device_id)
        elif claim and state.device_org != who.organization_id:
            raise DeviceNotYours(device_id)
        if state.payload_hash is None and op.device_seq != int(state.last_seq or 0) + 1:
            state = self._read(params)  # see `_apply`: re-read with the device lock held
        writes: list[str] = []
        values: dict[str, Any] = {}
        if state.payload_hash is not None:
            if state.payload_hash != digest:
                raise OpIdReused(op.op_id, [])
            result = _stored_answer(state.result)
        elif op.device_seq != int(state.last_seq or 0) + 1:
            expected = int(state.last_seq or 0) + 1
            result = {"op_id": op.op_id, "status": OUT_OF_ORDER, "expected_seq": expected}
        else:
            now = utcnow()
            decided = _decide_in_sequence(who, device_id, op, event, state, digest, now)
            result = decided.result
            writes = _op_writes(decided, values)
            writes.append(_device_update(values, who, device_id, op.device_seq, now))
        if audit is not None:
            client, earlier, op_count = audit
            writes.insert(
                0, _audit_insert(values, who, device_id, client, [*earlier, result], op_count)
            )
        return result, _one_statement(writes) if writes else "", values


def _device_row(who: Principal, device_id: str) -> dict[str, Any]:
    return {
        "id": device_id,
        "organization_id": who.organization_id,
        "account_id": who.account_id,
        "last_seq": 0,
        "created_at": utcnow(),
    }


# What a batch reads: the device row, locked, then every row its ops name. Two statements,
# not a join: the second takes its snapshot once the lock is held, so it sees everything
# another hub process committed for this device before letting the lock go (a joined read
# would see the other rows as they were before it waited).
_BATCH_LOCK = "SELECT last_seq, organization_id FROM devices WHERE id = %(device_id)s FOR UPDATE"
#: Planned afresh at every execution (psycopg's `prepare=False`), as `_BATCH_WRITE` is: a
#: plan kept from when the tables were small scans them whole once they are not (measured:
#: on a new hub database PostgreSQL's CPU per push went from 1.8 ms to 3.2 ms).
_BATCH_READ = (
    "SELECT 'o', op_id, payload_hash, result, NULL::timestamptz, NULL FROM ops"
    " WHERE op_id = ANY(%(op_ids)s::text[])"
    " UNION ALL SELECT 'q', id, organization_id, NULL, NULL, NULL FROM enquiries"
    " WHERE id = ANY(%(enquiry_ids)s::text[])"
    " UNION ALL SELECT 'e', id, enquiry_id, kind, at, data FROM enquiry_events"
    " WHERE id = ANY(%(event_ids)s::text[])"
)

_ENQUIRY_SETTABLE = ("channel", "started_at", "outcome")  # besides updated_at

# Everything a batch writes, as one statement: each table's rows come in one JSON
# document, `rows` (one parameter, parsed in C on both sides, where arrays per column cost
# psycopg more than the statements they saved). New enquiries are inserted with their
# final values and existing ones updated once, with what their ops set (a CTE cannot see a
# row another CTE of the same statement writes, and need not: the batch already merged
# each enquiry's changes, in op order). Foreign keys are checked at the end of the
# statement. The audit row and the device row take the parameters `_audit_insert` and
# `_device_update` fill.
_BATCH_WRITE = """
WITH new_enquiries AS (
    INSERT INTO enquiries (id, organization_id, account_id, device_id, channel, started_at,
                           outcome, created_at, updated_at)
    SELECT id, organization_id, account_id, device_id, channel, started_at, outcome,
           created_at, updated_at
    FROM json_to_recordset(%(rows)s::json -> 'created')
        AS r(id text, organization_id text, account_id bigint, device_id text,
             channel text, started_at timestamptz, outcome text, created_at timestamptz,
             updated_at timestamptz)
), changed_enquiries AS (
    UPDATE enquiries AS e SET
        channel = CASE WHEN r.set_channel THEN r.channel ELSE e.channel END,
        started_at = CASE WHEN r.set_started_at THEN r.started_at ELSE e.started_at END,
        outcome = CASE WHEN r.set_outcome THEN r.outcome ELSE e.outcome END,
        updated_at = r.updated_at
    FROM json_to_recordset(%(rows)s::json -> 'changed')
        AS r(id text, set_channel boolean, channel text, set_started_at boolean,
             started_at timestamptz, set_outcome boolean, outcome text,
             updated_at timestamptz)
    WHERE e.id = r.id
), events AS (
    INSERT INTO enquiry_events (id, enquiry_id, kind, at, data, op_id, account_id,
                                received_at)
    SELECT id, enquiry_id, kind, at, data, op_id, account_id, received_at
    FROM json_to_recordset(%(rows)s::json -> 'events')
        AS r(id text, enquiry_id text, kind text, at timestamptz, data text, op_id text,
             account_id bigint, received_at timestamptz)
), stored_ops AS (
    INSERT INTO ops (op_id, device_id, device_seq, account_id, payload_hash, result,
                     created_at)
    SELECT op_id, device_id, device_seq, account_id, payload_hash, result, created_at
    FROM json_to_recordset(%(rows)s::json -> 'ops')
        AS r(op_id text, device_id text, device_seq bigint, account_id bigint,
             payload_hash text, result text, created_at timestamptz)
), audited AS (
    INSERT INTO audit_log (at, actor, organization_id, action, target, client, detail)
    VALUES (%(a_at)s, %(a_actor)s, %(a_organization_id)s, %(a_action)s, %(a_target)s,
            %(a_client)s, %(a_detail)s)
)
UPDATE devices SET last_seq = %(d_seq)s, account_id = %(d_account)s,
    last_push_at = %(d_now)s
WHERE id = %(d_key)s AND %(d_moved)s
"""


def _utc_text(value: Any) -> str:
    """A datetime for `_BATCH_WRITE`'s JSON: ISO 8601 in UTC, to the microsecond."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


@dataclass(slots=True)
class _Known:
    """What the database held when the batch read it, plus what the batch's own earlier
    ops have written since: each op is decided on exactly what it would have read had the
    ops before it been committed one by one."""

    last_seq: int
    device_org: str
    ops: dict[str, tuple[str, str]]  # op_id → (payload_hash, result)
    owners: dict[str, str]  # enquiry id → organisation
    events: dict[str, tuple[str, str, dt.datetime, str]]  # event id → (enquiry, kind, at, data)


@dataclass(frozen=True, slots=True)
class _OpState:
    """The row `_OP_STATE` would have given an op (the parts a plain op's checks read)."""

    owner: str | None
    event_enquiry_id: str | None
    event_kind: str | None
    event_at: dt.datetime | None
    event_data: str | None
    referral_id: None = None


class _Batch:
    """A request's ops in one transaction (two round trips, one durable commit)."""

    def __init__(self, conn: Connection) -> None:
        raw = conn.connection.driver_connection
        assert raw is not None
        self.conn = conn
        self.raw: Any = raw

    def apply(
        self,
        who: Principal,
        device_id: str,
        ops: list[Op],
        events: list[EventPayload | str],
        client: str,
    ) -> list[dict[str, Any]] | None:
        """Every op's result, committed; None, with nothing committed, if a write met a
        row it had not read (another hub process's) or a deadlock: op by op decides
        those."""
        digests = [op.payload_hash(device_id) for op in ops]
        raw = self.raw
        raw.autocommit = True  # client side only: the batch sends BEGIN and COMMIT itself
        try:
            with raw.pipeline():
                raw.execute("BEGIN")  # queued: sent with the reads
                known = self._read(who, device_id, ops, events)
                plan = _plan(who, device_id, ops, events, digests, known, client)
                raw.execute(_BATCH_WRITE, plan.params, prepare=False)  # see _BATCH_READ
                raw.execute("COMMIT")
            # Leaving the pipeline sent it all with a Sync and waited for every answer:
            # COMMIT has returned, so the ops are durable. An error is raised here.
        except (psycopg.errors.IntegrityError, psycopg.errors.DeadlockDetected):
            self._end()
            return None
        except BaseException:
            self._end()
            raise
        self._end()
        if plan.reused is not None:
            # As op by op: the ops before it stay applied, nothing after it is looked at.
            raise OpIdReused(plan.reused, plan.results)
        return plan.results

    def _end(self) -> None:
        """Back to how the pool lent the connection: no transaction, not autocommit."""
        raw = self.raw
        try:
            if raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                raw.execute("ROLLBACK")
            raw.autocommit = False
        except Exception:
            # Broken, or in a state we cannot vouch for: the pool must not lend it again.
            self.conn.invalidate()

    def _read(
        self, who: Principal, device_id: str, ops: list[Op], events: list[EventPayload | str]
    ) -> _Known:
        plain = [event for event in events if not isinstance(event, str)]
        params = {
            "device_id": device_id,
            "op_ids": [op.op_id for op in ops],
            "enquiry_ids": sorted({event.enquiry_id for event in plain}),
            "event_ids": sorted({event.event_id for event in plain}),
        }
        known = self._fetch(params)
        if known is None:  # a new device: claim it, in this transaction, then read again
            _claim_new_device(self.raw, who, device_id)
            known = self._fetch(params)
        if known is None or known.device_org != who.organization_id:
            raise DeviceNotYours(device_id)
        return known

    def _fetch(self, params: dict[str, Any]) -> _Known | None:
        """One round trip: what is queued (BEGIN, a claim), the lock and the read."""
        with self.raw.cursor() as lock, self.raw.cursor() as read:
            lock.execute(_BATCH_LOCK, params)  # queued
            read.execute(_BATCH_READ, params, prepare=False)  # queued; see _BATCH_READ
            device = lock.fetchone()  # flushes the pipeline
            rows = read.fetchall()
        if device is None:
            return None
        known = _Known(int(device[0]), device[1], {}, {}, {})
        for table, key, first, second, at, data in rows:
            if table == "o":
                known.ops[key] = (first, second)
            elif table == "q":
                known.owners[key] = first
            else:
                known.events[key] = (first, second, at, data)
        return known


@dataclass(slots=True)
class _Plan:
    results: list[dict[str, Any]]
    params: dict[str, Any]  # for `_BATCH_WRITE`
    reused: str | None  # an op_id sent again with another payload: the ops after it wait


def _plan(
    who: Principal,
    device_id: str,
    ops: list[Op],
    events: list[EventPayload | str],
    digests: list[str],
    known: _Known,
    client: str,
) -> _Plan:
    """Each op's result, in order, as `_apply` would decide it, and the rows that store
    them (each enquiry's changes merged in op order)."""
    results: list[dict[str, Any]] = []
    reused: str | None = None
    moved: tuple[int, dt.datetime] | None = None  # the device's new last_seq, and when
    created: dict[str, dict[str, Any]] = {}  # enquiry id → its row, final values
    changed: dict[str, dict[str, Any]] = {}  # enquiry id → the columns its ops set
    event_rows: list[dict[str, Any]] = []
    op_rows: list[dict[str, Any]] = []
    for op, event, digest in zip(ops, events, digests, strict=True):
        stored = known.ops.get(op.op_id)
        if stored is not None:
            if stored[0] != digest:
                reused = op.op_id
                break
            results.append(_stored_answer(stored[1]))
            continue
        expected = known.last_seq + 1
        if op.device_seq != expected:
            results.append({"op_id": op.op_id, "status": OUT_OF_ORDER, "expected_seq": expected})
            continue
        state = _OpState(None, None, None, None, None)
        if not isinstance(event, str):
            earlier = known.events.get(event.event_id)
            state = _OpState(known.owners.get(event.enquiry_id), *(earlier or (None,) * 4))
        now = utcnow()
        decided = _decide_in_sequence(who, device_id, op, event, state, digest, now)
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
            known.events[row["id"]] = (enquiry_id, row["kind"], row["at"], row["data"])
            event_rows.append(row)
    params: dict[str, Any] = {}
    _audit_insert(params, who, device_id, client, results, len(ops))
    seq, now = moved or (known.last_seq, utcnow())
    _device_update(params, who, device_id, seq, now)
    params["d_moved"] = moved is not None
    for values in changed.values():
        for column in _ENQUIRY_SETTABLE:
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
    return _Plan(results, params, reused)
