"""`POST /enquiries/v1/caller-history`: a consented caller's earlier enquiries with the
account's organisation, for the adviser's enquiry panel ("rang 2 times in the last 30
days").

Advisers and supervisors see their own organisation's enquiries, as for every other read
of enquiries; an admin names an organisation or reads all; an agency is refused. The
identifiers travel in the body, never in the URL, so they cannot land in an access log.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.hub.accounts.access import require_org, require_role
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.enquiries.caller_history import CallerLookup, caller_history
from frontdesk.hub.http.endpoint import (
    ApiError,
    check_protocol,
    client_of,
    hub,
    read_json,
    signed_in,
)

BODY_LIMIT = 16 * 2**10
LOOKERS = (Role.ADVISER, Role.SUPERVISOR, Role.ADMIN)
_LIMITS = {"phone": 50, "email": 320, "name": 500, "postcode": 10, "organization_id": 64}


def _text(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not (isinstance(value, str) and len(value) <= _LIMITS[name]):
        raise ApiError(
            400, "invalid_request", f"{name} must be text of at most {_LIMITS[name]} characters"
        )
    return value.strip() or None


def _since(body: dict[str, Any]) -> dt.datetime | None:
    value = body.get("since")
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value) if isinstance(value, str) else None
        if parsed is not None:
            parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
            parsed.astimezone(dt.UTC)  # 0001-01-01T00:00+01:00 has no UTC equivalent
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        raise ApiError(400, "invalid_request", "since must be an ISO 8601 date and time")
    return parsed


async def history(request: Request) -> JSONResponse:
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, LOOKERS, "look up a caller's enquiries")
    body = await read_json(request, BODY_LIMIT)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "the body must be a JSON object")
    org = _text(body, "organization_id")
    if org is not None:
        require_org(who, org, "enquiries")
    elif who.role is not Role.ADMIN:
        org = who.organization_id
    lookup = CallerLookup(
        organization_id=org,
        phone=_text(body, "phone"),
        email=_text(body, "email"),
        name=_text(body, "name"),
        postcode=_text(body, "postcode"),
        since=_since(body),
    )
    if lookup.is_empty():
        raise ApiError(
            400, "invalid_request", "name the caller by phone, email, or name and postcode"
        )
    found = await run_in_threadpool(
        lambda: caller_history(
            hub(request).engine, lookup, actor=who.name, client=client_of(request)
        )
    )
    return JSONResponse(found, headers={"Cache-Control": "no-store"})
