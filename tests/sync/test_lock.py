"""One syncer per data folder: a second Syncer, in this process or another, is refused;
`frontdesk sync` says so and changes nothing; the lock goes with a killed process."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from frontdesk.store import desk_schema as d
from frontdesk.sync import NotSignedIn
from frontdesk.sync.lock import ANY_HOLDER, SyncBusy, SyncLock
from tests.helpers.child_output import wait_for_line
from tests.helpers.hub_process import Desk, HubProcess, assert_converged, hub_event_count
from tests.helpers.sync_lock import hold_sync_lock, installed_cli


def desk_state(desk: Desk) -> dict[str, str]:
    with desk.store.engine.connect() as conn:
        return {row.key: row.value for row in conn.execute(select(d.desk_state))}


def frontdesk(desk: Desk, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `frontdesk` command on this desk's data folder, as a real process."""
    return subprocess.run(
        [installed_cli(), *args],
        env=desk.env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_second_syncer_on_one_data_folder_is_refused(make_desk: Any) -> None:
    desk = make_desk()
    first = desk.syncer()
    try:
        with pytest.raises(SyncBusy) as refused:
            desk.syncer()
        assert f"pid {os.getpid()}" in str(refused.value)
        assert "nothing was changed" in str(refused.value)
        make_desk("elsewhere").syncer().stop()  # another data folder is another desk
    finally:
        first.stop()
    desk.syncer().stop()  # stop() let the desk go


def test_a_stopped_syncer_takes_the_desk_again_when_used(make_desk: Any) -> None:
    desk = make_desk()
    syncer = desk.syncer()
    syncer.stop()
    other = desk.syncer()
    with pytest.raises(SyncBusy):
        syncer.run_once()
    other.stop()
    with pytest.raises(NotSignedIn):  # past the lock: it holds the desk again
        syncer.run_once()
    with pytest.raises(SyncBusy):
        desk.syncer()
    syncer.stop()


def test_a_syncer_dropped_without_stop_lets_the_desk_go(make_desk: Any) -> None:
    desk = make_desk()
    desk.syncer()  # never stopped, never kept
    gc.collect()
    desk.syncer().stop()


def test_the_lock_names_its_holder_and_forgets_it_on_release(tmp_path: Path) -> None:
    lock = SyncLock.for_folder(tmp_path, "frontdesk sync --watch")
    lock.acquire()
    lock.acquire()  # held already: nothing to do
    assert lock.path == tmp_path / "sync.lock"
    with pytest.raises(SyncBusy) as refused:
        SyncLock.for_folder(tmp_path).acquire()
    assert refused.value.holder == f"frontdesk sync --watch, pid {os.getpid()}"
    lock.release()
    assert lock.path.read_text() == ""
    assert str(tmp_path) in str(SyncBusy(tmp_path, None)) and ANY_HOLDER in str(
        SyncBusy(tmp_path, None)
    )


def test_the_cli_leaves_a_desk_another_process_syncs_until_that_process_is_killed(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.log_enquiries(3)
    outbox, state = desk.log.outbox_size(), desk_state(desk)
    holder = hold_sync_lock(desk.root)  # as the app would, in its own process
    try:
        refused = frontdesk(desk, "sync", "--once")
        assert refused.returncode == 1
        assert refused.stdout == ""
        assert refused.stderr.count("\n") == 1  # one line
        assert refused.stderr.startswith(
            f"frontdesk: another frontdesk (the frontdesk app, pid {holder.pid}) is already "
            "syncing this desk"
        )
        assert "does the work; nothing was changed" in refused.stderr
        # Nothing changed: not the outbox, not desk.db's sync state, no catalogue, nothing
        # on the hub.
        assert desk.log.outbox_size() == outbox and desk_state(desk) == state
        assert not (desk.root / "catalogue.db").exists()
        assert hub_event_count(hub_engine, desk.event_ids(), {desk.log.device_id()}) == (0, 0)
    finally:
        holder.send_signal(signal.SIGKILL)  # no chance to let go of anything
        holder.wait(30)

    synced = frontdesk(desk, "sync", "--once")
    assert synced.returncode == 0, synced.stderr
    assert "catalogue rebuilt from the hub" in synced.stdout
    assert desk.log.outbox_size() == 0
    assert_converged(hub_engine, [desk])


def test_the_cli_names_a_watching_cli_and_follows_it_once_it_stops(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    watcher = subprocess.Popen(
        [installed_cli(), "sync", "--watch", "--interval", "3600"],
        env=desk.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_line(watcher, "online:", 60)  # its first round is done
        refused = frontdesk(desk, "sync", "--watch")
        assert refused.returncode == 1
        assert f"(frontdesk sync --watch, pid {watcher.pid})" in refused.stderr
    finally:
        watcher.send_signal(signal.SIGTERM)
        assert watcher.wait(60) == 0
    desk.log_enquiries(2)
    synced = frontdesk(desk, "sync")
    assert synced.returncode == 0, synced.stderr
    assert_converged(hub_engine, [desk])
