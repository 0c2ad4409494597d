"""Bring a hub database to the newest schema, and check one is there before serving.

Alembic is driven from code with an open connection (no alembic.ini), so `frontdesk hub
init-db` works the same on PostgreSQL and SQLite and the whole upgrade is one transaction.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from frontdesk.hub.db import writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class SchemaNotCurrent(Exception):
    """The database is not at the schema this hub needs; `frontdesk hub init-db` fixes it."""


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Upgrade to head; returns (revision before, revision after)."""
    before = current_revision(engine)
    with writing(engine) as conn:
        command.upgrade(_config(conn), "head")
    return before, head_revision()


def check_current(engine: Engine) -> None:
    found = current_revision(engine)
    if found != head_revision():
        state = "is empty" if found is None else f"is at schema {found}"
        raise SchemaNotCurrent(
            f"the hub database {state}; this hub needs {head_revision()} — "
            "run `frontdesk hub init-db` first"
        )
