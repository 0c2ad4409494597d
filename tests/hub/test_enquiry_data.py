"""Supervisors' enquiry reports, retention and subject access: each organisation sees its
own, a purge or an erasure removes the person but keeps the statistics, all audited."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import select

from frontdesk.hub import schema as t
from tests.helpers.referral_world import CALLER, COUNCIL, OTHER_COUNCIL, SERVICE, World, make_world


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    world = make_world(hub)
    world.enquiry("enq-1", caller=CALLER, refer_to=SERVICE, services=("kirklees:svc-1",))
    world.enquiry("enq-2", outcome="advice given", services=("kirklees:svc-1",))
    world.enquiry("enq-3", role="other_supervisor", caller={"email": "someone@example.org"})
    return world


def _get(world: World, role: str, path: str, **params: str):  # type: ignore[no-untyped-def]
    return world.hub.client.get(path, params=params, headers=world.headers[role])


def _actions(world: World) -> list[tuple[str, str | None]]:
    with world.hub.engine.connect() as conn:
        rows = conn.execute(select(t.audit_log.c.action, t.audit_log.c.detail)).all()
    return [(r.action, r.detail) for r in rows]


def test_a_supervisor_sees_only_their_organisations_enquiries(world: World) -> None:
    page = _get(world, "supervisor", "/supervisor/v1/enquiries").json()
    assert [e["id"] for e in page["contents"]] == ["enq-1", "enq-2"]
    first = page["contents"][0]
    assert first["organization_id"] == COUNCIL and first["caller_held"] is True
    assert "caller" not in first  # a report about the work, not the people
    assert first["service_ids"] == ["kirklees:svc-1"]
    assert first["referrals"][0]["status"] == "sent"
    refused = _get(world, "supervisor", "/supervisor/v1/enquiries", organization_id=OTHER_COUNCIL)
    assert refused.status_code == 403
    assert "own organisation" in refused.json()["error"]["message"]
    other = _get(world, "other_supervisor", "/supervisor/v1/enquiries").json()
    assert [e["id"] for e in other["contents"]] == ["enq-3"]


def test_an_admin_sees_every_organisation_or_one(world: World) -> None:
    everything = _get(world, "admin", "/supervisor/v1/enquiries").json()
    assert everything["total_items"] == 3
    one = _get(world, "admin", "/supervisor/v1/enquiries", organization_id=OTHER_COUNCIL).json()
    assert [e["id"] for e in one["contents"]] == ["enq-3"]
    future = _get(world, "admin", "/supervisor/v1/enquiries", since="2999-01-01T00:00:00Z")
    assert future.json()["total_items"] == 0
    past = _get(world, "admin", "/supervisor/v1/enquiries", until="2000-01-01T00:00:00Z")
    assert past.json()["total_items"] == 0


def test_exports_as_csv_and_json_are_audited(world: World) -> None:
    response = _get(world, "supervisor", "/supervisor/v1/enquiries/export", format="csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["enq-1", "enq-2"]
    assert rows[0]["referral_statuses"] == "sent" and rows[1]["outcome"] == "advice given"
    as_json = _get(world, "supervisor", "/supervisor/v1/enquiries/export").json()
    assert [e["id"] for e in as_json["enquiries"]] == ["enq-1", "enq-2"]
    exports = [json.loads(d or "{}") for a, d in _actions(world) if a == "enquiries.export"]
    where = {"include_caller": False, "organization_id": COUNCIL, "since": None, "until": None}
    assert exports == [
        {"format": "csv", "enquiries": 2, **where},
        {"format": "json", "enquiries": 2, **where},
    ]
    bad = _get(world, "supervisor", "/supervisor/v1/enquiries/export", format="xlsx")
    assert bad.status_code == 400


def test_a_purge_removes_caller_details_and_keeps_the_statistics(world: World) -> None:
    before = _get(world, "admin", "/supervisor/v1/statistics").json()
    assert before["by_outcome"] == {"referred": 1, "advice given": 1, "none": 1}
    nothing = world.hub.client.post(
        "/admin/v1/purge", json={"older_than_days": 30}, headers=world.headers["admin"]
    )
    assert nothing.json()["enquiries_purged"] == 0  # all are recent
    purged = world.hub.client.post(
        "/admin/v1/purge", json={"older_than_days": 0}, headers=world.headers["admin"]
    )
    assert purged.status_code == 200 and purged.json()["enquiries_purged"] == 2
    with world.hub.engine.connect() as conn:
        data = conn.execute(select(t.enquiry_events.c.data)).scalars().all()
        callers = conn.execute(select(t.enquiry_callers)).all()
    assert not [d for d in data if "Ann" in d or "someone@" in d]
    assert all(c.purged_at is not None and c.email is None for c in callers)
    assert _get(world, "admin", "/supervisor/v1/statistics").json() == before
    agency_view = _get(world, "agency", "/agency/v1/referrals/ref-enq-1").json()
    assert agency_view["caller"] is None and agency_view["status"] == "sent"
    assert ("enquiries.purge", json.dumps({"enquiries": 2, "older_than_days": 0})) in _actions(
        world
    )


def test_subject_export_finds_a_caller_however_their_details_are_written(world: World) -> None:
    response = world.hub.client.post(
        "/admin/v1/subject/export",
        json={"phone": "+44 7700 900123", "email": "ann@EXAMPLE.org"},
        headers=world.headers["admin"],
    )
    assert response.status_code == 200
    [enquiry] = response.json()["enquiries"]
    assert enquiry["id"] == "enq-1" and enquiry["caller"]["name"] == "Ann Example"
    assert {e["kind"] for e in enquiry["events"]} >= {"created", "referral sent"}
    assert enquiry["referrals"][0]["note"] == "please call back"
    [detail] = [d for a, d in _actions(world) if a == "subject.export"]
    assert json.loads(detail or "{}") == {"matched_on": ["email", "phone"], "enquiries": 1}
    assert "Ann" not in (detail or "") and "7700" not in (detail or "")


def test_subject_erase_removes_the_person_and_the_notes_about_them(world: World) -> None:
    client, headers = world.hub.client, world.headers["admin"]
    before = _get(world, "admin", "/supervisor/v1/statistics").json()
    erased = client.post(
        "/admin/v1/subject/erase", json={"email": "ann@example.org"}, headers=headers
    )
    assert erased.json() == {"enquiries_erased": 1}
    again = client.post(
        "/admin/v1/subject/export", json={"email": "ann@example.org"}, headers=headers
    )
    assert again.json()["enquiries"] == []
    with world.hub.engine.connect() as conn:
        texts = (
            conn.execute(
                select(t.enquiry_events.c.data).where(t.enquiry_events.c.enquiry_id == "enq-1")
            )
            .scalars()
            .all()
        )
        referral = conn.execute(select(t.referrals)).one()
    assert not [d for d in texts if "Ann" in d or "about enq-1" in d or "call back" in d]
    assert referral.note is None and referral.status == "sent"
    assert _get(world, "admin", "/supervisor/v1/statistics").json() == before
    assert "subject.erase" in [a for a, _ in _actions(world)]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/admin/v1/purge", {"older_than_days": -1}),
        ("/admin/v1/purge", {}),
        ("/admin/v1/subject/export", {}),
        ("/admin/v1/subject/erase", {"email": 5}),
    ],
)
def test_admin_actions_refuse_bad_bodies(world: World, path: str, body: dict[str, object]) -> None:
    response = world.hub.client.post(path, json=body, headers=world.headers["admin"])
    assert response.status_code == 400
    assert response.json()["error"]["message"]
