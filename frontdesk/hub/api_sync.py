"""`/sync/v1`: the change feed desks pull and the outbox they push (DESIGN.md, "Sync")."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from frontdesk.hub.accounts import Role
from frontdesk.hub.changes import CursorError, CursorExpired, read_changes_json
from frontdesk.hub.http import (
    ApiError,
    check_protocol,
    client_of,
    hub,
    int_param,
    read_json,
    signed_in,
    text_param,
)
from frontdesk.hub.push import DeviceNotYours, OpIdReused, push
from frontdesk.hub.push_validation import EnvelopeError, parse_push

DEFAULT_PAGE, MAX_PAGE = 500, 1000
PUSHING_ROLES = frozenset({Role.ADVISER, Role.SUPERVISOR})


async def changes(request: Request) -> Response:
    check_protocol(request, required=True)
    who = await signed_in(request)
    cursor = text_param(request, "cursor", 100)
    limit = int_param(request, "limit", DEFAULT_PAGE, 1, MAX_PAGE)
    try:
        body = await run_in_threadpool(
            read_changes_json, hub(request).engine, cursor, limit, who.organization_id
        )
    except CursorError as error:
        raise ApiError(400, "bad_cursor", str(error)) from None
    except CursorExpired:
        raise ApiError(
            410,
            "cursor_expired",
            "the cursor is older than the hub keeps changes; rebuild the catalogue from "
            "the start of the feed (no cursor)",
        ) from None
    return Response(body, media_type="application/json")


async def push_ops(request: Request) -> JSONResponse:
    check_protocol(request, required=True)
    who = await signed_in(request)
    if who.role not in PUSHING_ROLES:
        raise ApiError(403, "role_forbidden", f"{who.role.value} accounts cannot push enquiries")
    context = hub(request)
    body = await read_json(request, context.config.push_body_limit)
    try:
        device_id, ops = parse_push(body)
    except EnvelopeError as error:
        raise ApiError(400, "invalid_request", str(error)) from None
    try:
        summary = await run_in_threadpool(
            push, context.engine, who, device_id, ops, client_of(request)
        )
    except DeviceNotYours:
        raise ApiError(
            403,
            "device_forbidden",
            "this device id is registered to another organisation",
        ) from None
    except OpIdReused as error:
        raise ApiError(
            422,
            "op_id_reused",
            f"op_id {error.op_id!r} was already used for a different op; nothing after it "
            "was applied",
            extra={"op_id": error.op_id, "results": error.results},
        ) from None
    return JSONResponse({"results": summary.results})
