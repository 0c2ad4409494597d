"""An applied op's rows through SQLAlchemy, for the op-by-op path (`op_by_op`): the
enquiry and its event as one statement, then the rows that refer to the enquiry (callers,
referrals), which other modules own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, insert, select, update

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.db import is_postgres
from frontdesk.hub.enquiries.callers import record_caller
from frontdesk.hub.notify.queue import queue_message
from frontdesk.hub.referrals.records import NewReferral, create_referral, withdraw_referrals
from frontdesk.hub.sync.push.facts import assignment, fact_of
from frontdesk.hub.sync.push.shared import (
    APPLIED,
    changes_referral,
    check_event,
    enquiry_values,
    event_data_text,
    referral_id,
    rejected,
)
from frontdesk.hub.sync.push_validation import EventPayload, Op


def execute_together(conn: Connection, statements: list[Any]) -> None:
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


def apply_event(
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
    the enquiry, are written afterwards by `after_event`."""
    owner = state.owner
    data_text = event_data_text(event)
    refused = check_event(who, op, event, state, data_text)
    if refused is not None:
        return refused
    values = enquiry_values(event, now)
    taken = _reference_taken(conn, event, values.get("reference"))
    if taken is not None:
        return rejected(op, taken)
    fact = fact_of(event, now)
    if owner is None:
        # Created with its final values: a later statement in the same CTE could not see
        # the new row to update it. A new enquiry has no stored events to come after.
        if fact is not None:
            values[fact.column] = fact.value
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
        if fact is not None:
            values.update(assignment(event.enquiry_id, fact))
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


def _reference_taken(conn: Connection, event: EventPayload, reference: str | None) -> str | None:
    """A reference another enquiry holds: two standalone desks that happened on the same
    prefix (docs/decisions.md, "References"). Refused with the reason, never overwritten."""
    if reference is None:
        return None
    e = t.enquiries.c
    holder = conn.scalar(select(e.id).where(e.reference == reference))
    if holder is None or holder == event.enquiry_id:
        return None
    return f"reference {reference} is already another enquiry's"


def after_event(conn: Connection, who: Principal, event: EventPayload, now: dt.datetime) -> None:
    """Rows that refer to the enquiry, so written once it exists."""
    if changes_referral(event):
        withdraw_referrals(conn, event.enquiry_id, who, now)
    if event.kind is EventKind.REFERRAL_SENT:
        _create_referral(conn, who, event, now)
    if event.kind in (EventKind.CREATED, EventKind.AMENDED):
        record_caller(conn, event.enquiry_id, event.kind, event.data, now)
    if event.kind is EventKind.DETAILS_SENT:
        queue_message(conn, who, event, now)


def _create_referral(
    conn: Connection, who: Principal, event: EventPayload, now: dt.datetime
) -> None:
    note = event.data.get("note")
    new = NewReferral(
        id=referral_id(event),
        enquiry_id=event.enquiry_id,
        service_id=event.data["service_id"],
        from_organization_id=who.organization_id,
        note=note if isinstance(note, str) else None,
    )
    create_referral(conn, new, now)
