"""The one way the GUI runs background work.

`runner.run(fn)` hands `fn` to an executor and returns an `Operation` on which the caller
chains `.on_success(cb)`, `.on_failure(cb)` and `.with_progress(label)`. Two executors
exist: a single worker thread for SQLite (one writer, no lock contention, in order) and a
small pool for network calls. Results always come back to the GUI thread through a queued
Qt signal, so callbacks may touch widgets and the chain can be completed after `run()`
returns even when the executor ran `fn` on the spot (as the tests' immediate executor does).

An operation started with a `key` supersedes earlier ones with the same key: a superseded
operation is skipped if it has not started yet and its result is dropped if it has. That is
how search-as-you-type applies only the newest query's results.

Only the GUI thread lets go of an operation (its function, its callbacks and the widgets
they are bound to): the runner keeps each one until its result is delivered, and a worker
drops its own references before it says the work is done. Were a worker the last to let
go, a widget owned by Python would be destroyed on that thread (docs/decisions.md).
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Generic, Literal, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from frontdesk.gui import message

log = logging.getLogger("frontdesk.gui.operations")

T = TypeVar("T")
Lane = Literal["db", "network"]


class Executor(Protocol):
    """Something that runs a zero-argument callable, now or later, on some thread."""

    def submit(self, fn: Callable[[], None]) -> None: ...

    def shutdown(self) -> None: ...


class ImmediateExecutor:
    """Runs each task at once on the calling thread (tests; Picard's fake thread pool)."""

    def submit(self, fn: Callable[[], None]) -> None:
        fn()

    def shutdown(self) -> None:
        pass


class ThreadExecutor:
    """A thread pool; with one worker it also keeps SQLite work strictly in order."""

    def __init__(self, workers: int, name: str) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)

    def submit(self, fn: Callable[[], None]) -> None:
        self._pool.submit(fn)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def is_environment_error(error: BaseException) -> bool:
    """Failures of the machine, disk or network rather than bugs in frontdesk."""
    from sqlalchemy.exc import OperationalError

    if getattr(error, "is_environment_error", False):
        return True
    return isinstance(error, OSError | sqlite3.OperationalError | OperationalError)


class Operation(Generic[T]):
    """One piece of background work and what to do with its result on the GUI thread."""

    def __init__(self, runner: OperationRunner, op_id: int, key: str | None) -> None:
        self.op_id = op_id
        self.key = key
        self._runner = runner
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.progress: str | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.skipped = False
        self.ran = False  # the function ran (or was skipped) on its executor
        self._fn: Callable[[], T] | None = None
        self._owners: list[QObject] = []

    def on_success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._success = callback
        self._watch(callback)
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Operation[T]:
        self._failure = callback
        self._watch(callback)
        return self

    def _watch(self, callback: Callable[..., None]) -> None:
        # A callback bound to a widget must not run once the widget is gone.
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, QObject):
            self._owners.append(owner)

    def with_progress(self, label: str) -> Operation[T]:
        """Show `label` in the status bar until the operation finishes."""
        self.progress = label
        self._runner.progress_started.emit(self.op_id, label)
        return self

    def _deliver(self) -> None:
        if self.progress is not None:
            self._runner.progress_finished.emit(self.op_id)
        if self.skipped or self._runner.is_stale(self) or self._runner.cancelled:
            return
        if not all(shiboken6.isValid(owner) for owner in self._owners):
            return
        if self.error is None:
            if self._success is not None:
                self._success(self.result)
        elif self._failure is not None:
            self._failure(self.error)
        elif is_environment_error(self.error):
            log.warning("background task failed: %s", type(self.error).__name__)
            message.error(str(self.error))
        else:
            error = self.error
            sys.excepthook(type(error), error, error.__traceback__)


class OperationRunner(QObject):
    """Runs operations on the database worker or the network pool.

    Signals:
        progress_started(int, str): an operation with a progress label began (id, label).
        progress_finished(int): that operation finished, successfully or not.
    """

    progress_started = Signal(int, str)
    progress_finished = Signal(int)
    _finished = Signal(int)

    def __init__(self, db: Executor, network: Executor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executors: dict[Lane, Executor] = {"db": db, "network": network}
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()
        self._pending: dict[int, Operation[Any]] = {}  # until delivered on the GUI thread
        self.cancelled = False
        self._shut_down = False
        # Queued even when emitted on the GUI thread: callbacks never run inside run().
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def threaded(cls, parent: QObject | None = None) -> OperationRunner:
        return cls(ThreadExecutor(1, "frontdesk-db"), ThreadExecutor(4, "frontdesk-net"), parent)

    def run(
        self, fn: Callable[[], T], *, lane: Lane = "db", key: str | None = None
    ) -> Operation[T]:
        op: Operation[T] = Operation(self, next(self._ids), key)
        if self._shut_down:  # asked for while quitting (a widget's timer): never started
            op.skipped = True
            return op
        op._fn = fn
        op_id = op.op_id
        with self._lock:
            self._pending[op_id] = op
            if key is not None:
                self._latest[key] = op_id
        # The task holds the id only, so a worker never holds the last reference.
        self._executors[lane].submit(lambda: self._work(op_id))
        return op

    def _work(self, op_id: int) -> None:
        """On a worker: run the operation's function; touches no widget."""
        with self._lock:
            op = self._pending.get(op_id)
        if op is None:
            return
        fn, op._fn = op._fn, None
        if fn is None or self.is_stale(op):
            op.skipped = True
        else:
            try:
                op.result = fn()
            except BaseException as error:  # delivered to the GUI thread, not lost
                op.error = error
        op.ran = True
        del op, fn  # before the GUI thread may deliver it and let it go
        self._finished.emit(op_id)

    def submit(self, fn: Callable[[], None], *, lane: Lane = "db") -> None:
        """Queue `fn` on a lane with no result and no callback: for work another thread
        (the syncer) must sequence with the GUI's own, such as pausing catalogue.db use."""
        self._executors[lane].submit(fn)

    def is_stale(self, op: Operation[Any]) -> bool:
        if op.key is None:
            return False
        with self._lock:
            return self._latest.get(op.key) != op.op_id

    def cancel_pending(self) -> None:
        """Deliver nothing more: the window these results were for has gone."""
        self.cancelled = True

    def shutdown(self) -> None:
        """Wait for queued work (a draft being saved) before the application quits."""
        self._shut_down = True
        for executor in self._executors.values():
            executor.shutdown()
        with self._lock:  # those cancelled before they ran will never be delivered
            self._pending = {i: op for i, op in self._pending.items() if op.ran}

    def _on_finished(self, op_id: int) -> None:
        with self._lock:
            op = self._pending.pop(op_id, None)
        if op is not None:
            op._deliver()
