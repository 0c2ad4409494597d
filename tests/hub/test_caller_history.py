"""The consented-caller look-up: one organisation's enquiries for a caller, found by any
one identifier in any form a UK number is written, audited, and gone once purged.

Runs on SQLite and on PostgreSQL (the `hub` fixture)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.hub import schema as t
from tests.helpers.hub import Hub
from tests.helpers.referral_world import CALLER, SERVICE, World, make_world

URL = "/enquiries/v1/caller-history"


@pytest.fixture
def world(hub: Hub) -> World:
    return make_world(hub)


def look_up(world: World, role: str, **body: Any) -> Any:
    return world.hub.client.post(URL, json=body, headers=world.headers[role])


def found_ids(world: World, role: str = "adviser", **body: Any) -> list[str]:
    response = look_up(world, role, **body)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["enquiries"]]


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900123",
        "+44 7700 900123",
        "0044 7700 900123",
        "+44 (0)7700 900123",
        "+447700900123",
    ],
)
def test_every_way_of_writing_a_uk_number_finds_the_caller(world: World, typed: str) -> None:
    world.enquiry("enq-1", caller=CALLER)  # stored as typed at the desk: "07700 900123"
    world.enquiry("enq-2", caller={**CALLER, "phone": "+447700900123"})
    assert found_ids(world, phone=typed) == ["enq-2", "enq-1"]  # same start: by id, newest


def test_an_enquiry_lists_services_outcome_reason_and_referral_status(world: World) -> None:
    world.enquiry("enq-1", caller=CALLER, refer_to=SERVICE, services=(SERVICE,))
    world.push(
        "adviser", [world._op("adviser", "enq-1", "reason set", {"reason": "repair-request"})]
    )
    [item] = look_up(world, "adviser", email="ann@example.ORG").json()["enquiries"]
    assert item["service_ids"] == [SERVICE]
    assert (item["outcome"], item["referral_status"], item["reason"]) == (
        "referred",
        "sent",
        "repair-request",
    )
    assert item["reference"] is None and item["started_at"].startswith("2025-03-01")


def test_name_and_postcode_find_a_caller_only_together(world: World) -> None:
    world.enquiry("enq-1", caller={"name": "Ann  EXAMPLE", "postcode": "hd1 2aa"})
    assert found_ids(world, name="ann example", postcode="HD12AA") == ["enq-1"]
    assert found_ids(world, name="Ann Other", postcode="HD1 2AA") == []
    response = look_up(world, "adviser", postcode="HD1 2AA")
    assert response.status_code == 400 and "name and postcode" in response.text


def test_another_organisation_sees_none_of_it_and_cannot_ask_for_it(world: World) -> None:
    world.enquiry("enq-1", caller=CALLER)
    assert found_ids(world, "supervisor", phone=CALLER["phone"]) == ["enq-1"]
    assert found_ids(world, "other_supervisor", phone=CALLER["phone"]) == []
    refused = look_up(world, "other_supervisor", phone=CALLER["phone"], organization_id="council")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "org_forbidden"
    agency = look_up(world, "agency", phone=CALLER["phone"])
    assert agency.status_code == 403 and agency.json()["error"]["code"] == "role_forbidden"
    assert found_ids(world, "admin", phone=CALLER["phone"]) == ["enq-1"]


def test_a_caller_whose_details_were_purged_or_withdrawn_is_not_found(world: World) -> None:
    world.enquiry("enq-1", caller=CALLER)
    world.enquiry("enq-2", caller=CALLER)
    world.amend("enq-2", {"caller": None})  # the caller withdrew consent
    assert found_ids(world, phone=CALLER["phone"]) == ["enq-1"]
    purged = world.hub.client.post(
        "/admin/v1/purge", json={"older_than_days": 0}, headers=world.headers["admin"]
    )
    assert purged.status_code == 200
    assert found_ids(world, phone=CALLER["phone"]) == []


def test_since_leaves_out_older_enquiries(world: World) -> None:
    world.enquiry("enq-1", caller=CALLER)  # started 2025-03-01
    assert found_ids(world, phone=CALLER["phone"], since="2025-02-01T00:00:00Z") == ["enq-1"]
    assert found_ids(world, phone=CALLER["phone"], since="2025-04-01T00:00:00+01:00") == []
    bad = look_up(world, "adviser", phone=CALLER["phone"], since="last week")
    assert bad.status_code == 400


def test_every_look_up_is_audited_without_the_details(world: World) -> None:
    world.enquiry("enq-1", caller=CALLER)
    found_ids(world, phone=CALLER["phone"], email=CALLER["email"])
    with world.hub.engine.connect() as conn:
        rows = conn.execute(
            select(t.audit_log).where(t.audit_log.c.action == "callers.history")
        ).all()
    [row] = rows
    assert (row.actor, row.organization_id) == ("adviser", "council")
    assert json.loads(row.detail) == {
        "identifiers": ["phone", "email"],
        "enquiries": 1,
        "since": None,
    }
    text = " ".join(str(v) for v in row).lower()
    assert "900123" not in text and CALLER["email"].lower() not in text


def test_a_look_up_needs_an_identifier_and_text_of_bounded_size(world: World) -> None:
    assert look_up(world, "adviser").status_code == 400
    assert look_up(world, "adviser", phone=7700900123).status_code == 400
    assert look_up(world, "adviser", phone="0" * 51).status_code == 400
    anonymous = world.hub.client.post(URL, json={"phone": CALLER["phone"]})
    assert anonymous.status_code == 401
