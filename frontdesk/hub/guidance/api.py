"""`/supervisor/v1/guidance`: supervisors read and write their organisation's guidance
notes; admins any organisation's, and the shared notes every organisation sees.

A supervisor reads their own organisation's notes and the shared ones; naming another
organisation is refused rather than quietly answered with their own. Writing a shared note
needs an admin, since it reaches every organisation's desks.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.core.guidance import GuidanceError
from frontdesk.hub.accounts.access import require_org, require_role
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.guidance.notes import MAX_SERVICE_ID, latest_notes, note_history, set_note
from frontdesk.hub.http.endpoint import (
    ApiError,
    check_protocol,
    client_of,
    hub,
    read_json,
    signed_in,
    text_param,
)

EDITORS = (Role.SUPERVISOR, Role.ADMIN)
BODY_LIMIT = 256 * 2**10  # a 20,000-character note, escaped, fits many times over


async def _editor(request: Request, what: str) -> Principal:
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, EDITORS, what)
    return who


def _scope(who: Principal, org: str | None) -> list[str] | None:
    """The organisations whose notes a read shows (None: all, for an admin naming none)."""
    if org is not None:
        require_org(who, org, "guidance")
        return [org]
    return None if who.role is Role.ADMIN else [who.organization_id]


async def guidance(request: Request) -> JSONResponse:
    """GET lists notes, POST adds a version (one route, as the OpenAPI document has it)."""
    if request.method == "POST":
        return await write_guidance(request)
    return await list_guidance(request)


async def list_guidance(request: Request) -> JSONResponse:
    who = await _editor(request, "read guidance notes")
    scope = _scope(who, text_param(request, "organization_id", 64))
    service = text_param(request, "service_id", MAX_SERVICE_ID)
    engine = hub(request).engine
    if service is None:
        notes = await run_in_threadpool(latest_notes, engine, scope)
    else:
        notes = await run_in_threadpool(note_history, engine, service, scope)
    return JSONResponse({"guidance": [n.as_dict() for n in notes]})


async def write_guidance(request: Request) -> JSONResponse:
    who = await _editor(request, "write guidance notes")
    body = await read_json(request, BODY_LIMIT)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", "the body must be a JSON object")
    service = _text(body, "service_id", MAX_SERVICE_ID, required=True)
    note = _text(body, "body", None, required=True)
    org = _owner(who, body)
    try:
        saved = await run_in_threadpool(
            lambda: set_note(
                hub(request).engine,
                service or "",
                note or "",
                organization_id=org,
                author=who.name,
                client=client_of(request),
            )
        )
    except GuidanceError as error:
        raise ApiError(400, "invalid_guidance", str(error)) from None
    return JSONResponse(saved.as_dict())


def _owner(who: Principal, body: dict[str, Any]) -> str | None:
    """Whose note this is: the writer's own organisation unless they say otherwise."""
    shared = body.get("shared", False)
    if not isinstance(shared, bool):
        raise ApiError(400, "invalid_request", "shared must be true or false")
    org = _text(body, "organization_id", 64, required=False)
    if shared:
        if org is not None:
            raise ApiError(400, "invalid_request", "a shared note names no organization_id")
        require_role(who, [Role.ADMIN], "write a note shared with every organisation")
        return None
    if org is None:
        return who.organization_id
    require_org(who, org, "guidance")
    return org


def _text(body: dict[str, Any], name: str, limit: int | None, *, required: bool) -> str | None:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (limit is not None and not 0 < len(value) <= limit):
        size = f" of 1 to {limit} characters" if limit else ""
        raise ApiError(400, "invalid_request", f"{name} must be text{size}")
    return value
