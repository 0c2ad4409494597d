"""desk.db: the adviser's own work. Opening it brings its schema up to date (after a backup)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from frontdesk.store.desk_migrations import migrate
from frontdesk.store.engine import sqlite_engine


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

    def close(self) -> None:
        self.engine.dispose()
