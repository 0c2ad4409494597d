"""The hub's tables: tenancy and accounts, the catalogue, the change feed, and what desks push.

These Table objects describe the newest shape for queries; the database gets that shape
only through the Alembic migrations in `frontdesk.hub.migrations` (a test checks the two
agree). Times are aware UTC (`UtcDateTime`); JSON documents are stored as text so both
PostgreSQL and SQLite hold them byte-for-byte as written.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
)

from frontdesk.hub.columns import BigId, UtcDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

# -- tenancy, accounts, auth --------------------------------------------------------

organizations = Table(
    "organizations",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("organization_id", ForeignKey("organizations.id"), nullable=False, index=True),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("disabled_at", UtcDateTime),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 hex
    Column("account_id", ForeignKey("accounts.id"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime),
)

login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("username", String(100), nullable=False),
    Column("client", String(100), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("succeeded", Boolean, nullable=False),
    Index("ix_login_attempts_username_client_at", "username", "client", "at"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("actor", String(100)),  # account name, or "cli" for an operator at the server
    Column("organization_id", String(64)),
    Column("action", String(50), nullable=False),
    Column("target", String(200)),
    Column("client", String(100)),
    Column("detail", Text),  # JSON
)

# -- the catalogue ------------------------------------------------------------------

catalogue_sources = Table(
    "catalogue_sources",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("format", String(50), nullable=False),
    Column("location", Text, nullable=False),
    Column("imported_at", UtcDateTime, nullable=False),
    Column("records", Integer, nullable=False),
    Column("services", Integer, nullable=False),
)

services = Table(
    "services",
    metadata,
    Column("id", String(300), primary_key=True),  # catalogue id, source:source_id
    Column("source", ForeignKey("catalogue_sources.name"), nullable=False, index=True),
    Column("source_id", String(250), nullable=False),
    Column("hsds_id", String(36), nullable=False, unique=True),
    Column("organization_id", String(300), index=True),  # catalogue id of the organization
    Column("name", Text, nullable=False),
    Column("status", String(30), nullable=False),
    Column("search_text", Text, nullable=False),  # lower-cased name, description, keywords
    Column("document", Text, nullable=False),  # core.codec JSON, the source's own ids
    Column("content_hash", String(64), nullable=False),
    Column("updated_at", UtcDateTime, nullable=False, index=True),
)

catalogue_organizations = Table(
    "catalogue_organizations",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("source", ForeignKey("catalogue_sources.name"), nullable=False, index=True),
    Column("source_id", String(250), nullable=False),
    Column("hsds_id", String(36), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("document", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
)

taxonomy_terms = Table(
    "taxonomy_terms",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("source", ForeignKey("catalogue_sources.name"), nullable=False, index=True),
    Column("source_id", String(250), nullable=False),
    # Not unique: LGSL terms from two sources share the one national UUID.
    Column("hsds_id", String(36), nullable=False, index=True),
    Column("taxonomy_id", String(36), index=True),
    Column("vocabulary", String(200)),
    Column("parent_id", String(300)),
    Column("name", Text, nullable=False),
    Column("document", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
)

service_terms = Table(
    "service_terms",
    metadata,
    Column(
        "service_id",
        ForeignKey("services.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("term_id", String(300), primary_key=True, index=True),  # catalogue id
)

service_at_locations = Table(
    "service_at_locations",
    metadata,
    Column("id", String(36), primary_key=True),  # the HSDS UUID
    Column("service_id", ForeignKey("services.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
)

catalogue_harvests = Table(
    "catalogue_harvests",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    # Not a foreign key: a source's first harvest may fail before the source exists.
    Column("source", String(100), nullable=False),
    Column("url", Text, nullable=False),
    Column("format", String(50), nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime, nullable=False),
    Column("succeeded", Boolean, nullable=False),
    Column("pages", Integer, nullable=False),
    Column("records", Integer, nullable=False),
    Column("added", Integer, nullable=False),
    Column("updated", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
    Column("error", Text),  # why it failed: which page, what went wrong
    Index("ix_catalogue_harvests_source_id", "source", "id"),
)

# -- the change feed ------------------------------------------------------------------

changes = Table(
    "changes",
    metadata,
    Column("seq", BigId, primary_key=True, autoincrement=True),
    # PostgreSQL: pg_current_xact_id() of the writing transaction; SQLite: 0 (one writer
    # at a time, so seq order is commit order).
    Column("xid", BigInteger, nullable=False),
    Column("kind", String(30), nullable=False),
    Column("entity_id", String(300), nullable=False),
    Column("op", String(10), nullable=False),  # upsert | delete
    Column("payload", Text),  # JSON; NULL for a tombstone
    Column("scope_org", String(64)),  # NULL: everyone; else only that organisation
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_changes_xid_seq", "xid", "seq"),
    Index("ix_changes_kind_entity_id", "kind", "entity_id"),
    sqlite_autoincrement=True,  # never reuse a pruned seq: a desk's cursor may point at it
)

feed_state = Table(
    "feed_state",
    metadata,
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)

# -- what desks push ----------------------------------------------------------------------

devices = Table(
    "devices",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id"), nullable=False, index=True),
    Column("account_id", ForeignKey("accounts.id"), nullable=False),  # last to push
    Column("last_seq", BigInteger, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("last_push_at", UtcDateTime),
    # Revision 0009: what the desk says of itself in headers on its pulls and pushes.
    Column("last_pull_at", UtcDateTime),
    Column("outbox_waiting", Integer),
    Column("catalogue_pulled_at", UtcDateTime),
)

ops = Table(
    "ops",
    metadata,
    Column("op_id", String(100), primary_key=True),
    Column("device_id", ForeignKey("devices.id"), nullable=False, index=True),
    Column("device_seq", BigInteger, nullable=False),
    Column("account_id", ForeignKey("accounts.id"), nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("result", Text, nullable=False),  # JSON, returned verbatim on a retry
    Column("created_at", UtcDateTime, nullable=False),
)

enquiries = Table(
    "enquiries",
    metadata,
    Column("id", String(100), primary_key=True),  # made on the desk
    Column("organization_id", ForeignKey("organizations.id"), nullable=False, index=True),
    Column("account_id", ForeignKey("accounts.id"), nullable=False),
    Column("device_id", String(200), nullable=False),
    Column("channel", String(30)),
    Column("started_at", UtcDateTime),
    Column("outcome", String(50)),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False, index=True),
    # Revision 0004: what the caller quotes, the earlier enquiry this call follows up.
    Column("reference", String(10), index=True, unique=True),
    Column("follows_id", String(100)),
    Column("follow_up_done_at", UtcDateTime),
    # Revision 0011: the call's facts, each from its last event of one kind (by time, then
    # arrival, then id), kept by the push in the event's transaction (sync/push/facts.py).
    Column("reason", String(100)),
    Column("duration_seconds", Integer),
    Column("wrap_up_seconds", Integer),
)
# Revision 0009: the period report picks calls by when they started (the desk's start,
# else arrival), for one organisation or the whole hub. PostgreSQL only: SQLite's
# embedded hub serves one office, and its reflection cannot read expression indexes.
Index(
    "ix_report_enquiries_started",
    func.coalesce(enquiries.c.started_at, enquiries.c.created_at),
).ddl_if(dialect="postgresql")
Index(
    "ix_report_enquiries_organization_id_started",
    enquiries.c.organization_id,
    func.coalesce(enquiries.c.started_at, enquiries.c.created_at),
).ddl_if(dialect="postgresql")

enquiry_events = Table(
    "enquiry_events",
    metadata,
    Column("id", String(100), primary_key=True),  # made on the desk
    Column("enquiry_id", ForeignKey("enquiries.id"), nullable=False, index=True),
    Column("kind", String(30), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("data", Text, nullable=False),  # JSON as the desk sent it
    Column("op_id", String(100), nullable=False),
    Column("account_id", ForeignKey("accounts.id"), nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    # Revision 0009: the report's per-kind reads of a period's events.
    Index("ix_report_enquiry_events_enquiry_id_kind", "enquiry_id", "kind"),
    Index("ix_report_enquiry_events_kind_at", "kind", "at"),
)

referrals = Table(
    "referrals",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("enquiry_id", ForeignKey("enquiries.id"), nullable=False, index=True),
    Column("service_id", String(300), nullable=False),  # catalogue id
    Column("from_organization_id", ForeignKey("organizations.id"), nullable=False, index=True),
    # The agency (tenancy organisation) it is addressed to, once routing knows it.
    Column("to_organization_id", ForeignKey("organizations.id"), index=True),
    Column("status", String(30), nullable=False),
    Column("note", Text),  # the referrer's: the desk's note or an Open311 description
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    # The receiving agency's latest word (Open311 status_notes).
    Column("status_note", Text),
    # Where the problem is, when an Open311 client says (never the caller's own address).
    Column("address", Text),
    Column("address_id", String(200)),
    Column("zipcode", String(20)),
    Column("lat", Float),
    Column("long", Float),
    Column("media_url", Text),
)

# -- routing, API keys, caller details (revision 0003) ---------------------------------

organization_catalogue_links = Table(
    "organization_catalogue_links",
    metadata,
    # One catalogue organisation is delivered by one hub organisation; one hub
    # organisation may appear in several sources under several catalogue ids.
    Column("catalogue_org_id", String(300), primary_key=True),
    Column("organization_id", ForeignKey("organizations.id"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("key_hash", String(64), nullable=False, unique=True),  # sha256 hex
    Column("account_id", ForeignKey("accounts.id"), nullable=False, index=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime),
)

enquiry_callers = Table(
    "enquiry_callers",
    metadata,
    # The caller details a desk sent (with consent), copied out of the events so a
    # subject-access request can find them; the events keep their own copy until a purge.
    Column("enquiry_id", ForeignKey("enquiries.id"), primary_key=True),
    Column("name", Text),
    Column("phone", String(50)),
    Column("email", String(320)),
    Column("postcode", String(10), index=True),
    Column("phone_key", String(30), index=True),  # digits, national form
    Column("email_key", String(320), index=True),  # case-folded
    Column("updated_at", UtcDateTime, nullable=False),
    Column("purged_at", UtcDateTime),  # details removed by retention or erasure
)

# -- enquiry references (revision 0004) ---------------------------------------------------

reference_prefixes = Table(
    "reference_prefixes",
    metadata,
    # Handed out in order (`number`), one per device, never handed out again.
    Column("prefix", String(10), primary_key=True),
    Column("number", Integer, nullable=False, unique=True),
    Column("device_id", String(200), nullable=False, unique=True),
    Column("organization_id", ForeignKey("organizations.id"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

# -- record reports (revision 0006): advisers say a record is wrong ----------------------

record_report_groups = Table(
    "record_report_groups",
    metadata,
    # One problem on one part of one service, however many desks reported it.
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("service_id", String(300), nullable=False, index=True),  # catalogue id
    Column("field", String(20), nullable=False),
    Column("status", String(30), nullable=False),
    # "service_id|field" while open, NULL once closed: at most one open group per part,
    # even when two hub processes take the first two reports at once.
    Column("open_key", String(330), unique=True),
    # core.record_report.part_fingerprint of the part when first reported ("" if the
    # service was not in the catalogue): an import that changes it closes the group.
    Column("fingerprint", String(64), nullable=False),
    Column("confirmations", Integer, nullable=False),
    Column("first_reported_at", UtcDateTime, nullable=False),
    Column("last_reported_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("closed_at", UtcDateTime),
    Column("note", Text),  # the agency's latest word
)

record_reports = Table(
    "record_reports",
    metadata,
    Column("id", String(100), primary_key=True),  # made on the desk
    Column("group_id", ForeignKey("record_report_groups.id"), nullable=False, index=True),
    Column("organization_id", ForeignKey("organizations.id"), nullable=False, index=True),
    Column("account_id", ForeignKey("accounts.id"), nullable=False),
    Column("device_id", String(200), nullable=False),
    Column("op_id", String(100), nullable=False),
    Column("problem", Text, nullable=False),  # personal phone numbers and e-mails removed
    Column("suggested", Text),
    Column("reported_at", UtcDateTime, nullable=False),  # the desk's time
    Column("received_at", UtcDateTime, nullable=False),
)

# -- guidance notes (revision 0007) ------------------------------------------------------

service_guidance = Table(
    "service_guidance",
    metadata,
    # Every version is kept: a note is only ever added to, so "who told advisers what,
    # when" can be answered later. The latest version per (service, organisation) is live.
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("service_id", String(300), nullable=False),  # catalogue id
    # NULL: shared with every organisation; else only that organisation's desks see it.
    Column("organization_id", ForeignKey("organizations.id")),
    Column("version", Integer, nullable=False),
    Column("body", Text, nullable=False),  # Markdown; "" withdraws the note
    Column("author", String(100), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_service_guidance_service_id_organization_id", "service_id", "organization_id"),
)

safeguarding_prompts = Table(
    "safeguarding_prompts",
    metadata,
    # What a desk shows when an adviser types words of danger or crisis: the words to
    # watch for and the prompt, per organisation (NULL: the hub's default for everyone).
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("organization_id", ForeignKey("organizations.id"), index=True),
    Column("version", Integer, nullable=False),
    Column("words", Text, nullable=False),  # one word or phrase per line
    Column("prompt", Text, nullable=False),
    Column("author", String(100), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

# -- texts and e-mails to callers through GOV.UK Notify (revision 0007) -------------------

notify_templates = Table(
    "notify_templates",
    metadata,
    # The templates an organisation keeps in its Notify service; frontdesk fills their
    # personalisation (service name, agency, phone, hours, web address).
    Column("organization_id", ForeignKey("organizations.id"), primary_key=True),
    Column("sms_template", String(100)),
    Column("email_template", String(100)),
    Column("updated_at", UtcDateTime, nullable=False),
)

outbound_messages = Table(
    "outbound_messages",
    metadata,
    # One per "details sent" event (its id, which is also Notify's `reference`, so a retry
    # after an unanswered request finds the first send instead of sending again).
    Column("id", String(100), primary_key=True),
    Column("enquiry_id", ForeignKey("enquiries.id"), nullable=False, index=True),
    Column("organization_id", ForeignKey("organizations.id"), nullable=False),
    Column("service_id", String(300), nullable=False),
    Column("channel", String(10), nullable=False),  # sms | email
    Column("recipient", String(320)),  # NULL once purged with the caller's details
    # queued, sending, delivered, permanent-failure, temporary-failure, technical-failure,
    # rejected (Notify refused it, with the reason)
    Column("status", String(30), nullable=False),
    Column("reason", Text),
    Column("notify_id", String(100)),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", UtcDateTime, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_outbound_messages_status_next_attempt_at", "status", "next_attempt_at"),
)

# -- service alerts (revision 0008) --------------------------------------------------------

service_alerts = Table(
    "service_alerts",
    metadata,
    # The live alert per service; clearing deletes the row (the audit log keeps who set
    # and cleared what, when). An expired row stays until replaced or cleared: desks
    # ignore it by its time, so nothing on the hub has to run at the expiry.
    Column("service_id", String(300), primary_key=True),  # catalogue id
    Column("text", Text, nullable=False),
    Column("until", UtcDateTime, nullable=False),
    # The organisation of whoever set it (an agency, a council's supervisor, the hub's).
    Column("organization_id", ForeignKey("organizations.id")),
    Column("author", String(100), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)
