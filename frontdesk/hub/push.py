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

import contextlib
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.rows import namedtuple_row
from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import audit
from frontdesk.hub import schema as t
from frontdesk.hub.auth import Principal
from frontdesk.hub.callers import caller_in, record_caller
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
        pipe = _Pipeline(conn) if is_postgres(conn) else None
        try:
            for index, op in enumerate(ops):
                last = index == len(ops) - 1
                audit_args = (client, results, len(ops)) if last else None
                event = parse_event(op)
                if pipe is not None and _plain(event):
                    result = pipe.apply(
                        who, device_id, op, event, claim=index == 0, audit=audit_args
                    )
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
        return _rejected(op, "the enquiry belongs to another organisation")
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
# psycopg's pipeline mode queues statements and sends them together, so an op's
# transaction costs two round trips instead of four: BEGIN rides with the locking read
# (the read's result is needed before deciding anything), and the op's one write
# statement (with the audit row folded in on the last op) rides with COMMIT. COMMIT is
# still synced and waited for before the next op starts, so every op is durable before
# the request is answered, and one op is one transaction, exactly as above. Ops whose
# application needs other modules' SQLAlchemy code (a referral, caller details) take the
# SQLAlchemy path; the pipeline is left first.


def _plain(event: EventPayload | str) -> bool:
    """The op's writes are only the enquiry, its event, the device and the op."""
    if isinstance(event, str):
        return True
    return event.kind is not EventKind.REFERRAL_SENT and not caller_in(event.kind, event.data)[0]


_OP_STATE_SQL = str(_OP_STATE.compile(dialect=postgresql.psycopg.dialect()))  # type: ignore[no-untyped-call]


def _insert_sql(table: str, prefix: str, values: dict[str, Any], params: dict[str, Any]) -> str:
    """`INSERT INTO table (...) VALUES (...)` with the values bound (column names are ours)."""
    for column, value in values.items():
        params[prefix + column] = value
    columns = ", ".join(values)
    placeholders = ", ".join(f"%({prefix}{column})s" for column in values)
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"


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
            claim_params: dict[str, Any] = {}
            claim_sql = _insert_sql(
                "devices",
                "",
                {
                    "id": device_id,
                    "organization_id": who.organization_id,
                    "account_id": who.account_id,
                    "last_seq": 0,
                    "created_at": utcnow(),
                },
                claim_params,
            )
            self.raw.execute(claim_sql + " ON CONFLICT DO NOTHING", claim_params)
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
            result: dict[str, Any] = json.loads(state.result)
            if result["status"] == APPLIED:
                result["status"] = DUPLICATE
            return result, self._with_audit(writes, values, who, device_id, result, audit), values
        expected = int(state.last_seq or 0) + 1
        if op.device_seq != expected:
            result = {"op_id": op.op_id, "status": OUT_OF_ORDER, "expected_seq": expected}
            return result, self._with_audit(writes, values, who, device_id, result, audit), values
        now = utcnow()
        if isinstance(event, str):
            result = {"op_id": op.op_id, "status": REJECTED, "reason": event}
        else:
            data_text = json.dumps(event.data, sort_keys=True, ensure_ascii=False)
            refused = _check_event(who, op, event, state, data_text)
            result = refused or {"op_id": op.op_id, "status": APPLIED}
            if refused is None:
                enquiry = _enquiry_values(event, now)
                if state.owner is None:
                    # Created with its final values, as on the SQLAlchemy path.
                    enquiry = {
                        "id": event.enquiry_id,
                        "organization_id": who.organization_id,
                        "account_id": who.account_id,
                        "device_id": device_id,
                        "created_at": now,
                        **enquiry,
                    }
                    writes.append(_insert_sql("enquiries", "e_", enquiry, values))
                else:
                    sets = ", ".join(f"{column} = %(e_{column})s" for column in enquiry)
                    values.update({f"e_{column}": value for column, value in enquiry.items()})
                    values["e_key"] = event.enquiry_id
                    writes.append(f"UPDATE enquiries SET {sets} WHERE id = %(e_key)s")
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
                writes.append(_insert_sql("enquiry_events", "ev_", event_row, values))
        values.update(d_seq=op.device_seq, d_account=who.account_id, d_now=now, d_key=device_id)
        writes.append(
            "UPDATE devices SET last_seq = %(d_seq)s, account_id = %(d_account)s,"
            " last_push_at = %(d_now)s WHERE id = %(d_key)s"
        )
        op_row = {
            "op_id": op.op_id,
            "device_id": device_id,
            "device_seq": op.device_seq,
            "account_id": who.account_id,
            "payload_hash": digest,
            "result": json.dumps(result, sort_keys=True),
            "created_at": now,
        }
        writes.append(_insert_sql("ops", "o_", op_row, values))
        return result, self._with_audit(writes, values, who, device_id, result, audit), values

    @staticmethod
    def _with_audit(
        writes: list[str],
        values: dict[str, Any],
        who: Principal,
        device_id: str,
        result: dict[str, Any],
        audit_args: _Audit | None,
    ) -> str:
        """All of the op's writes as one statement: all but the last as data-modifying
        CTEs (none touches a row another writes; foreign keys are checked at the end of
        the statement). The last op's also writes the push's audit row."""
        if audit_args is not None:
            client, earlier, op_count = audit_args
            row = audit.row(
                "sync.push",
                actor=who.name,
                organization_id=who.organization_id,
                target=device_id,
                client=client,
                detail=_push_detail([*earlier, result], op_count),
            )
            writes = [_insert_sql("audit_log", "a_", row, values), *writes]
        if not writes:
            return ""
        ctes = ", ".join(f"w{index} AS ({sql})" for index, sql in enumerate(writes[:-1]))
        return f"WITH {ctes} {writes[-1]}" if ctes else writes[-1]
