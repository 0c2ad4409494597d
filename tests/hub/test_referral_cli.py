"""The operator's commands for routing, API keys, enquiry exports, purge and subject
access, run as an operator would against each database."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.cli import main
from frontdesk.hub import schema as t
from tests.helpers.hub import Hub
from tests.helpers.referral_world import CALLER, SERVICE, World, make_world


@pytest.fixture
def world(hub: Hub, db_url: str, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("FRONTDESK_HUB_DB", db_url)
    world = make_world(hub)
    world.enquiry("enq-1", caller=CALLER, refer_to=SERVICE)
    world.enquiry("enq-2", role="other_supervisor", outcome="signposted")
    return world


def test_org_add_with_a_catalogue_org_routes_referrals_and_links_lists_it(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "org", "unlink", "kirklees:org-1"]) == 0
    world.enquiry("enq-3", refer_to=SERVICE)  # nowhere to go yet
    capsys.readouterr()
    assert (
        main(["hub", "org", "add", "newagency", "New Agency", "--catalogue-org", "kirklees:org-1"])
        == 0
    )
    assert "1 waiting addressed" in capsys.readouterr().out
    with world.hub.engine.connect() as conn:
        to = conn.scalar(
            select(t.referrals.c.to_organization_id).where(t.referrals.c.id == "ref-enq-3")
        )
    assert to == "newagency"
    assert main(["hub", "org", "links"]) == 0
    assert "kirklees:org-1\tnewagency" in capsys.readouterr().out
    assert main(["hub", "org", "link", "housing", "kirklees:org-1"]) == 1
    assert "already linked" in capsys.readouterr().err


def test_user_api_key_prints_a_key_that_open311_accepts(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["hub", "user", "api-key", "adviser"]) == 0
    key = capsys.readouterr().out.strip()
    response = world.hub.client.post(
        "/open311/v2/requests.json",
        data={"api_key": key, "service_code": SERVICE, "address_id": "UPRN-1"},
    )
    assert response.status_code == 200, response.text
    assert main(["hub", "user", "api-key", "nobody"]) == 1


def test_enquiries_export_as_csv_and_json(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "enquiries.csv"
    assert main(["hub", "enquiries", "export", "--format", "csv", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert sorted(r["id"] for r in rows) == ["enq-1", "enq-2"]
    capsys.readouterr()
    assert main(["hub", "enquiries", "export", "--org", "council", "--include-caller", "-"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["id"] == "enq-1" and item["caller"]["email"] == "Ann@Example.org"
    assert main(["hub", "enquiries", "export", "--since", "next week", "-"]) == 1


def test_purge_and_subject_access_from_the_command_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "subject.json"
    assert main(["hub", "subject", "export", "--email", "ann@example.org", str(out)]) == 0
    assert [e["id"] for e in json.loads(out.read_text())["enquiries"]] == ["enq-1"]
    assert main(["hub", "subject", "erase"]) == 1
    assert "--email" in capsys.readouterr().err
    assert main(["hub", "subject", "erase", "--phone", "07700900123"]) == 0
    assert "from 1 enquiries" in capsys.readouterr().out
    assert main(["hub", "purge", "--older-than-days", "0"]) == 0
    assert "from 0 enquiries" in capsys.readouterr().out  # the only caller was erased
    assert main(["hub", "purge", "--older-than-days", "-1"]) == 1
    with world.hub.engine.connect() as conn:
        actions = conn.execute(select(t.audit_log.c.action, t.audit_log.c.actor)).all()
    assert {("subject.export", "cli"), ("subject.erase", "cli"), ("enquiries.purge", "cli")} <= set(
        actions
    )
