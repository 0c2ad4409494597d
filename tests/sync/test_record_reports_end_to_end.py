"""Record reports end to end, with real hub processes on PostgreSQL: a report made on an
offline desk reaches the owning agency once after the desk reconnects, a second desk's
report on the same field joins it, every desk shows the warning after one sync, the
agency's answer and a harvest that changes the field both reach the desks."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from frontdesk.core.record_report import ReportField
from frontdesk.hub import schema as h
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.catalogue.harvest import HarvestOptions, Profile, harvest
from frontdesk.hub.catalogue.harvest_http import HttpSettings
from frontdesk.hub.referrals.routing import link
from frontdesk.store.record_reports import ReportLog
from frontdesk.sync import CatalogueFile, HubUnreachable
from frontdesk.sync.session import sign_out
from tests.helpers.feed_server import FeedScript, serve
from tests.helpers.hub import PASSWORD, PROTOCOL, eventually
from tests.helpers.hub_process import Desk, HubProcess, prepare_hub

pytestmark = pytest.mark.postgres

AGENCY_ORG = "acas"
FAST = HttpSettings(timeout=2, deadline=20, retries=2, backoff=0.01, max_wait=1)
OPTIONS = HarvestOptions(
    profile=Profile.ORUK_V1, source="bristol", per_page=100, delay=0.0, http=FAST
)


@pytest.fixture
def records(shared_data: Path) -> list[dict[str, Any]]:
    path = shared_data / "oruk-v1-bristol-services" / "bristol_services.json"
    every: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in every if r.get("name") and r.get("organization")][:20]


@pytest.fixture
def world(pg_url: str, records: list[dict[str, Any]], tmp_path: Path) -> Iterator[Any]:
    engine = prepare_hub(pg_url)
    add_organization(engine, AGENCY_ORG, "Acas South West", actor="test")
    add_account(engine, "agnes", Role.AGENCY, AGENCY_ORG, PASSWORD, actor="test")
    script = FeedScript(records=records)
    with serve(script) as url:
        harvest(engine, url, OPTIONS, actor="test")
        service = f"bristol:{records[0]['id']}"
        link(engine, AGENCY_ORG, f"bristol:{records[0]['organization']['id']}", actor="test")
        hubs = [HubProcess(pg_url, tmp_path / f"hub{i}.log") for i in (1, 2)]
        for process in hubs:
            process.start()
        try:
            yield engine, hubs, script, url, service
        finally:
            for process in hubs:
                process.stop(graceful=False)
            engine.dispose()


def _agency(hub: HubProcess) -> dict[str, str]:
    """Request headers of the agency's account, signed in afresh."""
    session = requests.post(
        hub.url + "/auth/v1/login",
        json={"username": "agnes", "password": PASSWORD},
        headers=PROTOCOL,
        timeout=10,
    )
    assert session.status_code == 200, session.text
    return {**PROTOCOL, "Authorization": f"Bearer {session.json()['token']}"}


def _agency_reports(hub: HubProcess) -> list[dict[str, Any]]:
    answer = requests.get(hub.url + "/agency/v1/record-reports", headers=_agency(hub), timeout=10)
    assert answer.status_code == 200, answer.text
    contents: list[dict[str, Any]] = answer.json()["contents"]
    return contents


def _warned(desk: Desk, service: str) -> list[Any]:
    """Sync once, then the desk's warnings on `service`. On PostgreSQL a commit reaches
    the feed once no older write transaction runs anywhere on the server, which a
    neighbouring test can delay: the check is retried, each time with one more sync."""

    def check() -> list[Any]:
        desk.sync()
        return ReportLog(desk.store).warnings([service]).get(service, [])

    found: list[Any] = eventually(check)
    return found


def test_a_report_from_an_offline_desk_reaches_the_agency_and_warns_every_desk(
    world: Any, make_desk: Any
) -> None:
    engine, (hub_a, hub_b), script, url, service = world
    alice, lena, bob = make_desk("alice"), make_desk("lena"), make_desk("bob")
    alice.sign_in(hub_a.url, "alice")
    lena.sign_in(hub_b.url, "lena")  # another council, through another hub process
    bob.sign_in(hub_b.url, "bob")
    for desk in (alice, lena, bob):
        desk.sync()

    # Alice's desk loses the hub, and reports the wrong address there and then.
    hub_a.stop()
    made = alice.cli(
        "service",
        "report",
        service,
        "--field",
        "email",
        "--problem",
        "mail to this address bounces; the caller gave 07700 900123 to ring back",
    )
    assert made.returncode == 0, made.stderr
    report_id = made.stdout.strip()
    with pytest.raises(HubUnreachable):
        alice.sync()
    assert ReportLog(alice.store).own()[0].waiting

    # Back online: delivered once, to the agency that owns the record.
    hub_a.start()
    alice.sync()
    alice.sync()  # a second round sends nothing again
    [group] = _agency_reports(hub_b)
    assert group["service_id"] == service and group["field"] == "email"
    assert group["confirmations"] == 1
    assert "07700 900123" not in group["reports"][0]["problem"]
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(h.record_reports)) == 1
    assert alice.log.outbox_size() == 0

    # A second council's adviser finds the same: one problem, two confirmations.
    made = lena.cli("service", "report", service, "--field", "email", "--problem", "bounces")
    assert made.returncode == 0, made.stderr
    lena.sync()
    [group] = _agency_reports(hub_a)
    assert group["confirmations"] == 2 and len(group["reports"]) == 2

    # Every desk warns after a sync, the one that reported nothing too.
    for desk in (alice, lena, bob):
        [warning] = eventually(lambda d=desk: [w for w in _warned(d, service) if w.advisers == 2])
        assert warning.field.value == "email"

    # A harvest that changes the address closes the report at source.
    changed = copy.deepcopy(script.records)
    changed[0]["email"] = "southwest@acas.org.uk"
    script.records[:] = changed
    harvest(engine, url, OPTIONS, actor="test")
    assert _agency_reports(hub_a)[0]["status"] == "changed at source"
    for desk in (alice, lena, bob):
        eventually(lambda d=desk: not _warned_after_sync(d, service))
    [own] = ReportLog(alice.store).own()
    assert own.id == report_id and own.status is not None
    assert own.status.value == "changed at source"


def _synced_desk(make_desk: Any, hub: HubProcess) -> Desk:
    """Alice's desk, signed in to `hub` and holding its catalogue."""
    desk: Desk = make_desk("alice")
    desk.sign_in(hub.url, "alice")
    desk.sync()
    return desk


def _warned_after_sync(desk: Desk, service: str) -> list[Any]:
    desk.sync()
    return ReportLog(desk.store).warnings([service]).get(service, [])


def test_the_agencys_answer_reaches_the_reporting_desk(world: Any, make_desk: Any) -> None:
    _, (hub_a, _), _, _, service = world
    alice = _synced_desk(make_desk, hub_a)
    made = alice.cli("service", "report", service, "--field", "hours", "--problem", "closed")
    assert made.returncode == 0, made.stderr
    alice.sync()
    [group] = _agency_reports(hub_a)
    answer = requests.post(
        f"{hub_a.url}/agency/v1/record-reports/{group['id']}/status",
        json={"status": "fixed", "note": "hours corrected on our website"},
        headers=_agency(hub_a),
        timeout=10,
    )
    assert answer.status_code == 200, answer.text

    def answered() -> Any:
        alice.sync()
        own = ReportLog(alice.store).own()[0]
        return own if own.status is not None and own.status.value == "fixed" else None

    own = eventually(answered)
    assert own.status_note == "hours corrected on our website"
    assert ReportLog(alice.store).warnings([service]) == {}
    listed = alice.cli("service", "reports")
    assert "fixed (hours corrected on our website)" in listed.stdout


def test_a_report_the_hub_refuses_shows_why_and_the_queue_goes_on(
    world: Any, make_desk: Any
) -> None:
    _, (hub_a, _), _, _, service = world
    alice = _synced_desk(make_desk, hub_a)
    reports = ReportLog(alice.store)
    reports.report("bristol:gone", "A closed service", ReportField.OTHER, "closed last month")
    reports.report(service, "Acas", ReportField.ADDRESS, "moved to Temple Quay")
    report = alice.sync()
    assert report.push.rejected == 1 and report.push.applied == 1
    refused = next(r for r in reports.own() if r.service_id == "bristol:gone")
    assert refused.rejection_reason is not None
    assert "not in the catalogue" in refused.rejection_reason
    assert alice.log.outbox_size() == 0
    assert [g["field"] for g in _agency_reports(hub_a)] == ["address"]


def test_signing_out_forgets_the_hubs_warnings_and_a_rebuild_brings_them_back(
    world: Any, make_desk: Any
) -> None:
    _, (hub_a, _), _, _, service = world
    alice = _synced_desk(make_desk, hub_a)
    ReportLog(alice.store).report(service, "Acas", ReportField.PHONE, "no answer all week")
    assert _warned(alice, service)
    catalogue = CatalogueFile(alice.root / "catalogue.db")
    try:
        sign_out(alice.store, catalogue, tokens=alice.tokens)  # as `frontdesk logout` does
    finally:
        catalogue.close()
    assert ReportLog(alice.store).warnings() == {}
    alice.sign_in(hub_a.url, "alice")
    [warning] = _warned(alice, service)  # the first sync rebuilds, warnings included
    assert warning.field is ReportField.PHONE
