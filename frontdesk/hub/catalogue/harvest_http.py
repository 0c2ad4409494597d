"""Fetching one page of an agency's feed politely and robustly.

Agency directories are small servers run by councils and suppliers; a harvest must not
hammer them and must not hang on them. So every request has a connect and read timeout
and an overall deadline (a server trickling bytes forever is as stuck as a silent one), a
body size cap, and a User-Agent that names frontdesk so the operator can see who calls.
Connection errors, timeouts, 429 and 5xx are retried with exponential backoff and a little
jitter, and a server's Retry-After is honoured (up to a ceiling: a server that asks for an
hour is answered with a clear failure, not an hour's silence). Anything else — 404, 401, a
body that is not JSON — fails at once: retrying would not change it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from frontdesk import __version__

USER_AGENT = f"frontdesk/{__version__} (Open Referral harvester; council contact-centre hub)"
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})

Sleep = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class HttpSettings:
    timeout: float = 30.0  # seconds to connect, and between bytes
    deadline: float = 120.0  # seconds for a whole page, however it trickles in
    retries: int = 4  # attempts after the first
    backoff: float = 1.0  # first wait; doubles each retry
    max_wait: float = 120.0  # longest wait, ours or a server's Retry-After
    max_bytes: int = 64 * 2**20


class FetchError(Exception):
    """The page could not be had; the message says why (and after how many attempts)."""


def new_session() -> requests.Session:
    session = requests.Session()
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
    return session


def get_json(
    session: requests.Session,
    url: str,
    settings: HttpSettings,
    sleep: Sleep = time.sleep,
) -> Any:
    """The JSON document at `url`, retrying what is worth retrying."""
    attempts = settings.retries + 1
    for attempt in range(attempts):
        outcome = _attempt(session, url, settings)
        if not isinstance(outcome, _Retry):
            return outcome.value
        if attempt + 1 == attempts:
            raise FetchError(f"{outcome.reason} (gave up after {attempts} attempts)")
        wait = outcome.wait
        if wait is None:
            wait = settings.backoff * 2**attempt * (1 + random.random() / 4)
        elif wait > settings.max_wait:
            raise FetchError(
                f"{outcome.reason}; the server asks us to wait {wait:.0f} s, more than "
                f"{settings.max_wait:.0f} s: try again later"
            )
        sleep(min(wait, settings.max_wait))
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class _Got:
    value: Any


@dataclass(frozen=True, slots=True)
class _Retry:
    reason: str
    wait: float | None = None  # None: our own backoff


def _attempt(session: requests.Session, url: str, settings: HttpSettings) -> _Got | _Retry:
    try:
        response = session.get(url, timeout=settings.timeout, stream=True)
    except requests.Timeout:
        return _Retry(f"no answer within {settings.timeout:g} s")
    except requests.ConnectionError as error:
        return _Retry(f"connection failed ({_root_cause(error)})")
    with response:
        status = response.status_code
        if status in RETRYABLE_STATUS:
            return _Retry(f"HTTP {status} {response.reason}", _retry_after(response))
        if status != 200:
            raise FetchError(f"HTTP {status} {response.reason}")
        try:
            body = _read_body(response, settings)
        except requests.Timeout:
            return _Retry(f"the answer stalled for more than {settings.timeout:g} s")
        except requests.ConnectionError as error:
            return _Retry(f"the connection dropped mid-answer ({_root_cause(error)})")
    try:
        return _Got(json.loads(body))
    except (ValueError, RecursionError) as error:
        raise FetchError(f"the answer is not JSON ({_json_problem(error)})") from None


def _read_body(response: requests.Response, settings: HttpSettings) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise FetchError(f"the page is larger than {settings.max_bytes} bytes")
    started = time.monotonic()
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(64 * 1024):
        size += len(chunk)
        if size > settings.max_bytes:
            raise FetchError(f"the page is larger than {settings.max_bytes} bytes")
        if time.monotonic() - started > settings.deadline:
            raise FetchError(f"the page took more than {settings.deadline:g} s to arrive")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(response: requests.Response) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _root_cause(error: BaseException) -> str:
    """The innermost reason requests and urllib3 wrap, e.g. "Connection refused"."""
    reason: object = error
    for _ in range(5):
        inner = getattr(reason, "reason", None) or (
            reason.args[0] if isinstance(reason, BaseException) and reason.args else None
        )
        if inner is None or isinstance(inner, str) or inner is reason:
            break
        reason = inner
    text = str(reason) or type(reason).__name__
    return text if len(text) <= 160 else text[:157] + "..."


def _json_problem(error: BaseException) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno}, column {error.colno}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)[:160]
