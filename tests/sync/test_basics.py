"""A desk signed in to a real hub process: first sync, incremental pulls, pushes, referral
statuses, rejections, and the standalone/hub rule for local imports."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import Engine, update

from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome, ReferralStatus, SyncState
from frontdesk.hub import schema as h
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.referrals.records import set_status
from frontdesk.store import desk_schema as d
from frontdesk.sync import SyncMode, read_status
from tests.helpers.hub import eventually, small_feed
from tests.helpers.hub_process import ORG, HubProcess, assert_converged, hub_snapshot


def test_first_sync_then_changes_then_nothing(
    hub: HubProcess, hub_engine: Engine, make_desk
) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk()
    desk.sign_in(hub.url)
    first = desk.sync()
    assert first.pull.rebuilt and first.pull.upserted == 32  # 30 services, 1 org, 1 term
    assert desk.catalogue() == hub_snapshot(hub_engine)

    # Renamed services, one removed: only the difference travels, the index follows.
    import_feeds(hub_engine, [(ORG, small_feed(services=29, name_suffix=" (new)"))], actor="t")
    assert_converged(hub_engine, [desk])
    again = desk.sync()
    assert (again.pull.pages, again.pull.changes) == (0, 0)  # an empty feed: no page stored

    store = desk.syncer().catalogue.store
    with store.engine.connect() as conn:
        hits = conn.exec_driver_sql(
            "SELECT count(*) FROM services_fts WHERE services_fts MATCH 'new'"
        ).scalar()
    assert hits == 29
    store.close()


def test_enquiries_reach_the_hub_and_referral_status_comes_back(
    hub: HubProcess,
    hub_engine: Engine,
    make_desk,  # type: ignore[no-untyped-def]
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    referral = desk.log.save(
        EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=Channel.PHONE,
            started_at=dt.datetime.now(dt.UTC),
            outcome=Outcome.REFERRED,
            referral_service_id=f"{ORG}:svc-1",
        )
    )
    desk.log_enquiries(5)
    report = desk.sync()
    assert report.push.applied == desk.log.outbox_size() + report.push.applied  # all gone
    assert desk.log.get(referral.id).sync_state is SyncState.SENT  # type: ignore[union-attr]

    # The agency moves the referral on; the desk learns of it on its next pull.
    with hub_engine.begin() as conn:
        conn.execute(update(h.referrals).values(to_organization_id=ORG))
        referral_id = conn.execute(h.referrals.select()).first().id  # type: ignore[union-attr]
    agency = Principal(1, "alice", Role.AGENCY, ORG, 1)
    set_status(hub_engine, agency, referral_id, ReferralStatus.IN_PROGRESS, "booked", "t")
    assert_converged(hub_engine, [desk])

    # The status is a feed row of its own: a transaction elsewhere on a shared PostgreSQL
    # server can hold it back from the feed a moment after the catalogue has caught up.
    def status_shown() -> bool:
        desk.sync()
        shown = desk.log.get(referral.id)
        return shown is not None and shown.referral_status is ReferralStatus.IN_PROGRESS

    assert eventually(status_shown, timeout=60)


def test_a_rejected_op_is_shown_on_its_enquiry_and_the_rest_flow(
    hub: HubProcess,
    hub_engine: Engine,
    make_desk,  # type: ignore[no-untyped-def]
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    [bad, good] = desk.log_enquiries(2)
    with desk.store.engine.begin() as conn:  # an op the hub's validation refuses
        conn.execute(update(d.outbox).where(d.outbox.c.enquiry_id == bad).values(schema_v=99))
    report = desk.sync()
    assert report.push.rejected >= 1
    rejected = desk.log.get(bad)
    assert rejected is not None and rejected.sync_state is SyncState.REJECTED
    assert "schema_v 99" in (rejected.rejection_reason or "")
    assert desk.log.get(good).sync_state is SyncState.SENT  # type: ignore[union-attr]
    assert desk.log.outbox_size() == 0


def test_status_import_refusal_and_logout(hub: HubProcess, hub_engine: Engine, make_desk) -> None:  # type: ignore[no-untyped-def]
    desk = make_desk()
    assert read_status(desk.store, None).mode is SyncMode.STANDALONE
    desk.sign_in(hub.url)
    desk.sync()
    desk.log_enquiries(3)

    shown = desk.cli("status", "--json")
    assert shown.returncode == 0, shown.stderr
    assert '"mode": "online"' in shown.stdout and '"outbox": ' in shown.stdout

    refused = desk.cli("import", "whatever.json")
    assert refused.returncode == 1
    assert f"from the hub at {hub.url}" in refused.stderr
    assert "frontdesk logout" in refused.stderr

    out = desk.cli("logout")
    assert out.returncode == 0, out.stderr
    assert "changes are still waiting" in out.stdout
    assert read_status(desk.store, None).mode is SyncMode.STANDALONE
    assert desk.log.outbox_size() > 0  # kept for the next sign-in
    # The token is gone from the keyring and dead on the hub.
    assert desk.tokens.load(hub.url, "alice") is None
    with hub_engine.connect() as conn:
        assert all(r.revoked_at for r in conn.execute(h.tokens.select()))


@pytest.mark.parametrize("url", ["http://hub.example.org", "ftp://x", "https://h/?a=1"])
def test_unsafe_hub_addresses_are_refused(url: str, make_desk) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.sync.client import HubUrlError

    with pytest.raises(HubUrlError):
        make_desk().sign_in(url)
