"""Open311 GeoReport v2 over the hub's own referral model: the services that accept
requests, and service requests as referrals.

- A service accepts requests when its catalogue organisation is linked to a hub
  organisation that has at least one enabled agency account: someone will read the queue.
  Offering every LGSL service instead would take requests no agency ever sees.
- `service_code` is the catalogue id (`source:id`), the same id desks and the agency API use.
- A request is a referral; its `service_request_id` is the referral id. Statuses map to
  Open311's two: the closed ReferralStatus values are `closed`, the rest `open`; the
  agency's status note is `status_notes`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, exists, or_, select, true
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.core.codec import service_from_dict
from frontdesk.core.enquiry import ReferralStatus
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.db import reading

JsonObject = dict[str, Any]
OPEN, CLOSED = "open", "closed"
CLOSED_STATUSES = tuple(s.value for s in ReferralStatus if s.is_closed)
DEFAULT_WINDOW = dt.timedelta(days=90)
MAX_REQUESTS = 1000
MAX_DESCRIPTION = 4000


def open311_status(status: str) -> str:
    return CLOSED if ReferralStatus(status).is_closed else OPEN


def _accepting() -> Select[Any]:
    s, link, a = t.services.c, t.organization_catalogue_links.c, t.accounts.c
    has_agency = exists().where(
        a.organization_id == link.organization_id,
        a.role == Role.AGENCY.value,
        a.disabled_at.is_(None),
    )
    o = t.catalogue_organizations.c
    return (
        select(s.id, s.name, s.document, o.name.label("org_name"))
        .join_from(
            t.services, t.organization_catalogue_links, s.organization_id == link.catalogue_org_id
        )
        .join(t.catalogue_organizations, s.organization_id == o.id, isouter=True)
        .where(has_agency, s.status == "active")
        .order_by(s.id)
    )


def _render_service(row: Any) -> JsonObject:
    service = service_from_dict(json.loads(row.document))
    return {
        "service_code": row.id,
        "service_name": row.name,
        "description": service.description,
        "metadata": False,  # no extra attributes: the description carries everything
        "type": "realtime",  # a request reaches the agency's queue as it is made
        "keywords": ", ".join(service.keywords) or None,
        "group": row.org_name,
    }


def list_services(engine: Engine) -> list[JsonObject]:
    with reading(engine) as conn:
        return [_render_service(r) for r in conn.execute(_accepting())]


def find_service(conn: Connection, code: str) -> JsonObject | None:
    row = conn.execute(_accepting().where(t.services.c.id == code)).first()
    return _render_service(row) if row is not None else None


def service_definition(engine: Engine, code: str) -> JsonObject | None:
    with reading(engine) as conn:
        found = find_service(conn, code)
    return {"service_code": code, "attributes": []} if found is not None else None


@dataclass(frozen=True, slots=True)
class RequestFilter:
    ids: tuple[str, ...] = ()
    service_codes: tuple[str, ...] = ()
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    statuses: tuple[str, ...] = ()  # open, closed


def visible_to(who: Principal) -> ColumnElement[bool]:
    """Requests an account may read: those its organisation made or must answer."""
    r = t.referrals.c
    if who.role is Role.ADMIN:
        return true()
    org = who.organization_id
    return or_(r.from_organization_id == org, r.to_organization_id == org)


def _request_query() -> Select[Any]:
    r, s, o = t.referrals.c, t.services.c, t.organizations.c
    return (
        select(t.referrals, s.name.label("service_name"), o.name.label("agency_name"))
        .join_from(t.referrals, t.services, r.service_id == s.id, isouter=True)
        .join(t.organizations, r.to_organization_id == o.id, isouter=True)
    )


def render_request(row: Any, who: Principal) -> JsonObject:
    """A referral as a service request. A cancelled one keeps its status for the agency
    but not the referrer's description, which is about the person (its caller details
    never appear here at all); the referring organisation still reads its own words."""
    withdrawn = (
        row.status == ReferralStatus.CANCELLED.value
        and row.from_organization_id != who.organization_id
    )
    description = row.note[:MAX_DESCRIPTION] if row.note and not withdrawn else None
    return {
        "service_request_id": row.id,
        "status": open311_status(row.status),
        "status_notes": row.status_note,
        "service_name": row.service_name,
        "service_code": row.service_id,
        "description": description,
        "agency_responsible": row.agency_name,
        "service_notice": None,
        "requested_datetime": row.created_at.isoformat(),
        "updated_datetime": row.updated_at.isoformat(),
        "expected_datetime": None,
        "address": row.address,
        "address_id": row.address_id,
        "zipcode": row.zipcode,
        "lat": row.lat,
        "long": row.long,
        "media_url": row.media_url,
    }


def find_requests(engine: Engine, who: Principal, where: RequestFilter) -> list[JsonObject]:
    """Newest first, at most MAX_REQUESTS. As the spec says, ids override the other
    filters, and without dates the last 90 days are searched."""
    r = t.referrals.c
    query = _request_query().where(visible_to(who))
    if where.ids:
        query = query.where(r.id.in_(where.ids))
    else:
        start = where.start
        if start is None and where.end is None:
            start = dt.datetime.now(dt.UTC) - DEFAULT_WINDOW
        if start is not None:
            query = query.where(r.created_at >= start)
        if where.end is not None:
            query = query.where(r.created_at <= where.end)
        if where.service_codes:
            query = query.where(r.service_id.in_(where.service_codes))
        if where.statuses == (CLOSED,):
            query = query.where(r.status.in_(CLOSED_STATUSES))
        elif where.statuses == (OPEN,):
            query = query.where(r.status.not_in(CLOSED_STATUSES))
    query = query.order_by(r.created_at.desc(), r.id).limit(MAX_REQUESTS)
    with reading(engine) as conn:
        return [render_request(row, who) for row in conn.execute(query)]


def request_owner(engine: Engine, request_id: str) -> tuple[str, str | None] | None:
    """(referring organisation, receiving organisation) of a request, if it exists."""
    r = t.referrals.c
    with reading(engine) as conn:
        row = conn.execute(
            select(r.from_organization_id, r.to_organization_id).where(r.id == request_id)
        ).first()
    return (row.from_organization_id, row.to_organization_id) if row is not None else None
