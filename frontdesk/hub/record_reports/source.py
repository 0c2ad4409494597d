"""Closing reports that the source itself has answered: when an import or harvest brings a
record whose reported part differs from what was reported (or drops the record), the
report is closed as "changed at source" and every desk stops warning."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from frontdesk.core.record_report import ReportField, ReportStatus, part_fingerprint
from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow
from frontdesk.hub.record_reports.records import close_group

_g = t.record_report_groups


def close_changed_at_source(conn: Connection, source: str) -> int:
    """Inside the import's transaction: close `source`'s open groups whose part changed.
    Returns how many closed. Open groups are few, so each is compared in Python."""
    groups = conn.execute(
        select(_g.c.id, _g.c.service_id, _g.c.field, _g.c.fingerprint, t.services.c.document)
        .outerjoin(t.services, t.services.c.id == _g.c.service_id)
        .where(_g.c.open_key.is_not(None))
        .where(_g.c.service_id.startswith(f"{source}:", autoescape=True))
    ).all()
    now, closed = utcnow(), 0
    for group in groups:
        document = json.loads(group.document) if group.document is not None else None
        if part_fingerprint(document, ReportField(group.field)) != group.fingerprint:
            close_group(conn, group.id, ReportStatus.CHANGED_AT_SOURCE, None, now)
            closed += 1
    return closed
