"""The OpenAPI description of the service alert endpoints, merged into the hub's
document by `frontdesk.hub.http.openapi`."""

from __future__ import annotations

from frontdesk.core.alert import MAX_TEXT
from frontdesk.hub.http.openapi_referrals import (
    DATE_TIME,
    PATH_ID,
    SIGNED_IN,
    STRING,
    JsonObject,
    error,
    json_body,
    json_content,
    op,
    ref,
)


def alert_paths() -> JsonObject:
    tag = "agency"
    forbidden = {
        "403": error(
            "Not an agency, supervisor or admin account (role_forbidden), or an agency "
            "naming a service it does not deliver (not_your_service)"
        )
    }
    unknown = {"404": error("No such service (unknown_service) or no live alert (no_alert)")}
    return {
        "/agency/v1/alerts": {
            "get": op(
                tag,
                "The live service alerts you may change (an agency: on the services it "
                "delivers; supervisors and admins: every one), soonest expiry first.",
                {"200": json_content(ref("ServiceAlertList")), **SIGNED_IN, **forbidden},
            )
        },
        "/agency/v1/services/{id}/alert": {
            "get": op(
                tag,
                "The service's live alert.",
                {"200": json_content(ref("ServiceAlert")), **SIGNED_IN, **forbidden, **unknown},
                parameters=[PATH_ID],
            ),
            "put": op(
                tag,
                "Set the service's alert until a time, replacing any it had. Every desk "
                "shows it from its next sync and hides it at `until` by itself.",
                {
                    "200": json_content(ref("ServiceAlert")),
                    **SIGNED_IN,
                    **forbidden,
                    **unknown,
                    "400": error(
                        "Empty or too long text, an expiry that has passed or is more than "
                        "90 days ahead (invalid_alert)"
                    ),
                },
                parameters=[PATH_ID],
                requestBody=json_body(ref("ServiceAlertWrite")),
            ),
            "delete": op(
                tag,
                "Clear the service's alert; desks drop it at their next sync.",
                {
                    "200": json_content(
                        {
                            "type": "object",
                            "required": ["cleared"],
                            "properties": {"cleared": ref("ServiceAlert")},
                        },
                        "Cleared: the alert that was removed",
                    ),
                    **SIGNED_IN,
                    **forbidden,
                    **unknown,
                },
                parameters=[PATH_ID],
            ),
        },
    }


def alert_schemas() -> JsonObject:
    alert: JsonObject = {
        "type": "object",
        "required": ["service_id", "text", "until", "set_at"],
        "properties": {
            "service_id": STRING,
            "text": STRING,
            "until": DATE_TIME,
            "set_at": DATE_TIME,
        },
    }
    listed: JsonObject = {
        **alert,
        "properties": {
            **alert["properties"],
            "service_name": {"type": ["string", "null"]},
            "organization_id": {"type": ["string", "null"]},
            "author": STRING,
        },
    }
    return {
        "ServiceAlert": alert,
        "ServiceAlertList": {
            "type": "object",
            "required": ["alerts"],
            "properties": {"alerts": {"type": "array", "items": listed}},
        },
        "ServiceAlertWrite": {
            "type": "object",
            "required": ["text", "until"],
            "properties": {
                "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT},
                "until": {**DATE_TIME, "description": "UTC if no offset is given"},
            },
        },
    }
