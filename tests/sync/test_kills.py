"""Processes dying: the desk SIGKILLed mid-push and mid-pull, the hub restarted (gracefully
and with kill -9) mid-sync, two hub processes behind the desks, and the network down for
a working day. All on the real PostgreSQL server, over real HTTP on loopback."""

from __future__ import annotations

import random
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.sync import SyncMode
from frontdesk.sync.backoff import Backoff
from tests.helpers.hub import eventually, small_feed
from tests.helpers.hub_process import (
    ORG,
    HubProcess,
    assert_converged,
    hub_event_count,
    prepare_hub,
)
from tests.helpers.proxy import FaultProxy

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def big_hub(pg_hub_db: str, tmp_path: Path) -> Iterator[tuple[HubProcess, Engine]]:
    engine = prepare_hub(pg_hub_db, services=6000)
    process = HubProcess(pg_hub_db, tmp_path / "hub.log")
    process.start()
    yield process, engine
    process.stop(graceful=False)
    engine.dispose()


def _kill_repeatedly(
    desk: Any, rounds: int, rng: random.Random, window: tuple[float, float] = (0.3, 1.6)
) -> int:
    """Run `frontdesk sync` and SIGKILL it at a random moment within `window` seconds of
    its start, `rounds` times; returns how many were killed before finishing. (Starting
    up takes the child about 0.4 s; the window should end before its work does.)"""
    killed = 0
    for _ in range(rounds):
        child = desk.spawn_sync("--once", "--page-size", "150", "--batch-size", "40")
        time.sleep(rng.uniform(*window))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        child.wait()
        desk.note_cursor()
    return killed


def test_sigkill_the_desk_mid_push_and_mid_pull(
    big_hub: tuple[HubProcess, Engine], make_desk: Any
) -> None:
    hub, engine = big_hub
    rng = random.Random(4)
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.log_enquiries(300)
    # First sync: a rebuild into the staging file, killed again and again.
    assert _kill_repeatedly(desk, 5, rng) >= 3
    # Then incremental pages: every service renamed, some removed, killed again.
    import_feeds(engine, [(ORG, small_feed(services=5500, name_suffix=" v2"))], actor="t")
    desk.log_enquiries(100)
    assert _kill_repeatedly(desk, 5, rng, window=(0.3, 0.9)) >= 2  # a shorter walk
    total, found = hub_event_count(engine, desk.event_ids(), {desk.log.device_id()})
    assert total == found  # nothing on the hub that the desk did not write
    assert_converged(engine, [desk])


def _keep_logging(desk: Any, stop: threading.Event, count: list[int]) -> None:
    while not stop.is_set():
        desk.log_enquiries(3)
        count[0] += 3
        time.sleep(0.02)


def test_the_hub_restarts_mid_sync(big_hub: tuple[HubProcess, Engine], make_desk: Any) -> None:
    hub, engine = big_hub
    desk = make_desk()
    desk.sign_in(hub.url)
    syncer = desk.syncer(poll_interval=0.05, page_size=100, batch_size=20)
    stop, count = threading.Event(), [0]
    writer = threading.Thread(target=_keep_logging, args=(desk, stop, count))
    syncer.start()
    writer.start()
    try:
        for graceful in (True, False, True, False):
            time.sleep(0.7)
            hub.restart(graceful=graceful)
            desk.note_cursor()
    finally:
        stop.set()
        writer.join()
        syncer.stop()
    assert count[0] > 0
    assert_converged(engine, [desk])


def test_two_hub_processes_behind_the_desks(pg_hub_db: str, tmp_path: Path, make_desk: Any) -> None:
    engine = prepare_hub(pg_hub_db, services=800)
    hubs = [HubProcess(pg_hub_db, tmp_path / f"hub{i}.log") for i in range(2)]
    for process in hubs:
        process.start()
    proxy = FaultProxy([process.url for process in hubs])
    desks = [make_desk(name) for name in ("alice", "bob", "carol")]
    syncers = []
    try:
        for desk, name in zip(desks, ("alice", "bob", "carol"), strict=True):
            desk.sign_in(proxy.url, user=name)
            desk.log_enquiries(20)
            syncers.append(desk.syncer(poll_interval=0.05, page_size=50, batch_size=10))
        for syncer in syncers:
            syncer.start()
        time.sleep(0.5)
        hubs[0].restart(graceful=False)  # one process dies; the other keeps serving
        import_feeds(engine, [(ORG, small_feed(services=700, name_suffix=" b"))], actor="t")
        for desk in desks:
            desk.log_enquiries(20)
        time.sleep(1.0)
    finally:
        for syncer in syncers:
            syncer.stop()
        proxy.close()
    try:
        for desk in desks:
            desk.sign_in(hubs[1].url, user=desk.root.name)
        assert_converged(engine, desks)
    finally:
        for process in hubs:
            process.stop(graceful=False)
        engine.dispose()


def test_network_down_for_a_working_day(big_hub: tuple[HubProcess, Engine], make_desk: Any) -> None:
    hub, engine = big_hub
    proxy = FaultProxy([hub.url])
    desk = make_desk()
    try:
        desk.sign_in(proxy.url)
        desk.sync()
        proxy.faults.down = True
        seen: list[SyncMode] = []
        syncer = desk.syncer(
            poll_interval=30,
            backoff=Backoff(first=0.05, cap=0.3),
            on_status=lambda s: seen.append(s.mode),
        )
        syncer.start()
        started = time.monotonic()
        desk.log_enquiries(2000, brief=True)  # a day's calls, logged with the network down
        logged = time.monotonic() - started
        assert hub_event_count(engine, desk.event_ids(), {desk.log.device_id()})[1] == 0
        # Retrying with backoff, though nothing is new. (Under load the syncer can still
        # be waiting for desk.db, which the burst of saves kept busy, to record the error.)
        assert eventually(lambda: SyncMode.OFFLINE in seen)
        assert syncer.status().mode in (SyncMode.OFFLINE, SyncMode.SYNCING)  # (mid-retry)
        retries = len(proxy.faults.requests)
        assert retries >= 3
        proxy.faults.down = False
        syncer.wake()  # the network is back: at once, not after the backoff
        deadline = time.monotonic() + 120
        while desk.log.outbox_size() and time.monotonic() < deadline:
            time.sleep(0.2)
        delivered = time.monotonic()
        syncer.stop()
        assert desk.log.outbox_size() == 0, f"logged in {logged:.1f}s"
        assert delivered - started < 180
        print(f"2,000 enquiries logged in {logged:.1f} s, delivered {delivered - started:.1f} s in")
        assert_converged(engine, [desk])
    finally:
        proxy.close()
