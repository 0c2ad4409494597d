"""The OpenAPI description of the supervisor's period report, merged into the hub's
document by `frontdesk.hub.http.openapi`."""

from __future__ import annotations

from frontdesk.hub.http.openapi_referrals import (
    SIGNED_IN,
    JsonObject,
    error,
    json_content,
    op,
    query,
    ref,
)

DATE: JsonObject = {"type": "string", "format": "date"}
COUNTS: JsonObject = {"type": "object", "additionalProperties": {"type": "integer"}}
BY_CHANNEL: JsonObject = {"type": "object", "additionalProperties": COUNTS}


def _required(name: str, description: str) -> JsonObject:
    return {**query(name, description, DATE), "required": True}


def report_paths() -> JsonObject:
    return {
        "/supervisor/v1/report": {
            "get": op(
                "supervisor",
                "The period report for London calendar days since..until (at most 400): "
                "counts, first-contact resolution, handling times, hours and weekdays, "
                "advisers, repeat callers, messages and the desks' estate.",
                {
                    "200": json_content(ref("PeriodReport")),
                    **SIGNED_IN,
                    "403": error("Not a supervisor or admin, or another organisation"),
                },
                parameters=[
                    _required("since", "First London day, YYYY-MM-DD."),
                    _required("until", "Last London day, YYYY-MM-DD (not before since)."),
                    query("org", "Admins: one organisation (default all); supervisors: their own."),
                    query(
                        "stale_hours",
                        "A desk not heard from for this many hours is stale (default 24).",
                        {"type": "integer", "minimum": 1},
                    ),
                ],
            )
        }
    }


def report_schemas() -> JsonObject:
    nullable_time = {"type": ["string", "null"], "format": "date-time"}
    desk = {
        "type": "object",
        "properties": {
            "device_id": {"type": "string"},
            "organization_id": {"type": "string"},
            "last_push_at": nullable_time,
            "last_pull_at": nullable_time,
            "outbox_waiting": {"type": ["integer", "null"]},
            "catalogue_pulled_at": nullable_time,
            "stale": {"type": "boolean"},
        },
    }
    week = {
        "type": "object",
        "properties": {
            "week_start": DATE,
            "resolved": {"type": "integer"},
            "with_outcome": {"type": "integer"},
            "rate": {"type": ["number", "null"]},
        },
    }
    statuses = {"type": "object", "additionalProperties": COUNTS}
    return {
        "PeriodReport": {
            "type": "object",
            "required": ["since", "until", "enquiries", "by_hour", "by_weekday", "estate"],
            "properties": {
                "since": DATE,
                "until": DATE,
                "organization_id": {"type": ["string", "null"]},
                "enquiries": {"type": "integer"},
                "by_outcome": COUNTS,
                "by_channel": COUNTS,
                "by_hour": BY_CHANNEL,
                "by_weekday": BY_CHANNEL,
                "fcr_by_week": {"type": "array", "items": week},
                "by_adviser": {"oneOf": [COUNTS, {"type": "null"}]},
                "repeat_callers": COUNTS,
                "messages": statuses,
                "estate": {
                    "type": "object",
                    "properties": {
                        "as_at": {"type": "string", "format": "date-time"},
                        "stale_after_hours": {"type": "integer"},
                        "desks": {"type": "array", "items": desk},
                    },
                },
            },
        }
    }
