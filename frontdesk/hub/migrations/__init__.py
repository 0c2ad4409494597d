"""Alembic migrations of the hub database, run by `frontdesk hub init-db` (see `migrate`)."""
