"""What every endpoint shares: JSON errors, bounded body reading, the protocol header,
bearer-token authentication and parameter parsing.

Every failure leaves as `{"error": {"code", "message"}}` with a fitting status; bad input
is always a 4xx, never a 500.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.hub.accounts.auth import AuthError, Principal, authenticate
from frontdesk.hub.columns import has_nul, strings_in
from frontdesk.hub.sync.live import DEFAULT_MAX_WAIT, ChangeSignal

E = TypeVar("E", bound=Enum)
_SURROGATE = re.compile("[\ud800-\udfff]")
PROTOCOL_HEADER = "Frontdesk-Protocol"
SUPPORTED_PROTOCOLS = ("1",)
MAX_TOKEN_CHARS = 200


@dataclass(frozen=True, slots=True)
class HubConfig:
    token_ttl: dt.timedelta = dt.timedelta(days=7)
    body_limit: int = 1 * 2**20
    push_body_limit: int = 8 * 2**20
    login_body_limit: int = 16 * 2**10
    # Desk releases, announced at /sync/v1/desk-versions (None: not said).
    min_desk_version: str | None = None
    latest_desk_version: str | None = None
    # The longest a pull with `wait` is held (seconds): below proxies' idle timeouts.
    max_wait: int = DEFAULT_MAX_WAIT


@dataclass(slots=True)
class HubContext:
    """What handlers reach through `request.app.state.hub`."""

    engine: Engine
    config: HubConfig = field(default_factory=HubConfig)
    live: ChangeSignal | None = None

    def signal(self) -> ChangeSignal:
        """This process's change signal, made on first use (in the event loop)."""
        if self.live is None:
            self.live = ChangeSignal(self.engine)
        return self.live


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra or {}


def error_response(error: ApiError) -> JSONResponse:
    body: dict[str, Any] = {"error": {"code": error.code, "message": error.message}}
    body.update(error.extra)
    return JSONResponse(body, status_code=error.status, headers=error.headers)


def hub(request: Request) -> HubContext:
    context: HubContext = request.app.state.hub
    return context


def client_of(request: Request) -> str:
    """The peer address. Behind a reverse proxy this is the proxy: run uvicorn with
    --proxy-headers and --forwarded-allow-ips so it becomes the real client."""
    return request.client.host if request.client else "unknown"


def check_protocol(request: Request, *, required: bool) -> None:
    version = request.headers.get(PROTOCOL_HEADER)
    if version is None:
        if required:
            raise ApiError(
                400,
                "protocol_required",
                f"send the header {PROTOCOL_HEADER}: {SUPPORTED_PROTOCOLS[-1]}",
            )
        return
    if version.strip() not in SUPPORTED_PROTOCOLS:
        raise ApiError(
            400,
            "protocol_unsupported",
            f"protocol version {version[:20]!r} is not supported by this hub "
            f"(supported: {', '.join(SUPPORTED_PROTOCOLS)}); update frontdesk",
            extra={"supported": list(SUPPORTED_PROTOCOLS)},
        )


async def read_json(request: Request, limit: int, *, nul_allowed: bool = False) -> Any:
    """The body as JSON, refusing more than `limit` bytes before reading them all, and
    any NUL character (PostgreSQL cannot store one in text) unless the caller judges it
    itself (`nul_allowed`: a push turns it into one op's stored rejection)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _too_large(limit)
    content_type = request.headers.get("content-type", "application/json")
    if content_type.split(";")[0].strip().lower() not in ("application/json", ""):
        raise ApiError(415, "unsupported_media_type", "send the body as application/json")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    try:
        body = json.loads(b"".join(chunks))
    except (ValueError, RecursionError) as error:
        raise ApiError(400, "malformed_json", "the body is not valid JSON") from error
    if _has_lone_surrogate(body):
        # JSON may escape half a UTF-16 pair ("\\udc80"); no database can store that text.
        raise ApiError(400, "malformed_json", "the body has text that is not valid Unicode")
    if not nul_allowed and has_nul(body):
        raise ApiError(400, "invalid_request", "the body has a NUL character (U+0000)")
    return body


def path_id(request: Request, name: str = "id", max_chars: int = 300) -> str:
    """A record id from the path; one no record can have (too long, not printable: a NUL,
    which PostgreSQL would refuse) is answered 404 without asking the database."""
    value: str = request.path_params[name]
    if len(value) > max_chars or not value.isprintable():
        raise ApiError(404, "not_found", f"no record has this {name}")
    return value


def _has_lone_surrogate(value: Any) -> bool:
    """True if any string in the parsed document holds an unpaired surrogate (json.loads
    joins valid pairs, so any surrogate left is a lone one)."""
    return any(_SURROGATE.search(text) for text in strings_in(value))


def _too_large(limit: int) -> ApiError:
    return ApiError(413, "body_too_large", f"the body is larger than {limit} bytes")


async def principal(request: Request, *, required: bool = True) -> Principal | None:
    """The signed-in account, None for an anonymous request when that is allowed. A token
    that is sent but bad is always refused, never treated as anonymous."""
    header = request.headers.get("authorization")
    if not header:
        if not required:
            return None
        raise ApiError(
            401,
            "auth_required",
            "sign in: send Authorization: Bearer TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
        raise ApiError(
            401,
            "auth_malformed",
            "the Authorization header must be Bearer TOKEN",
            headers={"WWW-Authenticate": "Bearer"},
        )
    try:
        return await run_in_threadpool(authenticate, hub(request).engine, token)
    except AuthError as error:
        raise as_api_error(error) from None


async def signed_in(request: Request) -> Principal:
    who = await principal(request, required=True)
    assert who is not None
    return who


def as_api_error(error: AuthError) -> ApiError:
    headers: dict[str, str] = {}
    if error.status == 401:
        headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    if error.retry_after is not None:
        headers["Retry-After"] = str(error.retry_after)
    return ApiError(error.status, error.code, error.message, headers=headers)


def int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise ApiError(400, "bad_parameter", f"{name} must be a whole number from {low} to {high}")
    return value


def text_param(request: Request, name: str, max_chars: int = 200) -> str | None:
    raw = request.query_params.get(name)
    if raw is None or not raw.strip():
        return None
    if len(raw) > max_chars or not raw.isprintable():
        raise ApiError(
            400, "bad_parameter", f"{name} must be at most {max_chars} printable characters"
        )
    return raw.strip()


def enum_param(request: Request, name: str, kind: type[E]) -> E | None:
    """An optional query parameter that must be one of an enumeration's values."""
    raw = text_param(request, name, 50)
    if raw is None:
        return None
    try:
        return kind(raw)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        raise ApiError(400, "bad_parameter", f"{name} must be one of: {allowed}") from None


def datetime_param(request: Request, name: str) -> dt.datetime | None:
    raw = text_param(request, name, 40)
    if raw is None:
        return None
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        value = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        # 0001-01-01T00:00+05:00 parses but has no UTC equivalent: refuse it here, not
        # with a 500 when the query binds it.
        return value.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise ApiError(400, "bad_parameter", f"{name} must be an ISO 8601 date and time") from None


def bool_param(request: Request, name: str) -> bool:
    raw = (request.query_params.get(name) or "").strip().lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise ApiError(400, "bad_parameter", f"{name} must be true or false")
