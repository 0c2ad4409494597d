"""The call's facts on `enquiries`: reason, duration_seconds and wrap_up_seconds, each
from the enquiry's last event of one kind (by time, then arrival, then event id), so the
period report reads three columns instead of a period's events. Existing enquiries are
filled from their events here; pushes keep them from now on (sync/push/facts.py).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

#: column → (event kind, is it whole seconds)
FACTS = {
    "reason": ("reason set", False),
    "duration_seconds": ("created", True),
    "wrap_up_seconds": ("wrap-up done", True),
}


def _value_pg(column: str, seconds: bool) -> str:
    """The fact in one event's data, or NULL when it is missing or of another shape."""
    text = f"(data::json ->> '{column}')"
    if seconds:
        return f"CASE WHEN {text} ~ '^[0-9]{{1,9}}$' THEN {text}::integer END"
    return f"CASE WHEN json_typeof(data::json -> '{column}') = 'string' THEN {text} END"


def _value_sqlite(column: str, seconds: bool) -> str:
    shape = "integer" if seconds else "text"
    return (
        f"CASE WHEN json_type(data, '$.{column}') = '{shape}'"
        f" THEN json_extract(data, '$.{column}') END"
    )


def upgrade() -> None:
    with op.batch_alter_table("enquiries") as batch:
        batch.add_column(sa.Column("reason", sa.String(100), nullable=True))
        batch.add_column(sa.Column("duration_seconds", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("wrap_up_seconds", sa.Integer(), nullable=True))
    postgres = op.get_bind().dialect.name == "postgresql"
    for column, (kind, seconds) in FACTS.items():
        if postgres:
            # One pass over the kind's events, the last per enquiry kept.
            op.execute(
                f"""
                UPDATE enquiries AS e SET {column} = last.value
                FROM (SELECT DISTINCT ON (enquiry_id) enquiry_id,
                             {_value_pg(column, seconds)} AS value
                      FROM enquiry_events WHERE kind = '{kind}'
                      ORDER BY enquiry_id, at DESC, received_at DESC, id DESC) AS last
                WHERE e.id = last.enquiry_id AND last.value IS NOT NULL
                """
            )
        else:
            op.execute(
                f"""
                UPDATE enquiries SET {column} = (
                    SELECT {_value_sqlite(column, seconds)} FROM enquiry_events AS v
                    WHERE v.enquiry_id = enquiries.id AND v.kind = '{kind}'
                    ORDER BY v.at DESC, v.received_at DESC, v.id DESC LIMIT 1)
                """
            )


def downgrade() -> None:
    with op.batch_alter_table("enquiries") as batch:
        batch.drop_column("wrap_up_seconds")
        batch.drop_column("duration_seconds")
        batch.drop_column("reason")
