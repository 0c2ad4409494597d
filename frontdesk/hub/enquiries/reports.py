"""Enquiries as supervisors and operators read them: a page at a time, a whole export
(CSV or JSON), and anonymous counts by outcome, channel and service.

Caller details are left out unless an operator asks for them at the server
(`frontdesk hub enquiries export --include-caller`): a supervisor's report is about the
work, not the people. Every export is audited (`record_export`) with who, how many and
the filter, never the details. Everything here is computed from columns and events that retention
keeps, so the counts are the same before and after a purge.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, or_, select

from frontdesk.core.enquiry import EventKind, without_caller
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.catalogue.read import Paging, envelope
from frontdesk.hub.db import reading
from frontdesk.hub.enquiries.call_facts import call_facts
from frontdesk.hub.enquiries.callers import FIELDS, details_of

JsonObject = dict[str, Any]
CSV_COLUMNS = (
    "reference",
    "id",
    "organization_id",
    "channel",
    "started_at",
    "outcome",
    "reason",
    "duration_seconds",
    "wrap_up_seconds",
    "service_ids",
    "referral_ids",
    "referral_statuses",
    "caller_held",
    "caller_purged",
    "follows_id",
    "follow_up_done_at",
    "created_at",
    "updated_at",
)
CALLER_CSV_COLUMNS = ("caller_name", "caller_phone", "caller_email", "caller_postcode")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Excel reads a UTF-8 CSV as the local code page unless it starts with this mark.
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class EnquiryFilter:
    organization_id: str | None = None  # None: every organisation (admins and operators)
    since: dt.datetime | None = None
    until: dt.datetime | None = None


def _started() -> Any:
    e = t.enquiries.c
    return func.coalesce(e.started_at, e.created_at)


def _query(where: EnquiryFilter, reference: str | None = None) -> Select[Any]:
    e, c = t.enquiries.c, t.enquiry_callers.c
    query = select(
        e.id,
        e.organization_id,
        e.channel,
        e.started_at,
        e.outcome,
        e.created_at,
        e.updated_at,
        e.reference,
        e.follows_id,
        e.follow_up_done_at,
        c.purged_at,
        (c.purged_at.is_(None) & or_(*(c[f].is_not(None) for f in FIELDS))).label("caller_held"),
    ).join_from(t.enquiries, t.enquiry_callers, e.id == c.enquiry_id, isouter=True)
    if reference is not None:
        query = query.where(e.reference == reference)
    return filtered(query, where).order_by(_started(), e.id)


def filtered(query: Select[Any], where: EnquiryFilter) -> Select[Any]:
    """`query` (over the enquiries table) kept to the filter's organisation and to calls
    started in [since, until) — the one definition the exports, counts and report share."""
    e = t.enquiries.c
    if where.organization_id is not None:
        query = query.where(e.organization_id == where.organization_id)
    if where.since is not None:
        query = query.where(_started() >= where.since)
    if where.until is not None:
        query = query.where(_started() < where.until)
    return query


def services_of(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    """The services each enquiry is linked to now: links added, then any amendment's list."""
    ev = t.enquiry_events.c
    kinds = (EventKind.SERVICE_LINKED.value, EventKind.AMENDED.value)
    linked: dict[str, list[str]] = {i: [] for i in ids}
    rows = conn.execute(
        select(ev.enquiry_id, ev.kind, ev.data)
        .where(ev.enquiry_id.in_(ids), ev.kind.in_(kinds))
        .order_by(ev.at, ev.received_at)
    )
    for row in rows:
        data = json.loads(row.data)
        service = data.get("service_id")
        is_link = row.kind == EventKind.SERVICE_LINKED.value and isinstance(service, str)
        if is_link and service not in linked[row.enquiry_id]:
            linked[row.enquiry_id].append(service)
        changes = data.get("changes")
        if isinstance(changes, dict) and isinstance(changes.get("service_ids"), list):
            linked[row.enquiry_id] = [s for s in changes["service_ids"] if isinstance(s, str)]
    return linked


def referrals_of(conn: Connection, ids: list[str]) -> dict[str, list[JsonObject]]:
    r = t.referrals.c
    found: dict[str, list[JsonObject]] = {i: [] for i in ids}
    rows = conn.execute(
        select(r.id, r.enquiry_id, r.service_id, r.to_organization_id, r.status)
        .where(r.enquiry_id.in_(ids))
        .order_by(r.created_at, r.id)
    )
    for row in rows:
        found[row.enquiry_id].append(
            {
                "id": row.id,
                "service_id": row.service_id,
                "to_organization_id": row.to_organization_id,
                "status": row.status,
            }
        )
    return found


def _render(conn: Connection, rows: list[Any], include_caller: bool) -> list[JsonObject]:
    ids = [row.id for row in rows]
    services, referrals = services_of(conn, ids), referrals_of(conn, ids)
    facts = call_facts(conn, ids)
    callers = details_of(conn, ids) if include_caller else {}
    rendered = []
    for row in rows:
        done = row.follow_up_done_at
        item: JsonObject = {
            "reference": row.reference,
            "id": row.id,
            "organization_id": row.organization_id,
            "channel": row.channel,
            "started_at": row.started_at.isoformat() if row.started_at else None,
            "outcome": row.outcome,
            **facts[row.id],
            "service_ids": services[row.id],
            "referrals": referrals[row.id],
            "caller_held": bool(row.caller_held),
            "caller_purged": row.purged_at is not None,
            "follows_id": row.follows_id,
            "follow_up_done_at": done.isoformat() if done else None,
            "created_at": row.created_at.isoformat(),
            "updated_at": row.updated_at.isoformat(),
        }
        if include_caller:
            item["caller"] = callers.get(row.id)
        rendered.append(item)
    return rendered


def one_enquiry(engine: Engine, where: EnquiryFilter, reference: str) -> JsonObject | None:
    """The enquiry with `reference` in the filter's organisation, with its history: every
    event as the desk sent it (caller details left out, as in the list) and when the hub
    received it. None if there is none there."""
    with reading(engine) as conn:
        row = conn.execute(_query(where, reference)).first()
        if row is None:
            return None
        [item] = _render(conn, [row], include_caller=False)
        ev = t.enquiry_events.c
        events = conn.execute(
            select(ev.kind, ev.at, ev.data, ev.received_at)
            .where(ev.enquiry_id == row.id)
            .order_by(ev.at, ev.received_at, ev.id)
        )
        item["history"] = [
            {
                "kind": event.kind,
                "at": event.at.isoformat(),
                "received_at": event.received_at.isoformat(),
                "data": without_caller(json.loads(event.data)),
            }
            for event in events
        ]
        item["follows_reference"] = (
            conn.scalar(select(t.enquiries.c.reference).where(t.enquiries.c.id == row.follows_id))
            if row.follows_id
            else None
        )
    return item


def list_enquiries(engine: Engine, where: EnquiryFilter, paging: Paging) -> JsonObject:
    query = _query(where)
    with reading(engine) as conn:
        total = conn.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = list(conn.execute(query.limit(paging.per_page).offset(paging.offset)))
        contents = _render(conn, rows, include_caller=False)
    return envelope(contents, int(total), paging)


def export(
    engine: Engine, where: EnquiryFilter, *, include_caller: bool = False
) -> list[JsonObject]:
    """Every matching enquiry, in one read transaction so the export is consistent."""
    with reading(engine) as conn:
        rows = list(conn.execute(_query(where)))
        return _render(conn, rows, include_caller)


def statistics(engine: Engine, where: EnquiryFilter) -> JsonObject:
    """Counts only: how many enquiries, by outcome, by channel and by linked service."""
    items = export(engine, where)
    by_service: Counter[str] = Counter(s for item in items for s in item["service_ids"])
    return {
        "enquiries": len(items),
        "by_outcome": dict(Counter(item["outcome"] or "none" for item in items)),
        "by_channel": dict(Counter(item["channel"] or "unknown" for item in items)),
        "by_service": dict(by_service),
    }


def _cell(value: Any) -> str:
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    text = "" if value is None else str(value)
    # A spreadsheet would run a cell starting like a formula: quote it as text.
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(items: Iterable[JsonObject], *, include_caller: bool = False) -> str:
    """The items as CSV text, starting with a byte-order mark (like the desk's export);
    with the caller columns when the items were exported with caller details."""
    columns = (*CSV_COLUMNS, *CALLER_CSV_COLUMNS) if include_caller else CSV_COLUMNS
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for item in items:
        referrals = item["referrals"]
        caller = item.get("caller") or {}
        flat = {
            **item,
            "referral_ids": [r["id"] for r in referrals],
            "referral_statuses": [r["status"] for r in referrals],
            **{f"caller_{name}": caller.get(name) for name in FIELDS},
        }
        writer.writerow([_cell(flat[c]) for c in columns])
    return out.getvalue()


def record_export(
    engine: Engine,
    where: EnquiryFilter,
    *,
    fmt: str,
    count: int,
    include_caller: bool,
    actor: str,
    client: str | None = None,
) -> None:
    """Audit an export before it is handed over: who (actor, client), when (the row's
    time), how many, in which format, with or without caller details, and the filter."""

    def iso(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value else None

    audit.record_read(
        engine,
        "enquiries.export",
        actor=actor,
        organization_id=where.organization_id,
        client=client,
        detail={
            "format": fmt,
            "enquiries": count,
            "include_caller": include_caller,
            "organization_id": where.organization_id,
            "since": iso(where.since),
            "until": iso(where.until),
        },
    )
