"""Service alerts: a short, urgent notice on one service ("closed today, use Stretford
food bank") with a time it stops applying.

Set on the hub by a supervisor, an admin or the agency that delivers the service; desks
receive the live one through the change feed, never edit it, and stop showing it at its
`until` time by themselves, online or not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: What the change feed calls an alert entry (a delete clears the service's alert).
ALERT_KIND = "service_alert"
#: The longest alert, in characters: a line or two an adviser reads at a glance.
MAX_TEXT = 280
#: The furthest ahead an alert may run: an alert is news, not a standing description.
MAX_AHEAD = dt.timedelta(days=90)


class AlertError(ValueError):
    """An alert that cannot be set, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class ServiceAlert:
    """The live alert on one service. Times are aware, in UTC."""

    service_id: str
    text: str
    until: dt.datetime
    set_at: dt.datetime

    def live(self, now: dt.datetime) -> bool:
        return now < self.until

    def as_dict(self) -> dict[str, str]:
        return {
            "service_id": self.service_id,
            "text": self.text,
            "until": _iso(self.until),
            "set_at": _iso(self.set_at),
        }


def alert_from_dict(data: dict[str, object]) -> ServiceAlert:
    """The feed's form back into a ServiceAlert; KeyError/TypeError/ValueError if malformed."""
    fields = (data["service_id"], data["text"], data["until"], data["set_at"])
    if not all(isinstance(f, str) and f for f in fields):
        raise TypeError("an alert's fields are text")
    return ServiceAlert(
        service_id=str(data["service_id"]),
        text=str(data["text"]),
        until=parse_time(str(data["until"])),
        set_at=parse_time(str(data["set_at"])),
    )


def check_text(text: str) -> str:
    """The alert text as stored (one paragraph, outer spaces gone), or AlertError."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise AlertError("the alert has no text")
    if "\x00" in cleaned:
        raise AlertError("the alert has a NUL character (U+0000)")
    if len(cleaned) > MAX_TEXT:
        raise AlertError(f"the alert is {len(cleaned)} characters; the most is {MAX_TEXT}")
    return cleaned


def check_until(until: dt.datetime, now: dt.datetime) -> dt.datetime:
    """The expiry as stored (aware, UTC, whole seconds), or AlertError if it has passed
    or is too far ahead. A time without a zone is read as UTC."""
    if until.tzinfo is None:
        until = until.replace(tzinfo=dt.UTC)
    until = until.astimezone(dt.UTC).replace(microsecond=0)
    if until <= now:
        raise AlertError(f"the expiry {_iso(until)} has already passed")
    if until - now > MAX_AHEAD:
        raise AlertError(f"the expiry is more than {MAX_AHEAD.days} days ahead")
    return until


def parse_time(text: str) -> dt.datetime:
    """An ISO 8601 time as an aware UTC datetime (no zone: UTC); ValueError if not one."""
    value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    try:
        return value.astimezone(dt.UTC)
    except OverflowError:  # 0001-01-01 with an offset east of UTC, say
        raise ValueError(f"{text!r} is outside the times a computer can hold") from None


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")
