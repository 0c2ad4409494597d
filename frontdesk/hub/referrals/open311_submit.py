"""Taking an Open311 service request: checking the form, then recording it as an enquiry
of the submitting account's organisation with a referral to the service's agency.

Why an enquiry and not a bare referral: retention, subject access, supervisors' exports and
statistics all work on enquiries, so a request made through a web form is counted and
purged exactly like one taken at a desk. Its channel is `open311`, its outcome `referred`;
the submitter's name, e-mail and phone become the enquiry's caller details (the person
chose to send them with the request).
"""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, insert

from frontdesk.core.enquiry import EventKind, Outcome
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import writing
from frontdesk.hub.enquiries.callers import record_caller
from frontdesk.hub.referrals.open311 import MAX_DESCRIPTION, find_service
from frontdesk.hub.referrals.records import NewReferral, create_referral

CHANNEL = "open311"
DEVICE = "open311"
_TEXT_LIMITS = {
    "service_code": 300,
    "address_string": 1000,
    "address_id": 200,
    "zipcode": 20,
    "email": 320,
    "phone": 50,
    "first_name": 200,
    "last_name": 200,
    "description": MAX_DESCRIPTION,
    "media_url": 2000,
    "device_id": 200,
    "account_id": 200,
}


class RequestInvalid(ValueError):
    """The form cannot become a request; the message says which field and why (400)."""


@dataclass(frozen=True, slots=True)
class ServiceRequest:
    service_code: str
    description: str | None
    location: dict[str, Any]
    caller: dict[str, Any] = field(default_factory=dict)


def parse_request(form: dict[str, str]) -> ServiceRequest:
    text = {name: _text(form, name, limit) for name, limit in _TEXT_LIMITS.items()}
    code = text["service_code"]
    if code is None:
        raise RequestInvalid("service_code is required")
    lat, long = _coordinate(form, "lat", 90), _coordinate(form, "long", 180)
    if (lat is None) != (long is None):
        raise RequestInvalid("send both lat and long, or neither")
    if lat is None and text["address_string"] is None and text["address_id"] is None:
        raise RequestInvalid("a location is required: lat and long, address_string or address_id")
    media = text["media_url"]
    if media is not None and urlsplit(media).scheme not in ("http", "https"):
        raise RequestInvalid("media_url must be an http or https URL")
    names = [n for n in (text["first_name"], text["last_name"]) if n]
    caller = {
        "name": " ".join(names) or None,
        "email": text["email"],
        "phone": text["phone"],
    }
    location = {
        "address": text["address_string"],
        "address_id": text["address_id"],
        "zipcode": text["zipcode"],
        "lat": lat,
        "long": long,
        "media_url": media,
    }
    return ServiceRequest(
        code,
        text["description"],
        location,
        {k: v for k, v in caller.items() if v},
    )


def _text(form: dict[str, str], name: str, limit: int) -> str | None:
    value = form.get(name, "").strip()
    if not value:
        return None
    if len(value) > limit or not value.replace("\n", " ").replace("\r", " ").isprintable():
        raise RequestInvalid(f"{name} must be at most {limit} printable characters")
    return value


def _coordinate(form: dict[str, str], name: str, bound: float) -> float | None:
    raw = form.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and -bound <= value <= bound):
        raise RequestInvalid(f"{name} must be a WGS84 number from {-bound} to {bound}")
    return value


class UnknownService(LookupError):
    """The service_code names no service that accepts requests."""


def submit(engine: Engine, who: Principal, request: ServiceRequest, client: str) -> str:
    """Record the request; returns its service_request_id (the referral id)."""
    now = utcnow()
    enquiry_id, referral_id = str(uuid.uuid4()), str(uuid.uuid4())
    created: dict[str, Any] = {"channel": CHANNEL, "started_at": now.isoformat()}
    if request.caller:
        created["caller"] = {**request.caller, "consent": True}
    referral = {"referral_id": referral_id, "service_id": request.service_code}
    if request.description:
        referral["note"] = request.description
    events = [
        (EventKind.CREATED, created),
        (EventKind.OUTCOME_SET, {"outcome": Outcome.REFERRED.value}),
        (EventKind.REFERRAL_SENT, referral),
    ]
    with writing(engine) as conn:
        if find_service(conn, request.service_code) is None:
            raise UnknownService(request.service_code)
        conn.execute(
            insert(t.enquiries).values(
                id=enquiry_id,
                organization_id=who.organization_id,
                account_id=who.account_id,
                device_id=DEVICE,
                channel=CHANNEL,
                started_at=now,
                outcome=Outcome.REFERRED.value,
                created_at=now,
                updated_at=now,
            )
        )
        for kind, data in events:
            conn.execute(
                insert(t.enquiry_events).values(
                    id=str(uuid.uuid4()),
                    enquiry_id=enquiry_id,
                    kind=kind.value,
                    at=now,
                    data=json.dumps(data, sort_keys=True, ensure_ascii=False),
                    op_id=f"{CHANNEL}:{referral_id}",
                    account_id=who.account_id,
                    received_at=now,
                )
            )
        record_caller(conn, enquiry_id, EventKind.CREATED, created, now)
        new = NewReferral(
            referral_id,
            enquiry_id,
            request.service_code,
            who.organization_id,
            request.description,
            request.location,
        )
        create_referral(conn, new, now)
        audit.record(
            conn,
            "open311.request",
            actor=who.name,
            organization_id=who.organization_id,
            target=referral_id,
            client=client,
            detail={"service_code": request.service_code},
        )
    return referral_id
