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
    """The enquiry's reason and how long the call and its wrap-up took. Plain ADD COLUMN
    of nullable columns: SQLite changes only the schema, not each row."""
    _run(
        db,
        """
        ALTER TABLE enquiries ADD COLUMN reason TEXT;
        ALTER TABLE enquiries ADD COLUMN duration_seconds INTEGER;
        ALTER TABLE enquiries ADD COLUMN wrap_up_seconds INTEGER
        """,
    )


def _v3(db: sqlite3.Connection) -> None:
    """References, the earlier enquiry a call follows up, and follow-up done. Enquiries
    saved before this step keep no reference: the hub already has them without one."""
    _run(
        db,
        """
        ALTER TABLE enquiries ADD COLUMN reference TEXT;
        CREATE UNIQUE INDEX ix_enquiries_reference ON enquiries (reference);
        ALTER TABLE enquiries ADD COLUMN follows_id TEXT;
        ALTER TABLE enquiries ADD COLUMN follow_up_done_at TEXT
        """,
    )


def _v4(db: sqlite3.Connection) -> None:
    """Record reports: the adviser's own (sent through the outbox, whose enquiry_id is
    now empty for an op that is not an enquiry's) and every desk's open ones from the hub."""
    _run(
        db,
        """
        CREATE TABLE outbox_v2 (
            device_seq INTEGER PRIMARY KEY,
            op_id TEXT NOT NULL UNIQUE,
            schema_v INTEGER NOT NULL,
            enquiry_id TEXT REFERENCES enquiries (id),
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );
        INSERT INTO outbox_v2 (device_seq, op_id, schema_v, enquiry_id, kind, payload,
            created_at, attempts, last_error)
            SELECT device_seq, op_id, schema_v, enquiry_id, kind, payload, created_at,
                attempts, last_error FROM outbox;
        DROP TABLE outbox;
        ALTER TABLE outbox_v2 RENAME TO outbox;
        CREATE INDEX ix_outbox_enquiry_id ON outbox (enquiry_id);
        CREATE TABLE record_reports (
            id TEXT PRIMARY KEY,
            op_id TEXT NOT NULL UNIQUE,
            service_id TEXT NOT NULL,
            service_name TEXT NOT NULL,
            field TEXT NOT NULL,
            problem TEXT NOT NULL,
            suggested TEXT,
            reported_at TEXT NOT NULL,
            rejection_reason TEXT,
            group_id TEXT,
            status TEXT,
            status_note TEXT,
            status_at TEXT
        );
        CREATE INDEX ix_record_reports_reported_at ON record_reports (reported_at);
        CREATE TABLE record_warnings (
            group_id TEXT PRIMARY KEY,
            service_id TEXT NOT NULL,
            field TEXT NOT NULL,
            status TEXT NOT NULL,
            confirmations INTEGER NOT NULL,
            first_reported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX ix_record_warnings_service_id ON record_warnings (service_id);
        """,
    )


def _v5(db: sqlite3.Connection) -> None:
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


def _v6(db: sqlite3.Connection) -> None:
    """The period report picks calls by when they started. The index also holds the
    columns its counts read, so they are answered from the index alone, never visiting
    the wide rows (caller, summary): a month is read without the rest of the log, and a
    year without a lookup per call (bench/report)."""
    _run(
        db,
        """
        CREATE INDEX ix_enquiries_started_at ON enquiries (
            started_at, channel, outcome, reason, duration_seconds, wrap_up_seconds
        )
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4, _v5, _v6)
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
