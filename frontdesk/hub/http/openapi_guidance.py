"""The OpenAPI description of the guidance endpoints, merged into the hub's document by
`frontdesk.hub.http.openapi`."""

from __future__ import annotations

from frontdesk.core.guidance import MAX_BODY
from frontdesk.hub.http.openapi_referrals import (
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


def guidance_paths() -> JsonObject:
    forbidden = {"403": error("Not a supervisor or admin, or another organisation")}
    return {
        "/supervisor/v1/guidance": {
            "get": op(
                "supervisor",
                "The live guidance notes your organisation's desks see (its own and the "
                "shared ones), or every version of one service's notes.",
                {"200": json_content(ref("GuidanceList")), **SIGNED_IN, **forbidden},
                parameters=[
                    query(
                        "organization_id",
                        "Admins: one organisation (default all); supervisors: only their own.",
                    ),
                    query("service_id", "One service's notes, every version, newest first."),
                ],
            ),
            "post": op(
                "supervisor",
                "Add a version of a service's note for your organisation (admins: for any "
                "organisation, or shared with all). An empty body withdraws the note.",
                {"200": json_content(ref("Guidance")), **SIGNED_IN, **forbidden},
                requestBody=json_body(ref("GuidanceWrite")),
            ),
        }
    }


def guidance_schemas() -> JsonObject:
    note: JsonObject = {
        "type": "object",
        "required": ["service_id", "organization_id", "version", "author", "updated_at", "body"],
        "properties": {
            "service_id": STRING,
            "organization_id": {"type": ["string", "null"]},
            "version": {"type": "integer", "minimum": 1},
            "author": STRING,
            "updated_at": {"type": "string", "format": "date-time"},
            "body": {"type": "string", "description": "Markdown"},
        },
    }
    return {
        "Guidance": note,
        "GuidanceList": {
            "type": "object",
            "required": ["guidance"],
            "properties": {"guidance": {"type": "array", "items": ref("Guidance")}},
        },
        "GuidanceWrite": {
            "type": "object",
            "required": ["service_id", "body"],
            "properties": {
                "service_id": {"type": "string", "minLength": 1, "maxLength": 300},
                "body": {"type": "string", "maxLength": MAX_BODY, "description": "Markdown"},
                "organization_id": {"type": "string", "maxLength": 64},
                "shared": {"type": "boolean", "default": False},
            },
        },
    }
