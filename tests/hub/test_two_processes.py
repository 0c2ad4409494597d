"""Two `frontdesk hub serve` processes on one PostgreSQL database: a desk may pull and push
through either, and a retry racing its original through the other is still applied once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.migrate import upgrade
from tests.helpers.hub import PASSWORD, PROTOCOL, event_op, eventually, small_feed

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SERVE = "import sys; from frontdesk.cli import main; sys.exit(main())"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"hub exited: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            if httpx.get(base + "/", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"{base} did not come up")


@pytest.fixture
def hubs(pg_url: str) -> Iterator[list[str]]:
    engine = create_hub_engine(pg_url)
    upgrade(engine)
    add_organization(engine, "kirklees", "Kirklees Council", actor="test")
    add_account(engine, "alice", Role.ADVISER, "kirklees", PASSWORD, actor="test")
    import_feeds(engine, [("kirklees", small_feed(services=3))], actor="test")
    engine.dispose()
    env = {k: v for k, v in os.environ.items() if k != "FRONTDESK_HUB_DB"}
    processes, bases = [], []
    try:
        for _ in range(2):
            port = _free_port()
            command = [
                sys.executable,
                "-c",
                SERVE,
                "hub",
                "serve",
                "--db",
                pg_url,
                "--port",
                str(port),
            ]
            processes.append(
                subprocess.Popen(
                    command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
                )
            )
            bases.append(f"http://127.0.0.1:{port}")
        for base, process in zip(bases, processes, strict=True):
            _wait_until_up(base, process)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _push(base: str, headers: dict[str, str], ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = httpx.post(
        f"{base}/sync/v1/push",
        json={"device_id": "desk-1", "ops": ops},
        headers=headers,
        timeout=10,
    )
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def _pull(base: str, headers: dict[str, str], cursor: str | None) -> dict[str, Any]:
    params = {"cursor": cursor, "limit": 2} if cursor else {"limit": 2}
    response = httpx.get(f"{base}/sync/v1/changes", params=params, headers=headers, timeout=10)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_a_desk_syncs_through_either_process(hubs: list[str]) -> None:
    one, two = hubs
    login = httpx.post(
        f"{one}/auth/v1/login", json={"username": "alice", "password": PASSWORD}, headers=PROTOCOL
    )
    headers = {**PROTOCOL, "Authorization": f"Bearer {login.json()['token']}"}

    # Pull alternately through both processes: one cursor, one feed.
    seen: list[str] = []
    cursor = None
    for turn in range(10):
        page = _pull(hubs[turn % 2], headers, cursor)
        seen += [c["id"] for c in page["changes"]]
        cursor = page["cursor"]
        if not page["has_more"] and len(seen) >= 5:
            break
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 5

    # Push alternately: the device sequence is shared through the database.
    assert _push(one, headers, [event_op(1)])[0]["status"] == "applied"
    assert _push(two, headers, [event_op(2, kind="note", data={})])[0]["status"] == "applied"
    assert _push(one, headers, [event_op(3, kind="note", data={})])[0]["status"] == "applied"

    # The same op sent to both at once (a retry racing its original) applies once.
    racing = event_op(4, kind="referral sent", data={"service_id": "kirklees:svc-0"})
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda base: _push(base, headers, [racing])[0], hubs))
    assert sorted(r["status"] for r in results) == ["applied", "duplicate"]

    # The referral it made reaches the desk through the other process.
    def referral_arrives() -> bool:
        page = _pull(two, headers, cursor)
        return any(c["kind"] == "referral" for c in page["changes"])

    assert eventually(referral_arrives)

    # Signing out through one process ends the session on both.
    assert httpx.post(f"{two}/auth/v1/logout", headers=headers).status_code == 200
    assert httpx.get(f"{one}/sync/v1/changes", headers=headers).status_code == 401
