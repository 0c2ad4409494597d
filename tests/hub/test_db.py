"""The hub's storage helpers, on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from frontdesk.hub import schema as t
from frontdesk.hub.db import (
    MIN_SQLITE,
    DatabaseUrlError,
    create_hub_engine,
    insert_ignoring_conflict,
    writing,
)


def test_insert_ignoring_conflict_says_whether_it_wrote_the_row(engine: Engine) -> None:
    with writing(engine) as conn:
        assert insert_ignoring_conflict(conn, t.feed_state, {"key": "k", "value": "first"})
        assert not insert_ignoring_conflict(conn, t.feed_state, {"key": "k", "value": "second"})
    with writing(engine) as conn:
        assert not insert_ignoring_conflict(conn, t.feed_state, {"key": "k", "value": "third"})
        assert insert_ignoring_conflict(conn, t.feed_state, {"key": "other", "value": "x"})
    with engine.connect() as conn:
        rows = dict(conn.execute(select(t.feed_state.c.key, t.feed_state.c.value)).all())
    assert rows == {"k": "first", "other": "x"}


def test_the_python_sqlite_is_new_enough_and_an_old_one_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sqlite3.sqlite_version_info >= MIN_SQLITE  # INSERT … RETURNING
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")
    with pytest.raises(DatabaseUrlError, match=r"SQLite 3\.35 or later; Python has 3\.31\.1"):
        create_hub_engine(f"sqlite:///{tmp_path / 'hub.db'}")
