"""Building the search index in a process of its own while a rebuilt catalogue fills.

A first sync writes 200,000 services and then spent a fifth of its time indexing them in
one pass on one core, while the machine's other core sat mostly idle. An `IndexBuild` is
told each row's searchable text as the sync writes it (it is the `IndexFeed` of
`store.catalogue_changes`) and sends it to `index_worker`, a process that indexes it into
a file of its own, so the rows and the index are written side by side. `install` then
moves the finished index into the catalogue (`index.install_built`).

The side index is contentless: it stores no text, so removing a row needs the row's old
text, which the applier reads before it deletes or rewrites a row. Everything here is
throwaway: a build that fails, is stopped or is killed is discarded, and the catalogue is
indexed in one pass instead, as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine

from frontdesk.search.index import (
    BUILD_HASH_BYTES,
    CREATE_CONTENTLESS,
    FTS_TABLE,
    INDEXED,
    install_built,
)
from frontdesk.search.index_worker import frame

log = logging.getLogger(__name__)

# Pages waiting to be sent before the writer waits for the worker.
_BACKLOG = 16
#: Rows after which a worker is started (below it, a one-pass build is sooner).
START_AFTER = 5_000
_NAMES = ", ".join(INDEXED)
_MARKS = ", ".join("?" for _ in INDEXED)
_SETUP = {
    "prepare": [
        # Nothing here needs to survive a crash: a build that did not finish is discarded.
        "PRAGMA journal_mode=OFF",
        "PRAGMA synchronous=OFF",
        "PRAGMA cache_size=-65536",
        CREATE_CONTENTLESS,
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', {BUILD_HASH_BYTES})",
    ],
    "insert": f"INSERT INTO {FTS_TABLE}(rowid, {_NAMES}) VALUES (?, {_MARKS})",
    "delete": (
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_NAMES}) VALUES ('delete', ?, {_MARKS})"
    ),
}
_Rows = list[tuple[Any, ...]]


class IndexBuild:
    """The index of one catalogue being filled, built by a worker process in `path`.

    The worker starts once `start_after` rows have come: a smaller catalogue is indexed in
    one pass sooner than a process starts, so its `install` returns False at once."""

    columns = INDEXED

    def __init__(self, path: Path, *, start_after: int = START_AFTER) -> None:
        self.path = path
        self._start_after = start_after
        self._held: list[bytes] = []
        self._held_rows = 0
        self._worker: _Worker | None = None
        self._ended = False
        _remove(path)

    def replace(self, removed: _Rows, added: _Rows) -> None:
        """Send one page's rows (see `IndexFeed.replace`)."""
        data = frame((removed, added))
        if self._worker is not None:
            self._worker.send(data)
            return
        self._held.append(data)
        self._held_rows += len(added)
        if self._held_rows >= self._start_after:
            self._worker = _Worker(self.path)
            for held in self._held:
                self._worker.send(held)
            self._held = []

    def install(self, engine: Engine) -> bool:
        """Finish the index and put it into the catalogue `engine` writes, replacing any
        index there, in one transaction. False if there is none to install (too few rows
        to start a worker, or the worker failed, which is logged): the caller then indexes
        the catalogue another way."""
        if self._ended or self._worker is None:
            self.discard()
            return False
        self._ended = True
        failure = self._worker.finish()
        if failure:
            log.warning("building the search index beside the catalogue failed: %s", failure)
            _remove(self.path)
            return False
        database = engine.url.database
        if not database:
            raise ValueError("an index can only be installed into a catalogue file")
        with contextlib.closing(sqlite3.connect(database, timeout=30, isolation_level=None)) as db:
            db.execute("ATTACH DATABASE ? AS built", (str(self.path),))
            db.execute("BEGIN IMMEDIATE")
            try:
                install_built(db, "built")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        _remove(self.path)
        return True

    def discard(self) -> None:
        """Stop the worker without finishing, and remove its file."""
        self._ended = True
        if self._worker is not None:
            self._worker.abandon()
        self._held = []
        _remove(self.path)


class _Worker:
    """The `index_worker` process and the thread that writes to its input."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "frontdesk.search.index_worker", str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=worker_environment(),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
        )
        # Frames go through a thread: a blocking write to the worker's pipe then waits
        # there, not in the sync's writer, which has only to put a page in the queue.
        self._frames: queue.Queue[bytes | None] = queue.Queue(_BACKLOG)
        self._sender = threading.Thread(target=self._send, name="frontdesk-index", daemon=True)
        self._sender.start()
        self._frames.put(frame(_SETUP))
        self._closed = False

    def send(self, data: bytes) -> None:
        self._frames.put(data)

    def finish(self) -> str:
        """Send the finishing frame and wait; what went wrong, or "" if it finished."""
        self._frames.put(frame(None))
        status, errors = self._close()
        if status == 0:
            return ""
        return errors.splitlines()[-1] if errors else f"the worker exited with status {status}"

    def abandon(self) -> None:
        """Close the input without the finishing frame: the worker exits, committing
        nothing."""
        self._close()

    def _close(self) -> tuple[int, str]:
        if not self._closed:
            self._closed = True
            self._frames.put(None)
            self._sender.join()
        stderr = self.process.stderr
        errors = stderr.read().decode("utf-8", "replace").strip() if stderr else ""
        return self.process.wait(), errors

    def _send(self) -> None:
        pipe: IO[bytes] | None = self.process.stdin
        assert pipe is not None
        try:
            while (data := self._frames.get()) is not None:
                pipe.write(data)
        except OSError:  # the worker died: its status and stderr say why (`finish`)
            while self._frames.get() is not None:
                pass  # keep taking pages, so the writer never waits on a dead worker
        finally:
            with contextlib.suppress(OSError):
                pipe.close()


def worker_environment() -> dict[str, str]:
    """This environment, with the folder frontdesk is imported from first on the path, so
    a worker (this module's, or `fill`'s) runs this very frontdesk whatever the working
    directory."""
    root = str(Path(__file__).resolve().parent.parent.parent)
    paths = [root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
