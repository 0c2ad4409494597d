"""Routing referrals to agencies, Open311 API keys, and caller details kept apart for
subject access and retention.

- `organization_catalogue_links`: which hub organisation delivers a catalogue organisation's
  services, so a referral can be addressed to it.
- `api_keys`: per-account keys (stored hashed) that Open311 clients send as `api_key`.
- `enquiry_callers`: the caller details a desk sent, findable by e-mail, phone or postcode.
- `referrals` gains the agency's status note and the Open311 location fields.

Revision ID: 0003
Revises: 0002
Create Date: 2025-02-15
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
REFERRAL_COLUMNS = (
    ("status_note", sa.Text()),
    ("address", sa.Text()),
    ("address_id", sa.String(length=200)),
    ("zipcode", sa.String(length=20)),
    ("lat", sa.Float()),
    ("long", sa.Float()),
    ("media_url", sa.Text()),
)


def upgrade() -> None:
    op.create_table(
        "organization_catalogue_links",
        sa.Column("catalogue_org_id", sa.String(length=300), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_organization_catalogue_links_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("catalogue_org_id", name=op.f("pk_organization_catalogue_links")),
    )
    op.create_index(
        op.f("ix_organization_catalogue_links_organization_id"),
        "organization_catalogue_links",
        ["organization_id"],
        unique=False,
    )
    op.create_table(
        "api_keys",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", BIG_ID, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_api_keys_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    op.create_index(op.f("ix_api_keys_account_id"), "api_keys", ["account_id"], unique=False)
    op.create_table(
        "enquiry_callers",
        sa.Column("enquiry_id", sa.String(length=100), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("phone_key", sa.String(length=30), nullable=True),
        sa.Column("email_key", sa.String(length=320), nullable=True),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("purged_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["enquiry_id"], ["enquiries.id"], name=op.f("fk_enquiry_callers_enquiry_id_enquiries")
        ),
        sa.PrimaryKeyConstraint("enquiry_id", name=op.f("pk_enquiry_callers")),
    )
    for column in ("postcode", "phone_key", "email_key"):
        op.create_index(
            op.f(f"ix_enquiry_callers_{column}"), "enquiry_callers", [column], unique=False
        )
    # Plain ADD COLUMN of nullable columns: SQLite does it in place, no table rebuild.
    for name, column_type in REFERRAL_COLUMNS:
        op.add_column("referrals", sa.Column(name, column_type, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("referrals") as batch:
        for name, _ in reversed(REFERRAL_COLUMNS):
            batch.drop_column(name)
    for column in ("email_key", "phone_key", "postcode"):
        op.drop_index(op.f(f"ix_enquiry_callers_{column}"), table_name="enquiry_callers")
    op.drop_table("enquiry_callers")
    op.drop_index(op.f("ix_api_keys_account_id"), table_name="api_keys")
    op.drop_table("api_keys")
    op.drop_index(
        op.f("ix_organization_catalogue_links_organization_id"),
        table_name="organization_catalogue_links",
    )
    op.drop_table("organization_catalogue_links")
