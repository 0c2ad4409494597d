"""Record reports on the hub: pushed once, grouped per part of a service, routed to the
agency that owns the record, answered by it, closed by a newer import that changes the
part, and stripped of what looks like a caller's phone number or e-mail address."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import func, select

from frontdesk.core.catalogue import Phone
from frontdesk.hub import schema as t
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.enquiries.admin import purge
from frontdesk.hub.referrals.routing import link, unlink
from tests.helpers.hub import Hub, eventually, small_feed
from tests.helpers.record_reports import report_op
from tests.helpers.referral_world import AGENCY, LINKED_ORG, SERVICE, World, make_world

AGENCY_LIST = "/agency/v1/record-reports"


@pytest.fixture
def world(hub: Hub) -> World:
    return make_world(hub)


def _agency_list(world: World, role: str = "agency", **params: str) -> list[dict[str, Any]]:
    response = world.hub.client.get(AGENCY_LIST, headers=world.headers[role], params=params)
    assert response.status_code == 200, response.text
    contents: list[dict[str, Any]] = response.json()["contents"]
    return contents


def _feed(world: World, role: str = "adviser") -> list[dict[str, Any]]:
    response = world.hub.client.get("/sync/v1/changes", headers=world.headers[role])
    return [c for c in response.json()["changes"] if c["kind"] == "record_report"]


def test_a_report_reaches_the_agency_that_owns_the_record_once(world: World) -> None:
    op = report_op(1, report="r-1", service=SERVICE, problem="rings out since Monday")
    assert world.push("adviser", [op])[0]["status"] == "applied"
    assert world.push("adviser", [op])[0]["status"] == "duplicate"  # a retry

    [group] = _agency_list(world)
    assert group["service_id"] == SERVICE and group["field"] == "phone"
    assert group["status"] == "open" and group["confirmations"] == 1
    assert [r["problem"] for r in group["reports"]] == ["rings out since Monday"]
    assert _agency_list(world, "other_agency") == []
    count = world.hub.engine.connect().scalar(select(func.count()).select_from(t.record_reports))
    assert count == 1


def test_reports_on_the_same_part_are_grouped_with_a_count(world: World) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    world.push("other_supervisor", [report_op(1, report="r-2", service=SERVICE)])
    world.push("supervisor", [report_op(1, report="r-3", service=SERVICE, field="hours")])

    groups = {g["field"]: g for g in _agency_list(world)}
    assert groups["phone"]["confirmations"] == 2
    assert len(groups["phone"]["reports"]) == 2
    assert groups["hours"]["confirmations"] == 1


def test_every_desk_sees_an_open_report_in_the_feed(world: World) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    world.push("other_supervisor", [report_op(1, report="r-2", service=SERVICE)])

    def latest() -> dict[str, Any] | None:
        entries = _feed(world, "other_supervisor")
        return entries[-1]["data"] if entries else None

    data = eventually(lambda: (found := latest()) and found["confirmations"] == 2 and found)
    assert data["status"] == "open" and data["service_id"] == SERVICE
    assert sorted(data["reports"]) == ["r-1", "r-2"]


def test_the_agency_acknowledges_then_fixes_with_a_note(world: World) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    [group] = _agency_list(world)
    url = f"{AGENCY_LIST}/{group['id']}/status"
    headers = world.headers["agency"]

    answer = world.hub.client.post(url, json={"status": "acknowledged"}, headers=headers)
    assert answer.status_code == 200 and answer.json()["closed"] is False
    answer = world.hub.client.post(
        url, json={"status": "fixed", "note": "new number from Monday"}, headers=headers
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "fixed" and answer.json()["closed"] is True
    assert answer.json()["note"] == "new number from Monday"

    again = world.hub.client.post(url, json={"status": "not a problem"}, headers=headers)
    assert again.status_code == 409 and again.json()["error"]["code"] == "report_closed"
    data = eventually(lambda: [c["data"] for c in _feed(world) if c["data"]["status"] == "fixed"])
    assert data[-1]["note"] == "new number from Monday"


def test_a_closed_part_opens_a_new_group_when_reported_again(world: World) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    [group] = _agency_list(world)
    world.hub.client.post(
        f"{AGENCY_LIST}/{group['id']}/status",
        json={"status": "not a problem"},
        headers=world.headers["agency"],
    )
    world.push("adviser", [report_op(2, report="r-2", service=SERVICE)])
    statuses = sorted(g["status"] for g in _agency_list(world))
    assert statuses == ["not a problem", "open"]


def test_another_agency_cannot_see_or_answer_a_report(world: World) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    [group] = _agency_list(world)
    other = world.headers["other_agency"]
    seen = world.hub.client.get(f"{AGENCY_LIST}/{group['id']}", headers=other)
    missing = world.hub.client.get(f"{AGENCY_LIST}/999999", headers=other)
    assert seen.status_code == missing.status_code == 404
    assert seen.json() == missing.json()
    answer = world.hub.client.post(
        f"{AGENCY_LIST}/{group['id']}/status", json={"status": "fixed"}, headers=other
    )
    assert answer.status_code == 404
    assert _agency_list(world)[0]["status"] == "open"


def test_personal_numbers_and_addresses_are_removed_from_the_problem(world: World) -> None:
    problem = "it rings out; caller Ann on 07700 900123, ann@example.org, says use 01484 414700"
    world.push(
        "adviser",
        [report_op(1, report="r-1", service=SERVICE, problem=problem, suggested="01484 414700")],
    )
    [report] = _agency_list(world)[0]["reports"]
    assert "07700 900123" not in report["problem"] and "ann@example.org" not in report["problem"]
    assert report["problem"].count("[removed]") == 2
    assert "01484 414700" in report["problem"]  # the suggested number is the correction
    assert report["suggested"] == "01484 414700"


def test_the_records_own_number_is_kept_in_the_problem(world: World, hub: Hub) -> None:
    feed = small_feed(services=3)
    first = dataclasses.replace(feed.catalogue.services[0], phones=(Phone("01484 221000"),))
    feed.catalogue.services[0] = first
    import_feeds(hub.engine, [("kirklees", feed)], actor="test")
    problem = "01484 221000 rings out; my number is 07700 900123"
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE, problem=problem)])
    [report] = _agency_list(world)[0]["reports"]
    assert report["problem"] == "01484 221000 rings out; my number is [removed]"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"field": "colour"}, "payload.field must be one of"),
        ({"problem": "   "}, "payload.problem must be text"),
        ({"service_id": "kirklees:no-such"}, "is not in the catalogue"),
        ({"at": "yesterday"}, "payload.at must be an ISO 8601"),
        ({"problem": "bad \x00 text"}, "NUL character"),
    ],
)
def test_a_bad_report_is_rejected_with_a_reason_and_the_queue_goes_on(
    world: World, change: dict[str, Any], reason: str
) -> None:
    bad = report_op(1, report="r-bad", service=SERVICE)
    bad["payload"].update(change)
    good = report_op(2, report="r-good", service=SERVICE)
    first, second = world.push("adviser", [bad, good])
    assert first["status"] == "rejected" and reason in first["reason"]
    assert second["status"] == "applied"
    assert world.push("adviser", [bad])[0] == first  # the rejection is stored


def test_a_report_id_used_twice_is_rejected(world: World) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    again = report_op(2, report="r-1", service=SERVICE, op_id="another-op")
    assert world.push("adviser", [again])[0]["reason"] == (
        "report_id was already used for a different report"
    )


def test_an_import_that_changes_the_part_closes_the_report(world: World, hub: Hub) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    world.push("adviser", [report_op(2, report="r-2", service=SERVICE, field="hours")])
    feed = small_feed(services=3)
    feed.catalogue.services[0] = dataclasses.replace(
        feed.catalogue.services[0], phones=(Phone("01484 414700"),)
    )
    import_feeds(hub.engine, [("kirklees", feed)], actor="test")

    groups = {g["field"]: g for g in _agency_list(world)}
    assert groups["phone"]["status"] == "changed at source"
    assert groups["phone"]["closed"] is True
    assert groups["hours"]["status"] == "open"  # the hours did not change


def test_an_import_that_drops_the_record_closes_its_reports(world: World, hub: Hub) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    feed = small_feed(services=3)
    del feed.catalogue.services[0]
    import_feeds(hub.engine, [("kirklees", feed)], actor="test")
    with hub.engine.connect() as conn:
        status = conn.scalar(select(t.record_report_groups.c.status))
    assert status == "changed at source"


def test_reports_on_unlinked_records_wait_for_the_admin(world: World, hub: Hub) -> None:
    unlink(hub.engine, LINKED_ORG, actor="test")
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE)])
    admin = world.hub.client.get("/admin/v1/record-reports", headers=world.headers["admin"])
    assert [g["service_id"] for g in admin.json()["contents"]] == [SERVICE]
    assert _agency_list(world) == []

    link(hub.engine, AGENCY, LINKED_ORG, actor="test")
    assert [g["service_id"] for g in _agency_list(world)] == [SERVICE]
    admin = world.hub.client.get("/admin/v1/record-reports", headers=world.headers["admin"])
    assert admin.json()["contents"] == []


def test_the_retention_purge_blanks_the_text_of_closed_reports_only(world: World) -> None:
    world.push("adviser", [report_op(1, report="r-1", service=SERVICE, problem="Ann said so")])
    world.push("adviser", [report_op(2, report="r-2", service=SERVICE, field="hours")])
    phone = next(g for g in _agency_list(world) if g["field"] == "phone")
    world.hub.client.post(
        f"{AGENCY_LIST}/{phone['id']}/status",
        json={"status": "fixed"},
        headers=world.headers["agency"],
    )
    purge(world.hub.engine, 0, actor="test")
    groups = {g["field"]: g for g in _agency_list(world)}
    assert groups["phone"]["reports"][0]["problem"] == ""
    assert groups["phone"]["confirmations"] == 1  # the figures keep the count
    assert groups["hours"]["reports"][0]["problem"] == "the number rings out"
    with world.hub.engine.connect() as conn:
        actions = set(conn.scalars(select(t.audit_log.c.action)))
    assert "record_reports.purge" in actions
