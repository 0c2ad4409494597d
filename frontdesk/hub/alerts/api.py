"""`/agency/v1/services/{id}/alert` and `/agency/v1/alerts`: service alerts for the agency
that delivers a service, and for supervisors and admins on any service.

An agency writes and reads alerts only on services its organisation delivers (the same
ownership rule as referrals and record reports: `organization_catalogue_links`). The
catalogue is public, so a service it does not deliver is refused as such rather than
answered as missing: the agency learns nothing it could not read from `/services`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from frontdesk.core.alert import AlertError, parse_time
from frontdesk.hub.accounts.access import require_role
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.alerts.records import (
    MAX_SERVICE_ID,
    NoAlert,
    NotYours,
    UnknownService,
    clear_alert,
    get_alert,
    live_alerts,
    set_alert,
)
from frontdesk.hub.http.endpoint import (
    ApiError,
    check_protocol,
    client_of,
    hub,
    path_id,
    read_json,
    signed_in,
)

WRITERS = (Role.AGENCY, Role.SUPERVISOR, Role.ADMIN)
BODY_LIMIT = 8 * 2**10


async def _writer(request: Request, what: str) -> Principal:
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, WRITERS, what)
    return who


def _owner(who: Principal) -> str | None:
    """The organisation whose services this account may touch (None: any service)."""
    return who.organization_id if who.role is Role.AGENCY else None


async def service_alert(request: Request) -> Response:
    """GET reads, PUT sets, DELETE clears one service's alert."""
    if request.method == "PUT":
        return await _put(request)
    if request.method == "DELETE":
        return await _delete(request)
    who = await _writer(request, "read service alerts")
    service = path_id(request, max_chars=MAX_SERVICE_ID)
    found = await _call(lambda: get_alert(hub(request).engine, service, owner=_owner(who)))
    if found is None:
        raise ApiError(404, "no_alert", "this service has no live alert")
    return JSONResponse(found.as_dict())


async def alerts(request: Request) -> JSONResponse:
    """The live alerts the account may change, soonest expiry first."""
    who = await _writer(request, "read service alerts")
    found = await run_in_threadpool(lambda: live_alerts(hub(request).engine, owner=_owner(who)))
    return JSONResponse({"alerts": found})


async def _put(request: Request) -> JSONResponse:
    who = await _writer(request, "set service alerts")
    service = path_id(request, max_chars=MAX_SERVICE_ID)
    body = await read_json(request, BODY_LIMIT)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "the body must be a JSON object")
    text, until = body.get("text"), _until(body)
    if not isinstance(text, str):
        raise ApiError(400, "invalid_alert", "text must be the alert's words")
    saved = await _call(
        lambda: set_alert(
            hub(request).engine,
            service,
            text,
            until,
            author=who.name,
            organization_id=who.organization_id,
            owner=_owner(who),
            client=client_of(request),
        )
    )
    return JSONResponse(saved.as_dict())


async def _delete(request: Request) -> Response:
    who = await _writer(request, "clear service alerts")
    service = path_id(request, max_chars=MAX_SERVICE_ID)
    cleared = await _call(
        lambda: clear_alert(
            hub(request).engine,
            service,
            author=who.name,
            organization_id=who.organization_id,
            owner=_owner(who),
            client=client_of(request),
        )
    )
    return JSONResponse({"cleared": cleared.as_dict()})


def _until(body: dict[str, Any]) -> dt.datetime:
    value = body.get("until")
    if not isinstance(value, str) or len(value) > 40:
        raise ApiError(400, "invalid_alert", "until must be an ISO 8601 date and time")
    try:
        return parse_time(value)
    except ValueError:
        raise ApiError(400, "invalid_alert", "until must be an ISO 8601 date and time") from None


async def _call(work: Callable[[], Any]) -> Any:
    try:
        return await run_in_threadpool(work)
    except UnknownService as error:
        raise ApiError(404, "unknown_service", str(error)) from None
    except NotYours as error:
        raise ApiError(403, "not_your_service", str(error)) from None
    except NoAlert as error:
        raise ApiError(404, "no_alert", str(error)) from None
    except AlertError as error:
        raise ApiError(400, "invalid_alert", str(error)) from None
