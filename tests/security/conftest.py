"""The security and data-protection tests run each against a fresh, migrated database on
SQLite and on the real PostgreSQL server, through an in-process client; the fixtures live
in tests/helpers/hub.py, shared with the hub, sync and GUI tests."""

from tests.helpers.hub import db_url, engine, hub, pg_template, pg_url

__all__ = ["db_url", "engine", "hub", "pg_template", "pg_url"]
