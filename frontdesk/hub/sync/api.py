"""`/sync/v1`: the change feed desks pull and the outbox they push (DESIGN.md, "Sync")."""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from frontdesk.hub.accounts.auth import AuthError, Principal, authenticate_on
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.http.endpoint import (
    MAX_TOKEN_CHARS,
    ApiError,
    as_api_error,
    check_protocol,
    client_of,
    hub,
    int_param,
    read_json,
    signed_in,
    text_param,
)
from frontdesk.hub.sync import desk_state
from frontdesk.hub.sync.changes import CursorError, CursorExpired, read_changes_json
from frontdesk.hub.sync.live import wait_for_page
from frontdesk.hub.sync.prefixes import prefix_for
from frontdesk.hub.sync.push import DeviceNotYours, OpIdReused, push, push_on
from frontdesk.hub.sync.push_validation import EnvelopeError, Op, parse_push

DEFAULT_PAGE, MAX_PAGE = 500, 1000
#: The largest `wait` a desk may ask for; the hub holds at most its own `max_wait`.
MAX_WAIT_ASKED = 3600
PUSHING_ROLES = frozenset({Role.ADVISER, Role.SUPERVISOR})


async def changes(request: Request) -> Response:
    check_protocol(request, required=True)
    who = await signed_in(request)
    cursor = text_param(request, "cursor", 100)
    limit = int_param(request, "limit", DEFAULT_PAGE, 1, MAX_PAGE)
    wait = _wait_param(request)
    context = hub(request)
    org = who.organization_id
    try:
        if wait is None or context.config.max_wait == 0:
            body = await run_in_threadpool(read_changes_json, context.engine, cursor, limit, org)
        else:
            held = min(wait, context.config.max_wait)
            page = await wait_for_page(context.signal(), cursor, limit, org, held)
            body = _with_wait(page.body, held)
    except CursorError as error:
        raise ApiError(400, "bad_cursor", str(error)) from None
    except CursorExpired:
        raise ApiError(
            410,
            "cursor_expired",
            "the cursor is older than the hub keeps changes; rebuild the catalogue from "
            "the start of the feed (no cursor)",
        ) from None
    await _record_desk_state(request, who, pulled=True)
    return Response(body, media_type="application/json")


def _wait_param(request: Request) -> int | None:
    """`wait`: whole seconds the desk will wait for a change (None: answer at once, as
    before the live feed). More than the hub's `max_wait` is held only that long; the
    answer's own `wait` says how long."""
    if request.query_params.get("wait") in (None, ""):
        return None
    return int_param(request, "wait", 0, 0, MAX_WAIT_ASKED)


def _with_wait(body: bytes, seconds: int) -> bytes:
    """The page's body with `"wait": seconds` added: the sign that this hub honoured the
    parameter (a desk that does not see it falls back to timed polling)."""
    assert body.endswith(b"}")
    return body[:-1] + b',"wait":' + str(seconds).encode("ascii") + b"}"


async def _record_desk_state(request: Request, who: Principal, *, pulled: bool) -> None:
    """Notes what the desk says of itself (desk_state); skipped without the device header,
    so a request without one costs nothing extra."""
    if desk_state.DEVICE_HEADER.lower() not in request.headers:
        return
    engine, headers = hub(request).engine, request.headers
    org = who.organization_id
    await run_in_threadpool(partial(desk_state.record, engine, org, headers, pulled=pulled))


#: A push body up to this size is read before the token is checked, so that checking it
#: and applying the ops share one trip to a worker thread and one database connection. A
#: bad token then costs at most this much JSON parsing before its 401; larger bodies (a
#: long offline backlog) are read only once the token is known to be good.
SHARED_TRIP_BODY = 64 * 2**10


async def push_ops(request: Request) -> JSONResponse:
    check_protocol(request, required=True)
    context = hub(request)
    token = _bearer_token(request) if _small_body(request) else None
    if token is None:
        who = await signed_in(request)  # answers a missing or malformed header too
        _may_push(who)
        device_id, ops = await _read_push(request)
        work = partial(_push, context.engine, who, device_id, ops, client_of(request))
    else:
        try:
            device_id, ops = await _read_push(request)
        except ApiError:
            # A bad token, or a role that may not push, is still the answer given first.
            _may_push(await signed_in(request))
            raise
        work = partial(
            _authenticate_and_push, context.engine, token, device_id, ops, client_of(request)
        )
    try:
        results, who = await run_in_threadpool(work)
    except AuthError as error:
        raise as_api_error(error) from None
    except DeviceNotYours:
        # Device ids are made by desks (random UUIDs); one already in use elsewhere is
        # refused without saying by whom, so the answer names no organisation.
        raise ApiError(
            403,
            "device_forbidden",
            "this device id cannot push for your account; the desk must make a new device id",
        ) from None
    except OpIdReused as error:
        raise ApiError(
            422,
            "op_id_reused",
            f"op_id {error.op_id!r} was already used for a different op; nothing after it "
            "was applied",
            extra={"op_id": error.op_id, "results": error.results},
        ) from None
    await _record_desk_state(request, who, pulled=False)
    return JSONResponse({"results": results})


def _may_push(who: Principal) -> None:
    if who.role not in PUSHING_ROLES:
        raise ApiError(403, "role_forbidden", f"{who.role.value} accounts cannot push enquiries")


async def _read_push(request: Request) -> tuple[str, list[Op]]:
    body = await read_json(request, hub(request).config.push_body_limit, nul_allowed=True)
    try:
        return parse_push(body)
    except EnvelopeError as error:
        raise ApiError(400, "invalid_request", str(error)) from None


def _small_body(request: Request) -> bool:
    declared = request.headers.get("content-length", "")
    return declared.isdigit() and int(declared) <= SHARED_TRIP_BODY


def _bearer_token(request: Request) -> str | None:
    """The token of a well-formed `Authorization: Bearer TOKEN`; None for anything else,
    which `signed_in` then answers as every endpoint does."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
        return None
    return token


def _authenticate_and_push(
    engine: Engine, token: str, device_id: str, ops: list[Op], client: str
) -> tuple[list[dict[str, Any]], Principal]:
    """The token check and the push on one connection, in one worker-thread call."""
    with engine.connect() as conn:
        who = authenticate_on(conn, token)
        _may_push(who)
        conn.execution_options(immediate=True)  # SQLite: the push's writes lock at BEGIN
        return push_on(conn, who, device_id, ops, client), who


def _push(
    engine: Engine, who: Principal, device_id: str, ops: list[Op], client: str
) -> tuple[list[dict[str, Any]], Principal]:
    return push(engine, who, device_id, ops, client).results, who


async def reference_prefix(request: Request) -> JSONResponse:
    """`POST /sync/v1/reference-prefix {device_id}`: the prefix of this desk's references."""
    check_protocol(request, required=True)
    who = await signed_in(request)
    _may_push(who)
    body = await read_json(request, 4096)
    device_id = body.get("device_id") if isinstance(body, dict) else None
    if not (isinstance(device_id, str) and 0 < len(device_id) <= 200 and device_id.isprintable()):
        raise ApiError(
            400,
            "invalid_request",
            "device_id must be a non-empty string of at most 200 printable characters",
        )
    try:
        prefix = await run_in_threadpool(prefix_for, hub(request).engine, who, device_id)
    except DeviceNotYours:
        raise ApiError(
            403,
            "device_forbidden",
            "this device id belongs to another organisation; the desk must make a new one",
        ) from None
    return JSONResponse({"device_id": device_id, "prefix": prefix})
