"""`/open311/v2`: Open311 GeoReport v2 (JSON only) over the referral model.

Who may do what:
- the service list and definitions are public, like the catalogue;
- reading requests needs an account (an `api_key` parameter or a bearer token) and shows
  only requests its organisation made or must answer — unlike the spec's public default,
  because a request made at a desk carries a note about a resident;
- posting a request needs an adviser or supervisor account (a council's own channel);
  agencies answer referrals, they do not make them.
Every read that returns requests is audited with their ids (never their content).
Errors on these paths use the spec's array form `[{"code": 400, "description": "..."}]`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.access import require_role
from frontdesk.hub.accounts.api_keys import authenticate_key
from frontdesk.hub.accounts.auth import AuthError, Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.http.endpoint import (
    ApiError,
    as_api_error,
    client_of,
    datetime_param,
    hub,
    path_id,
    principal,
    text_param,
)
from frontdesk.hub.referrals import open311
from frontdesk.hub.referrals.open311_submit import (
    RequestInvalid,
    UnknownService,
    parse_request,
    submit,
)

PREFIX = "/open311/"
FORM_LIMIT = 32 * 2**10
MAX_FIELDS = 100
SUBMITTING_ROLES = (Role.ADVISER, Role.SUPERVISOR)


def is_open311(path: str) -> bool:
    return path.startswith(PREFIX)


def error_response(error: ApiError) -> JSONResponse:
    """The GeoReport v2 error form; the hub's own code travels in a header for logs."""
    headers = {**error.headers, "X-Frontdesk-Error": error.code}
    return JSONResponse(
        [{"code": error.status, "description": error.message}],
        status_code=error.status,
        headers=headers,
    )


async def _who(request: Request, *keys: str | None, required: bool) -> Principal | None:
    """The account behind the request's credentials: any `api_key` given (query or form)
    and any bearer token. Every credential sent must be good and name the same account:
    a bad one is refused (401) whichever other one is good."""
    holders = [await principal(request, required=required and not any(keys))]
    for key in dict.fromkeys(k for k in keys if k):
        try:
            holders.append(await run_in_threadpool(authenticate_key, hub(request).engine, key))
        except AuthError as error:
            raise as_api_error(error) from None
    found = {who.account_id: who for who in holders if who is not None}
    if len(found) > 1:
        raise ApiError(
            401,
            "credentials_disagree",
            "the credentials sent belong to different accounts; send one",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return next(iter(found.values()), None)


async def _read_form(request: Request) -> dict[str, str]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise ApiError(
            415, "unsupported_media_type", "send the request as application/x-www-form-urlencoded"
        )
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > FORM_LIMIT):
        raise ApiError(413, "body_too_large", f"the body is larger than {FORM_LIMIT} bytes")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > FORM_LIMIT:
            raise ApiError(413, "body_too_large", f"the body is larger than {FORM_LIMIT} bytes")
    try:
        pairs = parse_qsl(
            body.decode("ascii"), keep_blank_values=True, errors="strict", max_num_fields=MAX_FIELDS
        )
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "malformed_form", "the body is not a valid URL-encoded form") from None
    if any("\x00" in name or "\x00" in value for name, value in pairs):
        raise ApiError(400, "malformed_form", "the body has a NUL character (U+0000)")
    form: dict[str, str] = {}
    for name, value in pairs:
        form.setdefault(name, value)  # the first of repeated fields wins
    return form


async def services(request: Request) -> JSONResponse:
    await _who(request, text_param(request, "api_key"), required=False)
    found = await run_in_threadpool(open311.list_services, hub(request).engine)
    return JSONResponse(found)


async def service(request: Request) -> JSONResponse:
    await _who(request, text_param(request, "api_key"), required=False)
    code = path_id(request)
    found = await run_in_threadpool(open311.service_definition, hub(request).engine, code)
    if found is None:
        raise ApiError(404, "not_found", "no service with this service_code takes requests")
    return JSONResponse(found)


async def requests_json(request: Request) -> JSONResponse:
    """One path, two methods (GeoReport v2): GET searches requests, POST makes one."""
    if request.method == "POST":
        return await post_request(request)
    return await requests(request)


async def post_request(request: Request) -> JSONResponse:
    form = await _read_form(request)
    who = await _who(request, form.get("api_key"), text_param(request, "api_key"), required=True)
    assert who is not None
    require_role(who, SUBMITTING_ROLES, "submit service requests")
    try:
        parsed = parse_request(form)
        request_id = await run_in_threadpool(
            submit, hub(request).engine, who, parsed, client_of(request)
        )
    except RequestInvalid as error:
        raise ApiError(400, "invalid_request", str(error)) from None
    except UnknownService:
        raise ApiError(
            400, "unknown_service", "service_code names no service that takes requests"
        ) from None
    return JSONResponse(
        [{"service_request_id": request_id, "service_notice": None, "account_id": None}]
    )


def _list_param(request: Request, name: str) -> tuple[str, ...]:
    raw = text_param(request, name, 2000)
    return tuple(v.strip() for v in raw.split(",") if v.strip()) if raw else ()


async def requests(request: Request) -> JSONResponse:
    who = await _who(request, text_param(request, "api_key"), required=True)
    assert who is not None
    statuses = tuple(sorted(set(_list_param(request, "status"))))
    if not set(statuses) <= {open311.OPEN, open311.CLOSED}:
        raise ApiError(400, "bad_parameter", "status must be open, closed or both")
    where = open311.RequestFilter(
        ids=_list_param(request, "service_request_id"),
        service_codes=_list_param(request, "service_code"),
        start=datetime_param(request, "start_date"),
        end=datetime_param(request, "end_date"),
        statuses=statuses if len(statuses) == 1 else (),
    )
    found = await run_in_threadpool(open311.find_requests, hub(request).engine, who, where)
    await _audit_read(request, who, found)
    return JSONResponse(found)


async def _audit_read(request: Request, who: Principal, found: list[dict[str, Any]]) -> None:
    if found:
        await run_in_threadpool(
            audit.record_read,
            hub(request).engine,
            "open311.read",
            actor=who.name,
            organization_id=who.organization_id,
            client=client_of(request),
            detail={"requests": [r["service_request_id"] for r in found]},
        )


async def one_request(request: Request) -> JSONResponse:
    who = await _who(request, text_param(request, "api_key"), required=True)
    assert who is not None
    request_id = path_id(request)
    engine = hub(request).engine
    owner = await run_in_threadpool(open311.request_owner, engine, request_id)
    if owner is None or (who.role is not Role.ADMIN and who.organization_id not in owner):
        # Another organisation's request is answered as one that does not exist.
        raise ApiError(
            404, "not_found", "no service request made by or sent to your organisation has this id"
        )
    found = await run_in_threadpool(
        open311.find_requests, engine, who, open311.RequestFilter(ids=(request_id,))
    )
    await _audit_read(request, who, found)
    return JSONResponse(found)
