"""The owning agency's word on a group of record reports: acknowledged (still open), fixed
or not a problem (closed, with a note). Audited, and sent to every desk through the feed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from frontdesk.core.record_report import AGENCY_STATUSES, ReportStatus
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import writing
from frontdesk.hub.record_reports.records import close_group

MAX_NOTE_CHARS = 4000
NO_GROUP = "no such record report on your organisation's records"


class ReportActionError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def parse_group_id(raw: str) -> int | None:
    """Group ids are positive whole numbers; anything else names no group."""
    return int(raw) if raw.isascii() and raw.isdigit() and 0 < len(raw) <= 18 else None


def parse_agency_status(value: Any) -> ReportStatus:
    allowed = [s.value for s in AGENCY_STATUSES]
    if isinstance(value, str) and value in allowed:
        return ReportStatus(value)
    raise ReportActionError(422, "invalid_status", f"status must be one of: {', '.join(allowed)}")


def set_status(
    engine: Engine,
    who: Principal,
    group_id: int,
    status: ReportStatus,
    note: str | None,
    client: str,
) -> None:
    """Only the agency that owns the record may move its reports on, and only while open."""
    g, s, link = t.record_report_groups.c, t.services.c, t.organization_catalogue_links.c
    with writing(engine) as conn:
        row = conn.execute(
            select(g.status, link.organization_id)
            .select_from(t.record_report_groups)
            .join(t.services, s.id == g.service_id)
            .join(t.organization_catalogue_links, link.catalogue_org_id == s.organization_id)
            .where(g.id == group_id)
            .with_for_update(of=t.record_report_groups)
        ).first()
        if row is None or row.organization_id != who.organization_id:
            raise ReportActionError(404, "not_found", NO_GROUP)
        if not ReportStatus(row.status).is_open:
            raise ReportActionError(
                409, "report_closed", f"this report is closed ({row.status}); nothing changed"
            )
        close_group(conn, group_id, status, note, utcnow())
        audit.record(
            conn,
            "record_report.status",
            actor=who.name,
            organization_id=who.organization_id,
            target=str(group_id),
            client=client,
            detail={"status": status.value},
        )
