"""Secrets kept out of the hub's server log.

uvicorn's access log prints each request line with its query string, and Open311 clients
send their `api_key` there (GeoReport v2 says so). A filter on uvicorn's handlers replaces
the value of any secret-looking query parameter before a line is written, so an operator
can still see who asked for what and a log shipped elsewhere holds no credential. The
`Authorization` header and request bodies are never logged at all.
"""

from __future__ import annotations

import copy
import logging
from typing import Any
from urllib.parse import unquote_plus

#: Query parameters whose values are credentials, compared in lower case.
SECRET_PARAMS = frozenset(
    {"api_key", "apikey", "key", "token", "access_token", "password", "secret"}
)
REDACTED = "REDACTED"


def redact_query(target: str) -> str:
    """`target` (a path with its query string) with secret parameters' values replaced."""
    path, mark, query = target.partition("?")
    if not mark:
        return target
    pairs = []
    for pair in query.split("&"):
        name, equals, _ = pair.partition("=")
        if equals and unquote_plus(name).strip().lower() in SECRET_PARAMS:
            pair = f"{name}={REDACTED}"
        pairs.append(pair)
    return f"{path}?{'&'.join(pairs)}"


class RedactSecrets(logging.Filter):
    """Redacts query-string secrets in a record's arguments (uvicorn passes the request
    target as one of them); never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_query(arg) if isinstance(arg, str) and "?" in arg else arg
                for arg in record.args
            )
        if isinstance(record.msg, str) and "?" in record.msg:
            record.msg = redact_query(record.msg)
        return True


def log_config() -> dict[str, Any]:
    """uvicorn's own logging configuration with the filter on every handler; passed to
    `uvicorn.run`, so each worker process sets it up too."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_secrets"] = {"()": RedactSecrets}
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("redact_secrets")
    return config
