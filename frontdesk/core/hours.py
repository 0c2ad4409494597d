"""Open or closed now, worked out from a service's weekly schedules (no Qt, no SQL).

Schedules give RFC 5545 day codes and local HH:MM times. A service with no usable schedule
is "unknown", never "closed": the adviser should not turn a caller away on missing data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from frontdesk.core.catalogue import Schedule

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class OpenState:
    """`is_open` is None when the schedules do not say; `until` is today's closing time."""

    is_open: bool | None
    until: str | None = None


def _minutes(value: str | None) -> int | None:
    if not value:
        return None
    try:
        hours, minutes = value.split(":")[:2]
        return int(hours) * 60 + int(minutes)
    except ValueError:
        return None


def open_state(schedules: Iterable[Schedule], now: dt.datetime) -> OpenState:
    today = DAY_CODES[now.weekday()]
    minute = now.hour * 60 + now.minute
    known = False
    for schedule in schedules:
        opens, closes = _minutes(schedule.opens_at), _minutes(schedule.closes_at)
        if not schedule.byday or opens is None or closes is None:
            continue
        known = True
        if today in schedule.byday and opens <= minute < closes:
            return OpenState(True, schedule.closes_at)
    return OpenState(False) if known else OpenState(None)


def is_stale(last_assured: dt.date | None, today: dt.date, days: int = 365) -> bool:
    """Not checked by its publisher for more than a year (or never)."""
    return last_assured is None or (today - last_assured).days > days
