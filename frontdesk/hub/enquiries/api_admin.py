"""`/admin/v1`: retention and subject access for the hub's administrators — the same
actions as `frontdesk hub purge` and `frontdesk hub subject`, audited with the admin's name.

Subject requests are POSTs with the identifiers in the body, so an e-mail address or a
phone number never lands in a URL, a proxy log or the browser history.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.hub.accounts.access import require_role
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.enquiries.admin import SubjectQueryEmpty, purge, subject_erase, subject_export
from frontdesk.hub.enquiries.callers import SubjectQuery
from frontdesk.hub.http.endpoint import (
    ApiError,
    check_protocol,
    client_of,
    hub,
    read_json,
    signed_in,
)

BODY_LIMIT = 16 * 2**10
MAX_DAYS = 36500


async def _admin(request: Request, what: str) -> tuple[Principal, Any]:
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, [Role.ADMIN], what)
    body = await read_json(request, BODY_LIMIT)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "the body must be a JSON object")
    return who, body


async def purge_callers(request: Request) -> JSONResponse:
    who, body = await _admin(request, "purge caller details")
    days = body.get("older_than_days")
    if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= MAX_DAYS:
        raise ApiError(400, "invalid_request", f"older_than_days must be 0 to {MAX_DAYS}")
    count = await run_in_threadpool(
        lambda: purge(hub(request).engine, days, actor=who.name, client=client_of(request))
    )
    return JSONResponse({"enquiries_purged": count, "older_than_days": days})


def _subject(body: dict[str, Any]) -> SubjectQuery:
    values: dict[str, str | None] = {}
    for name in ("email", "phone", "postcode"):
        value = body.get(name)
        if value is not None and not (isinstance(value, str) and 0 < len(value) <= 320):
            raise ApiError(400, "invalid_request", f"{name} must be text of at most 320")
        values[name] = value.strip() if isinstance(value, str) and value.strip() else None
    query = SubjectQuery(**values)
    if query.is_empty():
        raise ApiError(400, "invalid_request", "name the caller by email, phone or postcode")
    return query


async def export_subject(request: Request) -> JSONResponse:
    who, body = await _admin(request, "export a caller's data")
    query = _subject(body)
    try:
        found = await run_in_threadpool(
            lambda: subject_export(
                hub(request).engine, query, actor=who.name, client=client_of(request)
            )
        )
    except SubjectQueryEmpty as error:
        raise ApiError(400, "invalid_request", str(error)) from None
    return JSONResponse(found, headers={"Cache-Control": "no-store"})


async def erase_subject(request: Request) -> JSONResponse:
    who, body = await _admin(request, "erase a caller's data")
    query = _subject(body)
    count = await run_in_threadpool(
        lambda: subject_erase(hub(request).engine, query, actor=who.name, client=client_of(request))
    )
    return JSONResponse({"enquiries_erased": count})
