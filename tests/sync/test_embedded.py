"""The embedded demo hub: SQLite in the data folder, the demo catalogue, a demo adviser;
the desk is signed in and its first sync brings the whole demo catalogue. The sign-in
lives in the demo process's memory, so all of it works with no keyring at all; other
processes are told why they cannot sync, and a killed demo leaves a desk that works
standalone and a data folder where the next demo starts cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from frontdesk.hub import schema as h
from frontdesk.hub.db import create_hub_engine
from frontdesk.search.index import ensure_index
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync import CatalogueFile, Syncer, start_embedded_hub
from frontdesk.sync.account import SyncState
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.embedded import DEMO_USER
from frontdesk.sync.errors import KeyringUnavailable
from tests.helpers.hub_process import CLI, DEMO_SERVICES, Desk, spawn_demo

pytestmark = pytest.mark.slow


def test_the_embedded_hub_serves_the_demo(make_desk: Any) -> None:
    desk = make_desk()
    url, stop = start_embedded_hub(desk.root, tokens=desk.tokens)
    try:
        account = SyncState(desk.store).account()
        assert account is not None and account.url == url and account.user == "demo-adviser"
        report = desk.sync()
        assert report.pull.rebuilt and len(desk.catalogue()["services"]) == 335
        desk.log_enquiries(3)
        assert desk.sync().push.applied >= 3
    finally:
        stop()
    assert (desk.root / "hub" / "hub.db").is_file()  # the hub lives in the data folder


def _files_holding(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def _hub_enquiries(root: Path, device_id: str) -> int:
    engine = create_hub_engine(f"sqlite:///{root / 'hub' / 'hub.db'}")
    try:
        with engine.connect() as conn:
            query = select(func.count()).where(h.enquiries.c.device_id == device_id)
            return int(conn.scalar(query) or 0)
    finally:
        engine.dispose()


def test_the_demo_signs_in_and_syncs_with_no_keyring_and_no_token_on_disk(
    no_keyring: None, tmp_path: Path
) -> None:
    with pytest.raises(KeyringUnavailable):  # a real hub could not be signed in to here
        TokenStore().save("https://hub.example.org", "alice", "secret")
    root = tmp_path / "demo"
    url, stop = start_embedded_hub(root)  # the default TokenStore, as `frontdesk demo`
    desk = Desk(root, TokenStore())
    try:
        account = SyncState(desk.store).account()
        assert account is not None and account.url == url and account.embedded
        token = TokenStore().load(url, DEMO_USER)
        assert token and len(token) > 20

        # The first sync (as `frontdesk demo` runs it) brings the demo catalogue.
        syncer = Syncer(desk.store, CatalogueFile(root / "catalogue.db"), prepare=ensure_index)
        try:
            report = syncer.run_once()
            assert report.pull.rebuilt and len(desk.catalogue()["services"]) == DEMO_SERVICES
            # An enquiry saved on the desk reaches the hub through the same memory token.
            desk.log_enquiries(1, brief=True)
            assert syncer.run_once().push.applied == 1
        finally:
            syncer.stop()
        assert EnquiryLog(desk.store).outbox_size() == 0
        assert _hub_enquiries(root, desk.log.device_id()) == 1
        assert _files_holding(root, token) == []  # not in desk.db, logs, hub.db, anywhere
    finally:
        desk.close()
        stop()
    assert not TokenStore().in_memory(url)  # stopping the hub forgets its token
    assert _files_holding(root, token) == []
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/", timeout=5)


def _cli(env: dict[str, str], root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args, "--data-dir", str(root)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_other_processes_are_told_and_a_killed_demo_leaves_a_working_desk(
    no_keyring: None, tmp_path: Path
) -> None:
    root = tmp_path / "demo"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config")}  # the app's settings
    demo, url = spawn_demo(env, root)
    try:
        # `frontdesk sync` in another process has no token: it says why, changes nothing.
        synced = _cli(env, root, "sync")
        assert synced.returncode == 1
        assert "only the running `frontdesk demo` can reach" in synced.stderr
        assert "keyring" not in synced.stderr
        status = json.loads(_cli(env, root, "status", "--json").stdout)
        assert (status["mode"], status["hub"]) == ("online", url)
    finally:
        demo.send_signal(signal.SIGKILL)  # no chance to sign out
        demo.wait(30)

    deadline = time.monotonic() + 30  # its hub goes with it
    while True:
        try:
            requests.get(url + "/", timeout=1)
        except requests.ConnectionError:
            break
        assert time.monotonic() < deadline, "the demo's hub outlived the demo"
        time.sleep(0.2)

    synced = _cli(env, root, "sync")
    assert synced.returncode == 1
    assert "has stopped" in synced.stderr and "standalone" in synced.stderr
    status = json.loads(_cli(env, root, "status", "--json").stdout)
    assert (status["mode"], status["hub"]) == ("standalone", None)

    # The next demo starts on a new port with a new token and syncs as the first did.
    second, stop = start_embedded_hub(root)
    desk = Desk(root, TokenStore())
    try:
        assert second != url
        report = desk.sync()
        assert report.pull.rebuilt and len(desk.catalogue()["services"]) == DEMO_SERVICES
    finally:
        desk.close()
        stop()
