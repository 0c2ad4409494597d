"""Keeping catalogue.db in step with the hub: page by page, or rebuilt whole and swapped in.

A desk pulls incrementally when catalogue.db holds a cursor from the hub and organisation
it is signed in to. Otherwise (first sync, another hub, a standalone catalogue, or a
cursor the hub no longer honours: 410) it rebuilds: the whole feed goes into a fresh file
beside catalogue.db (`catalogue.db.staging`), which has no search index while it fills
(rows go in several times faster), is indexed in one pass at the end, and then replaces
catalogue.db with one `os.replace`. desk.db is never touched by a rebuild.

A large catalogue is written by another process: a rebuild given `fill_process` (the CLI
and the app pass `search.fill.FillProcess`) writes the first transaction's pages itself
and, if the feed goes on, hands the rest to that process, which also builds the search
index beside the file and installs it at the end. A rebuild without one, or whose index
could not be built, leaves the index to `prepare`, in one pass.

The staging file keeps its own cursor, so a rebuild killed half-way carries on where it
stopped. Before the swap every connection to catalogue.db is closed: the syncer's own,
and the GUI's through the `release`/`reopened` hooks.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, Index, event
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.schema import CreateIndex

from frontdesk.store import catalogue_schema as t
from frontdesk.store.catalogue import CatalogueSchemaError, CatalogueStore
from frontdesk.store.catalogue_changes import PageWriter
from frontdesk.store.engine import writer
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.store.record_reports import ReportLog
from frontdesk.sync.client import HubClient
from frontdesk.sync.errors import CursorExpired
from frontdesk.sync.live import HeldPage
from frontdesk.sync.pull import CURSOR, FEED, PAGE, PullReport, pull_pages

log = logging.getLogger(__name__)

STAGING_SUFFIX = ".staging"
INDEX_SUFFIX = ".index"  # beside the staging file: the index being built for it
#: Pages per staging transaction. Nobody reads the staging file, so fewer, larger commits
#: cost nothing; each page still writes its cursor, so a kill loses at most this many.
GROUP = 10
#: How the staging file is written (see `_staging_store`): no fsync, a 128 MiB cache, and
#: a rollback journal.
STAGING_PRAGMAS = (
    "PRAGMA synchronous=OFF",
    "PRAGMA cache_size=-131072",
    "PRAGMA journal_mode=DELETE",
)
Hook = Callable[[], None]
_BULK_TABLES = (t.services, t.service_areas, t.service_taxonomy)
Prepare = Callable[[Engine], None]


class StagingWriter(PageWriter, Protocol):
    """Another process writing the staging file's pages (`search.fill`)."""

    def finish(self, *, complete: bool, then: Sequence[str]) -> None:
        """Wait until every page sent is committed. If `complete` (the feed is all in),
        run the statements `then` and install the search index built beside the file (or
        leave the file without one, logged, for `prepare` to index)."""

    def abandon(self) -> None:
        """Stop it; it rolls back what it had not committed."""


#: Starts a `StagingWriter`: (staging file, hub address, pragmas for its connections, the
#: file to build the search index in).
StagingWriterFactory = Callable[[Path, str, Sequence[str], Path], StagingWriter]


def _nothing() -> None:
    return None


class CatalogueFile:
    """catalogue.db as the syncer uses it, opened lazily and closed for a swap.

    `release` must make every other user in this process let go of catalogue.db (the GUI
    closes its store on its database thread) and return once they have; `reopened` is
    called after the swap, whether it succeeded or not, so they can open it again.
    """

    def __init__(self, path: Path, *, release: Hook = _nothing, reopened: Hook = _nothing) -> None:
        self.path = path
        self._release = release
        self._reopened = reopened
        self._store: CatalogueStore | None = None

    @property
    def staging_path(self) -> Path:
        return self.path.with_name(self.path.name + STAGING_SUFFIX)

    @property
    def store(self) -> CatalogueStore:
        if self._store is None:
            self._store = CatalogueStore.open(self.path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def replace_with(self, staging: Path) -> None:
        self.close()
        self._release()
        try:
            # Fold the old WAL into the old file first: should power fail between the
            # next two steps, catalogue.db is still whole, just not yet replaced.
            _checkpoint(self.path)
            for suffix in ("-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            os.replace(staging, self.path)
            _fsync_folder(self.path.parent)
        finally:
            self._reopened()


def pull_catalogue(
    target: CatalogueFile,
    log_: EnquiryLog,
    client: HubClient,
    feed_id: str,
    *,
    limit: int = PAGE,
    prepare: Prepare | None = None,
    fill_process: StagingWriterFactory | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    first: HeldPage | None = None,
) -> PullReport:
    """Bring catalogue.db up to date with the feed, incrementally if it can (starting
    with `first`, a page a long-poll brought, if it follows the stored cursor)."""
    store = target.store
    if store.meta(FEED) == feed_id and store.meta(CURSOR):
        try:
            return pull_pages(
                store, log_, client, feed_id, limit=limit, should_stop=should_stop, first=first
            )
        except CursorExpired:
            log.warning("the hub no longer keeps changes back to this desk's cursor; rebuilding")
    return rebuild(
        target,
        log_,
        client,
        feed_id,
        limit=limit,
        prepare=prepare,
        fill_process=fill_process,
        should_stop=should_stop,
    )


def rebuild(
    target: CatalogueFile,
    log_: EnquiryLog,
    client: HubClient,
    feed_id: str,
    *,
    limit: int = PAGE,
    prepare: Prepare | None = None,
    fill_process: StagingWriterFactory | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> PullReport:
    """The whole feed into the staging file, then swapped in (resuming a killed rebuild)."""
    path = target.staging_path
    index_path = path.with_name(path.name + INDEX_SUFFIX)
    staging = _open_staging(path, feed_id)
    if staging.meta(CURSOR) is None:
        # A walk from the start brings every open record report again: the warnings
        # held now may be another hub's.
        ReportLog(log_.desk).forget_warnings()
    writer: StagingWriter | None = None

    def hand_over() -> StagingWriter:
        nonlocal writer
        assert fill_process is not None
        writer = fill_process(path, client.base_url, STAGING_PRAGMAS, index_path)
        return writer

    def fill() -> PullReport:
        return pull_pages(
            staging,
            log_,
            client,
            feed_id,
            limit=limit,
            group=GROUP,
            filling=True,
            handover=hand_over if fill_process is not None else None,
            should_stop=should_stop,
        )

    try:
        try:
            report = fill()
        except CursorExpired:  # the staging file's own cursor expired: start it again
            if writer is not None:
                writer.abandon()
                writer = None
            staging.close()
            _remove(path)
            staging = _staging_store(path)
            report = fill()
        if writer is not None:
            # The secondary indexes are built while the search index is finished.
            writer.finish(complete=report.finished, then=_create_statements())
            writer = None
        if not report.finished:
            return report  # stopped early; the staging file carries on next time
        _create_indexes(staging.engine)
        if prepare is not None:
            prepare(staging.engine)
    finally:
        if writer is not None:
            writer.abandon()
        _remove(index_path)  # what a killed run may have left
        staging.close()
    _seal(path)
    target.replace_with(path)
    report.rebuilt = True
    return report


def _open_staging(path: Path, feed_id: str) -> CatalogueStore:
    """The staging file if it is part-way through this feed and whole, else a fresh one."""
    if path.exists():
        try:
            _check_whole(path)
            store = _staging_store(path)
            if store.meta(FEED) == feed_id:
                return store
            store.close()
        except (CatalogueSchemaError, sqlite3.DatabaseError, OSError) as error:
            log.warning("discarding an unusable staging catalogue: %s", error)
        _remove(path)
    return _staging_store(path)


def _staging_store(path: Path) -> CatalogueStore:
    """The staging file (`STAGING_PRAGMAS`): no fsync, and a rollback journal, not WAL.

    Why no fsync is safe here: SQLite's commits stay atomic when the *process* is killed
    (its writes are already in the OS's cache, and a killed transaction leaves a journal
    that the next connection rolls back), so a killed rebuild still resumes from its own
    cursor with its rows and cursor in step. Only an OS crash or power cut can leave the
    file damaged, and then `_check_whole` finds it on the next start and the rebuild
    begins again from scratch. catalogue.db itself is untouched by this: the staging file
    is fsynced whole (`_seal`) before it is swapped in.

    Why a rollback journal: nobody reads the staging file while it fills, and the pages it
    appends need no journal at all, whereas WAL writes every page twice (into the WAL,
    then into the file). Moving the index in at the end took half the time (bench/sync,
    round 6).
    """
    fresh = not path.exists()
    store = CatalogueStore.open(path)
    store.engine.dispose()  # connections opened from now on get the settings below

    @event.listens_for(store.engine, "connect")
    def _no_fsync(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        for pragma in STAGING_PRAGMAS:
            dbapi_connection.execute(pragma)

    if fresh:
        _drop_indexes(store.engine)
    return store


def _secondary_indexes() -> list[Index]:
    """Indexes on the tables a feed fills, other than primary keys and column UNIQUEs,
    and other than the link tables' indexes by service rowid: those take rows in rowid
    order (cheap to keep) and an updated service's links are deleted through them."""
    return [
        index
        for table in _BULK_TABLES
        for index in sorted(table.indexes, key=_name)
        if list(index.columns.keys()) != ["service_rowid"]
    ]


def _name(index: Index) -> str:
    return str(index.name)


def _drop_indexes(engine: Engine) -> None:
    """A fresh staging file fills without its secondary indexes: each row then updates
    two b-trees instead of six, and `_create_indexes` builds them in one sorted pass at
    the end. (The UNIQUE on `services.id`, which the pages' upserts look rows up by, is
    part of the table and stays.)"""
    with writer(engine).begin() as conn:
        for index in _secondary_indexes():
            conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index.name}"')


def _create_indexes(engine: Engine) -> None:
    """Put back what `_drop_indexes` took away (a no-op for indexes already there)."""
    with writer(engine).begin() as conn:
        for statement in _create_statements():
            conn.exec_driver_sql(statement)


def _create_statements() -> list[str]:
    """`_create_indexes` as SQL, for a `StagingWriter` to run."""
    dialect = sqlite_dialect()
    return [
        str(CreateIndex(index, if_not_exists=True).compile(dialect=dialect))
        for index in _secondary_indexes()
    ]


def _check_whole(path: Path) -> None:
    """Raise DatabaseError unless SQLite's structural check passes (see `_staging_store`)."""
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db:
        result = db.execute("PRAGMA quick_check").fetchone()
    if result is None or result[0] != "ok":
        raise sqlite3.DatabaseError(f"the staging file failed its check: {result}")


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    if not path.exists():
        return
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _seal(path: Path) -> None:
    """One self-contained file: the WAL folded in and switched off, so moving the file
    alone moves everything (catalogue.db turns WAL back on when next opened)."""
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; NTFS journals the rename
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
