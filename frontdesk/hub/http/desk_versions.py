"""`GET /sync/v1/desk-versions`: which desk releases this hub accepts and which is newest.

The hub's operator sets them (FRONTDESK_MIN_DESK_VERSION, FRONTDESK_LATEST_DESK_VERSION);
each desk compares its own number and shows a quiet notice when a newer one is available
or a clear message when it is older than the hub accepts. Public, like the catalogue
reads: a desk signed out, or never signed in, still learns that it must be updated. A
hub that has not set them answers nulls, and a desk talking to a hub older than this
endpoint gets 404 and shows nothing, so old and new desks and hubs mix freely.
"""

from __future__ import annotations

import os

from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.core.versions import is_older, parse_version
from frontdesk.hub.http.endpoint import check_protocol, hub, principal

MINIMUM_VARIABLE = "FRONTDESK_MIN_DESK_VERSION"
LATEST_VARIABLE = "FRONTDESK_LATEST_DESK_VERSION"


def from_environment() -> tuple[str | None, str | None]:
    """(oldest accepted, newest available) from the environment; ValueError, naming the
    variable, for a value that is not a version or a minimum above the latest."""
    found: list[str | None] = []
    for name in (MINIMUM_VARIABLE, LATEST_VARIABLE):
        value = os.environ.get(name, "").strip() or None
        if value is not None:
            try:
                parse_version(value)
            except ValueError as error:
                raise ValueError(f"{name}: {error}") from None
        found.append(value)
    minimum, latest = found
    if minimum and latest and is_older(latest, minimum):
        raise ValueError(
            f"{LATEST_VARIABLE} ({latest}) is older than {MINIMUM_VARIABLE} ({minimum})"
        )
    return minimum, latest


async def desk_versions(request: Request) -> JSONResponse:
    check_protocol(request, required=False)
    await principal(request, required=False)  # a bad token is still a 401
    config = hub(request).config
    return JSONResponse({"minimum": config.min_desk_version, "latest": config.latest_desk_version})
