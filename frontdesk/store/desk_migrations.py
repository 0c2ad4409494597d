"""Numbered, forward-only migrations of desk.db, each taken only after a backup.

Migration N upgrades a file at `PRAGMA user_version` N to N+1. Steps are written as plain
DDL, not from the current Table objects, so an old step keeps meaning what it meant.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

Migration = Callable[[sqlite3.Connection], None]


def _run(db: sqlite3.Connection, script: str) -> None:
    # executescript() would commit first; statements one by one stay inside our transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE enquiries (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            started_at TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            outcome TEXT,
            caller TEXT,
            summary TEXT NOT NULL,
            sync_state TEXT NOT NULL,
            rejection_reason TEXT,
            referral_status TEXT,
            referral_note TEXT,
            referral_updated_at TEXT,
            caller_purged_at TEXT
        );
        CREATE INDEX ix_enquiries_saved_at ON enquiries (saved_at);
        CREATE TABLE enquiry_events (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            enquiry_id TEXT NOT NULL REFERENCES enquiries (id),
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX ix_enquiry_events_enquiry_id ON enquiry_events (enquiry_id);
        CREATE TABLE outbox (
            device_seq INTEGER PRIMARY KEY,
            op_id TEXT NOT NULL UNIQUE,
            schema_v INTEGER NOT NULL,
            enquiry_id TEXT NOT NULL REFERENCES enquiries (id),
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );
        CREATE INDEX ix_outbox_enquiry_id ON outbox (enquiry_id);
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            updated_at TEXT NOT NULL,
            payload TEXT NOT NULL
        );
        CREATE TABLE desk_state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    )


def _v2(db: sqlite3.Connection) -> None:
    """Texts and e-mails of a service's details to the caller, with their delivery status."""
    _run(
        db,
        """
        CREATE TABLE sent_details (
            event_id TEXT PRIMARY KEY,
            enquiry_id TEXT NOT NULL REFERENCES enquiries (id),
            service_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            recipient TEXT,
            status TEXT NOT NULL,
            reason TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_sent_details_enquiry_id ON sent_details (enquiry_id);
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (_v1, _v2)
LATEST = len(MIGRATIONS)


class DeskTooNewError(Exception):
    """desk.db was written by a newer frontdesk; opening it here could lose its work."""


def migrate(path: Path, backups: Path) -> Path | None:
    """Bring desk.db to the newest schema. Returns the backup taken, if any.

    A file that already holds a schema is copied (with SQLite's online backup, so the copy
    is consistent even under WAL) before any step runs; all steps then run in one
    transaction, so a failure leaves the file as it was.
    """
    db = sqlite3.connect(path, isolation_level=None)
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > LATEST:
            raise DeskTooNewError(
                f"{path} was written by a newer frontdesk (schema {version}, this one knows "
                f"{LATEST}); install the newer version to keep its enquiries."
            )
        if version == LATEST:
            return None
        backup = _backup(db, path, backups, version) if version > 0 else None
        db.execute("BEGIN IMMEDIATE")
        try:
            for step in MIGRATIONS[version:]:
                step(db)
            db.execute(f"PRAGMA user_version = {LATEST}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return backup
    finally:
        db.close()


def _backup(db: sqlite3.Connection, path: Path, backups: Path, version: int) -> Path:
    backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"{path.stem}-v{version}-{stamp}.db"
    copy = sqlite3.connect(target)
    try:
        db.backup(copy)
    finally:
        copy.close()
    return target
