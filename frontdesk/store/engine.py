"""SQLite engines with the connection settings each file needs.

desk.db holds work that exists nowhere else until it is synced, so it runs in WAL mode with
synchronous=FULL: a committed enquiry survives power loss. catalogue.db can always be
rebuilt, so it trades that durability for import speed (synchronous=NORMAL).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event


def sqlite_engine(path: Path, *, durable: bool) -> Engine:
    """An engine on one SQLite file, creating its folder. `durable` selects synchronous=FULL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args={"timeout": 30})
    synchronous = "FULL" if durable else "NORMAL"

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # The driver's own implicit transactions would defeat BEGIN IMMEDIATE below.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A writer takes the write lock up front so two writers queue on busy_timeout
        # instead of one failing half-way; readers never block anyone under WAL.
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, with transactions that take SQLite's write lock when they begin."""
    return engine.execution_options(immediate=True)
