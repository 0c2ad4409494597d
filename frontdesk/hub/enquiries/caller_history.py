"""A consented caller's earlier enquiries with one organisation, for the adviser's desk:
"rang 2 times in the last 30 days", from every desk of the organisation.

A caller is recognised by any one identifier — telephone (E.164), e-mail (case-folded),
or name and postcode together — against the details desks sent with the caller's
consent (`enquiry_callers`); details removed by retention or erasure are never matched.
Every look-up is audited before its answer leaves the hub, naming which kinds of
identifier were used and how many enquiries were found, never the values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.db import reading
from frontdesk.hub.enquiries.call_facts import call_facts
from frontdesk.hub.enquiries.callers import email_key, phone_key, postcode_key
from frontdesk.hub.enquiries.reports import referrals_of, services_of

#: The most enquiries one answer lists (newest first); `total` counts them all.
MAX_LISTED = 50


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class CallerLookup:
    """Who is looked for, in which organisation's enquiries, since when."""

    organization_id: str | None  # None: every organisation (an admin's look-up)
    phone: str | None = None
    email: str | None = None
    name: str | None = None
    postcode: str | None = None
    since: dt.datetime | None = None

    def is_empty(self) -> bool:
        return not (self.phone or self.email or (self.name and self.postcode))

    def identifiers(self) -> list[str]:
        """Which kinds of identifier were used — for the audit row, never the values."""
        used = [f for f in ("phone", "email") if getattr(self, f)]
        return used + (["name", "postcode"] if self.name and self.postcode else [])


def _matching(lookup: CallerLookup) -> ColumnElement[bool]:
    c = t.enquiry_callers.c
    either: list[ColumnElement[bool]] = []
    if lookup.phone:
        either.append(c.phone_key == phone_key(lookup.phone))
    if lookup.email:
        either.append(c.email_key == email_key(lookup.email))
    if lookup.name and lookup.postcode:
        # The name is compared below, case-folded, which SQL's lower() cannot do alike
        # on both databases.
        either.append(and_(c.postcode == postcode_key(lookup.postcode), c.name.is_not(None)))
    return and_(c.purged_at.is_(None), or_(*either))


def _found(conn: Connection, lookup: CallerLookup) -> list[Any]:
    e, c = t.enquiries.c, t.enquiry_callers.c
    started = func.coalesce(e.started_at, e.created_at).label("started")
    query = (
        select(e.id, e.reference, e.outcome, started, c.phone_key, c.email_key, c.name)
        .join_from(t.enquiries, t.enquiry_callers, e.id == c.enquiry_id)
        .where(_matching(lookup))
        .order_by(started.desc(), e.id.desc())
    )
    if lookup.organization_id is not None:
        query = query.where(e.organization_id == lookup.organization_id)
    if lookup.since is not None:
        query = query.where(func.coalesce(e.started_at, e.created_at) >= lookup.since)
    return [row for row in conn.execute(query) if _same_caller(row, lookup)]


def _same_caller(row: Any, lookup: CallerLookup) -> bool:
    if lookup.phone and row.phone_key == phone_key(lookup.phone):
        return True
    if lookup.email and row.email_key == email_key(lookup.email):
        return True
    return bool(lookup.name and row.name and name_key(row.name) == name_key(lookup.name))


def caller_history(
    engine: Engine, lookup: CallerLookup, *, actor: str, client: str | None
) -> dict[str, Any]:
    """The caller's enquiries, newest first (at most MAX_LISTED, with the total), audited
    before they are returned: a look-up that cannot be audited is not answered."""
    with reading(engine) as conn:
        rows = _found(conn, lookup)
        listed = rows[:MAX_LISTED]
        ids = [row.id for row in listed]
        services, referrals = services_of(conn, ids), referrals_of(conn, ids)
        facts = call_facts(conn, ids)
    items = []
    for row in listed:
        latest = referrals[row.id][-1] if referrals[row.id] else None
        items.append(
            {
                "id": row.id,
                "reference": row.reference,
                "started_at": _utc(row.started).isoformat(),
                "outcome": row.outcome,
                "service_ids": services[row.id],
                "referral_status": latest["status"] if latest else None,
                "reason": facts[row.id]["reason"],
            }
        )
    audit.record_read(
        engine,
        "callers.history",
        actor=actor,
        organization_id=lookup.organization_id,
        client=client,
        detail={
            "identifiers": lookup.identifiers(),
            "enquiries": len(rows),
            "since": lookup.since.isoformat() if lookup.since else None,
        },
    )
    return {"enquiries": items, "total": len(rows)}


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back what was stored; PostgreSQL a timestamptz.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
