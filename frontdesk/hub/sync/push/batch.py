"""The PostgreSQL batch: a push request whose ops are all plain (they write only
enquiries and their events) as one transaction of two round trips, through psycopg's
pipeline mode.

BEGIN, the device row's lock and the reads of every row the ops name go together; the hub
decides each op in order, in Python, exactly as one op at a time would (`batch_plan`);
then every op's writes, the device row, the audit row and COMMIT go together. Nothing is
answered before COMMIT has returned, so every acknowledged op is durable, and an op is
never half-applied. A write that meets a row another hub process wrote meanwhile (or a
deadlock) rolls the batch back, and the request goes op by op.
"""

from __future__ import annotations

from typing import Any

import psycopg
from sqlalchemy import Connection

from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.sync.push.batch_plan import Known, claim_new_device, plan
from frontdesk.hub.sync.push.facts import FACT_OF, FACTS, later_stored_sql
from frontdesk.hub.sync.push.shared import DeviceNotYours, OpIdReused
from frontdesk.hub.sync.push_validation import EventPayload, Op

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

# Everything a batch writes, as one statement: each table's rows come in one JSON
# document, `rows` (one parameter, parsed in C on both sides, where arrays per column cost
# psycopg more than the statements they saved). New enquiries are inserted with their
# final values and existing ones updated once, with what their ops set (a CTE cannot see a
# row another CTE of the same statement writes, and need not: the batch already merged
# each enquiry's changes, in op order). Foreign keys are checked at the end of the
# statement. The audit row and the device row take the parameters `audit_insert` and
# `device_update` fill. The call's facts (`facts`) are set unless a stored event of their
# kind comes after the batch's last one.
_FACT_TERMS = "".join(
    f",\n        {later_stored_sql(column, kind.value)}" for kind, column in FACT_OF.items()
)
_FACT_FIELDS = "".join(
    f", set_{column} boolean, {column} {'text' if column == 'reason' else 'integer'},"
    f" {column}_at timestamptz, {column}_received_at timestamptz, {column}_event text"
    for column in FACTS
)
_BATCH_WRITE = (
    """
WITH new_enquiries AS (
    INSERT INTO enquiries (id, organization_id, account_id, device_id, channel, started_at,
                           outcome, created_at, updated_at, reference, follows_id,
                           follow_up_done_at, reason, duration_seconds, wrap_up_seconds)
    SELECT id, organization_id, account_id, device_id, channel, started_at, outcome,
           created_at, updated_at, reference, follows_id, follow_up_done_at, reason,
           duration_seconds, wrap_up_seconds
    FROM json_to_recordset(%(rows)s::json -> 'created')
        AS r(id text, organization_id text, account_id bigint, device_id text,
             channel text, started_at timestamptz, outcome text, created_at timestamptz,
             updated_at timestamptz, reference text, follows_id text,
             follow_up_done_at timestamptz, reason text, duration_seconds integer,
             wrap_up_seconds integer)
), changed_enquiries AS (
    UPDATE enquiries AS e SET
        channel = CASE WHEN r.set_channel THEN r.channel ELSE e.channel END,
        started_at = CASE WHEN r.set_started_at THEN r.started_at ELSE e.started_at END,
        outcome = CASE WHEN r.set_outcome THEN r.outcome ELSE e.outcome END,
        follow_up_done_at = CASE WHEN r.set_follow_up_done_at THEN r.follow_up_done_at
                                 ELSE e.follow_up_done_at END,
        updated_at = r.updated_at"""
    + _FACT_TERMS
    + """
    FROM json_to_recordset(%(rows)s::json -> 'changed')
        AS r(id text, set_channel boolean, channel text, set_started_at boolean,
             started_at timestamptz, set_outcome boolean, outcome text,
             set_follow_up_done_at boolean, follow_up_done_at timestamptz,
             updated_at timestamptz"""
    + _FACT_FIELDS
    + """)
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
)


class Batch:
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
        row it had not read (another hub process's), a deadlock or a value the database
        refused: op by op decides those."""
        digests = [op.payload_hash(device_id) for op in ops]
        raw = self.raw
        raw.autocommit = True  # client side only: the batch sends BEGIN and COMMIT itself
        try:
            with raw.pipeline():
                raw.execute("BEGIN")  # queued: sent with the reads
                known = self._read(who, device_id, ops, events)
                planned = plan(who, device_id, ops, events, digests, known, client)
                raw.execute(_BATCH_WRITE, planned.params, prepare=False)  # see _BATCH_READ
                raw.execute("COMMIT")
            # Leaving the pipeline sent it all with a Sync and waited for every answer:
            # COMMIT has returned, so the ops are durable. An error is raised here.
        except (psycopg.errors.IntegrityError, psycopg.errors.DeadlockDetected, psycopg.DataError):
            # A DataError (a value the database refused) cannot be pinned on one op inside
            # the batch's one write statement, and a savepoint per op would cost the round
            # trips the batch saves: op by op stores that op as rejected, the rest as usual.
            self._end()
            return None
        except BaseException:
            self._end()
            raise
        self._end()
        if planned.reused is not None:
            # As op by op: the ops before it stay applied, nothing after it is looked at.
            raise OpIdReused(planned.reused, planned.results)
        return planned.results

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
    ) -> Known:
        plain = [event for event in events if not isinstance(event, str)]
        params = {
            "device_id": device_id,
            "op_ids": [op.op_id for op in ops],
            "enquiry_ids": sorted({event.enquiry_id for event in plain}),
            "event_ids": sorted({event.event_id for event in plain}),
        }
        known = self._fetch(params)
        if known is None:  # a new device: claim it, in this transaction, then read again
            claim_new_device(self.raw, who, device_id)
            known = self._fetch(params)
        if known is None or known.device_org != who.organization_id:
            raise DeviceNotYours(device_id)
        return known

    def _fetch(self, params: dict[str, Any]) -> Known | None:
        """One round trip: what is queued (BEGIN, a claim), the lock and the read."""
        with self.raw.cursor() as lock, self.raw.cursor() as read:
            lock.execute(_BATCH_LOCK, params)  # queued
            read.execute(_BATCH_READ, params, prepare=False)  # queued; see _BATCH_READ
            device = lock.fetchone()  # flushes the pipeline
            rows = read.fetchall()
        if device is None:
            return None
        known = Known(int(device[0]), device[1], {}, {}, {})
        for table, key, first, second, at, data in rows:
            if table == "o":
                known.ops[key] = (first, second)
            elif table == "q":
                known.owners[key] = first
            else:
                known.events[key] = (first, second, at, data)
        return known
