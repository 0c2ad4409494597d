"""Security tests run against a fresh, migrated hub database on SQLite and on PostgreSQL; the
fixtures live in tests/helpers/hub.py."""

from tests.helpers.hub import db_url, engine, hub, pg_template, pg_url

__all__ = ["db_url", "engine", "hub", "pg_template", "pg_url"]
