"""Enquiry references, the earlier enquiry a call follows up, follow-up done, and the
reference prefix each desk is given.

- `enquiries` gains `reference` (unique: made on the desk, unique across desks by its
  prefix), `follows_id` and `follow_up_done_at`.
- `reference_prefixes`: the prefix handed to each device, in the order handed out.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Plain ADD COLUMN of nullable columns: SQLite does it in place, no table rebuild.
    op.add_column("enquiries", sa.Column("reference", sa.String(length=10), nullable=True))
    op.add_column("enquiries", sa.Column("follows_id", sa.String(length=100), nullable=True))
    op.add_column("enquiries", sa.Column("follow_up_done_at", TS, nullable=True))
    op.create_index(op.f("ix_enquiries_reference"), "enquiries", ["reference"], unique=True)
    op.create_table(
        "reference_prefixes",
        sa.Column("prefix", sa.String(length=10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=200), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_reference_prefixes_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("prefix", name=op.f("pk_reference_prefixes")),
        sa.UniqueConstraint("number", name=op.f("uq_reference_prefixes_number")),
        sa.UniqueConstraint("device_id", name=op.f("uq_reference_prefixes_device_id")),
    )


def downgrade() -> None:
    op.drop_table("reference_prefixes")
    op.drop_index(op.f("ix_enquiries_reference"), table_name="enquiries")
    with op.batch_alter_table("enquiries") as batch:
        batch.drop_column("follow_up_done_at")
        batch.drop_column("follows_id")
        batch.drop_column("reference")
