"""Record reports: advisers say a catalogue record is wrong, grouped per part of a service.

- `record_report_groups`: one problem on one part (phone, hours, …) of one service, with
  how many desks confirmed it and the owning agency's status.
- `record_reports`: each desk's report in a group (problem text, suggested value).

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "record_report_groups",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("service_id", sa.String(length=300), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("open_key", sa.String(length=330), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("confirmations", sa.Integer(), nullable=False),
        sa.Column("first_reported_at", TS, nullable=False),
        sa.Column("last_reported_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("closed_at", TS, nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_report_groups")),
        sa.UniqueConstraint("open_key", name=op.f("uq_record_report_groups_open_key")),
    )
    op.create_index(
        op.f("ix_record_report_groups_service_id"),
        "record_report_groups",
        ["service_id"],
        unique=False,
    )
    op.create_table(
        "record_reports",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("group_id", BIG_ID, nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", BIG_ID, nullable=False),
        sa.Column("device_id", sa.String(length=200), nullable=False),
        sa.Column("op_id", sa.String(length=100), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("suggested", sa.Text(), nullable=True),
        sa.Column("reported_at", TS, nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["record_report_groups.id"],
            name=op.f("fk_record_reports_group_id_record_report_groups"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_record_reports_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_record_reports_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_reports")),
    )
    op.create_index(
        op.f("ix_record_reports_group_id"), "record_reports", ["group_id"], unique=False
    )
    op.create_index(
        op.f("ix_record_reports_organization_id"),
        "record_reports",
        ["organization_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_record_reports_organization_id"), table_name="record_reports")
    op.drop_index(op.f("ix_record_reports_group_id"), table_name="record_reports")
    op.drop_table("record_reports")
    op.drop_index(op.f("ix_record_report_groups_service_id"), table_name="record_report_groups")
    op.drop_table("record_report_groups")
