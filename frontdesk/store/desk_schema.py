"""Tables of desk.db: the adviser's enquiries, their append-only events and the outbox.

desk.db is never dropped or rebuilt: it holds work that may exist nowhere else yet. Its
shape changes only through the numbered migrations in `desk_migrations`; these Table
objects describe the newest shape for queries.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

metadata = MetaData()

enquiries = Table(
    "enquiries",
    metadata,
    Column("id", String, primary_key=True),
    Column("channel", String, nullable=False),
    Column("started_at", String, nullable=False),
    Column("saved_at", String, nullable=False),
    Column("outcome", String),
    Column("caller", Text),  # JSON, only with the caller's consent
    Column("summary", Text, nullable=False),  # JSON: services, notes, referral
    Column("sync_state", String, nullable=False),
    Column("rejection_reason", Text),  # every reason the hub gave, kept in view
    Column("referral_status", String),
    Column("referral_note", Text),
    Column("referral_updated_at", String),
    Column("caller_purged_at", String),  # set when the retention purge removed the caller
    Column("reason", String),  # a reason code (store.reasons)
    Column("duration_seconds", Integer),  # the call, started to saved
    Column("wrap_up_seconds", Integer),  # after the call, saved to the next call or "done"
    Column("reference", String, unique=True),  # what the caller writes down (core.reference)
    Column("follows_id", String),  # the earlier enquiry this call is about
    Column("follow_up_done_at", String),
)

enquiry_events = Table(
    "enquiry_events",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("id", String, nullable=False, unique=True),
    Column("enquiry_id", String, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("at", String, nullable=False),
    Column("data", Text, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("device_seq", Integer, primary_key=True),
    Column("op_id", String, nullable=False, unique=True),
    Column("schema_v", Integer, nullable=False),
    # Empty for an op that is not an enquiry's (a record report).
    Column("enquiry_id", String, index=True),
    Column("kind", String, nullable=False),
    Column("payload", Text, nullable=False),
    Column("created_at", String, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text),
)

drafts = Table(
    "drafts",
    metadata,
    Column("id", String, primary_key=True),
    Column("updated_at", String, nullable=False),
    Column("payload", Text, nullable=False),
)

# Small facts about this desk: its device id, the last device_seq handed out.
desk_state = Table(
    "desk_state",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

# -- record reports (migration 4) ---------------------------------------------------------

# The adviser's own reports that a record is wrong; the hub's answer arrives by the feed.
record_reports = Table(
    "record_reports",
    metadata,
    Column("id", String, primary_key=True),
    Column("op_id", String, nullable=False, unique=True),
    Column("service_id", String, nullable=False),
    Column("service_name", String, nullable=False),
    Column("field", String, nullable=False),
    Column("problem", Text, nullable=False),
    Column("suggested", Text),
    Column("reported_at", String, nullable=False, index=True),
    Column("rejection_reason", Text),
    Column("group_id", String),
    Column("status", String),
    Column("status_note", Text),
    Column("status_at", String),
)

# Every desk's reports as the hub groups them: an open one warns on its service.
record_warnings = Table(
    "record_warnings",
    metadata,
    Column("group_id", String, primary_key=True),
    Column("service_id", String, nullable=False, index=True),
    Column("field", String, nullable=False),
    Column("status", String, nullable=False),
    Column("confirmations", Integer, nullable=False),
    Column("first_reported_at", String, nullable=False),
    Column("updated_at", String, nullable=False),
)

sent_details = Table(
    "sent_details",
    metadata,
    # A service's details texted or e-mailed to the caller (migration 5): written with its
    # "details sent" event, its status then kept up to date from the hub's feed.
    Column("event_id", String, primary_key=True),
    Column("enquiry_id", String, nullable=False, index=True),
    Column("service_id", String, nullable=False),
    Column("channel", String, nullable=False),  # sms | email
    Column("recipient", String),  # NULL once purged with the caller's details
    Column("status", String, nullable=False),
    Column("reason", Text),
    Column("updated_at", String, nullable=False),
)
