"""The hub's HTTP API as the desk uses it, over one `requests.Session`.

Every request carries the protocol header and a timeout; TLS certificates are always
verified (against a configured CA bundle when a council runs its own CA); requests' usual
proxy variables (HTTPS_PROXY, NO_PROXY…) apply because `trust_env` is left on. The
machine-wide configuration (`store.machine_config`) gives a CA bundle and a proxy where the
sign-in and the environment give none, and imposes them where it locks them. Answers
become return values or the exceptions of `frontdesk.sync.errors`, chosen by what the desk
must do next. The token never appears in a log line or an exception message.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from frontdesk.store import jsontext, machine_config
from frontdesk.sync.errors import (
    CursorExpired,
    HubRefused,
    HubUnreachable,
    LoginFailed,
    OpIdReused,
    ProtocolMismatch,
    SignedOut,
    SyncError,
)

log = logging.getLogger(__name__)

PROTOCOL_HEADER = "Frontdesk-Protocol"
PROTOCOL_VERSION = "1"
#: (connect, read) seconds. The read timeout is how long the hub may stay silent: before it
#: starts answering, or between two reads of an answer, so a slow link that keeps sending
#: never trips it. A hub that accepts the connection and never answers is called offline
#: within their sum (15 s), not left "Syncing…" for minutes; a hub answers a 1,000-change
#: page or a 250-op push in well under a second (docs/decisions.md).
TIMEOUT = (5.0, 10.0)
LOOPBACK_NAMES = frozenset({"localhost"})
#: Bytes asked of the socket per read of an answer. requests reads a body 10 KiB at a
#: time; a 700 KB feed page then took 70 reads, each a trip through the interpreter lock
#: that the sync's writer thread was holding (bench/sync, round 6).
READ_BYTES = 1 << 20


class HubUrlError(SyncError):
    """The hub address cannot be used."""


def normalise_hub_url(text: str) -> str:
    """`https://hub.example.gov.uk` (no trailing slash). Plain http is refused except to
    this computer itself, where nothing crosses a network (tests, the embedded demo)."""
    url = text.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise HubUrlError(f"{text!r} is not a hub address; it looks like https://hub.example.org")
    if parts.query or parts.fragment:
        raise HubUrlError("a hub address has no ?query or #fragment")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise HubUrlError(
            "the hub must be reached over https:// (a token sent over plain http could be "
            "read on the network); http:// is only allowed to this computer"
        )
    return url


def _is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def machine_proxies(machine: machine_config.MachineConfig) -> dict[str, str]:
    """requests' proxies for the machine-wide proxy, if the file sets one."""
    proxy = machine.value("proxy")
    return {"http": str(proxy), "https": str(proxy)} if proxy else {}


def proxy_for(url: str) -> str | None:
    """The proxy a request to `url` goes through: a locked machine-wide proxy, else the
    environment's, else the machine-wide default."""
    machine = machine_config.load()
    configured = machine_proxies(machine)
    if configured and machine.is_locked("proxy"):
        return configured["https"]
    environ = requests.utils.get_environ_proxies(url)
    return requests.utils.select_proxy(url, {**configured, **environ})


@dataclass(frozen=True, slots=True)
class LoginResult:
    token: str
    expires_at: str
    user: str
    role: str
    organization_id: str


@dataclass(frozen=True, slots=True)
class ChangePage:
    changes: list[dict[str, Any]]
    cursor: str
    has_more: bool
    wait: int | None = None  # asked to wait: the seconds the hub held for (None: it cannot)


class HubClient:
    """One hub, optionally one token. Safe to use from one thread at a time."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        ca_bundle: str | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> None:
        self.base_url = normalise_hub_url(base_url)
        self._token = token
        self._timeout = timeout or TIMEOUT
        self._http = requests.Session()
        machine = machine_config.load()
        ca, _ = machine.resolve("ca_bundle", ca_bundle, "")
        # Never False: a configured bundle replaces the system's trusted CAs, nothing less.
        self._http.verify = str(ca) or True
        self._http.headers[PROTOCOL_HEADER] = PROTOCOL_VERSION
        #: What the desk says of itself on pulls and pushes (sync.desk_headers), if set.
        self.desk_state: Callable[[], Mapping[str, str]] | None = None
        self._proxies = machine_proxies(machine)
        if not machine.is_locked("proxy"):
            # As the session's proxies, under the environment's (requests lets those win).
            self._http.proxies.update(self._proxies)
            self._proxies = {}

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- auth ------------------------------------------------------------------------

    def login(self, user: str, password: str) -> LoginResult:
        answer = self._send("POST", "/auth/v1/login", json={"username": user, "password": password})
        if answer.status in (401, 429):
            raise LoginFailed(_message(answer, "wrong username or password"))
        body = self._ok(answer)
        account = body.get("account", {})
        return LoginResult(
            token=str(body["token"]),
            expires_at=str(body.get("expires_at", "")),
            user=str(account.get("name", user)),
            role=str(account.get("role", "")),
            organization_id=str(account.get("organization_id", "")),
        )

    def session_info(self) -> dict[str, Any]:
        account: dict[str, Any] = self._ok(self._send("GET", "/auth/v1/session"))["account"]
        return account

    def logout(self) -> None:
        self._ok(self._send("POST", "/auth/v1/logout"))

    # -- sync ------------------------------------------------------------------------

    def changes(self, cursor: str | None, limit: int, *, wait: int | None = None) -> ChangePage:
        """A page after `cursor`. With `wait` the hub may hold the request that many
        seconds for a change (the live feed): the read timeout grows to match."""
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        options: dict[str, Any] = {}
        if wait is not None:
            params["wait"] = wait
            connect, read = self._timeout
            options["timeout"] = (connect, read + wait)
        answer = self._send("GET", "/sync/v1/changes", params=params, desk=True, **options)
        if answer.status == 410:
            raise CursorExpired(_message(answer, "the cursor has expired"))
        body = self._ok(answer)
        held = body.get("wait") if wait is not None else None
        return ChangePage(
            list(body["changes"]),
            str(body["cursor"]),
            bool(body["has_more"]),
            held if isinstance(held, int) and not isinstance(held, bool) else None,
        )

    def push(self, device_id: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Per-op results, in the order sent (one may be missing if the hub stopped early)."""
        body = {"device_id": device_id, "ops": ops}
        answer = self._send("POST", "/sync/v1/push", json=body, desk=True)
        if answer.status == 422 and _code(answer) == "op_id_reused":
            op_id = answer.body.get("op_id", "") if isinstance(answer.body, dict) else ""
            raise OpIdReused(_message(answer, "op_id reused"), str(op_id))
        results: list[dict[str, Any]] = self._ok(answer)["results"]
        return results

    # -- enquiries -------------------------------------------------------------------

    def caller_history(self, lookup: dict[str, Any]) -> dict[str, Any]:
        """A consented caller's enquiries with the account's organisation; the
        identifiers go in the body, never the URL."""
        return self._ok(self._send("POST", "/enquiries/v1/caller-history", json=lookup))

    def reference_prefix(self, device_id: str) -> str:
        """The prefix the hub hands this device for its enquiry references."""
        body = self._ok(
            self._send("POST", "/sync/v1/reference-prefix", json={"device_id": device_id})
        )
        return str(body["prefix"])

    def notify_status(self) -> dict[str, Any]:
        """Whether the hub can send the organisation's texts and e-mails now:
        {"sms": bool, "email": bool}."""
        return self._ok(self._send("GET", "/sync/v1/notify-status"))

    def desk_versions(self) -> dict[str, Any]:
        """The hub's {"minimum", "latest"} desk releases; HubRefused from a hub too old to
        say (404)."""
        return self._ok(self._send("GET", "/sync/v1/desk-versions"))

    def supervisor_report(self, since: str, until: str, org: str | None = None) -> dict[str, Any]:
        """The period report of the supervisor's organisation (an admin: `org`, or every
        one); HubRefused 403/404 for an adviser's account or a hub too old to serve it."""
        params = {"since": since, "until": until} | ({"org": org} if org else {})
        return self._ok(self._send("GET", "/supervisor/v1/report", params=params))

    # -- plumbing ----------------------------------------------------------------------

    def _send(self, method: str, path: str, *, desk: bool = False, **kwargs: Any) -> _Answer:
        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        if desk and self.desk_state is not None:
            headers.update(self.desk_state())
        url = self.base_url + path
        timeout = kwargs.pop("timeout", self._timeout)
        try:
            with self._http.request(
                method,
                url,
                headers=headers,
                timeout=timeout,
                stream=True,
                proxies=self._proxies or None,  # a locked proxy, over the environment's
                **kwargs,
            ) as response:
                answer = _Answer.read(response)
        except requests.exceptions.SSLError as error:
            # Not retried blindly: a certificate problem does not fix itself, but it may
            # be a captive portal, so it is reported as "unreachable" with the reason.
            raise HubUnreachable(f"the hub's certificate was not accepted: {error}") from None
        except (
            requests.ConnectionError,
            requests.Timeout,
            requests.exceptions.ChunkedEncodingError,  # the answer broke off part-way
        ) as error:
            raise HubUnreachable(
                f"cannot reach the hub at {self.base_url}: {_short(error)}"
            ) from None
        log.debug("%s %s → %s", method, path, answer.status)
        return answer

    def _ok(self, answer: _Answer) -> dict[str, Any]:
        status = answer.status
        if status == 401:
            raise SignedOut(_message(answer, "the hub no longer accepts this sign-in"))
        if status in (408, 429) or status >= 500:
            raise HubUnreachable(
                f"the hub is busy or failing (HTTP {status}): {_message(answer, 'no detail')}",
                retry_after=_retry_after(answer),
            )
        if status == 400 and _code(answer) in ("protocol_unsupported", "protocol_required"):
            raise ProtocolMismatch(_message(answer, "the hub speaks another protocol version"))
        if not 200 <= status < 300:
            code = _code(answer) or "http_error"
            raise HubRefused(
                f"the hub refused the request (HTTP {status} {code}): "
                f"{_message(answer, 'no detail')}",
                status,
                code,
            )
        body = answer.body
        if not isinstance(body, dict) or PROTOCOL_HEADER not in answer.headers:
            # A captive portal or a misconfigured proxy answering in the hub's place.
            raise HubUnreachable(
                f"something other than a frontdesk hub answered at {self.base_url} "
                "(a proxy or Wi-Fi sign-in page?)"
            )
        return body


@dataclass(frozen=True, slots=True)
class _Answer:
    """A hub's answer, its body read whole and parsed once: `body` is None when it is not
    JSON. (`jsontext`, not `response.json()`: feed pages are the largest answers a desk
    parses, a thousand documents each.)"""

    status: int
    headers: Mapping[str, str]
    body: Any

    @classmethod
    def read(cls, response: requests.Response) -> _Answer:
        content = b"".join(response.iter_content(READ_BYTES))
        try:
            body = jsontext.loads(content)
        except ValueError:
            body = None
        return cls(response.status_code, response.headers, body)


def _code(answer: _Answer) -> str | None:
    body = answer.body
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else None


def _message(answer: _Answer, default: str) -> str:
    body = answer.body
    error = body.get("error") if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    return message[:300] if isinstance(message, str) and message else default


def _retry_after(answer: _Answer) -> float | None:
    value = answer.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


def _short(error: Exception) -> str:
    """The innermost reason ("Connection refused"), not urllib3's paragraph."""
    reason: BaseException = error
    while reason.__context__ is not None and reason.__context__ is not reason:
        reason = reason.__context__
    text = str(reason) or type(reason).__name__
    return text[:200]
