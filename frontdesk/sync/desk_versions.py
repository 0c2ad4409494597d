"""Is this desk's release one the hub still accepts, and is a newer one available?

The hub announces both (`GET /sync/v1/desk-versions`); this compares them with the running
frontdesk. Below the newest: a quiet notice. Below the oldest accepted: the desk stops
syncing with that hub and says so clearly, and it goes on working offline, every
enquiry kept in its outbox for when it has been updated. A hub that says nothing, an
answer that makes no sense, or a hub that cannot be reached changes nothing.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import Any

from frontdesk import __version__
from frontdesk.core.versions import is_older, parse_version
from frontdesk.sync.client import HubClient
from frontdesk.sync.errors import HubRefused

log = logging.getLogger("frontdesk.sync.desk_versions")


class Standing(enum.Enum):
    CURRENT = "current"  # or the hub said nothing
    UPDATE_AVAILABLE = "update available"
    TOO_OLD = "too old"  # the hub no longer accepts this release


@dataclass(frozen=True, slots=True)
class VersionNotice:
    standing: Standing
    running: str
    minimum: str | None = None
    latest: str | None = None


def judge(answer: dict[str, Any], running: str = __version__) -> VersionNotice:
    """What the hub's answer means for a desk running `running`."""
    minimum, latest = _release(answer.get("minimum")), _release(answer.get("latest"))
    if minimum and is_older(running, minimum):
        return VersionNotice(Standing.TOO_OLD, running, minimum, latest)
    if latest and is_older(running, latest):
        return VersionNotice(Standing.UPDATE_AVAILABLE, running, minimum, latest)
    return VersionNotice(Standing.CURRENT, running, minimum, latest)


def check(hub_url: str, ca_bundle: str | None = None, running: str = __version__) -> VersionNotice:
    """Ask the hub (no token needed). HubUnreachable and the like go to the caller, who
    tries again later; a hub without the endpoint is CURRENT."""
    with HubClient(hub_url, ca_bundle=ca_bundle) as client:
        try:
            answer = client.desk_versions()
        except HubRefused as error:
            if error.status != 404:
                raise
            return VersionNotice(Standing.CURRENT, running)  # a hub from before the endpoint
    return judge(answer, running)


def _release(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        parse_version(value)
    except ValueError:
        log.warning("the hub announced a desk version that is not one: %r", value[:40])
        return None
    return value
