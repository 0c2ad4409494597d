"""Reading record-report groups off the change feed (kind `record_report`): what every
desk warns about, and the hub's word on this desk's own reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontdesk.core.record_report import GroupUpdate, ReportField, ReportStatus

RECORD_REPORT = "record_report"


def group_update(data: dict[str, Any]) -> GroupUpdate:
    """Raises KeyError, TypeError or ValueError for an entry the desk cannot read."""
    note, reports = data.get("note"), data.get("reports") or []
    if not isinstance(reports, list):
        raise TypeError("reports must be a list")
    return GroupUpdate(
        group_id=str(data["id"]),
        service_id=str(data["service_id"]),
        field=ReportField(data["field"]),
        status=ReportStatus(data["status"]),
        confirmations=int(data["confirmations"]),
        first_reported_at=dt.datetime.fromisoformat(data["first_reported_at"]),
        updated_at=dt.datetime.fromisoformat(data["updated_at"]),
        note=note if isinstance(note, str) else None,
        report_ids=tuple(str(r) for r in reports),
    )
