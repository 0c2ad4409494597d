"""The supervisor's view: indexes the period report needs at a million enquiries, and
what desks say of themselves (last pull, outbox waiting, last catalogue pull) per device.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("last_pull_at", TS, nullable=True))
        batch.add_column(sa.Column("outbox_waiting", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("catalogue_pulled_at", TS, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        started = sa.text("coalesce(started_at, created_at)")
        op.create_index("ix_report_enquiries_started", "enquiries", [started])
        op.create_index(
            "ix_report_enquiries_organization_id_started",
            "enquiries",
            [sa.column("organization_id"), started],
        )
    op.create_index(
        "ix_report_enquiry_events_enquiry_id_kind", "enquiry_events", ["enquiry_id", "kind"]
    )
    op.create_index("ix_report_enquiry_events_kind_at", "enquiry_events", ["kind", "at"])


def downgrade() -> None:
    op.drop_index("ix_report_enquiry_events_kind_at", "enquiry_events")
    op.drop_index("ix_report_enquiry_events_enquiry_id_kind", "enquiry_events")
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_report_enquiries_organization_id_started", "enquiries")
        op.drop_index("ix_report_enquiries_started", "enquiries")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("catalogue_pulled_at")
        batch.drop_column("outbox_waiting")
        batch.drop_column("last_pull_at")
