"""Data protection on the hub: the caller details it holds are the ones the desk last sent
(amended or withdrawn), an agency keeps no caller details of a referral taken away from
it, and every read or export of personal data leaves an audit row that names who and
which records, never the details themselves."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.cli import main
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.api_keys import create_key
from tests.helpers.hub import Hub
from tests.helpers.referral_world import AGENCY, CALLER, COUNCIL, SERVICE, World, make_world

NEW_CALLER = {"name": "Ann Other", "phone": "07700 900999", "email": "ann.new@example.org"}


@pytest.fixture
def world(hub: Hub) -> World:
    world = make_world(hub)
    world.enquiry("enq-1", caller=CALLER, refer_to=SERVICE)
    return world


def _audit(world: World, action: str) -> list[Any]:
    a = t.audit_log.c
    with world.hub.engine.connect() as conn:
        return list(conn.execute(select(t.audit_log).where(a.action == action).order_by(a.id)))


def _subject(world: World, email: str) -> list[dict[str, Any]]:
    response = world.hub.client.post(
        "/admin/v1/subject/export", json={"email": email}, headers=world.headers["admin"]
    )
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["enquiries"]
    return found


def _agency_view(world: World, referral: str = "ref-enq-1") -> dict[str, Any]:
    response = world.hub.client.get(
        f"/agency/v1/referrals/{referral}", headers=world.headers["agency"]
    )
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def test_amended_caller_details_replace_the_ones_held(world: World) -> None:
    world.amend("enq-1", {"caller": {**NEW_CALLER, "consent": True}})
    [found] = _subject(world, "ANN.NEW@example.org")
    assert found["id"] == "enq-1" and found["caller"]["name"] == "Ann Other"
    assert _subject(world, CALLER["email"]) == []
    assert _agency_view(world)["caller"]["phone"] == "07700 900999"


def test_withdrawn_consent_removes_the_callers_details_from_every_reader(world: World) -> None:
    assert _agency_view(world)["caller"]["name"] == "Ann Example"
    world.amend("enq-1", {"caller": None})
    assert _agency_view(world)["caller"] is None
    assert _subject(world, CALLER["email"]) == []
    with world.hub.engine.connect() as conn:
        held = conn.execute(select(t.enquiry_callers)).one()
    assert (held.name, held.email, held.phone, held.email_key) == (None, None, None, None)


@pytest.mark.parametrize(
    ("changes", "refer_to"),
    [
        ({"referral_service_id": None, "outcome": "advice given"}, None),
        ({"referral_service_id": "kirklees:svc-1"}, "kirklees:svc-1"),
    ],
    ids=["withdrawn", "redirected"],
)
def test_a_cancelled_referral_keeps_its_status_for_the_agency_but_not_the_person(
    world: World, changes: dict[str, Any], refer_to: str | None
) -> None:
    key = create_key(world.hub.engine, "agency", actor="test")
    world.amend("enq-1", changes, refer_to=refer_to)
    one = _agency_view(world)
    assert (one["status"], one["closed"]) == ("cancelled", True)
    assert one["caller"] is None and one["note"] is None
    listed = world.hub.client.get("/agency/v1/referrals", headers=world.headers["agency"]).json()
    [cancelled] = [r for r in listed["contents"] if r["id"] == "ref-enq-1"]
    assert cancelled["caller"] is None and cancelled["note"] is None
    for path in ("/open311/v2/requests.json", "/open311/v2/requests/ref-enq-1.json"):
        requests = world.hub.client.get(
            path, params={"api_key": key, "service_request_id": "ref-enq-1"}
        ).json()
        [request] = [r for r in requests if r["service_request_id"] == "ref-enq-1"]
        assert request["status"] == "closed" and request["description"] is None
        assert "Ann" not in json.dumps(requests) and "call back" not in json.dumps(requests)
    # The referring council still reads its own words about its own enquiry.
    council = world.hub.client.get(
        "/open311/v2/requests/ref-enq-1.json", headers=world.headers["adviser"]
    ).json()
    assert council[0]["description"] == "please call back"
    if refer_to is not None:  # the new referral carries the caller, as a referral should
        assert _agency_view(world, "ref-enq-1-2")["caller"]["name"] == "Ann Example"


def test_an_agencys_reads_of_referrals_are_audited_by_id(world: World) -> None:
    world.enquiry("enq-2", refer_to=SERVICE)
    client, headers = world.hub.client, world.headers["agency"]
    assert client.get("/agency/v1/referrals", headers=headers).status_code == 200
    _agency_view(world)
    status = {"status": "acknowledged"}
    client.post("/agency/v1/referrals/ref-enq-2/status", json=status, headers=headers)
    none = client.get("/agency/v1/referrals", params={"status": "duplicate"}, headers=headers)
    assert none.json()["contents"] == []  # an empty page shows nobody: no row for it
    reads = _audit(world, "referral.read")
    assert [(r.actor, r.organization_id) for r in reads] == [("agency", AGENCY)] * 3
    assert [json.loads(r.detail) for r in reads] == [
        {"referrals": ["ref-enq-1", "ref-enq-2"]},
        {"referrals": ["ref-enq-1"]},
        {"referrals": ["ref-enq-2"]},
    ]
    assert all(r.client and "Ann" not in r.detail for r in reads)


def test_open311_reads_are_audited_by_request_id(world: World) -> None:
    key = create_key(world.hub.engine, "agency", actor="test")
    client = world.hub.client
    assert client.get("/open311/v2/requests.json", params={"api_key": key}).status_code == 200
    client.get("/open311/v2/requests/ref-enq-1.json", headers=world.headers["adviser"])
    client.get("/open311/v2/requests.json", params={"api_key": key, "service_code": "none"})
    reads = _audit(world, "open311.read")
    assert [(r.actor, r.organization_id) for r in reads] == [
        ("agency", AGENCY),
        ("adviser", COUNCIL),
    ]
    assert [json.loads(r.detail) for r in reads] == [{"requests": ["ref-enq-1"]}] * 2


def test_a_command_line_export_with_caller_details_is_audited_and_complete(
    world: World, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_HUB_DB", db_url)
    world.enquiry("enq-2", caller={"name": "Zoë Ŵyn", "email": "zoe@example.org"})
    out = tmp_path / "callers.csv"
    args = ["hub", "enquiries", "export", "--format", "csv", "--include-caller"]
    assert main([*args, "--org", COUNCIL, "--since", "2020-01-01", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_id = {r["id"]: r for r in rows}
    assert (by_id["enq-1"]["caller_name"], by_id["enq-1"]["caller_email"]) == (
        "Ann Example",
        "Ann@Example.org",
    )
    assert by_id["enq-1"]["caller_phone"] == "07700 900123"
    assert by_id["enq-2"]["caller_name"] == "Zoë Ŵyn" and by_id["enq-2"]["caller_phone"] == ""
    [row] = _audit(world, "enquiries.export")
    assert (row.actor, row.organization_id, row.target) == ("cli", COUNCIL, None)
    assert json.loads(row.detail) == {
        "enquiries": 2,
        "format": "csv",
        "include_caller": True,
        "organization_id": COUNCIL,
        "since": "2020-01-01T00:00:00+00:00",
        "until": None,
    }
    assert "Ann" not in row.detail and "example.org" not in row.detail


def test_a_command_line_export_without_caller_details_has_no_caller_columns(
    world: World, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_HUB_DB", db_url)
    out = tmp_path / "work.csv"
    assert main(["hub", "enquiries", "export", "--format", "csv", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "caller_name" not in text and "Ann" not in text
    [row] = _audit(world, "enquiries.export")
    assert json.loads(row.detail)["include_caller"] is False


def test_the_supervisors_csv_export_starts_with_a_byte_order_mark(world: World) -> None:
    response = world.hub.client.get(
        "/supervisor/v1/enquiries/export",
        params={"format": "csv"},
        headers=world.headers["supervisor"],
    )
    assert response.content.startswith(b"\xef\xbb\xbfreference,id,organization_id,")
    assert "caller_name" not in response.content.decode("utf-8-sig")
