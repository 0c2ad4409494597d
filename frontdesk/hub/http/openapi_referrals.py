"""The OpenAPI description of the referral endpoints: agencies' queues, supervisors'
reports and admins' retention tools (Open311 is in `openapi_open311`). Merged into the
hub's document by `frontdesk.hub.http.openapi`; kept apart so that file stays readable.
"""

from __future__ import annotations

from typing import Any

from frontdesk.core.enquiry import ReferralStatus

JsonObject = dict[str, Any]
STRING: JsonObject = {"type": "string"}
DATE_TIME: JsonObject = {"type": "string", "format": "date-time"}
PATH_ID = {"name": "id", "in": "path", "required": True, "schema": STRING}


def json_content(schema: JsonObject, description: str = "OK") -> JsonObject:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def ref(name: str) -> JsonObject:
    return {"$ref": f"#/components/schemas/{name}"}


def error(description: str) -> JsonObject:
    return json_content(ref("Error"), description)


def _open311_error(description: str) -> JsonObject:
    return json_content(ref("Open311Errors"), description)


def query(name: str, description: str, schema: JsonObject | None = None) -> JsonObject:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or STRING,
    }


PAGING = [
    query("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
    query("per_page", "Items per page.", {"type": "integer", "minimum": 1, "maximum": 200}),
]
SIGNED_IN = {"401": error("Not signed in"), "400": error("Bad parameter")}


def op(tag: str, summary: str, responses: JsonObject, **extra: Any) -> JsonObject:
    return {
        "summary": summary,
        "tags": [tag],
        "security": [{"bearer": []}],
        "responses": responses,
        **extra,
    }


def json_body(schema: JsonObject) -> JsonObject:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _agency() -> JsonObject:
    tag, forbidden = "agency", {"403": error("Not an agency account")}
    status_values = [s.value for s in ReferralStatus]
    return {
        "/agency/v1/referrals": {
            "get": op(
                tag,
                "Referrals addressed to your agency, oldest change first.",
                {"200": json_content(ref("ReferralPage")), **SIGNED_IN, **forbidden},
                parameters=[
                    query("status", "Only this status.", {"enum": status_values}),
                    query("since", "Only referrals changed after this time.", DATE_TIME),
                    *PAGING,
                ],
            )
        },
        "/agency/v1/referrals/{id}": {
            "get": op(
                tag,
                "One referral addressed to your agency.",
                {
                    "200": json_content(ref("Referral")),
                    **SIGNED_IN,
                    **forbidden,
                    "404": error("No such referral addressed to your organisation"),
                },
                parameters=[PATH_ID],
            )
        },
        "/agency/v1/referrals/{id}/status": {
            "post": op(
                tag,
                "Set a referral's status (and note); refused once it is closed.",
                {
                    "200": json_content(ref("Referral")),
                    **SIGNED_IN,
                    **forbidden,
                    "404": error("No such referral addressed to your organisation"),
                    "409": error("The referral is closed (code referral_closed)"),
                    "422": error("Not a status an agency may set"),
                },
                parameters=[PATH_ID],
                requestBody=json_body(
                    {
                        "type": "object",
                        "required": ["status"],
                        "properties": {
                            "status": {"enum": status_values[1:]},
                            "note": {"type": ["string", "null"], "maxLength": 4000},
                        },
                    }
                ),
            )
        },
    }


def _reports() -> JsonObject:
    tag = "supervisor"
    forbidden = {"403": error("Not a supervisor or admin, or another organisation")}
    window = [
        query(
            "organization_id",
            "Admins: one organisation (default all); supervisors: only their own.",
        ),
        query("since", "Started at or after.", DATE_TIME),
        query("until", "Started before.", DATE_TIME),
    ]
    admin = {"403": error("Not an admin account")}
    subject = json_body(ref("SubjectQuery"))
    return {
        "/supervisor/v1/enquiries": {
            "get": op(
                tag,
                "Enquiries of your organisation, a page at a time (no caller details).",
                {"200": json_content(ref("EnquiryPage")), **SIGNED_IN, **forbidden},
                parameters=[*window, *PAGING],
            )
        },
        "/supervisor/v1/enquiries/{reference}": {
            "get": op(
                tag,
                "One enquiry by its reference (any case, hyphens allowed), with its history "
                "of events and amendments (no caller details).",
                {
                    "200": json_content(ref("EnquiryWithHistory")),
                    **SIGNED_IN,
                    **forbidden,
                    "404": error("No enquiry of yours has that reference"),
                },
                parameters=[
                    {
                        "name": "reference",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string", "maxLength": 40},
                    },
                    window[0],
                ],
            )
        },
        "/supervisor/v1/enquiries/export": {
            "get": op(
                tag,
                "Every matching enquiry as CSV or JSON (audited).",
                {
                    "200": {
                        "description": "The export",
                        "content": {
                            "application/json": {"schema": {"type": "object"}},
                            "text/csv": {"schema": STRING},
                        },
                    },
                    **SIGNED_IN,
                    **forbidden,
                },
                parameters=[*window, query("format", "json or csv", {"enum": ["json", "csv"]})],
            )
        },
        "/supervisor/v1/statistics": {
            "get": op(
                tag,
                "Anonymous counts by outcome, channel and service.",
                {"200": json_content({"type": "object"}), **SIGNED_IN, **forbidden},
                parameters=window,
            )
        },
        "/admin/v1/purge": {
            "post": op(
                "admin",
                "Remove caller details from enquiries older than N days (audited).",
                {"200": json_content({"type": "object"}), **SIGNED_IN, **admin},
                requestBody=json_body(
                    {
                        "type": "object",
                        "required": ["older_than_days"],
                        "properties": {"older_than_days": {"type": "integer"}},
                    }
                ),
            )
        },
        "/admin/v1/subject/export": {
            "post": op(
                "admin",
                "Everything held about one caller, with the texts and e-mails of services' "
                "details sent to them (audited).",
                {"200": json_content({"type": "object"}), **SIGNED_IN, **admin},
                requestBody=subject,
            )
        },
        "/admin/v1/subject/erase": {
            "post": op(
                "admin",
                "Erase one caller's details and the notes about them (audited).",
                {"200": json_content({"type": "object"}), **SIGNED_IN, **admin},
                requestBody=subject,
            )
        },
    }


def referral_paths() -> JsonObject:
    return {**_agency(), **_reports()}


def referral_schemas() -> JsonObject:
    nullable = {"type": ["string", "null"]}
    return {
        "Referral": {
            "type": "object",
            "properties": {
                "id": STRING,
                "enquiry_id": STRING,
                "service_id": STRING,
                "service_name": nullable,
                "from_organization_id": STRING,
                "to_organization_id": STRING,
                "status": {"enum": [s.value for s in ReferralStatus]},
                "closed": {"type": "boolean"},
                "note": nullable,
                "status_note": nullable,
                "location": {"type": "object"},
                "caller": {"type": ["object", "null"]},
                "created_at": DATE_TIME,
                "updated_at": DATE_TIME,
            },
        },
        "ReferralPage": {
            "allOf": [ref("Page")],
            "properties": {"contents": {"type": "array", "items": ref("Referral")}},
        },
        "EnquiryPage": {
            "allOf": [ref("Page")],
            "properties": {"contents": {"type": "array", "items": {"type": "object"}}},
        },
        "EnquiryWithHistory": {
            "type": "object",
            "properties": {
                "reference": {"type": ["string", "null"]},
                "id": STRING,
                "outcome": {"type": ["string", "null"]},
                "follows_reference": {"type": ["string", "null"]},
                "follow_up_done_at": {"type": ["string", "null"]},
                "history": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "kind": STRING,
                            "at": DATE_TIME,
                            "received_at": DATE_TIME,
                            "data": {"type": "object"},
                        },
                    },
                },
            },
        },
        "SubjectQuery": {
            "type": "object",
            "minProperties": 1,
            "properties": {"email": STRING, "phone": STRING, "postcode": STRING},
        },
    }
