"""The first hub schema: tenancy, accounts and tokens, the catalogue, the change feed, and
the devices, ops, enquiries and referrals desks push.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The types as the database sees them (frontdesk.hub.columns adds only Python-side
# conversion), spelt out here so this revision never changes when that module does.
TS = sa.DateTime(timezone=True)
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=True),
        sa.Column("organization_id", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=True),
        sa.Column("client", sa.String(length=100), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    op.create_table(
        "catalogue_sources",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("format", sa.String(length=50), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("imported_at", TS, nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("services", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_catalogue_sources")),
    )
    op.create_table(
        "changes",
        sa.Column("seq", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("xid", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=300), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("scope_org", sa.String(length=64), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_changes")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_changes_kind_entity_id", "changes", ["kind", "entity_id"], unique=False)
    op.create_index("ix_changes_xid_seq", "changes", ["xid", "seq"], unique=False)
    op.create_table(
        "feed_state",
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_feed_state")),
    )
    op.create_table(
        "login_attempts",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("client", sa.String(length=100), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempts")),
    )
    op.create_index(
        "ix_login_attempts_username_client_at",
        "login_attempts",
        ["username", "client", "at"],
        unique=False,
    )
    op.create_table(
        "organizations",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
    )
    op.create_table(
        "accounts",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("disabled_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_accounts_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("name", name=op.f("uq_accounts_name")),
    )
    op.create_index(
        op.f("ix_accounts_organization_id"), "accounts", ["organization_id"], unique=False
    )
    op.create_table(
        "catalogue_organizations",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("source_id", sa.String(length=250), nullable=False),
        sa.Column("hsds_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["catalogue_sources.name"],
            name=op.f("fk_catalogue_organizations_source_catalogue_sources"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_organizations")),
        sa.UniqueConstraint("hsds_id", name=op.f("uq_catalogue_organizations_hsds_id")),
    )
    op.create_index(
        op.f("ix_catalogue_organizations_source"),
        "catalogue_organizations",
        ["source"],
        unique=False,
    )
    op.create_table(
        "services",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("source_id", sa.String(length=250), nullable=False),
        sa.Column("hsds_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=300), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["catalogue_sources.name"],
            name=op.f("fk_services_source_catalogue_sources"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("hsds_id", name=op.f("uq_services_hsds_id")),
    )
    op.create_index(
        op.f("ix_services_organization_id"), "services", ["organization_id"], unique=False
    )
    op.create_index(op.f("ix_services_source"), "services", ["source"], unique=False)
    op.create_index(op.f("ix_services_updated_at"), "services", ["updated_at"], unique=False)
    op.create_table(
        "taxonomy_terms",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("source_id", sa.String(length=250), nullable=False),
        sa.Column("hsds_id", sa.String(length=36), nullable=False),
        sa.Column("taxonomy_id", sa.String(length=36), nullable=True),
        sa.Column("vocabulary", sa.String(length=200), nullable=True),
        sa.Column("parent_id", sa.String(length=300), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["source"],
            ["catalogue_sources.name"],
            name=op.f("fk_taxonomy_terms_source_catalogue_sources"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_taxonomy_terms")),
    )
    op.create_index(op.f("ix_taxonomy_terms_hsds_id"), "taxonomy_terms", ["hsds_id"], unique=False)
    op.create_index(op.f("ix_taxonomy_terms_source"), "taxonomy_terms", ["source"], unique=False)
    op.create_index(
        op.f("ix_taxonomy_terms_taxonomy_id"), "taxonomy_terms", ["taxonomy_id"], unique=False
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", BIG_ID, nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("last_push_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_devices_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_devices_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_index(
        op.f("ix_devices_organization_id"), "devices", ["organization_id"], unique=False
    )
    op.create_table(
        "enquiries",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("organization_id", sa.String(length=64), nullable=False),
        sa.Column("account_id", BIG_ID, nullable=False),
        sa.Column("device_id", sa.String(length=200), nullable=False),
        sa.Column("channel", sa.String(length=30), nullable=True),
        sa.Column("started_at", TS, nullable=True),
        sa.Column("outcome", sa.String(length=50), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_enquiries_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_enquiries_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enquiries")),
    )
    op.create_index(
        op.f("ix_enquiries_organization_id"), "enquiries", ["organization_id"], unique=False
    )
    op.create_index(op.f("ix_enquiries_updated_at"), "enquiries", ["updated_at"], unique=False)
    op.create_table(
        "service_at_locations",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("service_id", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_service_at_locations_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_at_locations")),
    )
    op.create_index(
        op.f("ix_service_at_locations_service_id"),
        "service_at_locations",
        ["service_id"],
        unique=False,
    )
    op.create_table(
        "service_terms",
        sa.Column("service_id", sa.String(length=300), nullable=False),
        sa.Column("term_id", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_service_terms_service_id_services"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("service_id", "term_id", name=op.f("pk_service_terms")),
    )
    op.create_index(op.f("ix_service_terms_term_id"), "service_terms", ["term_id"], unique=False)
    op.create_table(
        "tokens",
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", BIG_ID, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("revoked_at", TS, nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_tokens_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_tokens_token_hash")),
    )
    op.create_index(op.f("ix_tokens_account_id"), "tokens", ["account_id"], unique=False)
    op.create_table(
        "enquiry_events",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("enquiry_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("op_id", sa.String(length=100), nullable=False),
        sa.Column("account_id", BIG_ID, nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_enquiry_events_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["enquiry_id"], ["enquiries.id"], name=op.f("fk_enquiry_events_enquiry_id_enquiries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enquiry_events")),
    )
    op.create_index(
        op.f("ix_enquiry_events_enquiry_id"), "enquiry_events", ["enquiry_id"], unique=False
    )
    op.create_table(
        "ops",
        sa.Column("op_id", sa.String(length=100), nullable=False),
        sa.Column("device_id", sa.String(length=200), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("account_id", BIG_ID, nullable=False),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_ops_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_ops_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_ops")),
    )
    op.create_index(op.f("ix_ops_device_id"), "ops", ["device_id"], unique=False)
    op.create_table(
        "referrals",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("enquiry_id", sa.String(length=100), nullable=False),
        sa.Column("service_id", sa.String(length=300), nullable=False),
        sa.Column("from_organization_id", sa.String(length=64), nullable=False),
        sa.Column("to_organization_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.ForeignKeyConstraint(
            ["enquiry_id"], ["enquiries.id"], name=op.f("fk_referrals_enquiry_id_enquiries")
        ),
        sa.ForeignKeyConstraint(
            ["from_organization_id"],
            ["organizations.id"],
            name=op.f("fk_referrals_from_organization_id_organizations"),
        ),
        sa.ForeignKeyConstraint(
            ["to_organization_id"],
            ["organizations.id"],
            name=op.f("fk_referrals_to_organization_id_organizations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    op.create_index(op.f("ix_referrals_enquiry_id"), "referrals", ["enquiry_id"], unique=False)
    op.create_index(
        op.f("ix_referrals_from_organization_id"),
        "referrals",
        ["from_organization_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_referrals_to_organization_id"), "referrals", ["to_organization_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("referrals")
    op.drop_table("ops")
    op.drop_table("enquiry_events")
    op.drop_table("tokens")
    op.drop_table("service_terms")
    op.drop_table("service_at_locations")
    op.drop_table("enquiries")
    op.drop_table("devices")
    op.drop_table("taxonomy_terms")
    op.drop_table("services")
    op.drop_table("catalogue_organizations")
    op.drop_table("accounts")
    op.drop_table("organizations")
    op.drop_table("login_attempts")
    op.drop_table("feed_state")
    op.drop_table("changes")
    op.drop_table("catalogue_sources")
    op.drop_table("audit_log")
