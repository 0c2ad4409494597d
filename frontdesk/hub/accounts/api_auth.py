"""`/auth/v1`: sign in for a token, look at the session, sign out."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.hub.accounts import auth
from frontdesk.hub.accounts.auth import AuthError, Principal
from frontdesk.hub.http.endpoint import (
    ApiError,
    as_api_error,
    check_protocol,
    client_of,
    hub,
    read_json,
    signed_in,
)

NO_STORE = {"Cache-Control": "no-store"}


def _account(who: Principal) -> dict[str, Any]:
    return {"name": who.name, "role": who.role.value, "organization_id": who.organization_id}


async def login(request: Request) -> JSONResponse:
    check_protocol(request, required=True)
    context = hub(request)
    body = await read_json(request, context.config.login_body_limit)
    username = body.get("username") if isinstance(body, dict) else None
    password = body.get("password") if isinstance(body, dict) else None
    if not (isinstance(username, str) and isinstance(password, str) and username and password):
        raise ApiError(400, "invalid_request", 'send {"username": ..., "password": ...}')
    if len(username) > 100 or len(password) > 1024:
        raise ApiError(400, "invalid_request", "username or password is too long")
    if not username.isprintable():  # a NUL would reach PostgreSQL, which refuses it
        raise ApiError(400, "invalid_request", "the username has characters no account has")
    try:
        issued = await run_in_threadpool(
            auth.login,
            context.engine,
            username,
            password,
            client_of(request),
            context.config.token_ttl,
        )
    except AuthError as error:
        raise as_api_error(error) from None
    return JSONResponse(
        {
            "token": issued.token,
            "token_type": "Bearer",
            "expires_at": issued.expires_at.isoformat(),
            "account": _account(issued.principal),
        },
        headers=NO_STORE,
    )


async def session(request: Request) -> JSONResponse:
    check_protocol(request, required=True)
    who = await signed_in(request)
    return JSONResponse({"account": _account(who)}, headers=NO_STORE)


async def logout(request: Request) -> JSONResponse:
    check_protocol(request, required=True)
    who = await signed_in(request)
    await run_in_threadpool(auth.logout, hub(request).engine, who, client_of(request))
    return JSONResponse({"signed_out": True}, headers=NO_STORE)
