"""The OpenAPI description of `/open311/v2` (GeoReport v2, JSON only). Response bodies
refer to the Open311 community's own JSON Schemas, pinned to the commit the tests
validate against, rather than copying them.
"""

from __future__ import annotations

from frontdesk.hub.http.openapi_referrals import (
    DATE_TIME,
    PATH_ID,
    STRING,
    JsonObject,
    json_content,
    op,
    query,
    ref,
)

OPEN311_SCHEMA = (
    "https://raw.githubusercontent.com/open311/schema-validation/"
    "47e06a443f3620b51d7dfb107e1b4d39898d7a1a/schema/georeport-v2/"
)
API_KEY = query("api_key", "The account's API key (or send a bearer token).")
FORM_FIELDS = (
    "api_key",
    "service_code",
    "lat",
    "long",
    "address_string",
    "address_id",
    "zipcode",
    "email",
    "first_name",
    "last_name",
    "phone",
    "description",
    "media_url",
    "device_id",
    "account_id",
    "jurisdiction_id",
)


def open311_error(description: str) -> JsonObject:
    return json_content(ref("Open311Errors"), description)


def open311_paths() -> JsonObject:
    tag = "Open311 GeoReport v2"
    public: JsonObject = {"security": [{}, {"bearer": []}]}
    errors = {"400": open311_error("Bad request"), "401": open311_error("Not signed in")}
    code = {
        "name": "id",
        "in": "path",
        "required": True,
        "description": "service_code (catalogue id)",
        "schema": STRING,
    }
    form = {
        "required": True,
        "content": {"application/x-www-form-urlencoded": {"schema": ref("Open311RequestForm")}},
    }
    return {
        "/open311/v2/services.json": {
            "get": {
                **op(
                    tag,
                    "Services that take requests (their agency has an account).",
                    {"200": json_content({"$ref": OPEN311_SCHEMA + "services.json"}), **errors},
                    parameters=[API_KEY, query("jurisdiction_id", "Ignored: one jurisdiction.")],
                ),
                **public,
            }
        },
        "/open311/v2/services/{id}.json": {
            "get": {
                **op(
                    tag,
                    "A service definition (no extra attributes).",
                    {
                        "200": json_content({"$ref": OPEN311_SCHEMA + "service-definition.json"}),
                        **errors,
                        "404": open311_error("No such service"),
                    },
                    parameters=[code, API_KEY],
                ),
                **public,
            }
        },
        "/open311/v2/requests.json": {
            "get": op(
                tag,
                "Requests your organisation made or must answer (90 days by default).",
                {"200": json_content({"$ref": OPEN311_SCHEMA + "requests.json"}), **errors},
                parameters=[
                    API_KEY,
                    query("service_request_id", "Comma-separated ids; overrides the rest."),
                    query("service_code", "Comma-separated service codes."),
                    query("start_date", "Requested on or after.", DATE_TIME),
                    query("end_date", "Requested on or before.", DATE_TIME),
                    query("status", "open, closed or both (comma-separated)."),
                ],
            ),
            "post": op(
                tag,
                "Make a service request (adviser or supervisor account).",
                {
                    "200": json_content(ref("Open311Created"), "Made"),
                    **errors,
                    "403": open311_error("Role may not submit requests"),
                    "413": open311_error("Form too large"),
                    "415": open311_error("Not a URL-encoded form"),
                },
                requestBody=form,
            ),
        },
        "/open311/v2/requests/{id}.json": {
            "get": op(
                tag,
                "One request, as a one-item array.",
                {
                    "200": json_content({"$ref": OPEN311_SCHEMA + "requests.json"}),
                    **errors,
                    "404": open311_error("No such request made by or sent to your organisation"),
                },
                parameters=[PATH_ID, API_KEY],
            )
        },
    }


def open311_schemas() -> JsonObject:
    nullable = {"type": ["string", "null"]}
    form_fields = FORM_FIELDS
    return {
        "Open311Errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "description"],
                "properties": {"code": {"type": "integer"}, "description": STRING},
            },
        },
        "Open311Created": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "service_request_id": STRING,
                    "service_notice": nullable,
                    "account_id": nullable,
                },
            },
        },
        "Open311RequestForm": {
            "type": "object",
            "required": ["service_code"],
            "properties": {name: STRING for name in form_fields},
        },
    }
