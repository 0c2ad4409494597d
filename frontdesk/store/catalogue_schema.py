"""Tables of catalogue.db, the desk's disposable cache of every agency's services.

Services keep their nested parts (phones, contacts, locations, schedules) as one JSON
document: the desk only ever shows them whole, and one row per service keeps a 200,000-
service import and its search index fast. What search filters on is held in real columns
and side tables (status, organisation, LGSL code, ages, coverage areas, taxonomy).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 1

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("name", String, primary_key=True),
    Column("format", String, nullable=False),
    Column("location", Text, nullable=False),
    Column("imported_at", String, nullable=False),
    Column("records", Integer, nullable=False),
    Column("services", Integer, nullable=False),
)

organizations = Table(
    "organizations",
    metadata,
    Column("id", String, primary_key=True),
    Column("source", String, ForeignKey("sources.name"), nullable=False, index=True),
    Column("source_id", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("document", Text, nullable=False),
)

services = Table(
    "services",
    metadata,
    Column("rowid", Integer, primary_key=True),
    Column("id", String, nullable=False, unique=True),
    Column("source", String, ForeignKey("sources.name"), nullable=False),
    Column("source_id", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("organization_id", String, index=True),
    Column("organization_name", Text),
    Column("description", Text),
    Column("status", String, nullable=False),
    Column("lgsl_code", String, index=True),
    Column("providing_tier", String),
    Column("minimum_age", Integer),
    Column("maximum_age", Integer),
    Column("last_assured", String),
    Column("last_modified", String),
    # Search text the index reads beside name and description, one phrase per line.
    Column("keywords", Text, nullable=False, default=""),
    Column("taxonomy", Text, nullable=False, default=""),
    Column("lgsl_labels", Text, nullable=False, default=""),
    # The service's guidance notes (`service_guidance`), so their words help find it.
    Column("guidance", Text, nullable=False, server_default=""),
    Column("document", Text, nullable=False),
    Column("content_hash", String, nullable=False),
    Index("ix_services_source", "source", "source_id", unique=True),
)

service_areas = Table(
    "service_areas",
    metadata,
    Column(
        "service_rowid", Integer, ForeignKey("services.rowid", ondelete="CASCADE"), nullable=False
    ),
    Column("gss", String, nullable=False),
    Index("ix_service_areas_gss", "gss", "service_rowid"),
    Index("ix_service_areas_service", "service_rowid"),
)

service_taxonomy = Table(
    "service_taxonomy",
    metadata,
    Column(
        "service_rowid", Integer, ForeignKey("services.rowid", ondelete="CASCADE"), nullable=False
    ),
    Column("term_id", String, nullable=False),
    Index("ix_service_taxonomy_term", "term_id", "service_rowid"),
    Index("ix_service_taxonomy_service", "service_rowid"),
)

taxonomy_terms = Table(
    "taxonomy_terms",
    metadata,
    Column("id", String, primary_key=True),
    Column("source", String, ForeignKey("sources.name"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("vocabulary", String),
    Column("code", String),
    Column("parent_id", String),
)

local_authorities = Table(
    "local_authorities",
    metadata,
    Column("gss", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("tier", String, nullable=False),
    Column("slug", String, nullable=False),
    Column("parent_gss", String),
    Column("country", String),
    Column("homepage_url", Text),
)

wards = Table(
    "wards",
    metadata,
    Column("gss", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("la_gss", String, nullable=False),
    Column("la_name", Text),
)

postcodes = Table(
    "postcodes",
    metadata,
    Column("postcode", String, primary_key=True),
    Column("la_gss", String, nullable=False),
    Column("ward_gss", String),
    Column("ward_name", Text),
    Column("la_name", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    sqlite_with_rowid=False,
)

lgsl_tiers = Table(
    "lgsl_tiers",
    metadata,
    Column("code", String, primary_key=True),
    Column("label", Text, nullable=False),
    Column("tier", String),
)


# Guidance notes from the hub, the latest version per service and organisation ("" for a
# note shared with every organisation). Hub-owned like the rest of this file.
service_guidance = Table(
    "service_guidance",
    metadata,
    Column("service_id", String, primary_key=True),
    Column("organization_id", String, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("author", Text, nullable=False),
    Column("updated_at", String, nullable=False),
    Column("body", Text, nullable=False),
)

# The safeguarding prompt from the hub: this organisation's, and the hub's default ("").
safeguarding_prompts = Table(
    "safeguarding_prompts",
    metadata,
    Column("organization_id", String, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("words", Text, nullable=False),  # one per line
    Column("prompt", Text, nullable=False),
)

# Service alerts from the hub: the one alert per service the hub says is set, with its
# expiry (ISO 8601, UTC). Reads leave out those whose time has passed, so an alert goes
# at its expiry even on a desk that cannot reach the hub.
service_alerts = Table(
    "service_alerts",
    metadata,
    Column("service_id", String, primary_key=True),
    Column("text", Text, nullable=False),
    Column("until", String, nullable=False),
    Column("set_at", String, nullable=False),
)
