"""desk.db: the adviser's own work. Opening it brings its schema up to date (after a backup).

Writes go through `DeskStore.write`, which turns the ways a disk can refuse a write into
`DeskWriteError`: the environment failed, not the program, and the user must be told what
to do next.
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from frontdesk.store.desk_migrations import migrate
from frontdesk.store.engine import sqlite_engine, writer


class WriteProblem(enum.Enum):
    """Why desk.db refused a write, so a front end can word the message in its language."""

    FULL = "full"
    READ_ONLY = "read-only"
    UNAVAILABLE = "unavailable"
    BUSY = "busy"


# SQLite primary result codes (the low byte of the extended code) → what they mean here.
_PROBLEMS = {
    sqlite3.SQLITE_FULL: WriteProblem.FULL,
    sqlite3.SQLITE_READONLY: WriteProblem.READ_ONLY,
    sqlite3.SQLITE_CANTOPEN: WriteProblem.UNAVAILABLE,
    sqlite3.SQLITE_IOERR: WriteProblem.UNAVAILABLE,
    sqlite3.SQLITE_BUSY: WriteProblem.BUSY,
    sqlite3.SQLITE_LOCKED: WriteProblem.BUSY,
}

_EXPLANATIONS = {
    WriteProblem.FULL: "desk.db is full (the disk has no space left); free some space and "
    "try again",
    WriteProblem.READ_ONLY: "desk.db is read-only; ask IT to make {path} writable",
    WriteProblem.UNAVAILABLE: "desk.db cannot be opened or written at {path}; check the "
    "data folder is still there",
    WriteProblem.BUSY: "desk.db is busy (another frontdesk is writing to it); try again",
}


class DeskWriteError(Exception):
    """desk.db could not be written. `problem` says why; the message says what to do."""

    def __init__(self, message: str, problem: WriteProblem) -> None:
        super().__init__(message)
        self.problem = problem


def write_problem(error: BaseException) -> WriteProblem | None:
    """The environment failure behind an SQLite error, or None if it looks like a bug."""
    original = error.orig if isinstance(error, OperationalError) else error
    code = getattr(original, "sqlite_errorcode", None)
    if not isinstance(original, sqlite3.OperationalError) or code is None:
        return None
    return _PROBLEMS.get(code & 0xFF)


class DeskStore:
    """desk.db in WAL mode with synchronous=FULL: a saved enquiry survives a power cut."""

    def __init__(self, engine: Engine, backup: Path | None = None) -> None:
        self.engine = engine
        self.backup_taken = backup

    @classmethod
    def open(cls, path: Path, backups: Path) -> DeskStore:
        path.parent.mkdir(parents=True, exist_ok=True)
        backup = migrate(path, backups)
        return cls(sqlite_engine(path, durable=True), backup)

    @property
    def path(self) -> Path:
        return Path(self.engine.url.database or "")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def write(self, action: str, *, kept: str = "") -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE), all or nothing.

        A full disk, read-only file or vanished folder raises DeskWriteError naming
        `action` ("save the enquiry") and, when given, what was `kept` despite it.
        """
        try:
            with writer(self.engine).begin() as conn:
                yield conn
        except (OperationalError, sqlite3.OperationalError) as error:
            problem = write_problem(error)
            if problem is None:
                raise
            explanation = _EXPLANATIONS[problem].format(path=self.path)
            message = f"could not {action}: {explanation}." + (f" {kept}" if kept else "")
            raise DeskWriteError(message, problem) from error
