"""`GET /supervisor/v1/report`: the period report over HTTP — a supervisor's own
organisation, an admin's chosen one or the whole hub — the same figures as
`frontdesk hub report --json`, and a clear 400 for a period it cannot report."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontdesk.hub.enquiries.monthly_report import monthly_report
from tests.helpers.hub import Hub
from tests.helpers.referral_world import COUNCIL, OTHER_COUNCIL, World, make_world

PERIOD = {"since": "2025-11-01", "until": "2025-11-30"}
#: Figures stamped with the time they were read, which two reads cannot share.
MOMENTARY = ("open_referrals_by_age_days", "record_reports", "estate")


@pytest.fixture
def world(hub: Hub) -> World:
    world = make_world(hub)
    world.enquiry("council-1", outcome="resolved at first contact")
    world.enquiry("council-2", role="supervisor", outcome="signposted")
    world.enquiry("other-1", role="other_supervisor")
    return world


def _get(world: World, role: str, **params: str) -> Any:
    return world.hub.client.get("/supervisor/v1/report", params=params, headers=world.headers[role])


def _steady(figures: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in figures.items() if k not in MOMENTARY}


#: The day event_op's events happen on (the enquiries' start).
MARCH_1 = {"since": "2025-03-01", "until": "2025-03-01"}


def test_a_supervisor_gets_their_own_organisations_report(world: World) -> None:
    response = _get(world, "supervisor", **MARCH_1)
    assert response.status_code == 200, response.text
    got = response.json()
    day = dt.date(2025, 3, 1)
    want = monthly_report(world.hub.engine, day, day, COUNCIL)
    assert _steady(got) == _steady(want)
    assert got["organization_id"] == COUNCIL and got["enquiries"] == 2
    assert got["by_adviser"] == {"adviser": 1, "supervisor": 1}
    assert [desk["organization_id"] for desk in got["estate"]["desks"]] == [COUNCIL, COUNCIL]


def test_an_admin_reads_one_organisation_or_the_whole_hub(world: World) -> None:
    other = _get(world, "admin", org=OTHER_COUNCIL, **MARCH_1).json()
    assert (other["organization_id"], other["enquiries"]) == (OTHER_COUNCIL, 1)
    assert other["by_adviser"] == {"other_supervisor": 1}
    whole = _get(world, "admin", stale_hours="2", **MARCH_1).json()
    assert (whole["organization_id"], whole["enquiries"]) == (None, 3)
    assert whole["by_adviser"] is None  # advisers are never compared across organisations
    assert whole["estate"]["stale_after_hours"] == 2
    assert len(whole["estate"]["desks"]) == 3


def test_a_supervisor_naming_their_own_organisation_is_answered(world: World) -> None:
    assert _get(world, "supervisor", org=COUNCIL, **PERIOD).status_code == 200
    refused = _get(world, "supervisor", org=OTHER_COUNCIL, **PERIOD)
    assert refused.status_code == 403
    assert OTHER_COUNCIL not in refused.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"until": "2025-11-30"}, "since is required"),
        ({"since": "2025-11-01"}, "until is required"),
        ({"since": "2025-11-31", "until": "2025-12-01"}, "since must be a date"),
        ({"since": "2025-11-01", "until": "30/11/2025"}, "until must be a date"),
        ({"since": "2025-11-02", "until": "2025-11-01"}, "until is before since"),
        ({"since": "2024-01-01", "until": "2025-02-04"}, "at most 400 days"),
        ({**PERIOD, "stale_hours": "0"}, "stale_hours must be a whole number"),
        ({**PERIOD, "stale_hours": "many"}, "stale_hours must be a whole number"),
    ],
)
def test_a_period_it_cannot_report_is_a_400_saying_why(
    world: World, params: dict[str, str], message: str
) -> None:
    response = _get(world, "supervisor", **params)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


def test_a_year_and_a_bit_is_accepted(world: World) -> None:
    # 2024-01-01..2025-02-03 is 400 days: the longest period one report covers
    assert _get(world, "supervisor", since="2024-01-01", until="2025-02-03").status_code == 200
