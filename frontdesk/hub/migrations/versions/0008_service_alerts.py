"""Service alerts: the live urgent notice per service, with its expiry.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "service_alerts",
        sa.Column("service_id", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("until", TS, nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_service_alerts_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("service_id", name=op.f("pk_service_alerts")),
    )


def downgrade() -> None:
    op.drop_table("service_alerts")
