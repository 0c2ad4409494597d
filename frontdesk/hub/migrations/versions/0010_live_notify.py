"""Live change feed: every transaction that adds to `changes` sends a PostgreSQL NOTIFY on
the channel `frontdesk_changes`, so hub processes holding desks' long-polls wake at once.

A statement-level trigger rather than a call in each writer: every path that appends to
the feed (pushes, agency status updates, imports, harvests, guidance, message statuses,
and any written later) is covered without remembering to, and NOTIFY is transactional:
PostgreSQL delivers it only when that transaction commits, folds duplicates within one
transaction into one, and drops it on rollback. SQLite has no NOTIFY: the embedded hub
polls instead (frontdesk/hub/sync/live.py).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

CHANNEL = "frontdesk_changes"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
        CREATE FUNCTION frontdesk_changes_notify() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', '');
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER changes_notify AFTER INSERT ON changes "
        "FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_changes_notify()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS changes_notify ON changes")
    op.execute("DROP FUNCTION IF EXISTS frontdesk_changes_notify()")
