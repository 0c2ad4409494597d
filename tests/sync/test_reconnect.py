"""Back online: a desk whose hub could not be reached syncs as soon as it can connect
again, long before its backoff would have let it; a hub that takes connections but fails
requests keeps the backoff; the probe goes where requests would connect first."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import pytest
from sqlalchemy import Engine

from frontdesk.sync import SyncMode
from frontdesk.sync.backoff import Backoff
from frontdesk.sync.reconnect import can_connect, first_hop, wait_for_reconnect
from tests.helpers.hub import eventually
from tests.helpers.hub_process import HubProcess, assert_converged, free_port
from tests.helpers.proxy import FaultProxy

# Far longer than any test waits: only a reconnect can start the next round in time.
LONG_BACKOFF = Backoff(first=300, cap=300)


def test_an_offline_desk_syncs_as_soon_as_the_hub_can_be_reached_again(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    hub.stop(graceful=False)  # connections are refused from now on
    desk.log_enquiries(3, brief=True)
    syncer = desk.syncer(backoff=LONG_BACKOFF, probe_interval=0.1)
    syncer.start()
    try:
        assert eventually(lambda: syncer.status().mode is SyncMode.OFFLINE, timeout=30)
        assert desk.log.outbox_size() == 3
        hub.start()
        started = time.monotonic()
        assert eventually(lambda: desk.log.outbox_size() == 0, timeout=30)
        assert time.monotonic() - started < 30  # the backoff alone would wait 150-300 s
        assert eventually(lambda: syncer.status().mode is SyncMode.ONLINE, timeout=30)
    finally:
        syncer.stop()
    assert_converged(hub_engine, [desk])  # the three, exactly once


def test_a_hub_that_takes_connections_but_fails_requests_keeps_the_backoff(
    proxy: FaultProxy, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(proxy.url)
    desk.sync()
    proxy.faults.down = True  # connections accepted, then hung up on
    desk.log_enquiries(1, brief=True)
    proxy.faults.requests.clear()
    syncer = desk.syncer(backoff=LONG_BACKOFF, probe_interval=0.05)
    syncer.start()
    try:
        assert eventually(lambda: syncer.status().mode is SyncMode.OFFLINE, timeout=30)
        threading.Event().wait(1.0)  # twenty probes' worth
        assert len(proxy.faults.requests) == 1  # the first push, and no round since
        proxy.faults.down = False
        syncer.wake()  # F5, or a save
        assert eventually(lambda: desk.log.outbox_size() == 0, timeout=30)
    finally:
        syncer.stop()


def test_the_probe_goes_to_the_proxy_requests_would_use(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "hub.internal")
    assert first_hop("https://hub.example.gov.uk") == ("hub.example.gov.uk", 443)
    assert first_hop("http://127.0.0.1:8700") == ("127.0.0.1", 8700)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.council.local:3128")
    assert first_hop("https://hub.example.gov.uk") == ("proxy.council.local", 3128)
    assert first_hop("https://hub.internal:8443") == ("hub.internal", 8443)  # NO_PROXY


def test_a_reconnect_is_a_refused_port_that_starts_listening() -> None:
    port = free_port()
    hop = ("127.0.0.1", port)
    woken = threading.Event()
    assert not can_connect(hop)
    assert not wait_for_reconnect(hop, 0.3, woken, interval=0.05)  # still down: waits it out

    listener = socket.socket()

    def listen_soon() -> None:
        time.sleep(0.3)
        listener.bind(hop)
        listener.listen()

    threading.Thread(target=listen_soon, daemon=True).start()
    started = time.monotonic()
    try:
        assert wait_for_reconnect(hop, 30, woken, interval=0.05)
        assert time.monotonic() - started < 10
        # Up from the start is not a reconnect: the whole wait passes.
        assert not wait_for_reconnect(hop, 0.3, woken, interval=0.05)
        woken.set()  # woken (F5, stop) ends the wait at once, and is not a reconnect
        assert not wait_for_reconnect(hop, 30, woken, interval=0.05)
    finally:
        listener.close()
