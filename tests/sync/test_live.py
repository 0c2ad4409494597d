"""Desks that stay connected: between rounds an online desk's Syncer long-polls the hub's
change feed, so a change made at the hub (an agency moving a referral on, a catalogue
edit) reaches desk.db and catalogue.db without F5 and long before the next timed round;
a save still goes up at once; a hub without the live feed is polled on the timer, never
in a loop; and a hub process killed under waiting desks loses none of them a change."""

from __future__ import annotations

import datetime as dt
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, update

from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome, ReferralStatus
from frontdesk.hub import schema as h
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.sync import SyncStatus
from tests.helpers.hub import PASSWORD, PROTOCOL, eventually, small_feed
from tests.helpers.hub_process import (
    ORG,
    Desk,
    HubProcess,
    assert_converged,
    hub_snapshot,
    prepare_hub,
)
from tests.helpers.proxy import FaultProxy

pytestmark = pytest.mark.slow

AGENCY = "kirklees-housing"
TIMED_POLL = 60.0  # the round interval: only the live feed can bring a change sooner


@pytest.fixture
def live_engine(hub_db: str) -> Iterator[Engine]:
    engine = prepare_hub(hub_db)
    add_organization(engine, AGENCY, "Kirklees Housing", actor="test")
    add_account(engine, "ada", Role.AGENCY, AGENCY, PASSWORD, actor="test")
    yield engine
    engine.dispose()


@pytest.fixture
def two_hubs(hub_db: str, live_engine: Engine, tmp_path: Path) -> Iterator[list[HubProcess]]:
    processes = [HubProcess(hub_db, tmp_path / f"hub-{i}.log") for i in range(2)]
    try:
        for process in processes:
            process.start()
        yield processes
    finally:
        for process in processes:
            process.stop(graceful=False)


def refer(desk: Desk) -> str:
    saved = desk.log.save(
        EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=Channel.PHONE,
            started_at=dt.datetime.now(dt.UTC),
            outcome=Outcome.REFERRED,
            referral_service_id=f"{ORG}:svc-1",
        )
    )
    return saved.id


def agency_moves_on(base: str, engine: Engine, status: ReferralStatus) -> None:
    """The agency's adviser sets the status through the hub's agency API."""
    with engine.begin() as conn:
        conn.execute(update(h.referrals).values(to_organization_id=AGENCY))
        referral_id = conn.execute(h.referrals.select()).first().id  # type: ignore[union-attr]
    login = httpx.post(
        base + "/auth/v1/login", json={"username": "ada", "password": PASSWORD}, headers=PROTOCOL
    )
    headers = {**PROTOCOL, "Authorization": f"Bearer {login.json()['token']}"}
    answer = httpx.post(
        f"{base}/agency/v1/referrals/{referral_id}/status",
        json={"status": status.value, "note": "visit booked"},
        headers=headers,
        timeout=30,
    )
    assert answer.status_code == 200, answer.text


def status_of(desk: Desk, enquiry: str) -> ReferralStatus | None:
    shown = desk.log.get(enquiry)
    return None if shown is None else shown.referral_status


def wait_until(check: Any, timeout: float) -> float:
    """Seconds until `check()` is true (fails after `timeout`)."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < timeout, "never happened"
        time.sleep(0.01)
    return time.monotonic() - started


def changes_asked(proxy: FaultProxy) -> int:
    return sum(r.startswith("GET /sync/v1/changes") for r in proxy.faults.requests)


def test_an_agencys_status_change_reaches_a_connected_desk_without_f5(
    two_hubs: list[HubProcess], live_engine: Engine, make_desk: Any
) -> None:
    desk_hub, agency_hub = two_hubs
    desk = make_desk()
    desk.sign_in(desk_hub.url)
    enquiry = refer(desk)
    statuses: list[SyncStatus] = []
    syncer = desk.syncer(poll_interval=TIMED_POLL, on_status=statuses.append)
    syncer.start()
    try:
        wait_until(lambda: desk.log.outbox_size() == 0 and status_of(desk, enquiry), 60)
        assert status_of(desk, enquiry) is ReferralStatus.SENT
        time.sleep(1.0)  # the round is over: the desk is holding a long-poll
        shown_before = len(statuses)
        agency_moves_on(agency_hub.url, live_engine, ReferralStatus.IN_PROGRESS)
        took = wait_until(lambda: status_of(desk, enquiry) is ReferralStatus.IN_PROGRESS, 30)
        print(f"referral status on the desk {took * 1000:.0f} ms after the agency's answer")
        assert took < TIMED_POLL / 2, "it came with a timed round, not the live feed"
        eventually(lambda: len(statuses) > shown_before + 1, 10)  # the GUI is told
    finally:
        syncer.stop()


def test_a_save_interrupts_the_long_poll_and_is_pushed_at_once(
    two_hubs: list[HubProcess], make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(two_hubs[0].url)
    syncer = desk.syncer(poll_interval=TIMED_POLL)
    syncer.start()
    try:
        wait_until(lambda: syncer.status().last_pull_at is not None, 60)
        time.sleep(1.0)  # holding a long-poll of up to 25 s
        desk.log_enquiries(1, brief=True)
        syncer.wake()  # as the window does after a save
        took = wait_until(lambda: desk.log.outbox_size() == 0, 30)
        print(f"saved enquiry pushed {took * 1000:.0f} ms after wake()")
        assert took < 20, "the save waited for the long-poll to end"
    finally:
        syncer.stop()


@pytest.mark.parametrize("hub_db", ["sqlite"], indirect=True)
def test_a_hub_without_the_live_feed_is_polled_on_the_timer_not_in_a_loop(
    hub_db: str,
    live_engine: Engine,
    make_desk: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FRONTDESK_HUB_MAX_WAIT", "0")  # answers as a hub from before it
    old_hub = HubProcess(hub_db, tmp_path / "hub.log")
    old_hub.start()
    proxy = FaultProxy([old_hub.url])
    desk = make_desk()
    desk.sign_in(proxy.url)
    syncer = desk.syncer(poll_interval=TIMED_POLL)
    try:
        syncer.start()
        wait_until(lambda: syncer.status().last_pull_at is not None, 60)
        asked = changes_asked(proxy)
        time.sleep(3.0)
        # At most the one long-poll that found out; then sleeping to the next round.
        assert changes_asked(proxy) - asked <= 1
        desk.log_enquiries(1, brief=True)
        syncer.wake()
        wait_until(lambda: desk.log.outbox_size() == 0, 30)
    finally:
        syncer.stop()
        proxy.close()
        old_hub.stop(graceful=False)


def test_desks_waiting_on_a_killed_hub_process_reconnect_and_miss_nothing(
    two_hubs: list[HubProcess], live_engine: Engine, make_desk: Any
) -> None:
    proxy = FaultProxy([hub.url for hub in two_hubs])  # a load balancer over both
    desks = [make_desk(f"desk-{i}") for i in range(3)]
    syncers = []
    try:
        for desk in desks:
            desk.sign_in(proxy.url)
            syncers.append(desk.syncer(poll_interval=TIMED_POLL))
            syncers[-1].start()
        for syncer in syncers:
            wait_until(lambda s=syncer: s.status().last_pull_at is not None, 60)
        time.sleep(1.5)  # every desk is holding a long-poll, on one process or the other
        process = two_hubs[0].process
        assert process is not None
        process.send_signal(signal.SIGKILL)
        process.wait()
        # Changes while the desks that waited on it find their way to the other process.
        import_feeds(live_engine, [(ORG, small_feed(services=28, name_suffix=" (a)"))], actor="t")
        two_hubs[0].start()  # restarted on the same port
        import_feeds(live_engine, [(ORG, small_feed(services=31, name_suffix=" (b)"))], actor="t")
        wanted = hub_snapshot(live_engine)
        for desk in desks:
            took = wait_until(lambda d=desk: d.catalogue() == wanted, 30)
            print(f"{desk.root.name} caught up {took:.2f} s after the last change")
    finally:
        for syncer in syncers:
            syncer.stop()
        proxy.close()
    for desk in desks:
        desk.note_cursor()
        assert desk.catalogue() == wanted


def test_a_long_poll_whose_answer_is_lost_or_cut_off_misses_nothing(
    proxy: FaultProxy, hub_engine: Engine, make_desk: Any
) -> None:
    """Faults on the long-poll itself: the hub answers a held pull with a change and the
    desk never hears it (twice), then a page is cut off mid-answer; the desk still ends
    with every change, its cursor never going back, and then still long-polls."""
    desk = make_desk()
    desk.sign_in(proxy.url)
    desk.sync()
    syncer = desk.syncer(poll_interval=TIMED_POLL)
    syncer.start()
    try:
        time.sleep(1.5)  # holding a long-poll
        proxy.faults.drop_responses["/sync/v1/changes"] = 2
        proxy.faults.truncate["/sync/v1/changes"] = 1
        for services, suffix in ((29, " (a)"), (31, " (b)"), (30, " (c)")):
            import_feeds(
                hub_engine, [(ORG, small_feed(services=services, name_suffix=suffix))], actor="t"
            )
            wanted = hub_snapshot(hub_engine)
            took = wait_until(lambda w=wanted: desk.catalogue() == w, 90)
            print(f"change{suffix} on the desk after {took:.2f} s")
            desk.note_cursor()
        assert proxy.faults.dropped == 2
        assert proxy.faults.truncate["/sync/v1/changes"] == 0
        # Healthy again: the next change comes by the live feed, not a timed round.
        time.sleep(1.5)
        import_feeds(hub_engine, [(ORG, small_feed(services=30, name_suffix=" (d)"))], actor="t")
        wanted = hub_snapshot(hub_engine)
        took = wait_until(lambda: desk.catalogue() == wanted, 30)
        assert took < TIMED_POLL / 2
    finally:
        syncer.stop()
    desk.note_cursor()
    assert_converged(hub_engine, [desk])
