"""Retention and subject access on the hub: purge old caller details, and export or erase
what the hub holds about one caller. Every action is audited (never with the details).

What stays after a purge or an erasure: the enquiry, its channel, dates, outcome, linked
services and referrals with their statuses — so counts by outcome, channel and service
do not change. What goes: the caller's name, phone, e-mail and postcode, from
`enquiry_callers` and from the events that carried them. An erasure also clears the
free text written about the person (notes, referral notes and status notes), which a
time-based purge keeps for the agencies still working on the referral.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading, writing
from frontdesk.hub.enquiries.callers import FIELDS, SubjectQuery, matching, redact_event
from frontdesk.hub.notify.queue import forget_recipients, recipients_older_than
from frontdesk.hub.record_reports.retention import forget_closed_report_texts

JsonObject = dict[str, Any]
ERASED_NOTE = "[erased]"


class SubjectQueryEmpty(ValueError):
    """A subject request must name the caller by e-mail, phone or postcode."""


def _check(query: SubjectQuery) -> None:
    if query.is_empty():
        raise SubjectQueryEmpty("name the caller by e-mail, phone or postcode")
    if any("\x00" in (value or "") for value in (query.email, query.phone, query.postcode)):
        # No caller's details can hold one, and PostgreSQL refuses it in a query.
        raise ValueError("an e-mail, phone or postcode cannot contain a NUL character")


def _forget_callers(conn: Connection, ids: list[str], now: dt.datetime) -> None:
    c, ev = t.enquiry_callers.c, t.enquiry_events.c
    blank = {f: None for f in (*FIELDS, "phone_key", "email_key")}
    conn.execute(
        update(t.enquiry_callers).where(c.enquiry_id.in_(ids)).values(purged_at=now, **blank)
    )
    kinds = (EventKind.CREATED.value, EventKind.AMENDED.value)
    rows = conn.execute(
        select(ev.id, ev.kind, ev.data).where(ev.enquiry_id.in_(ids), ev.kind.in_(kinds))
    ).all()
    for row in rows:
        redacted = redact_event(row.kind, row.data)
        if redacted is not None:
            conn.execute(update(t.enquiry_events).where(ev.id == row.id).values(data=redacted))
    forget_recipients(conn, ids)


def purge(engine: Engine, older_than_days: int, *, actor: str, client: str | None = None) -> int:
    """Remove caller details from enquiries last changed more than `older_than_days` ago;
    returns how many enquiries lost them."""
    if older_than_days < 0:
        raise ValueError("older_than_days cannot be negative")
    now = utcnow()
    cutoff = now - dt.timedelta(days=older_than_days)
    e, c = t.enquiries.c, t.enquiry_callers.c
    with writing(engine) as conn:
        ids = list(
            conn.scalars(
                select(c.enquiry_id)
                .join_from(t.enquiry_callers, t.enquiries, c.enquiry_id == e.id)
                .where(c.purged_at.is_(None), e.updated_at < cutoff)
            )
        )
        for start in range(0, len(ids), 500):
            _forget_callers(conn, ids[start : start + 500], now)
        messaged = recipients_older_than(conn, cutoff)  # a text's number, without a caller
        for start in range(0, len(messaged), 500):
            forget_recipients(conn, messaged[start : start + 500])
        audit.record(
            conn,
            "enquiries.purge",
            actor=actor,
            client=client,
            detail={"older_than_days": older_than_days, "enquiries": len(ids)},
        )
        # Record reports' free text follows the same retention (their own audit row).
        reports = forget_closed_report_texts(conn, cutoff)
        if reports:
            audit.record(
                conn,
                "record_reports.purge",
                actor=actor,
                client=client,
                detail={"older_than_days": older_than_days, "record_reports": reports},
            )
    return len(ids)


def _subject_ids(conn: Connection, query: SubjectQuery) -> list[str]:
    c = t.enquiry_callers.c
    return list(conn.scalars(select(c.enquiry_id).where(matching(query)).order_by(c.enquiry_id)))


def subject_export(
    engine: Engine, query: SubjectQuery, *, actor: str, client: str | None = None
) -> JsonObject:
    """Everything the hub holds about the caller's enquiries, events, referrals and the
    texts and e-mails of services' details sent to them."""
    _check(query)
    e, ev, r, c = t.enquiries.c, t.enquiry_events.c, t.referrals.c, t.enquiry_callers.c
    m = t.outbound_messages.c
    with reading(engine) as conn:
        ids = _subject_ids(conn, query)
        enquiries = conn.execute(select(t.enquiries).where(e.id.in_(ids)).order_by(e.id)).all()
        callers = {
            row.enquiry_id: {f: getattr(row, f) for f in FIELDS}
            for row in conn.execute(select(t.enquiry_callers).where(c.enquiry_id.in_(ids)))
        }
        events = conn.execute(
            select(ev.enquiry_id, ev.id, ev.kind, ev.at, ev.data)
            .where(ev.enquiry_id.in_(ids))
            .order_by(ev.at, ev.id)
        ).all()
        referrals = conn.execute(
            select(t.referrals).where(r.enquiry_id.in_(ids)).order_by(r.created_at)
        ).all()
        messages = conn.execute(
            select(t.outbound_messages).where(m.enquiry_id.in_(ids)).order_by(m.created_at, m.id)
        ).all()
    with writing(engine) as conn:
        audit.record(
            conn,
            "subject.export",
            actor=actor,
            client=client,
            detail={"matched_on": query.describe(), "enquiries": len(ids)},
        )
    return {
        "generated_at": utcnow().isoformat(),
        "enquiries": [
            {
                "id": row.id,
                "organization_id": row.organization_id,
                "channel": row.channel,
                "started_at": row.started_at.isoformat() if row.started_at else None,
                "outcome": row.outcome,
                "caller": callers.get(row.id),
                "events": [
                    {"id": x.id, "kind": x.kind, "at": x.at.isoformat(), "data": json.loads(x.data)}
                    for x in events
                    if x.enquiry_id == row.id
                ],
                "referrals": [_referral(x) for x in referrals if x.enquiry_id == row.id],
                "messages": [_message(x) for x in messages if x.enquiry_id == row.id],
            }
            for row in enquiries
        ],
    }


def _referral(row: Any) -> JsonObject:
    keys = ("id", "service_id", "to_organization_id", "status", "note", "status_note")
    return {
        **{k: getattr(row, k) for k in keys},
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }


def _message(row: Any) -> JsonObject:
    """A text or e-mail sent to the caller: to whom (None once purged), how, what became
    of it and when."""
    keys = ("id", "service_id", "channel", "recipient", "status", "reason")
    return {
        **{k: getattr(row, k) for k in keys},
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }


def subject_erase(
    engine: Engine, query: SubjectQuery, *, actor: str, client: str | None = None
) -> int:
    """Erase the caller's details and the notes about them; returns how many enquiries."""
    _check(query)
    now = utcnow()
    r = t.referrals.c
    with writing(engine) as conn:
        ids = _subject_ids(conn, query)
        _forget_callers(conn, ids, now)
        _erase_texts(conn, ids)
        conn.execute(
            update(t.referrals)
            .where(r.enquiry_id.in_(ids))
            .values(
                note=None,
                status_note=None,
                address=None,
                address_id=None,
                zipcode=None,
                lat=None,
                long=None,
                media_url=None,
            )
        )
        audit.record(
            conn,
            "subject.erase",
            actor=actor,
            client=client,
            detail={"matched_on": query.describe(), "enquiries": len(ids)},
        )
    return len(ids)


def _erase_texts(conn: Connection, ids: list[str]) -> None:
    """Replace what advisers wrote about the caller: notes, amended notes, referral notes."""
    ev = t.enquiry_events.c
    for row in conn.execute(select(ev.id, ev.kind, ev.data).where(ev.enquiry_id.in_(ids))).all():
        data = json.loads(row.data)
        changes = data.get("changes") if isinstance(data, dict) else None
        if row.kind == EventKind.NOTE.value:
            data = {"text": ERASED_NOTE}
        elif row.kind == EventKind.REFERRAL_SENT.value and "note" in data:
            data["note"] = ERASED_NOTE
        elif isinstance(changes, dict) and "notes" in changes:
            changes["notes"] = ERASED_NOTE
        else:
            continue
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        conn.execute(update(t.enquiry_events).where(ev.id == row.id).values(data=text))
