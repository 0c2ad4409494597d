"""The fault scenarios with live desks: each desk's Syncer runs on its background thread
and long-polls the hub between rounds (not `run_once`), as the app's does. The link cut
while the hub holds a desk's long-poll, the network then down; the one hub process
stopped (gracefully or killed) and started again under a waiting desk. In each, saves made
meanwhile reach the hub exactly once, every change made meanwhile reaches the desk, and
once healthy the desk is back on the live feed: the next change arrives long before the
timed round. (A lost long-poll answer, a page cut off mid-answer and a process killed
behind a load balancer are in test_live.py.)"""

from __future__ import annotations

import signal
import time
from typing import Any

import pytest
from sqlalchemy import Engine

from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.sync import SyncMode
from tests.helpers.hub import small_feed
from tests.helpers.hub_process import ORG, HubProcess, assert_converged, hub_snapshot
from tests.helpers.proxy import FaultProxy
from tests.sync.test_live import TIMED_POLL, wait_until

pytestmark = pytest.mark.slow


def _change(engine: Engine, services: int, suffix: str) -> dict[str, Any]:
    """A catalogue edit on the hub; the catalogue every desk should then hold."""
    import_feeds(engine, [(ORG, small_feed(services=services, name_suffix=suffix))], actor="t")
    return hub_snapshot(engine)


def _next_change_comes_live(engine: Engine, desk: Any) -> float:
    time.sleep(1.5)  # the round is over: the desk is holding a long-poll again
    wanted = _change(engine, 30, " (live)")
    took = wait_until(lambda: desk.catalogue() == wanted, 30)
    print(f"the next change on the desk {took * 1000:.0f} ms after it was made")
    assert took < TIMED_POLL / 2, "it came with a timed round, not the live feed"
    return took


def test_the_link_cut_under_a_held_long_poll_then_down_loses_nothing(
    proxy: FaultProxy, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(proxy.url)
    desk.sync()
    syncer = desk.syncer(poll_interval=TIMED_POLL)
    syncer.start()
    try:
        time.sleep(1.5)  # holding a long-poll
        proxy.faults.down = True
        assert proxy.cut_open() >= 1, "no long-poll was held at the proxy"
        wait_until(lambda: syncer.status().mode is SyncMode.OFFLINE, 30)
        saved = desk.log_enquiries(3)
        syncer.wake()  # as the window does after a save
        wanted = _change(hub_engine, 29, " (while down)")
        time.sleep(1.0)
        assert desk.log.outbox_size() > 0 and desk.catalogue() != wanted
        proxy.faults.down = False
        took = wait_until(
            lambda: desk.log.outbox_size() == 0 and desk.catalogue() == wanted, TIMED_POLL / 2
        )
        print(f"back in step {took * 1000:.0f} ms after the link came back")
        wait_until(lambda: syncer.status().mode is SyncMode.ONLINE, 10)  # the round ends
        desk.note_cursor()
        _next_change_comes_live(hub_engine, desk)
    finally:
        syncer.stop()
    desk.note_cursor()
    assert len(saved) == 3
    assert_converged(hub_engine, [desk])


@pytest.mark.parametrize("graceful", [True, False], ids=["stopped", "killed"])
def test_the_hub_restarted_under_a_waiting_desk_loses_nothing(
    graceful: bool, hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    syncer = desk.syncer(poll_interval=TIMED_POLL)
    syncer.start()
    try:
        time.sleep(1.5)  # holding a long-poll
        started = time.monotonic()
        hub.stop(graceful=graceful)
        how = "SIGTERM" if graceful else "SIGKILL"
        print(f"hub stopped ({how}) in {time.monotonic() - started:.2f} s")
        assert hub.process is not None
        # Stopped by SIGTERM itself: the held long-poll did not keep the process up until
        # `stop` gave up waiting and killed it.
        ended_by = -signal.SIGTERM if graceful else -signal.SIGKILL  # uvicorn re-raises it
        assert hub.process.returncode == ended_by
        desk.log_enquiries(2)
        syncer.wake()
        wanted = _change(hub_engine, 31, " (while down)")
        wait_until(lambda: syncer.status().mode is SyncMode.OFFLINE, 30)
        hub.start()  # the same port
        try:
            took = wait_until(
                lambda: desk.log.outbox_size() == 0 and desk.catalogue() == wanted, TIMED_POLL / 2
            )
        except AssertionError:
            print("not in step:", desk.log.outbox_size(), "waiting;", syncer.status())
            raise
        print(f"back in step {took * 1000:.0f} ms after the hub was up again")
        desk.note_cursor()
        _next_change_comes_live(hub_engine, desk)
    finally:
        syncer.stop()
    desk.note_cursor()
    assert_converged(hub_engine, [desk])
