"""Data-quality figures from record reports (`frontdesk hub record-reports stats --json`)
and the admin's list of reports no agency owns (`… unrouted`), on each database."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import update

from frontdesk.cli import main
from frontdesk.hub import schema as t
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.enquiries.monthly_report import monthly_report
from frontdesk.hub.record_reports.stats import UNROUTED, record_report_stats
from frontdesk.hub.referrals.routing import unlink
from tests.helpers.hub import Hub, small_feed
from tests.helpers.record_reports import report_op
from tests.helpers.referral_world import AGENCY, LINKED_ORG, OTHER_AGENCY, World, make_world

NOW = dt.datetime(2026, 12, 7, 12, tzinfo=dt.UTC)


@pytest.fixture
def world(hub: Hub, db_url: str, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("FRONTDESK_HUB_DB", db_url)
    return make_world(hub)


def _age(
    world: World, service: str, field: str, days: float, closed_after: float | None = None
) -> None:
    """Make a group look first reported `days` ago (and closed `closed_after` days later)."""
    first = NOW - dt.timedelta(days=days)
    values: dict[str, object] = {"first_reported_at": first}
    if closed_after is not None:
        values["closed_at"] = first + dt.timedelta(days=closed_after)
    g = t.record_report_groups.c
    with world.hub.engine.begin() as conn:
        conn.execute(
            update(t.record_report_groups)
            .where(g.service_id == service, g.field == field)
            .values(**values)
        )


def _answer(world: World, service: str, field: str, status: str) -> None:
    listing = world.hub.client.get("/agency/v1/record-reports", headers=world.headers["agency"])
    [group] = [
        g for g in listing.json()["contents"] if (g["service_id"], g["field"]) == (service, field)
    ]
    answer = world.hub.client.post(
        f"/agency/v1/record-reports/{group['id']}/status",
        json={"status": status},
        headers=world.headers["agency"],
    )
    assert answer.status_code == 200, answer.text


def test_figures_count_open_reports_by_agency_and_age_and_time_to_fix(world: World) -> None:
    ops = [
        report_op(1, report="a", service="kirklees:svc-0", field="phone"),
        report_op(2, report="b", service="kirklees:svc-0", field="hours"),
        report_op(3, report="c", service="kirklees:svc-1", field="phone"),
        report_op(4, report="d", service="kirklees:svc-2", field="email"),
        report_op(5, report="e", service="kirklees:svc-2", field="address"),
    ]
    world.push("adviser", ops)
    world.push("other_supervisor", [report_op(1, report="f", service="kirklees:svc-0")])
    _answer(world, "kirklees:svc-2", "email", "fixed")
    _answer(world, "kirklees:svc-2", "address", "fixed")
    _age(world, "kirklees:svc-0", "phone", 2)
    _age(world, "kirklees:svc-0", "hours", 10)
    _age(world, "kirklees:svc-1", "phone", 40)
    _age(world, "kirklees:svc-2", "email", 5, closed_after=1.5)
    _age(world, "kirklees:svc-2", "address", 5, closed_after=3.5)

    figures = record_report_stats(world.hub.engine, NOW)
    assert figures["open_by_agency"] == [
        {
            "agency": AGENCY,
            "open": 3,
            "under_7_days": 1,
            "from_7_to_30_days": 1,
            "over_30_days": 1,
            "oldest_first_reported_at": (NOW - dt.timedelta(days=40)).isoformat(),
        }
    ]
    assert figures["closed"] == {"fixed": 2}
    assert figures["time_to_fix_days"] == {"fixed": 2, "mean": 2.5, "longest": 3.5}
    assert figures["most_reported"][0] == {
        "service_id": "kirklees:svc-0",
        "service_name": "Service 0",
        "reports": 3,
        "open": 2,
    }
    # The same figures in the supervisors' period report (`frontdesk hub report --json`):
    # all of them for the whole hub, the open reports it owns for one agency.
    day = NOW.date()
    assert monthly_report(world.hub.engine, day, day, now=NOW)["record_reports"] == figures
    own = monthly_report(world.hub.engine, day, day, AGENCY, now=NOW)["record_reports"]
    assert own["open_by_agency"] == figures["open_by_agency"]
    other = monthly_report(world.hub.engine, day, day, OTHER_AGENCY, now=NOW)["record_reports"]
    assert other["open_by_agency"] == []


def test_reports_with_no_agency_are_counted_apart_and_listed_for_the_admin(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    unlink(world.hub.engine, LINKED_ORG, actor="test")
    world.push("adviser", [report_op(1, report="a", service="kirklees:svc-1")])
    capsys.readouterr()
    assert main(["hub", "record-reports", "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert [row["agency"] for row in figures["open_by_agency"]] == [UNROUTED]
    assert main(["hub", "record-reports", "unrouted"]) == 0
    out = capsys.readouterr().out
    assert "kirklees:svc-1  phone  1 adviser(s)" in out and "hub org link" in out


def test_a_source_change_is_not_counted_as_a_fix(world: World) -> None:
    world.push("adviser", [report_op(1, report="a", service="kirklees:svc-2")])
    # svc-2 leaves the feed: the source answered the report, the agency did not.
    import_feeds(world.hub.engine, [("kirklees", small_feed(services=2))], actor="test")
    figures = record_report_stats(world.hub.engine, NOW)
    assert figures["closed"] == {"changed at source": 1}
    assert figures["time_to_fix_days"] == {"fixed": 0, "mean": None, "longest": None}
