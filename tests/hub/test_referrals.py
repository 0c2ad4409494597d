"""Referrals reach the agency that delivers the service, and its status updates reach the
referring council's desks."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from frontdesk.hub import schema as t
from frontdesk.hub.referrals.records import WITHDRAWN_NOTE
from frontdesk.hub.referrals.routing import link, unlink
from tests.helpers.hub import eventually
from tests.helpers.referral_world import AGENCY, COUNCIL, SERVICE, World, make_world


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    return make_world(hub)


def _to(world: World, referral: str) -> str | None:
    with world.hub.engine.connect() as conn:
        found: str | None = conn.scalar(
            select(t.referrals.c.to_organization_id).where(t.referrals.c.id == referral)
        )
    return found


def test_a_referral_is_addressed_to_the_agency_linked_to_the_services_owner(world: World) -> None:
    referral = world.enquiry("enq-1", refer_to=SERVICE)
    assert referral is not None
    assert _to(world, referral) == AGENCY


def test_an_unlinked_owner_leaves_the_referral_waiting_until_a_link_is_made(
    world: World,
) -> None:
    unlink(world.hub.engine, "kirklees:org-1", actor="test")
    referral = world.enquiry("enq-1", refer_to=SERVICE)
    assert referral is not None and _to(world, referral) is None
    assert (
        world.hub.client.get("/agency/v1/referrals", headers=world.headers["agency"]).json()[
            "total_items"
        ]
        == 0
    )
    assert link(world.hub.engine, AGENCY, "kirklees:org-1", actor="test") == 1
    assert _to(world, referral) == AGENCY


def test_an_agency_lists_only_referrals_addressed_to_it_filtered_and_paged(world: World) -> None:
    for n in range(3):
        world.enquiry(f"enq-{n}", refer_to=SERVICE, caller={"email": f"c{n}@example.org"})
    world.enquiry("enq-other", role="other_supervisor", refer_to="kirklees:svc-1")
    client, headers = world.hub.client, world.headers["agency"]
    page = client.get("/agency/v1/referrals?per_page=2", headers=headers).json()
    assert (page["total_items"], page["total_pages"], page["size"]) == (4, 2, 2)
    assert {r["to_organization_id"] for r in page["contents"]} == {AGENCY}
    first = page["contents"][0]
    assert first["service_name"] == "Service 0"
    assert first["caller"] == {"email": "c0@example.org"}
    other = client.get("/agency/v1/referrals", headers=world.headers["other_agency"]).json()
    assert other["total_items"] == 0
    client.post(
        "/agency/v1/referrals/ref-enq-0/status", json={"status": "acknowledged"}, headers=headers
    )
    acknowledged = client.get("/agency/v1/referrals?status=acknowledged", headers=headers).json()
    assert [r["id"] for r in acknowledged["contents"]] == ["ref-enq-0"]
    since = acknowledged["contents"][0]["updated_at"]
    changed = client.get("/agency/v1/referrals", params={"since": since}, headers=headers).json()
    assert changed["total_items"] == 0  # nothing changed after the latest change
    bad = client.get("/agency/v1/referrals?status=done", headers=headers)
    assert bad.status_code == 400 and "status must be one of" in bad.json()["error"]["message"]


def test_another_agencys_referral_is_answered_as_not_there(world: World) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    client = world.hub.client
    own = client.get("/agency/v1/referrals/ref-enq-1", headers=world.headers["agency"])
    assert own.status_code == 200 and own.json()["status"] == "sent"
    other = client.get("/agency/v1/referrals/ref-enq-1", headers=world.headers["other_agency"])
    assert other.status_code == 404
    assert "addressed to your organisation" in other.json()["error"]["message"]
    missing = client.get("/agency/v1/referrals/nope", headers=world.headers["agency"])
    assert missing.status_code == 404


def test_a_status_change_is_audited_and_reaches_only_the_referring_councils_desks(
    world: World,
) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    client = world.hub.client
    response = client.post(
        "/agency/v1/referrals/ref-enq-1/status",
        json={"status": "in progress", "note": "visit booked"},
        headers=world.headers["agency"],
    )
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["status_note"]) == (
        "in progress",
        "visit booked",
    )

    def referral_changes(role: str) -> list[dict[str, object]]:
        feed = client.get("/sync/v1/changes", headers=world.headers[role]).json()
        return [c["data"] for c in feed["changes"] if c["kind"] == "referral"]

    # A busy PostgreSQL server can hold the feed back while others' transactions run.
    seen = eventually(
        lambda: len(referral_changes("adviser")) == 2 and referral_changes("adviser"), timeout=60
    )
    latest = seen[-1]
    assert latest["id"] == "ref-enq-1" and latest["enquiry_id"] == "enq-1"
    assert (latest["status"], latest["note"]) == ("in progress", "visit booked")
    assert latest["updated_at"]
    assert referral_changes("other_supervisor") == []
    with world.hub.engine.connect() as conn:
        audit = conn.execute(
            select(t.audit_log).where(t.audit_log.c.action == "referral.status")
        ).one()
    assert (audit.actor, audit.organization_id, audit.target) == ("agency", AGENCY, "ref-enq-1")
    assert json.loads(audit.detail) == {"from": "sent", "to": "in progress"}


def test_a_closed_referral_cannot_change_and_sent_is_not_an_agency_status(world: World) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    client, headers = world.hub.client, world.headers["agency"]
    url = "/agency/v1/referrals/ref-enq-1/status"
    sent = client.post(url, json={"status": "sent"}, headers=headers)
    assert sent.status_code == 422 and "status must be one of" in sent.json()["error"]["message"]
    assert (
        client.post(url, json={"status": "closed - resolved"}, headers=headers).status_code == 200
    )
    again = client.post(url, json={"status": "in progress"}, headers=headers)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "referral_closed"
    assert "closed - resolved" in again.json()["error"]["message"]


def test_an_adviser_cannot_change_a_referrals_status(world: World) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    response = world.hub.client.post(
        "/agency/v1/referrals/ref-enq-1/status",
        json={"status": "closed - resolved"},
        headers=world.headers["adviser"],
    )
    assert response.status_code == 403
    assert (
        "adviser accounts cannot change a referral's status" in response.json()["error"]["message"]
    )
    assert (
        world.hub.client.get(
            "/agency/v1/referrals/ref-enq-1", headers=world.headers["agency"]
        ).json()["status"]
        == "sent"
    )


def test_the_referring_organisation_is_the_pushing_accounts(world: World) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    with world.hub.engine.connect() as conn:
        row = conn.execute(select(t.referrals)).one()
    assert (row.from_organization_id, row.note) == (COUNCIL, "please call back")


def _referrals(world: World) -> dict[str, tuple[str, str | None]]:
    r = t.referrals.c
    with world.hub.engine.connect() as conn:
        rows = conn.execute(select(r.id, r.status, r.status_note)).all()
    return {row.id: (row.status, row.status_note) for row in rows}


def test_an_amendment_that_takes_the_referral_away_cancels_it_for_the_agency(
    world: World,
) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    results = world.amend("enq-1", {"outcome": "advice given", "referral_service_id": None})
    assert [r["status"] for r in results] == ["applied"]
    assert _referrals(world) == {"ref-enq-1": ("cancelled", WITHDRAWN_NOTE)}
    listed = world.hub.client.get("/agency/v1/referrals", headers=world.headers["agency"])
    assert [(x["id"], x["status"]) for x in listed.json()["contents"]] == [
        ("ref-enq-1", "cancelled")
    ]
    with world.hub.engine.connect() as conn:
        audit = conn.execute(
            select(t.audit_log).where(t.audit_log.c.action == "referral.withdrawn")
        ).one()
    assert (audit.actor, audit.organization_id, audit.target) == ("adviser", COUNCIL, "ref-enq-1")

    def latest_for_desks() -> dict[str, object] | None:
        feed = world.hub.client.get("/sync/v1/changes", headers=world.headers["adviser"]).json()
        found = [c["data"] for c in feed["changes"] if c["kind"] == "referral"]
        return found[-1] if found and found[-1]["status"] == "cancelled" else None

    latest = eventually(latest_for_desks, timeout=60)
    assert (latest["id"], latest["enquiry_id"]) == ("ref-enq-1", "enq-1")


def test_an_amendment_that_redirects_the_referral_cancels_the_first_and_sends_a_new_one(
    world: World,
) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    results = world.amend(
        "enq-1", {"referral_service_id": "kirklees:svc-1"}, refer_to="kirklees:svc-1"
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert _referrals(world) == {
        "ref-enq-1": ("cancelled", WITHDRAWN_NOTE),
        "ref-enq-1-2": ("sent", None),
    }


def test_an_amendment_leaves_a_referral_the_agency_has_closed_as_it_is(world: World) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    closed = world.hub.client.post(
        "/agency/v1/referrals/ref-enq-1/status",
        json={"status": "closed - resolved"},
        headers=world.headers["agency"],
    )
    assert closed.status_code == 200
    world.amend("enq-1", {"referral_service_id": None})
    assert _referrals(world) == {"ref-enq-1": ("closed - resolved", None)}


def test_an_amendment_that_keeps_the_referral_changes_nothing_for_the_agency(
    world: World,
) -> None:
    world.enquiry("enq-1", refer_to=SERVICE)
    world.amend("enq-1", {"notes": "called back"})
    assert _referrals(world) == {"ref-enq-1": ("sent", None)}
