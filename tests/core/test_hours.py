"""Open now and "not recently checked", worked out from a service's own data."""

from __future__ import annotations

import datetime as dt

from frontdesk.core.catalogue import Schedule
from frontdesk.core.hours import OpenState, is_stale, open_state

WEEKDAYS = Schedule(("MO", "TU", "WE", "TH", "FR"), "08:00", "18:00")
SATURDAY = Schedule(("SA",), "09:00", "13:00")
# 2026-01-05 is a Monday.
MONDAY_NOON = dt.datetime(2026, 1, 5, 12, 0)


def test_open_during_its_hours_with_the_closing_time() -> None:
    assert open_state([WEEKDAYS, SATURDAY], MONDAY_NOON) == OpenState(True, "18:00")
    assert open_state([WEEKDAYS, SATURDAY], MONDAY_NOON.replace(day=10, hour=10)).is_open


def test_closed_outside_its_hours_and_at_closing_time() -> None:
    assert open_state([WEEKDAYS], MONDAY_NOON.replace(hour=18)).is_open is False
    assert open_state([WEEKDAYS], MONDAY_NOON.replace(day=11)).is_open is False  # Sunday


def test_no_usable_schedule_is_unknown_not_closed() -> None:
    assert open_state([], MONDAY_NOON).is_open is None
    assert open_state([Schedule((), None, None, "By appointment")], MONDAY_NOON).is_open is None


def test_stale_after_twelve_months_or_never_checked() -> None:
    today = dt.date(2026, 6, 1)
    assert not is_stale(dt.date(2025, 6, 30), today)
    assert is_stale(dt.date(2025, 5, 1), today)
    assert is_stale(None, today)
