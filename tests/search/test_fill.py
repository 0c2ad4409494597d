"""A catalogue filled by a fill process is the catalogue the sync would have written
itself, with the index a one-pass build makes; a transaction given up, a worker that
fails or is killed, or a sync killed under it, loses only what was not committed."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.search import fill
from frontdesk.search.fill import FillFailed, FillProcess, fill_process
from frontdesk.search.index import ensure_index
from frontdesk.store.catalogue import CatalogueStore
from tests.search.changing_feed import changing_feed, service

INDEX = "beside.index"


def _start(path: Path, *, index: bool = True) -> FillProcess:
    index_path = path.with_name(INDEX) if index else None
    return FillProcess(
        path, "https://hub", ["PRAGMA synchronous=OFF"], index_path, index_start_after=0
    )


def _rows(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute(sql, args).fetchall()


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """The feed applied twice: its first page by the sync itself and the rest by a fill
    process, as a rebuild hands over; and all of it in-process, indexed in one pass."""
    pages = changing_feed()
    handed = tmp_path / "handed.db"
    store = CatalogueStore.open(handed)
    store.change_applier("https://hub", filling=True).apply(pages[0] + pages[1], {"c": "0"})
    store.close()
    process = _start(handed)
    for n, page in enumerate(pages[2:]):
        with process.transaction() as apply:
            apply(page, {"sync_cursor": f"c{n}"})
    process.finish(complete=True, then=["CREATE INDEX ix_test_then ON services(status)"])
    alone = tmp_path / "alone.db"
    store = CatalogueStore.open(alone)
    applier = store.change_applier("https://hub", filling=True)
    for page in pages:
        applier.apply(page, {})
    ensure_index(store.engine)
    store.close()
    yield handed, alone


def test_it_writes_the_rows_the_sync_would_have_written(filled: tuple[Path, Path]) -> None:
    handed, alone = filled
    for query in (
        "SELECT id, name, organization_name, taxonomy, content_hash FROM services ORDER BY id",
        "SELECT s.id, x.term_id FROM service_taxonomy x"
        " JOIN services s ON s.rowid = x.service_rowid ORDER BY 1, 2",
        "SELECT name, services FROM sources",
    ):
        assert _rows(handed, query) == _rows(alone, query)
    assert _rows(handed, "SELECT value FROM meta WHERE key = 'sync_cursor'") == [("c3",)]
    assert _rows(handed, "SELECT name FROM sqlite_master WHERE name = 'ix_test_then'")


def test_its_index_starts_from_the_rows_already_there_and_ranks_as_one_pass(
    filled: tuple[Path, Path],
) -> None:
    handed, alone = filled
    _rows(handed, "INSERT INTO services_fts(services_fts, rank) VALUES ('integrity-check', 1)")
    vocabulary = "SELECT term, doc, cnt FROM services_fts_vocab ORDER BY term"
    assert _rows(handed, vocabulary) == _rows(alone, vocabulary)
    search = (
        "SELECT s.id, round(rank, 6) FROM services_fts JOIN services s ON s.rowid = "
        "services_fts.rowid WHERE services_fts MATCH ? ORDER BY rank, s.id"
    )
    for words in ("housing", "debt advice", "cafe", "renamed", "help 7"):  # 7: a first-page row
        assert _rows(handed, search, words) == _rows(alone, search, words), words
    assert not (handed.parent / INDEX).exists()


def test_a_transaction_given_up_is_rolled_back_and_the_worker_ends(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    process = _start(path)
    with process.transaction() as apply:
        apply([service(1)], {"sync_cursor": "c1"})
    with pytest.raises(RuntimeError, match="the link broke"), process.transaction() as apply:
        apply([service(2)], {"sync_cursor": "c2"})
        raise RuntimeError("the link broke")
    assert process.process.poll() is not None
    assert _rows(path, "SELECT id FROM services") == [("src:s1",)]
    assert _rows(path, "SELECT value FROM meta WHERE key = 'sync_cursor'") == [("c1",)]
    assert not (tmp_path / INDEX).exists()


def test_a_killed_worker_is_reported_and_its_last_commit_kept(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    process = _start(path)
    with process.transaction() as apply:
        apply([service(1)], {"sync_cursor": "c1"})
    _wait_for_cursor(path, "c1")  # a commit is sent, not waited for
    process.process.send_signal(signal.SIGKILL)  # as the OS might, out of memory
    process.process.wait()
    with pytest.raises(FillFailed, match="writing the catalogue"):
        with process.transaction() as apply:
            apply([service(2)], {"sync_cursor": "c2"})
        process.finish(complete=True)
    # What it committed before it was killed stays: the next sync carries on from c1.
    assert _rows(path, "SELECT value FROM meta WHERE key = 'sync_cursor'") == [("c1",)]
    assert _rows(path, "SELECT id FROM services") == [("src:s1",)]


def _wait_for_cursor(path: Path, cursor: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with contextlib.suppress(sqlite3.OperationalError):  # no tables yet, or locked
            if _rows(path, "SELECT value FROM meta WHERE key = 'sync_cursor'") == [(cursor,)]:
                return
        time.sleep(0.02)
    raise AssertionError(f"the worker never committed {cursor}")


def test_a_worker_that_fails_says_why(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    path.write_bytes(b"this is not a catalogue" * 200)
    process = _start(path, index=False)
    # The database's own words, not its exit status or SQLAlchemy's closing web address.
    reason = "writing the catalogue failed: DatabaseError: file is not a database$"
    with pytest.raises(FillFailed, match=reason):
        with process.transaction() as apply:
            apply([service(1)], {})
        process.finish(complete=True)


def test_a_statement_that_fails_at_the_end_keeps_what_was_committed(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    process = _start(path, index=False)
    with process.transaction() as apply:
        apply([service(1)], {"sync_cursor": "c1"})
    reason = r"writing the catalogue failed: OperationalError: no such table: \S*no_such_table$"
    with pytest.raises(FillFailed, match=reason):
        process.finish(complete=True, then=["CREATE INDEX ix_x ON no_such_table(a)"])
    assert _rows(path, "SELECT id FROM services") == [("src:s1",)]
    assert _rows(path, "SELECT value FROM meta WHERE key = 'sync_cursor'") == [("c1",)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_sync_killed_under_it_takes_the_worker_with_it(tmp_path: Path) -> None:
    # A worker outliving its sync could commit after a newer sync had begun. Here a
    # process of the sync's keeps the worker's input open, so the end of its input cannot
    # be what stops it: only being killed with its parent can.
    script = (
        "import subprocess, time; from pathlib import Path;"
        "from frontdesk.search.fill import FillProcess;"
        f"p = FillProcess(Path({str(tmp_path / 'catalogue.db')!r}), 'https://hub', [], None);"
        "fd = p.process.stdin.fileno();"
        "keeper = subprocess.Popen(['sleep', '60'], pass_fds=(fd,));"
        "print(p.process.pid, keeper.pid, flush=True); time.sleep(60)"
    )
    sync = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert sync.stdout is not None
    worker, keeper = map(int, sync.stdout.readline().split())
    try:
        # Killed at once: the worker may not have started yet, and must still notice.
        sync.send_signal(signal.SIGKILL)
        sync.wait()
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(keeper, signal.SIGKILL)


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, dead but not yet reaped by init, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_a_frozen_app_writes_in_its_own_process(monkeypatch: pytest.MonkeyPatch) -> None:
    # A frozen app's interpreter is the app itself: there is no worker to start.
    assert fill_process() is FillProcess
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert fill.fill_process() is None


def test_the_worker_runs_this_frontdesk_whatever_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(["/nonexistent", str(tmp_path)]))
    process = _start(tmp_path / "catalogue.db", index=False)
    with process.transaction() as apply:
        apply([service(3)], {})
    process.finish(complete=True)
    assert _rows(tmp_path / "catalogue.db", "SELECT id FROM services") == [("src:s3",)]
