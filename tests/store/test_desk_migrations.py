"""desk.db: created at the newest schema, migrated only after a backup, never downgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontdesk.store import desk_migrations
from frontdesk.store.desk import DeskStore
from frontdesk.store.desk_migrations import DeskTooNewError, migrate


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def test_a_new_desk_file_is_created_at_the_latest_schema_without_a_backup(tmp_path: Path) -> None:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    store.close()
    assert user_version(tmp_path / "desk.db") == desk_migrations.LATEST
    assert store.backup_taken is None


def test_desk_db_runs_in_wal_mode_with_full_synchronous_writes(tmp_path: Path) -> None:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()


def test_a_migration_backs_up_the_file_first_and_keeps_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backups = tmp_path / "desk.db", tmp_path / "backups"
    migrate(path, backups)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO desk_state VALUES ('device_id', 'desk-1')")

    def add_column(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE enquiries ADD COLUMN adviser TEXT")

    latest = desk_migrations.LATEST
    monkeypatch.setattr(desk_migrations, "MIGRATIONS", (*desk_migrations.MIGRATIONS, add_column))
    monkeypatch.setattr(desk_migrations, "LATEST", latest + 1)
    backup = migrate(path, backups)
    assert backup is not None and backup.exists()
    assert user_version(backup) == latest, "the backup is the file as it was before the change"
    with sqlite3.connect(backup) as db:
        assert db.execute("SELECT value FROM desk_state").fetchone() == ("desk-1",)
    assert user_version(path) == latest + 1
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM desk_state").fetchone() == ("desk-1",)


def test_a_failing_migration_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backups = tmp_path / "desk.db", tmp_path / "backups"
    migrate(path, backups)

    def half_done(db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE partial (x)")
        raise RuntimeError("disk full")

    latest = desk_migrations.LATEST
    monkeypatch.setattr(desk_migrations, "MIGRATIONS", (*desk_migrations.MIGRATIONS, half_done))
    monkeypatch.setattr(desk_migrations, "LATEST", latest + 1)
    with pytest.raises(RuntimeError):
        migrate(path, backups)
    assert user_version(path) == latest
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "partial" not in tables


def test_a_desk_file_from_a_newer_frontdesk_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    migrate(path, tmp_path / "backups")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(DeskTooNewError, match="newer frontdesk"):
        migrate(path, tmp_path / "backups")


def test_a_version_1_desk_gains_the_sent_details_table_and_keeps_its_enquiries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backups = tmp_path / "desk.db", tmp_path / "backups"
    monkeypatch.setattr(desk_migrations, "MIGRATIONS", desk_migrations.MIGRATIONS[:1])
    monkeypatch.setattr(desk_migrations, "LATEST", 1)
    migrate(path, backups)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO desk_state VALUES ('device_id', 'desk-1')")
    monkeypatch.undo()
    assert migrate(path, backups) is not None  # backed up first
    assert user_version(path) == 2
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sent_details").fetchone() == (0,)
        assert db.execute("SELECT value FROM desk_state").fetchone() == ("desk-1",)
