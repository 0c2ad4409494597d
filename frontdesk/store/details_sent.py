"""Sending a service's details to the caller: the desk's side.

The adviser's request is an enquiry event ("details sent") written with its outbox row
and a `sent_details` row in one transaction, so it works offline and reaches the hub
exactly once, like every other event; the hub alone sends it (desks never hold the Notify
key). The delivery status comes back on the change feed and is kept here for today's
list and `frontdesk enquiries list`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import insert, select, update

from frontdesk.core.enquiry import EnquiryEvent, EventKind
from frontdesk.store import desk_schema as t
from frontdesk.store.caller_details import normalise_email, normalise_phone
from frontdesk.store.enquiries import EnquiryLog, UnknownEnquiryError, append_event
from frontdesk.store.enquiry_rules import stamp

SMS, EMAIL = "sms", "email"
#: The desk's status until the hub says otherwise.
WAITING = "waiting to send"
_MOBILE_PREFIXES = ("+4471", "+4472", "+4473", "+4474", "+4475", "+4477", "+4478", "+4479")


class RecipientError(ValueError):
    """A number or address the details cannot be sent to, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class SentDetails:
    event_id: str
    enquiry_id: str
    service_id: str
    channel: str
    recipient: str | None
    status: str
    reason: str | None
    updated_at: str


def checked_recipient(channel: str, text: str) -> str:
    """The recipient as stored and sent: a UK mobile in E.164 for a text, a normalised
    e-mail address; RecipientError otherwise (the hub checks again on arrival)."""
    if channel == SMS:
        number = normalise_phone(text)
        # A full-length UK number (`normalise_phone`) in the mobile ranges 071–075, 077–079.
        if number is None or not number.startswith(_MOBILE_PREFIXES):
            raise RecipientError(f"{text!r} is not a UK mobile number, so it cannot take a text")
        return number
    if channel == EMAIL:
        address = normalise_email(text)
        if address is None:
            raise RecipientError(f"{text!r} is not an e-mail address mail can be sent to")
        return address
    raise RecipientError("details go by text (sms) or e-mail (email)")


def send_details(
    log: EnquiryLog,
    enquiry_id: str,
    service_id: str,
    channel: str,
    recipient: str,
    *,
    now: dt.datetime | None = None,
) -> SentDetails:
    """Record the request to send; the hub sends it once the desk has synced."""
    to = checked_recipient(channel, recipient)
    at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    event = EnquiryEvent(
        id=str(uuid.uuid4()),
        enquiry_id=enquiry_id,
        kind=EventKind.DETAILS_SENT,
        at=at,
        data={"service_id": service_id, "channel": channel, "recipient": to},
    )
    row = SentDetails(event.id, enquiry_id, service_id, channel, to, WAITING, None, stamp(at))
    with log.desk.write("record the details to send") as conn:
        exists = conn.scalar(select(t.enquiries.c.id).where(t.enquiries.c.id == enquiry_id))
        if exists is None:
            raise UnknownEnquiryError(f"no enquiry {enquiry_id} on this desk")
        append_event(conn, event, at)
        conn.execute(insert(t.sent_details).values(**_values(row)))
    return row


def set_status(
    log: EnquiryLog, event_id: str, status: str, reason: str | None, updated_at: str
) -> bool:
    """The hub's latest word on a message; False if it is not one this desk sent."""
    s = t.sent_details.c
    with log.desk.write("record a message's delivery status") as conn:
        changed = conn.execute(
            update(t.sent_details)
            .where(s.event_id == event_id)
            .values(status=status, reason=reason, updated_at=updated_at)
        ).rowcount
    return bool(changed)


def sent_for(log: EnquiryLog, enquiry_ids: list[str]) -> dict[str, list[SentDetails]]:
    s = t.sent_details.c
    with log.desk.engine.connect() as conn:
        rows = conn.execute(
            select(t.sent_details).where(s.enquiry_id.in_(enquiry_ids)).order_by(s.updated_at)
        ).all()
    found: dict[str, list[SentDetails]] = {}
    for r in rows:
        found.setdefault(r.enquiry_id, []).append(SentDetails(**r._mapping))
    return found


def _values(row: SentDetails) -> dict[str, object]:
    return {
        "event_id": row.event_id,
        "enquiry_id": row.enquiry_id,
        "service_id": row.service_id,
        "channel": row.channel,
        "recipient": row.recipient,
        "status": row.status,
        "reason": row.reason,
        "updated_at": row.updated_at,
    }
