"""A hub that accepts the connection and never answers: the desk says Offline after the
client's timeouts, not after minutes of "Syncing…", and a round that never reached the
hub does not count as a sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.store.desk import DeskStore
from frontdesk.sync import client
from frontdesk.sync.account import LAST_PULL, HubAccount, SyncState
from frontdesk.sync.client import HubClient
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.errors import HubUnreachable
from frontdesk.sync.rebuild import CatalogueFile
from frontdesk.sync.status import SyncMode, SyncStatus, read_status
from frontdesk.sync.syncer import Syncer
from tests.helpers.hub_process import file_keyring
from tests.helpers.silent_hub import SilentHub

__all__ = ["file_keyring"]  # a fixture, used here by name


@pytest.fixture
def silent() -> Iterator[SilentHub]:
    hub = SilentHub()
    yield hub
    hub.close()


@pytest.fixture
def quick_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same code path as the default timeouts, without the test waiting 15 s."""
    monkeypatch.setattr(client, "TIMEOUT", (1.0, 0.5))


def test_the_default_timeouts_call_a_silent_hub_offline_within_15_seconds() -> None:
    connect, silence = client.TIMEOUT
    assert connect + silence <= 15
    assert HubClient("http://127.0.0.1:1")._timeout == client.TIMEOUT


def test_a_hub_that_never_answers_is_unreachable(silent: SilentHub, quick_timeouts: None) -> None:
    with HubClient(silent.url, "token") as hub, pytest.raises(HubUnreachable, match="timed out"):
        hub.changes(None, 10)
    assert silent.accepted == 1  # connected: it was the answer that never came


def test_a_round_against_a_silent_hub_is_offline_and_not_a_sync(
    tmp_path: Path, silent: SilentHub, quick_timeouts: None, file_keyring: TokenStore
) -> None:
    desk = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    state = SyncState(desk)
    state.set_account(HubAccount(silent.url, "alice", "council"))
    file_keyring.save(silent.url, "alice", "token")
    state.set({LAST_PULL: "2026-01-05T09:00:00+00:00"})
    before = read_status(desk, None).last_sync_at
    statuses: list[SyncStatus] = []
    syncer = Syncer(
        desk, CatalogueFile(tmp_path / "catalogue.db"), tokens=file_keyring,
        on_status=statuses.append,
    )  # fmt: skip
    try:
        with pytest.raises(HubUnreachable):
            syncer.run_once()  # nothing to push, so the pull is the first request
    finally:
        syncer.stop()
    assert statuses[0].mode is SyncMode.SYNCING
    after = read_status(desk, None)
    assert after.mode is SyncMode.OFFLINE
    assert after.last_push_at is None and after.last_sync_at == before
    desk.close()
