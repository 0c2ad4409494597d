"""Applying what desks push: exactly once, in device order, durable before acknowledged.

For every op the hub looks the op_id up (a retry gets the stored answer; the same op_id
with a different payload is refused as `op_id_reused`), checks the device's sequence
(`out_of_order` if it is not last + 1, nothing stored so the op can be sent again in
order), validates it (`rejected`, stored, the sequence moves on so one bad op never blocks
the desk's queue), and applies it — creating the enquiry on first sight, owned by the
pushing account's organisation. Each op is decided with the device row locked, on the
database as the ops before it left it, and is all or nothing. The response is sent only
after the transaction holding the ops has committed, so an acknowledged op is durable.

Two ways, which give the same answers and rows (tests/hub/test_push_batch.py):

- `batch`: on PostgreSQL, a request whose ops write only enquiries and their events (the
  usual push) is one transaction of two round trips (`batch_plan` decides its ops);
- `op_by_op`: one transaction per op through SQLAlchemy, for SQLite, for requests with a
  referral or caller details, and for a batch that met a row another hub process wrote
  meanwhile.

`shared` holds what both check and answer. bench/hub/README.md (round 5) measured each.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine

from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.db import is_postgres
from frontdesk.hub.record_reports.op import is_record_report
from frontdesk.hub.sync.push.batch import Batch
from frontdesk.hub.sync.push.op_by_op import apply_op_by_op
from frontdesk.hub.sync.push.shared import (
    APPLIED,
    DUPLICATE,
    OUT_OF_ORDER,
    REJECTED,
    DeviceNotYours,
    OpIdReused,
    PushSummary,
    plain,
)
from frontdesk.hub.sync.push_validation import Op, parse_event

__all__ = [
    "APPLIED",
    "DUPLICATE",
    "OUT_OF_ORDER",
    "REJECTED",
    "DeviceNotYours",
    "OpIdReused",
    "PushSummary",
    "push",
    "push_on",
]


def push(engine: Engine, who: Principal, device_id: str, ops: list[Op], client: str) -> PushSummary:
    with engine.execution_options(immediate=True).connect() as conn:
        return PushSummary(push_on(conn, who, device_id, ops, client))


def push_on(
    conn: Connection, who: Principal, device_id: str, ops: list[Op], client: str
) -> list[dict[str, Any]]:
    """The push on a connection the caller checked out (and may have used already, e.g.
    to authenticate, as long as no transaction is open on it)."""
    events = [parse_event(op) for op in ops]  # pure: before any transaction
    # Record reports read and group as they write: only the op-by-op way applies them.
    reports = any(is_record_report(op) for op in ops)
    if ops and is_postgres(conn) and not reports and all(plain(event) for event in events):
        results = Batch(conn).apply(who, device_id, ops, events, client)
        if results is not None:
            return results
        # A conflict the batch could not judge (another hub process wrote one of its rows
        # meanwhile): nothing of it was committed; op by op re-reads after every conflict.
    return apply_op_by_op(conn, who, device_id, ops, client)
