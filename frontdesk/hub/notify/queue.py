"""Queueing a "details sent" event's message, in the transaction that applies the event,
and telling the organisation's desks each change of its status through the feed."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, insert, select, update

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.notify.recipients import check_recipient
from frontdesk.hub.sync.changes import UPSERT, Change, record_changes

#: The change-feed kind carrying a message's delivery status to its organisation's desks.
MESSAGE_STATUS = "message_status"
QUEUED = "queued"


def queue_message(conn: Connection, who: Principal, event: Any, now: dt.datetime) -> None:
    """The message for an applied event (already validated: `push_validation`)."""
    data = event.data
    conn.execute(
        insert(t.outbound_messages).values(
            id=event.event_id,
            enquiry_id=event.enquiry_id,
            organization_id=who.organization_id,
            service_id=data["service_id"],
            channel=data["channel"],
            recipient=check_recipient(data["channel"], data["recipient"]),
            status=QUEUED,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            updated_at=now,
        )
    )
    publish(conn, event.event_id)


def set_status(conn: Connection, message_id: str, **values: Any) -> None:
    """Change a message's row and publish its new status."""
    m = t.outbound_messages.c
    conn.execute(update(t.outbound_messages).where(m.id == message_id).values(**values))
    publish(conn, message_id)


def publish(conn: Connection, message_id: str) -> None:
    m = t.outbound_messages.c
    row = conn.execute(
        select(m.id, m.enquiry_id, m.organization_id, m.status, m.reason, m.updated_at).where(
            m.id == message_id
        )
    ).one()
    data = {
        "id": row.id,
        "enquiry_id": row.enquiry_id,
        "status": row.status,
        "reason": row.reason,
        "updated_at": row.updated_at.isoformat(timespec="seconds"),
    }
    record_changes(conn, [Change(MESSAGE_STATUS, row.id, UPSERT, data, row.organization_id)])


def forget_recipients(conn: Connection, enquiry_ids: list[str]) -> None:
    """Retention and erasure: the numbers and addresses messages went to, removed from the
    messages and from the events that asked for them (the delivery status stays)."""
    if not enquiry_ids:
        return
    m, ev = t.outbound_messages.c, t.enquiry_events.c
    conn.execute(
        update(t.outbound_messages).where(m.enquiry_id.in_(enquiry_ids)).values(recipient=None)
    )
    rows = conn.execute(
        select(ev.id, ev.data).where(
            ev.enquiry_id.in_(enquiry_ids), ev.kind == EventKind.DETAILS_SENT.value
        )
    ).all()
    for row in rows:
        data = json.loads(row.data)
        if data.get("recipient") is not None:
            data["recipient"] = None
            conn.execute(
                update(t.enquiry_events).where(ev.id == row.id).values(data=json.dumps(data))
            )


def recipients_older_than(conn: Connection, cutoff: dt.datetime) -> list[str]:
    """Enquiries last changed before `cutoff` whose messages still name a recipient."""
    m, e = t.outbound_messages.c, t.enquiries.c
    query = (
        select(m.enquiry_id)
        .join_from(t.outbound_messages, t.enquiries, m.enquiry_id == e.id)
        .where(m.recipient.is_not(None), e.updated_at < cutoff)
        .distinct()
    )
    return list(conn.scalars(query))
