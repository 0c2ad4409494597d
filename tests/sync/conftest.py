"""Sync's tests run real hub processes and desks with their own data folders; the fixtures
live in tests/helpers/hub_process.py, shared with the GUI tests."""

from tests.helpers.hub import pg_template, pg_url
from tests.helpers.hub_process import (
    file_keyring,
    hub,
    hub_db,
    hub_engine,
    make_desk,
    no_keyring,
    pg_hub_db,
    proxy,
)

__all__ = [
    "file_keyring",
    "hub",
    "hub_db",
    "hub_engine",
    "make_desk",
    "no_keyring",
    "pg_hub_db",
    "pg_template",
    "pg_url",
    "proxy",
]
