"""The OpenAPI description of the record-report endpoints: the owning agency's queue and
its answers, and the admin's list of reports no agency owns yet. Merged into the hub's
document by `frontdesk.hub.http.openapi`."""

from __future__ import annotations

from frontdesk.core.record_report import AGENCY_STATUSES, ReportField, ReportStatus
from frontdesk.hub.http.openapi_referrals import (
    DATE_TIME,
    PAGING,
    PATH_ID,
    SIGNED_IN,
    STRING,
    JsonObject,
    error,
    json_body,
    json_content,
    op,
    query,
    ref,
)

_STATUS_QUERY = query("status", "Only this status.", {"enum": [s.value for s in ReportStatus]})
_NOT_YOURS = error("No such report on your organisation's records")


def record_report_paths() -> JsonObject:
    tag, forbidden = "agency", {"403": error("Not an agency account")}
    return {
        "/agency/v1/record-reports": {
            "get": op(
                tag,
                "Reports that your agency's records are wrong, longest-standing first.",
                {"200": json_content(ref("RecordReportPage")), **SIGNED_IN, **forbidden},
                parameters=[_STATUS_QUERY, *PAGING],
            )
        },
        "/agency/v1/record-reports/{id}": {
            "get": op(
                tag,
                "One group of reports on one part of one of your records.",
                {
                    "200": json_content(ref("RecordReport")),
                    **SIGNED_IN,
                    **forbidden,
                    "404": _NOT_YOURS,
                },
                parameters=[PATH_ID],
            )
        },
        "/agency/v1/record-reports/{id}/status": {
            "post": op(
                tag,
                "Acknowledge a report, or close it as fixed or not a problem, with a note.",
                {
                    "200": json_content(ref("RecordReport")),
                    **SIGNED_IN,
                    **forbidden,
                    "404": _NOT_YOURS,
                    "409": error("The report is closed (code report_closed)"),
                    "422": error("Not a status an agency may set"),
                },
                parameters=[PATH_ID],
                requestBody=json_body(
                    {
                        "type": "object",
                        "required": ["status"],
                        "properties": {
                            "status": {"enum": [s.value for s in AGENCY_STATUSES]},
                            "note": {"type": ["string", "null"], "maxLength": 4000},
                        },
                    }
                ),
            )
        },
        "/admin/v1/record-reports": {
            "get": op(
                "admin",
                "Open reports on records whose organisation is linked to no agency yet.",
                {
                    "200": json_content(ref("RecordReportPage")),
                    **SIGNED_IN,
                    "403": error("Not an admin account"),
                },
                parameters=[_STATUS_QUERY, *PAGING],
            )
        },
    }


def record_report_schemas() -> JsonObject:
    nullable = {"type": ["string", "null"]}
    return {
        "RecordReport": {
            "type": "object",
            "properties": {
                "id": STRING,
                "service_id": STRING,
                "service_name": nullable,
                "owner_organization_id": nullable,
                "field": {"enum": [f.value for f in ReportField]},
                "status": {"enum": [s.value for s in ReportStatus]},
                "closed": {"type": "boolean"},
                "confirmations": {"type": "integer"},
                "first_reported_at": DATE_TIME,
                "last_reported_at": DATE_TIME,
                "updated_at": DATE_TIME,
                "closed_at": {"type": ["string", "null"], "format": "date-time"},
                "note": nullable,
                "reports": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "problem": STRING,
                            "suggested": nullable,
                            "reported_at": DATE_TIME,
                        },
                    },
                },
            },
        },
        "RecordReportOp": {
            "type": "object",
            "description": "The payload of a record_report op: a desk's report that a record "
            "is wrong.",
            "required": ["report_id", "service_id", "field", "problem", "at"],
            "properties": {
                "report_id": {"type": "string", "minLength": 1, "maxLength": 100},
                "service_id": {"type": "string", "minLength": 1, "maxLength": 300},
                "field": {"enum": [f.value for f in ReportField]},
                "problem": {"type": "string", "minLength": 1, "maxLength": 1000},
                "suggested": {"type": ["string", "null"], "maxLength": 300},
                "at": DATE_TIME,
            },
        },
        "RecordReportPage": {
            "allOf": [ref("Page")],
            "properties": {"contents": {"type": "array", "items": ref("RecordReport")}},
        },
    }
