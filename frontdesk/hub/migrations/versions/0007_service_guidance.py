"""Guidance notes per service (every version, per organisation or shared), the
safeguarding prompt desks show when words of danger or crisis are typed, and the texts
and e-mails the hub sends callers through GOV.UK Notify (templates per organisation).

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "service_guidance",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("service_id", sa.String(length=300), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_service_guidance_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_guidance")),
    )
    op.create_index(
        "ix_service_guidance_service_id_organization_id",
        "service_guidance",
        ["service_id", "organization_id"],
        unique=False,
    )
    op.create_table(
        "safeguarding_prompts",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_safeguarding_prompts_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_prompts")),
    )
    op.create_index(
        op.f("ix_safeguarding_prompts_organization_id"),
        "safeguarding_prompts",
        ["organization_id"],
        unique=False,
    )

    op.create_table(
        "notify_templates",
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("sms_template", sa.String(length=100), nullable=True),
        sa.Column("email_template", sa.String(length=100), nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_notify_templates_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("organization_id", name=op.f("pk_notify_templates")),
    )
    op.create_table(
        "outbound_messages",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("enquiry_id", sa.String(length=100), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("service_id", sa.String(length=300), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("notify_id", sa.String(length=100), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["enquiry_id"],
            ["enquiries.id"],
            name=op.f("fk_outbound_messages_enquiry_id_enquiries"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_outbound_messages_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_messages")),
    )
    op.create_index(
        op.f("ix_outbound_messages_enquiry_id"), "outbound_messages", ["enquiry_id"], unique=False
    )
    op.create_index(
        "ix_outbound_messages_status_next_attempt_at",
        "outbound_messages",
        ["status", "next_attempt_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_outbound_messages_status_next_attempt_at", table_name="outbound_messages")
    op.drop_index(op.f("ix_outbound_messages_enquiry_id"), table_name="outbound_messages")
    op.drop_table("outbound_messages")
    op.drop_table("notify_templates")
    op.drop_index(
        op.f("ix_safeguarding_prompts_organization_id"), table_name="safeguarding_prompts"
    )
    op.drop_table("safeguarding_prompts")
    op.drop_index("ix_service_guidance_service_id_organization_id", table_name="service_guidance")
    op.drop_table("service_guidance")
