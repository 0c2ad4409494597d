"""Connecting to the hub database: PostgreSQL in production, SQLite for the embedded demo.

Every hub command and the server take a SQLAlchemy URL (`--db` or FRONTDESK_HUB_DB).
`postgresql://` is read as psycopg 3. On SQLite, write transactions take the write lock
when they begin (BEGIN IMMEDIATE) so concurrent writers queue instead of failing half-way,
and so the change feed's commit order is its sequence order.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DisconnectionError

ENV_VAR = "FRONTDESK_HUB_DB"


class DatabaseUrlError(ValueError):
    """The database named cannot be used by the hub."""


def database_url(value: str | None) -> URL:
    """The hub's database from `--db` or the environment, normalised to a driver we ship."""
    text = value or os.environ.get(ENV_VAR)
    if not text:
        raise DatabaseUrlError(f"name the hub database with --db URL or {ENV_VAR}")
    try:
        url = make_url(text)
    except ArgumentError as error:
        raise DatabaseUrlError(f"not a database URL: {text!r}") from error
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite", "sqlite+pysqlite"):
        if not url.database or url.database == ":memory:":
            raise DatabaseUrlError("the hub needs a SQLite file, not an in-memory database")
        return url.set(drivername="sqlite+pysqlite")
    raise DatabaseUrlError(f"the hub runs on PostgreSQL or SQLite, not {url.drivername}")


def create_hub_engine(url: URL | str) -> Engine:
    url = database_url(str(url)) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    # Up to 30 connections per worker, kept once opened: as overflow (10 + 20) every one
    # past the 10th was opened and closed per request, a new PostgreSQL backend each
    # time (at 50 desks, half of PostgreSQL's CPU per push).
    engine = create_engine(url, pool_size=30, max_overflow=0)
    _ping_idle_connections(engine)
    return engine


#: A pooled connection idle for longer than this is pinged before use.
IDLE_PING_SECONDS = 10.0


def _ping_idle_connections(engine: Engine) -> None:
    """`pool_pre_ping`, but only for connections that have sat idle: pinging on every
    checkout cost a round trip per request (two on a push, with authentication) under
    load, when connections are back in use within milliseconds. A connection that was
    used just now and dies anyway (a server restart) fails its request, which SQLAlchemy
    sees as a disconnect, invalidating the pool; desks retry, and pushes are idempotent."""

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return  # new, or used moments ago
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as error:  # what a dead socket raises varies by driver state
            raise DisconnectionError("pooled connection failed its ping") from error
        if not alive:
            raise DisconnectionError("pooled connection failed its ping")


#: The oldest SQLite the hub runs on: the first with INSERT … RETURNING.
MIN_SQLITE = (3, 35)


def _sqlite_engine(url: URL) -> Engine:
    assert url.database is not None
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        wanted = ".".join(map(str, MIN_SQLITE))
        raise DatabaseUrlError(
            f"the hub needs SQLite {wanted} or later; Python has {sqlite3.sqlite_version}"
        )
    Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a pushed enquiry is acknowledged once
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_postgres(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "postgresql"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction, committed on leaving the block (rolled back on error)."""
    with engine.execution_options(immediate=True).begin() as conn:
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """One read-only unit of work (a transaction, so its reads agree with each other)."""
    with engine.connect() as conn, conn.begin():
        yield conn


def insert_ignoring_conflict(conn: Connection, table: Table, values: dict[str, Any]) -> bool:
    """INSERT unless the primary key exists; True if a row was inserted.

    Why RETURNING and not rowcount: on PostgreSQL the rowcount of an INSERT … ON CONFLICT
    DO NOTHING that wrote nothing came back as -1, which read as "inserted", so callers
    skipped their UPDATE and kept stale rows. A row comes back exactly when one was
    written, on both dialects (SQLite has RETURNING from 3.35, see MIN_SQLITE)."""
    dialect_insert = postgresql.insert if is_postgres(conn) else sqlite.insert
    stmt = (
        dialect_insert(table)
        .values(**values)
        .on_conflict_do_nothing()
        .returning(*table.primary_key.columns)
    )
    return conn.execute(stmt).first() is not None
