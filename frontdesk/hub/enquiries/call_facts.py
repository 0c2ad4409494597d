"""What the hub knows about each call from its events: the reason (the last `reason set`),
the call's duration (in `created`) and the wrap-up after it (`wrap-up done`), read from
the events: the history is the record. The same facts are kept on `enquiries` (revision
0011, sync/push/facts.py) for the period report, which counts them over a whole period;
tests/hub/test_call_fact_columns.py holds the two to each other."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t

FACTS = ("reason", "duration_seconds", "wrap_up_seconds")
_FROM = {
    EventKind.CREATED.value: "duration_seconds",
    EventKind.REASON_SET.value: "reason",
    EventKind.WRAP_UP_DONE.value: "wrap_up_seconds",
}


def call_facts(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """For each enquiry id, its reason, duration_seconds and wrap_up_seconds (None when
    the desk sent none)."""
    ev = t.enquiry_events.c
    facts: dict[str, dict[str, Any]] = {i: dict.fromkeys(FACTS) for i in ids}
    rows = conn.execute(
        select(ev.enquiry_id, ev.kind, ev.data)
        .where(ev.enquiry_id.in_(ids), ev.kind.in_(list(_FROM)))
        .order_by(ev.at, ev.received_at, ev.id)
    )
    for row in rows:
        name = _FROM[row.kind]
        value = json.loads(row.data).get(name)
        # Push validation let only these shapes through; anything else is left out.
        if (name == "reason" and (value is None or isinstance(value, str))) or (
            name != "reason" and isinstance(value, int) and not isinstance(value, bool)
        ):
            facts[row.enquiry_id][name] = value
    return facts
