"""Filling a rebuilt catalogue in a process of its own, with its search index beside it.

A first sync of 200,000 services is one process doing everything: reading pages off the
network, parsing and checking them, building rows, SQLite inserts and commits. Python
runs one thread at a time, so that process was the whole sync's ceiling while the
machine's other core waited (bench/sync, round 6). A `FillProcess` takes the writing: the
sync's process sends each decoded page to `fill_worker`, which applies it with the same
`ChangeApplier` code and sends the searchable text on to an `index_worker` of its own. The
sync's process meanwhile fetches and checks the next page.

It offers what `ChangeApplier` offers a pull (`transaction`), so the pull groups pages and
cursors into transactions exactly as it does in-process; a kill at any point leaves the
file as a killed in-process writer would. The index starts from the rows already in the
file (a sync writes its first pages itself and hands over only when there are more), and
is discarded, as `index_build` discards it, if anything goes wrong.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from frontdesk.core.catalogue import Organization, Service, TaxonomyTerm
from frontdesk.core.codec import organization_to_dict, service_to_dict, taxonomy_term_to_dict
from frontdesk.search.index_build import START_AFTER, worker_environment
from frontdesk.search.index_worker import frame
from frontdesk.store import jsontext
from frontdesk.store.catalogue_changes import (
    ApplyPage,
    CatalogueChange,
    ChangeCounts,
    count_changes,
    latest_changes,
)


def fill_process() -> type[FillProcess] | None:
    """`FillProcess`, or None where no worker process can be started: in a frozen app the
    interpreter is the app itself (the sync then writes everything in its own process)."""
    return None if getattr(sys, "frozen", False) else FillProcess


class FillFailed(RuntimeError):
    """The fill process stopped; what it said is the message."""


class FillProcess:
    """Pages applied to the catalogue file `path` by a `fill_worker` process, its search
    index built into `index_path` (None: no index; the caller indexes afterwards).

    `pragmas` are run on each of the worker's connections to the file (a staging file's
    relaxed durability). The index worker starts once `index_start_after` rows are there."""

    def __init__(
        self,
        path: Path,
        origin: str,
        pragmas: Sequence[str],
        index_path: Path | None,
        *,
        index_start_after: int = START_AFTER,
    ) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "frontdesk.search.fill_worker", str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=worker_environment(),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # Windows: no console
        )
        setup = {
            "path": str(path),
            "origin": origin,
            "pragmas": list(pragmas),
            "index": str(index_path) if index_path is not None else "",
            "index_start_after": index_start_after,
        }
        self._ended = False
        self._send(setup)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ApplyPage]:
        """As `ChangeApplier.transaction`. The commit is the worker's: it is sent, not
        waited for, so the next pages are fetched meanwhile. If this block fails the
        worker is stopped and rolls the transaction back (a pull ends there anyway)."""
        self._send(("begin",))
        try:
            yield self._apply
        except BaseException:
            self.abandon()
            raise
        self._send(("commit",))

    def finish(self, *, complete: bool, then: Sequence[str] = ()) -> None:
        """Wait until everything sent is committed; if `complete`, the worker then runs the
        statements `then` (while its index worker finishes) and installs the index.
        FillFailed if it failed: nothing after its last commit is in the file."""
        self._send(("finish", complete, list(then)))
        self._end(expected=0)

    def abandon(self) -> None:
        """Stop the worker: it rolls back whatever was not committed, and exits."""
        self._end(expected=None)

    def _apply(
        self, changes: Sequence[CatalogueChange], meta: dict[str, str | None]
    ) -> ChangeCounts:
        latest = latest_changes(changes)
        # As JSON inside the frame: `marshal` rebuilds a page's thousand nested documents
        # several times slower than orjson parses them.
        self._send(("page", jsontext.dumps([_entry(c) for c in latest]), meta))
        return count_changes(latest)

    def _send(self, message: Any) -> None:
        pipe: IO[bytes] | None = self.process.stdin
        assert pipe is not None
        if self._ended:
            raise FillFailed("writing the catalogue has already ended")
        try:
            pipe.write(frame(message))
            pipe.flush()  # a commit is a few bytes: it must not wait in the buffer
        except OSError:  # it died: its own words say why
            self._end(expected=0)
            raise FillFailed("writing the catalogue ended early") from None

    def _end(self, expected: int | None) -> None:
        if self._ended:
            return
        self._ended = True
        if self.process.stdin is not None:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        errors = self.process.stderr.read() if self.process.stderr is not None else b""
        status = self.process.wait()
        if expected is not None and status != expected:
            lines = errors.decode("utf-8", "replace").strip().splitlines()
            reason = lines[-1] if lines else f"it exited with status {status}"
            raise FillFailed(f"writing the catalogue failed: {reason}")


def _entry(change: CatalogueChange) -> tuple[str, str, str, Any]:
    """A change as `fill_worker.change` reads it: records as codec dicts, which `marshal`
    sends (services already are; organisations and terms come as dataclasses)."""
    record: Any = change.record
    if isinstance(record, Service):
        record = service_to_dict(record)
    elif isinstance(record, Organization):
        record = organization_to_dict(record)
    elif isinstance(record, TaxonomyTerm):
        record = taxonomy_term_to_dict(record)
    return (change.kind, change.id, change.source, record)
