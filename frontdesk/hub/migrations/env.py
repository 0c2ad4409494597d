"""Alembic's entry point: runs migrations on the connection `frontdesk.hub.migrate` passes in.

There is no alembic.ini: the hub finds its database from `--db` / FRONTDESK_HUB_DB and
hands Alembic an open connection, so one transaction covers the whole upgrade.
"""

from __future__ import annotations

from alembic import context

from frontdesk.hub.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
