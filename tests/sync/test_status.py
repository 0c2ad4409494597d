"""What `frontdesk status` and the status bar read from a desk that is not syncing."""

from __future__ import annotations

from pathlib import Path

from frontdesk.store.desk import DeskStore
from frontdesk.sync.account import LAST_ERROR, HubAccount, SyncState
from frontdesk.sync.status import EMBEDDED_NOTE, SyncMode, read_status


def _desk(tmp_path: Path) -> DeskStore:
    return DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")


def test_a_desk_with_no_hub_is_standalone(tmp_path: Path) -> None:
    desk = _desk(tmp_path)
    assert read_status(desk, None).mode is SyncMode.STANDALONE
    desk.close()


def test_a_demo_sign_in_says_only_the_running_demo_syncs_it(tmp_path: Path) -> None:
    desk = _desk(tmp_path)
    state = SyncState(desk)
    state.set_account(HubAccount("http://127.0.0.1:9", "demo-adviser", "demo", embedded=True))
    status = read_status(desk, None)
    assert (status.mode, status.message) == (SyncMode.ONLINE, EMBEDDED_NOTE)
    state.set({LAST_ERROR: "cannot reach the hub"})
    status = read_status(desk, None)
    assert (status.mode, status.message) == (SyncMode.OFFLINE, "cannot reach the hub")
    desk.close()


def test_a_real_hub_sign_in_carries_no_note(tmp_path: Path) -> None:
    desk = _desk(tmp_path)
    SyncState(desk).set_account(HubAccount("https://hub.example.org", "ann", "council"))
    status = read_status(desk, None)
    assert (status.mode, status.message) == (SyncMode.ONLINE, None)
    desk.close()
