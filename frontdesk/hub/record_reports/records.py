"""Writing record reports: a pushed report joins the open group for its part of the
service (or opens one), and every change to a group goes into the change feed for every
desk, which shows the warning until the group closes.

Groups are keyed while open by `open_key` ("service_id|field", unique): two hub processes
taking the first two reports of a part at once cannot open two groups; the loser's insert
fails and its op is applied again, finding the winner's group.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from frontdesk.core.record_report import (
    CONTACT_FIELDS,
    ReportField,
    ReportStatus,
    part_fingerprint,
)
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import strings_in
from frontdesk.hub.record_reports.op import ReportPayload
from frontdesk.hub.record_reports.privacy import contact_keys, strip_personal
from frontdesk.hub.sync.changes import UPSERT, Change, record_changes

#: The change-feed kind desks read record reports from.
RECORD_REPORT_KIND = "record_report"

_g, _r = t.record_report_groups, t.record_reports


def open_key(service_id: str, field: ReportField) -> str:
    return f"{service_id}|{field.value}"


def apply_report(
    conn: Connection,
    who: Principal,
    device_id: str,
    op_id: str,
    report: ReportPayload,
    now: dt.datetime,
) -> str | None:
    """Store the report in its group; returns why it cannot be applied, or None."""
    existing = conn.execute(select(_r.c.group_id).where(_r.c.id == report.report_id)).first()
    if existing is not None:
        return "report_id was already used for a different report"
    document_text = conn.scalar(
        select(t.services.c.document).where(t.services.c.id == report.service_id)
    )
    if document_text is None:
        return f"service {report.service_id!r} is not in the catalogue (removed at source?)"
    document: dict[str, Any] = json.loads(document_text)
    group_id = _group_for(conn, report, document, now)
    problem, suggested = _without_personal(report, document)
    conn.execute(
        insert(_r).values(
            id=report.report_id,
            group_id=group_id,
            organization_id=who.organization_id,
            account_id=who.account_id,
            device_id=device_id,
            op_id=op_id,
            problem=problem,
            suggested=suggested,
            reported_at=report.at,
            received_at=now,
        )
    )
    confirmations = select(func.count(_r.c.account_id.distinct())).where(_r.c.group_id == group_id)
    conn.execute(
        update(_g)
        .where(_g.c.id == group_id)
        .values(confirmations=confirmations.scalar_subquery(), updated_at=now)
    )
    record_group_change(conn, group_id)
    return None


def _group_for(
    conn: Connection, report: ReportPayload, document: dict[str, Any], now: dt.datetime
) -> int:
    key = open_key(report.service_id, report.field)
    found = conn.execute(
        select(_g.c.id, _g.c.first_reported_at, _g.c.last_reported_at)
        .where(_g.c.open_key == key)
        .with_for_update()
    ).first()
    if found is not None:
        conn.execute(
            update(_g)
            .where(_g.c.id == found.id)
            .values(
                first_reported_at=min(found.first_reported_at, report.at),
                last_reported_at=max(found.last_reported_at, report.at),
            )
        )
        return int(found.id)
    # IntegrityError if another process opened it meanwhile: the op is applied again.
    new_id = conn.scalar(
        insert(_g)
        .values(
            service_id=report.service_id,
            field=report.field.value,
            status=ReportStatus.OPEN.value,
            open_key=key,
            fingerprint=part_fingerprint(document, report.field),
            confirmations=0,
            first_reported_at=report.at,
            last_reported_at=report.at,
            updated_at=now,
        )
        .returning(_g.c.id)
    )
    return int(new_id)


def _without_personal(report: ReportPayload, document: dict[str, Any]) -> tuple[str, str | None]:
    """Problem and suggested value with any personal phone number or e-mail removed."""
    kept = contact_keys(list(strings_in(document)))
    if report.suggested and report.field in CONTACT_FIELDS:
        kept |= contact_keys([report.suggested])
        return strip_personal(report.problem, kept), report.suggested
    suggested = strip_personal(report.suggested, kept) if report.suggested else None
    return strip_personal(report.problem, kept), suggested


def group_document(conn: Connection, group_id: int) -> dict[str, Any]:
    """What desks and agencies learn about a group (never who reported it)."""
    row = conn.execute(select(_g).where(_g.c.id == group_id)).one()
    reports = conn.scalars(select(_r.c.id).where(_r.c.group_id == group_id).order_by(_r.c.id))
    return {
        "id": str(row.id),
        "service_id": row.service_id,
        "field": row.field,
        "status": row.status,
        "confirmations": row.confirmations,
        "first_reported_at": row.first_reported_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "closed_at": row.closed_at.isoformat() if row.closed_at else None,
        "note": row.note,
        "reports": list(reports),
    }


def record_group_change(conn: Connection, group_id: int) -> None:
    """Every desk learns the group's new state: open ones warn, closed ones stop."""
    data = group_document(conn, group_id)
    record_changes(conn, [Change(RECORD_REPORT_KIND, data["id"], UPSERT, data)])


def close_group(
    conn: Connection, group_id: int, status: ReportStatus, note: str | None, now: dt.datetime
) -> None:
    """Move a group on; a closing status frees its part for a new group."""
    values: dict[str, Any] = {"status": status.value, "updated_at": now}
    if note is not None:
        values["note"] = note
    if not status.is_open:
        values.update(open_key=None, closed_at=now)
    conn.execute(update(_g).where(_g.c.id == group_id).values(**values))
    record_group_change(conn, group_id)
