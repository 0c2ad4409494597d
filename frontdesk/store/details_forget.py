"""Retention for sent details: the number or address a service's details went to leaves
desk.db with the caller's other details (the delivery status stays for the record)."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select, update

from frontdesk.core.enquiry import EventKind
from frontdesk.store import desk_schema as t


def forget_recipients(conn: Connection, enquiry_ids: list[str]) -> None:
    if not enquiry_ids:
        return
    s, ev = t.sent_details.c, t.enquiry_events.c
    conn.execute(update(t.sent_details).where(s.enquiry_id.in_(enquiry_ids)).values(recipient=None))
    rows = conn.execute(
        select(ev.id, ev.data).where(
            ev.enquiry_id.in_(enquiry_ids), ev.kind == EventKind.DETAILS_SENT.value
        )
    ).all()
    for row in rows:
        data = json.loads(row.data)
        data["recipient"] = None
        conn.execute(update(t.enquiry_events).where(ev.id == row.id).values(data=json.dumps(data)))


def recipients_due(conn: Connection, cutoff: str) -> list[str]:
    """Enquiries saved before `cutoff` whose sent details still name a recipient and that
    the hub has heard all of (a text asked for offline must still reach it)."""
    s, e = t.sent_details.c, t.enquiries.c
    query = (
        select(s.enquiry_id)
        .join_from(t.sent_details, t.enquiries, s.enquiry_id == e.id)
        .where(s.recipient.is_not(None), e.saved_at < cutoff)
        .where(s.enquiry_id.not_in(select(t.outbox.c.enquiry_id)))
        .distinct()
    )
    return list(conn.scalars(query))
