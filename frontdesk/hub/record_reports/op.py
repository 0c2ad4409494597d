"""Checking a pushed `record_report` op: the desk's report that a record is wrong.

A record report is not an enquiry event, but it travels the same outbox and push: same
op id, device sequence and stored answer, and the same rule that an op the hub cannot
store is a stored rejection with a reason, never a 500.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from frontdesk.core.record_report import MAX_PROBLEM_CHARS, MAX_SUGGESTED_CHARS, ReportField
from frontdesk.hub.columns import has_nul
from frontdesk.hub.sync.push_validation import op_datetime

#: The op kind the desk's outbox writes for a record report.
RECORD_REPORT = "record_report"
MAX_ID_CHARS = 100
MAX_SERVICE_ID_CHARS = 300


@dataclass(frozen=True, slots=True)
class ReportPayload:
    report_id: str
    service_id: str
    field: ReportField
    problem: str
    suggested: str | None
    at: dt.datetime


def is_record_report(op: Any) -> bool:
    return getattr(op, "kind", None) == RECORD_REPORT


def parse_report(schema_v: Any, payload: Any) -> ReportPayload | str:
    """The report the op carries, or the reason it is rejected."""
    if not isinstance(schema_v, int) or isinstance(schema_v, bool) or schema_v != 1:
        return "schema_v must be 1 for a record report"
    if not isinstance(payload, dict):
        return "payload must be an object"
    if has_nul(payload):
        return "payload must not contain the NUL character (U+0000)"
    report_id, service_id = payload.get("report_id"), payload.get("service_id")
    if not (isinstance(report_id, str) and _text(report_id, MAX_ID_CHARS)):
        return f"payload.report_id must be a string of 1–{MAX_ID_CHARS} characters"
    if not (isinstance(service_id, str) and _text(service_id, MAX_SERVICE_ID_CHARS)):
        return "payload.service_id must name the service reported"
    try:
        field = ReportField(str(payload.get("field")))
    except ValueError:
        allowed = ", ".join(f.value for f in ReportField)
        return f"payload.field must be one of: {allowed}"
    problem, suggested = payload.get("problem"), payload.get("suggested")
    if not (isinstance(problem, str) and _text(problem, MAX_PROBLEM_CHARS) and problem.strip()):
        return f"payload.problem must be text of 1–{MAX_PROBLEM_CHARS} characters"
    if suggested is not None and not _text(suggested, MAX_SUGGESTED_CHARS):
        return f"payload.suggested must be text of at most {MAX_SUGGESTED_CHARS} characters"
    at = op_datetime(payload.get("at"))
    if at is None:
        return "payload.at must be an ISO 8601 date and time"
    kept = suggested.strip() if isinstance(suggested, str) else None
    return ReportPayload(
        report_id, service_id, field, problem.strip(), kept or None, at.astimezone(dt.UTC)
    )


def _text(value: Any, limit: int) -> bool:
    """Text of 1 to `limit` characters, printable (no control characters) but for the
    tabs and line breaks free text may hold."""
    if not (isinstance(value, str) and 0 < len(value) <= limit):
        return False
    return all(c.isprintable() or c in "\t\r\n" for c in value)
