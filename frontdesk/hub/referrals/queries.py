"""Reading referrals as the receiving agency sees them: its queue, a page at a time, and
one referral with what it needs to act on it.

An agency sees only referrals addressed to its organisation. It gets the caller's
contact details when the caller consented to them being kept: passing them to the
agency that delivers the service is what the referral is for. Once a referral is
cancelled (withdrawn, or redirected to another service) that purpose is gone: the agency
keeps the fact and the status, not the person — no caller details, no referrer's note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, select

from frontdesk.core.enquiry import ReferralStatus
from frontdesk.hub import schema as t
from frontdesk.hub.catalogue.read import Paging, envelope
from frontdesk.hub.db import reading
from frontdesk.hub.enquiries.callers import details_of

JsonObject = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ReferralFilter:
    to_organization_id: str
    status: ReferralStatus | None = None
    since: dt.datetime | None = None  # changed after


def _columns() -> Select[Any]:
    r, s = t.referrals.c, t.services.c
    return select(
        r.id,
        r.enquiry_id,
        r.service_id,
        s.name.label("service_name"),
        r.from_organization_id,
        r.to_organization_id,
        r.status,
        r.note,
        r.status_note,
        r.address,
        r.lat,
        r.long,
        r.created_at,
        r.updated_at,
    ).join_from(t.referrals, t.services, r.service_id == s.id, isouter=True)


def render(row: Any, caller: JsonObject | None) -> JsonObject:
    cancelled = row.status == ReferralStatus.CANCELLED.value
    return {
        "id": row.id,
        "enquiry_id": row.enquiry_id,
        "service_id": row.service_id,
        "service_name": row.service_name,
        "from_organization_id": row.from_organization_id,
        "to_organization_id": row.to_organization_id,
        "status": row.status,
        "closed": ReferralStatus(row.status).is_closed,
        "note": None if cancelled else row.note,
        "status_note": row.status_note,
        "location": {"address": row.address, "lat": row.lat, "long": row.long},
        "caller": None if cancelled else caller,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }


def list_for_agency(engine: Engine, where: ReferralFilter, paging: Paging) -> JsonObject:
    r = t.referrals.c
    query = _columns().where(r.to_organization_id == where.to_organization_id)
    if where.status is not None:
        query = query.where(r.status == where.status.value)
    if where.since is not None:
        query = query.where(r.updated_at > where.since)
    # Oldest change first, so an agency polling with `since` walks forward through them.
    query = query.order_by(r.updated_at, r.id)
    with reading(engine) as conn:
        total = conn.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = conn.execute(query.limit(paging.per_page).offset(paging.offset)).all()
        contents = _render_all(conn, rows)
    return envelope(contents, int(total), paging)


def get_referral(engine: Engine, referral_id: str) -> JsonObject | None:
    with reading(engine) as conn:
        rows = conn.execute(_columns().where(t.referrals.c.id == referral_id)).all()
        rendered = _render_all(conn, rows)
    return rendered[0] if rendered else None


def _render_all(conn: Connection, rows: Sequence[Any]) -> list[JsonObject]:
    callers = details_of(conn, [row.enquiry_id for row in rows])
    return [render(row, callers.get(row.enquiry_id)) for row in rows]
