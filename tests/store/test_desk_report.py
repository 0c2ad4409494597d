"""The desk's own period report: every figure equals a count made call by call from the
generated enquiries, in London days, across both clock changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from frontdesk.store.desk import DeskStore
from frontdesk.store.desk_report import desk_report, period
from tests.helpers import desk_log
from tests.helpers.desk_log import AGENCY, NOW


def agency_of(services: Iterable[str]) -> dict[str, str]:
    return {s: AGENCY[s] for s in services if s in AGENCY}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DeskStore, Any]]:
    folder = tmp_path_factory.mktemp("desk")
    desk = DeskStore.open(folder / "desk.db", folder / "backups")
    calls = desk_log.generate()
    desk_log.write(desk, calls)
    yield desk, calls
    desk.close()


PERIODS = [
    (dt.date(2026, 10, 1), dt.date(2026, 10, 31)),  # a whole month, both edges
    (dt.date(2026, 9, 30), dt.date(2026, 9, 30)),  # one BST day
    (dt.date(2026, 10, 19), dt.date(2026, 11, 4)),  # across the clocks going back
    (dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
    (dt.date(2026, 12, 20), dt.date(2026, 12, 31)),  # nothing logged
]


@pytest.mark.parametrize(("since", "until"), PERIODS)
def test_every_figure_equals_the_count_made_from_the_generated_calls(
    world: tuple[DeskStore, Any], since: dt.date, until: dt.date
) -> None:
    desk, calls = world
    report = desk_report(desk, since, until, agency_of=agency_of, now=NOW)
    expected = desk_log.truth(calls, since, until)
    for key, value in expected.items():
        assert report[key] == value, key
    assert report["since"] == since.isoformat() and report["until"] == until.isoformat()


def test_open_referrals_are_aged_in_whole_days_up_to_now(world: tuple[DeskStore, Any]) -> None:
    desk, calls = world
    until = dt.date(2026, 11, 15)
    report = desk_report(desk, dt.date(2026, 11, 1), until, now=NOW)
    ages = report["open_referrals_by_age_days"]
    assert ages.pop("as_at") == NOW.isoformat()
    assert ages == desk_log.open_referral_ages(calls, until)


def test_late_calls_on_the_last_day_of_a_month_count_in_that_month(
    world: tuple[DeskStore, Any],
) -> None:
    desk, calls = world
    october = desk_report(desk, dt.date(2026, 10, 1), dt.date(2026, 10, 31), now=NOW)
    late = [c for c in calls if c.started == desk_log.EDGES[2].astimezone(dt.UTC)]
    assert late, "the generated log has its 23:30 call on 31 October"
    assert october["by_hour"]["23"][late[0].channel.value] >= 1
    september = desk_report(desk, dt.date(2026, 9, 30), dt.date(2026, 9, 30), now=NOW)
    # 00:15 BST on 1 October is 23:15 UTC on 30 September: it is October's, not here.
    assert "0" not in september["by_hour"]
    assert september["by_hour"]["23"] == {desk_log.generate()[0].channel.value: 1}


def test_referrals_to_services_the_catalogue_does_not_know_are_unrouted(
    world: tuple[DeskStore, Any],
) -> None:
    desk, calls = world
    since, until = dt.date(2026, 10, 1), dt.date(2026, 11, 30)
    report = desk_report(desk, since, until, now=NOW)
    referred = sum(1 for c in desk_log.in_period(calls, since, until) if c.referral)
    assert referred > 0
    assert report["referrals_by_agency"] == {"unrouted": referred}


def test_weeks_run_monday_to_sunday_and_cover_the_whole_period(
    world: tuple[DeskStore, Any],
) -> None:
    desk, _ = world
    report = desk_report(desk, dt.date(2026, 10, 1), dt.date(2026, 10, 31), now=NOW)
    starts = [w["week_start"] for w in report["fcr_by_week"]]
    assert starts == ["2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"]


def test_an_empty_log_gives_zeros_and_no_rates(tmp_path: Path) -> None:
    desk = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    try:
        report = desk_report(desk, dt.date(2026, 1, 1), dt.date(2026, 1, 31), now=NOW)
    finally:
        desk.close()
    assert report["enquiries"] == 0
    assert report["first_contact_resolution"]["rate"] is None
    assert report["duration_seconds"] == {"calls": 0, "mean": None, "p50": None, "p90": None}
    assert report["repeat_callers"] == {"callers": 0, "enquiries": 0}
    assert "estate" not in report


def test_a_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="before"):
        period(dt.date(2026, 2, 1), dt.date(2026, 1, 31))
