"""Referrals: made when a desk (or an Open311 client) refers a caller, addressed to the
agency that delivers the service, and moved on by that agency's status updates.

DESIGN.md: the agency owns a referral's status. Every status change is audited and goes
into the change feed scoped to the *referring* organisation, so its desks learn of it on
their next pull; the agency's own view is the agency API, not the feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from frontdesk.core.enquiry import ReferralStatus
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import writing
from frontdesk.hub.referrals.routing import recipient_of
from frontdesk.hub.sync.changes import UPSERT, Change, record_changes

REFERRAL = "referral"
MAX_NOTE_CHARS = 4000
#: Only the referrer sends; an agency answers with any other status.
AGENCY_STATUSES = tuple(s for s in ReferralStatus if s is not ReferralStatus.SENT)
#: The answer for a referral that does not exist or is not addressed to the account's
#: organisation: the same words for both.
NO_REFERRAL = "no referral addressed to your organisation has this id"


class ReferralError(Exception):
    """Why a status update is refused: `status` 404 (not there, or not addressed to the
    account's organisation), 409 (closed) or 422."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class NewReferral:
    id: str
    enquiry_id: str
    service_id: str
    from_organization_id: str
    note: str | None = None
    #: Open311 location fields (address, address_id, zipcode, lat, long, media_url).
    location: dict[str, Any] = field(default_factory=dict)


def create_referral(conn: Connection, new: NewReferral, now: dt.datetime) -> str | None:
    """Insert the referral addressed to the service's agency, inside the caller's
    transaction; returns that agency (None while no organisation is linked)."""
    recipient = recipient_of(conn, new.service_id)
    conn.execute(
        insert(t.referrals).values(
            id=new.id,
            enquiry_id=new.enquiry_id,
            service_id=new.service_id,
            from_organization_id=new.from_organization_id,
            to_organization_id=recipient,
            status=ReferralStatus.SENT.value,
            note=new.note,
            created_at=now,
            updated_at=now,
            **new.location,
        )
    )
    payload = {
        "id": new.id,
        "enquiry_id": new.enquiry_id,
        "service_id": new.service_id,
        "status": ReferralStatus.SENT.value,
        "updated_at": now.isoformat(),
    }
    record_changes(
        conn, [Change(REFERRAL, new.id, UPSERT, payload, scope_org=new.from_organization_id)]
    )
    return recipient


def parse_status(value: Any) -> ReferralStatus:
    if isinstance(value, str):
        for status in AGENCY_STATUSES:
            if status.value == value:
                return status
    allowed = ", ".join(repr(s.value) for s in AGENCY_STATUSES)
    raise ReferralError(422, "invalid_status", f"status must be one of {allowed}")


def set_status(
    engine: Engine,
    who: Principal,
    referral_id: str,
    status: ReferralStatus,
    note: str | None,
    client: str,
) -> dt.datetime:
    """Record the agency's new status; returns when. Refused (ReferralError) for a referral
    not addressed to the account's organisation or one already closed."""
    r = t.referrals.c
    with writing(engine) as conn:
        # Locked so two agency staff closing the same referral at once cannot both pass
        # the "not yet closed" check (SQLite's writer lock already serialises).
        row = conn.execute(
            select(
                r.enquiry_id, r.service_id, r.status, r.to_organization_id, r.from_organization_id
            )
            .where(r.id == referral_id)
            .with_for_update()
        ).first()
        if row is None or row.to_organization_id != who.organization_id:
            # Not yours and not there are one answer, so no id is confirmed to exist.
            raise ReferralError(404, "not_found", NO_REFERRAL)
        current = ReferralStatus(row.status)
        if current.is_closed:
            raise ReferralError(
                409,
                "referral_closed",
                f"the referral is closed ({current.value!r}); a closed referral's status "
                "cannot change — ask the referrer to send a new referral",
            )
        now = utcnow()
        conn.execute(
            update(t.referrals)
            .where(r.id == referral_id)
            .values(status=status.value, status_note=note, updated_at=now)
        )
        _announce(conn, referral_id, row, status, note, now)
        audit.record(
            conn,
            "referral.status",
            actor=who.name,
            organization_id=who.organization_id,
            target=referral_id,
            client=client,
            detail={"from": current.value, "to": status.value},
        )
    return now


#: The note a referral withdrawn by the referrer's amendment carries.
WITHDRAWN_NOTE = "withdrawn by the referring adviser"


def withdraw_referrals(
    conn: Connection, enquiry_id: str, who: Principal, now: dt.datetime
) -> list[str]:
    """Cancel the enquiry's open referrals, inside the caller's transaction: an amendment
    that takes the referral away or sends it elsewhere must not leave the first agency
    working on it. Closed ones stay as the agency left them. Returns the ids cancelled."""
    r = t.referrals.c
    rows = conn.execute(
        select(r.id, r.enquiry_id, r.service_id, r.status, r.from_organization_id)
        .where(r.enquiry_id == enquiry_id)
        .order_by(r.id)
        .with_for_update()
    ).all()
    cancelled = ReferralStatus.CANCELLED
    withdrawn = [row for row in rows if not ReferralStatus(row.status).is_closed]
    for row in withdrawn:
        conn.execute(
            update(t.referrals)
            .where(r.id == row.id)
            .values(status=cancelled.value, status_note=WITHDRAWN_NOTE, updated_at=now)
        )
        _announce(conn, row.id, row, cancelled, WITHDRAWN_NOTE, now)
        audit.record(
            conn,
            "referral.withdrawn",
            actor=who.name,
            organization_id=who.organization_id,
            target=row.id,
            detail={"from": row.status, "to": cancelled.value},
        )
    return [row.id for row in withdrawn]


def _announce(
    conn: Connection,
    referral_id: str,
    row: Any,
    status: ReferralStatus,
    note: str | None,
    now: dt.datetime,
) -> None:
    """The new status into the change feed, for the referring organisation's desks."""
    payload = {
        "id": referral_id,
        "enquiry_id": row.enquiry_id,
        "service_id": row.service_id,
        "status": status.value,
        "note": note,
        "updated_at": now.isoformat(),
    }
    record_changes(
        conn, [Change(REFERRAL, referral_id, UPSERT, payload, scope_org=row.from_organization_id)]
    )
