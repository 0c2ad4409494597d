"""Opening times in HSDS 3.0 and ORUK v1 records, read into `Schedule`s.

Publishers write days and times every way there is: "MO,TU", ["Monday", "Tuesday"],
"Mon", ISO day numbers, "10:00:00", "9:30", "0930", "4.30pm". This module turns them into
RFC 5545 day codes and 24-hour "HH:MM" times, for the service and for the service at each
of its locations.
"""

from __future__ import annotations

import re

from frontdesk.core.catalogue import Schedule
from frontdesk.formats.hsds_objects import holders, unique
from frontdesk.formats.hygiene import clean_text
from frontdesk.formats.jsonfeed import Fields

_BYDAY = re.compile(r"^([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_DAY_SPLIT = re.compile(r"[\s,;/]+")
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Full and short English names, and ISO numbers (1 is Monday), to RFC 5545 codes.
_DAY_NAMES = {
    **{name: code for name, code in zip(_WEEK, _DAYS, strict=True)},
    **{name[:3]: code for name, code in zip(_WEEK, _DAYS, strict=True)},
    **{str(number): code for number, code in enumerate(_DAYS, start=1)},
    "tues": "TU",
    "weds": "WE",
    "thur": "TH",
    "thurs": "TH",
}
_CLOCK = re.compile(
    r"^(?P<hour>[0-9]{1,2})(?:[:.]?(?P<minute>[0-9]{2}))?(?::[0-9]{2}(?:\.[0-9]+)?)?"
    r"\s*(?P<half>[ap]\.?m\.?)?\s*(?:Z|[+-][0-9]{2}:?[0-9]{2})?$",
    re.IGNORECASE,
)


def clock_time(value: str | None) -> str | None:
    """'HH:MM' from '10:00:00', '9:30', '0930', '4.30pm', '10:00:00Z'; None if unreadable."""
    match = _CLOCK.match((value or "").strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"][0].lower() == "p" else 0)
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def weekdays(fields: Fields, key: str) -> list[str]:
    """RFC 5545 BYDAY codes from "MO,TU", ["Monday", "Tuesday"], "Mon" or ISO 1-7.

    An ordinal prefix (`1MO`: the first Monday) is kept; unknown words are ignored.
    """
    raw = fields.raw(key)
    values = fields.items(key) if isinstance(raw, list) else [fields.text(key)]
    codes: list[str] = []
    for position, value in enumerate(values):
        if isinstance(value, dict | list | bool):
            raise fields.error(f"{key}[{position}]", "expected a day of the week")
        for token in _DAY_SPLIT.split(str(value or "")):
            code = token.upper() if _BYDAY.match(token.upper()) else _DAY_NAMES.get(token.lower())
            if code:
                codes.append(code)
    return unique(codes)


def map_schedule(fields: Fields) -> Schedule | None:
    notes = [clean_text(fields.text("description")), clean_text(fields.text("notes"))]
    schedule = Schedule(
        byday=tuple(unique(weekdays(fields, "byday") + weekdays(fields, "weekday"))),
        opens_at=clock_time(fields.text("opens_at")),
        closes_at=clock_time(fields.text("closes_at")),
        description="\n\n".join(note for note in notes if note) or None,
    )
    return None if schedule == Schedule() else schedule


def service_schedules(record: Fields) -> tuple[Schedule, ...]:
    """Opening times of the service and of the service at each of its locations."""
    schedules = [
        schedule
        for holder in holders(record)
        for key in ("schedules", "regular_schedules")
        for item in holder.objs(key)
        if (schedule := map_schedule(item))
    ]
    return tuple(unique(schedules))
