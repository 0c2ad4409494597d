"""The hub's OpenAPI 3.1 document, written by hand so it says exactly what the handlers do.

The catalogue endpoints follow Open Referral HSDS 3.0; their object schemas are the
specification's own, referred to by URL rather than copied. A test checks that every
route the app serves is described here and that nothing described is missing from it.
"""

from __future__ import annotations

from typing import Any

from frontdesk import __version__
from frontdesk.hub.http.openapi_alerts import alert_paths, alert_schemas
from frontdesk.hub.http.openapi_callers import caller_paths, caller_schemas
from frontdesk.hub.http.openapi_guidance import guidance_paths, guidance_schemas
from frontdesk.hub.http.openapi_open311 import open311_paths, open311_schemas
from frontdesk.hub.http.openapi_record_reports import record_report_paths, record_report_schemas
from frontdesk.hub.http.openapi_referrals import referral_paths, referral_schemas
from frontdesk.hub.http.openapi_report import report_paths, report_schemas

JsonObject = dict[str, Any]
CATALOGUE_KINDS = ("service", "organization", "taxonomy_term")
HSDS_SCHEMA = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def _error(description: str) -> JsonObject:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def _ok(schema: JsonObject, description: str = "OK") -> JsonObject:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: JsonObject | None = None) -> JsonObject:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


#: What `http.text_param` accepts: no control characters (it also refuses other characters
#: Python does not count as printable, such as unassigned code points).
PRINTABLE = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"


def _text(max_length: int) -> JsonObject:
    return {"type": "string", "maxLength": max_length, "pattern": PRINTABLE}


PATH_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
PROTOCOL = {
    "name": "Frontdesk-Protocol",
    "in": "header",
    "required": True,
    "description": "Sync protocol version; this hub speaks 1.",
    "schema": {"type": "string", "enum": ["1"]},
}
PAGING = [
    _query(
        "page",
        "Page number, from 1.",
        {"type": "integer", "minimum": 1, "maximum": 1_000_000, "default": 1},
    ),
    _query(
        "per_page",
        "Items per page.",
        {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
    ),
]
SEARCH = _query("search", "Words that must all appear (case-insensitive).", _text(200))
COMMON_ERRORS = {
    "400": _error("Bad parameter or protocol version"),
    "401": _error("Missing, unknown, expired or revoked token"),
}


def _hsds_page(item_ref: str) -> JsonObject:
    return {
        "allOf": [{"$ref": "#/components/schemas/Page"}],
        "properties": {"contents": {"type": "array", "items": {"$ref": HSDS_SCHEMA + item_ref}}},
    }


def _catalogue(summary: str, schema: JsonObject, params: list[JsonObject]) -> JsonObject:
    return {
        "get": {
            "summary": summary,
            "tags": ["catalogue (HSDS 3.0)"],
            "security": [{}, {"bearer": []}],
            "parameters": params,
            "responses": {"200": _ok(schema), **COMMON_ERRORS, "404": _error("No such record")},
        }
    }


WAIT_TEXT = (
    "Live feed: seconds the desk will wait for a change. With nothing after the cursor the "
    "hub holds the request until a change is committed or the wait ends (at most its "
    "FRONTDESK_HUB_MAX_WAIT, 25 s by default), then answers as without it, adding `wait`."
)


def _sync(method: str, summary: str, responses: JsonObject, **extra: Any) -> JsonObject:
    return {
        method: {
            "summary": summary,
            "tags": ["sync"],
            "security": [{"bearer": []}],
            "parameters": [PROTOCOL, *extra.pop("parameters", [])],
            "responses": {**responses, **COMMON_ERRORS},
            **extra,
        }
    }


def _paths() -> JsonObject:
    service_filters = [
        SEARCH,
        _query("taxonomy_term_id", "Only services with this taxonomy term (UUID).", _text(300)),
        _query("organization_id", "Only services of this organization (UUID).", _text(300)),
        _query(
            "modified_after",
            "Only services changed on the hub after this time.",
            {"type": "string", "format": "date-time"},
        ),
        *PAGING,
    ]
    return {
        "/": {
            "get": {
                "summary": "What this API is: HSDS version, profile, this document.",
                "tags": ["catalogue (HSDS 3.0)"],
                "responses": {"200": _ok({"$ref": "#/components/schemas/ApiInfo"})},
            }
        },
        "/openapi.json": {
            "get": {"summary": "This document.", "responses": {"200": _ok({"type": "object"})}}
        },
        "/services": _catalogue(
            "Services, fully nested, a page at a time.",
            _hsds_page("compiled/service_list.json"),
            service_filters,
        ),
        "/services/{id}": _catalogue(
            "One service by UUID (or catalogue id source:id).",
            {"$ref": HSDS_SCHEMA + "compiled/service.json"},
            [PATH_ID],
        ),
        "/organizations": _catalogue(
            "Organizations (one-to-one fields).",
            _hsds_page("compiled/organization_list.json"),
            [SEARCH, *PAGING],
        ),
        "/organizations/{id}": _catalogue(
            "One organization with the ids and names of its services.",
            {"$ref": HSDS_SCHEMA + "organization.json"},
            [PATH_ID],
        ),
        "/taxonomies": _catalogue(
            "Taxonomies (vocabularies) the catalogue's terms belong to.",
            _hsds_page("taxonomy.json"),
            [SEARCH, *PAGING],
        ),
        "/taxonomies/{id}": _catalogue(
            "One taxonomy.", {"$ref": HSDS_SCHEMA + "taxonomy.json"}, [PATH_ID]
        ),
        "/taxonomy_terms": _catalogue(
            "Taxonomy terms.",
            _hsds_page("taxonomy_term.json"),
            [
                SEARCH,
                _query("taxonomy_id", "Only terms of this taxonomy (UUID).", _text(300)),
                _query("parent_id", "Only children of this term (UUID).", _text(300)),
                _query("top_only", "Only terms without a parent.", {"type": "boolean"}),
                *PAGING,
            ],
        ),
        "/taxonomy_terms/{id}": _catalogue(
            "One taxonomy term.", {"$ref": HSDS_SCHEMA + "taxonomy_term.json"}, [PATH_ID]
        ),
        "/service_at_locations": _catalogue(
            "Where services are delivered.",
            _hsds_page("compiled/service_at_location_list.json"),
            [SEARCH, *PAGING],
        ),
        "/service_at_locations/{id}": _catalogue(
            "One service at a location, with its service nested.",
            {"$ref": HSDS_SCHEMA + "compiled/service_at_location_list.json"},
            [PATH_ID],
        ),
        "/auth/v1/login": {
            "post": {
                "summary": "Sign in; returns an opaque bearer token.",
                "tags": ["auth"],
                "parameters": [PROTOCOL],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Login"}}
                    },
                },
                "responses": {
                    "200": _ok({"$ref": "#/components/schemas/Token"}),
                    "400": _error("Malformed request or protocol version"),
                    "401": _error("Wrong username or password (code login_failed)"),
                    "413": _error("Body too large"),
                    "429": _error("Too many failures for this username, or any, from this client"),
                },
            }
        },
        "/auth/v1/session": _sync(
            "get",
            "The account the token belongs to.",
            {"200": _ok({"type": "object", "properties": {"account": _ACCOUNT}})},
            tags=["auth"],
        ),
        "/auth/v1/logout": _sync(
            "post",
            "Revoke the token used for this request.",
            {"200": _ok({"type": "object", "properties": {"signed_out": {"type": "boolean"}}})},
            tags=["auth"],
        ),
        "/sync/v1/changes": _sync(
            "get",
            "Changes after the cursor, scoped to the token's organisation.",
            {
                "200": _ok({"$ref": "#/components/schemas/ChangePage"}),
                "410": _error("Cursor older than the hub's retention (code cursor_expired)"),
            },
            parameters=[
                _query(
                    "cursor", "Opaque cursor from the previous page; omit to start.", _text(100)
                ),
                _query(
                    "limit",
                    "Most changes to return.",
                    {"type": "integer", "minimum": 1, "maximum": 1000, "default": 500},
                ),
                _query("wait", WAIT_TEXT, {"type": "integer", "minimum": 0, "maximum": 3600}),
            ],
        ),
        "/sync/v1/push": _sync(
            "post",
            "Apply a desk's outbox ops, each in its own transaction.",
            {
                "200": _ok({"$ref": "#/components/schemas/PushResults"}),
                "403": _error("Role may not push, or device belongs to another organisation"),
                "413": _error("Body larger than 8 MiB"),
                "422": _error("An op_id reused with a different payload (code op_id_reused)"),
            },
            requestBody={
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Push"}}},
            },
        ),
        "/sync/v1/reference-prefix": _sync(
            "post",
            "The prefix of this desk's enquiry references: handed out once per device, "
            "the same one when asked again.",
            {
                "200": _ok(
                    {
                        "type": "object",
                        "properties": {
                            "device_id": {"type": "string"},
                            "prefix": {"type": "string"},
                        },
                    }
                ),
                "403": _error("Role may not push, or device belongs to another organisation"),
            },
            requestBody={
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["device_id"],
                            "properties": {"device_id": {"type": "string", "maxLength": 200}},
                        }
                    }
                },
            },
        ),
        "/sync/v1/desk-versions": {
            "get": {
                "summary": "The oldest desk release this hub accepts and the newest available.",
                "tags": ["sync"],
                "security": [{}, {"bearer": []}],
                "parameters": [{**PROTOCOL, "required": False}],
                "responses": {
                    "200": _ok({"$ref": "#/components/schemas/DeskVersions"}),
                    **COMMON_ERRORS,
                },
            }
        },
        "/sync/v1/notify-status": _sync(
            "get",
            "Whether this hub can send your organisation's texts and e-mails through GOV.UK "
            "Notify now (an API key and a template for the channel); requests recorded "
            "meanwhile are kept and sent once it can.",
            {
                "200": _ok(
                    {
                        "type": "object",
                        "required": ["sms", "email"],
                        "properties": {"sms": {"type": "boolean"}, "email": {"type": "boolean"}},
                    }
                ),
                "403": _error("Role does not send callers details"),
            },
        ),
    }


_ACCOUNT: JsonObject = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "role": {"type": "string", "enum": ["adviser", "supervisor", "agency", "admin"]},
        "organization_id": {"type": "string"},
    },
}


def _schemas() -> JsonObject:
    string, integer = {"type": "string"}, {"type": "integer"}
    release = {"type": ["string", "null"], "pattern": "^[0-9]+(\\.[0-9]+){0,3}$"}
    return {
        "DeskVersions": {
            "type": "object",
            "required": ["minimum", "latest"],
            "properties": {
                "minimum": {**release, "description": "Older desks must be updated."},
                "latest": {**release, "description": "The newest desk release available."},
            },
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {"code": string, "message": string},
                }
            },
        },
        "ApiInfo": {
            "type": "object",
            "properties": {"version": string, "profile": string, "openapi_url": string},
        },
        "Page": {
            "type": "object",
            "required": ["total_items", "total_pages", "page_number", "size", "contents"],
            "properties": {
                "total_items": integer,
                "total_pages": integer,
                "page_number": integer,
                "size": integer,
                "first_page": {"type": "boolean"},
                "last_page": {"type": "boolean"},
                "empty": {"type": "boolean"},
                "contents": {"type": "array"},
            },
        },
        "Login": {
            "type": "object",
            "required": ["username", "password"],
            "properties": {
                "username": {"type": "string", "minLength": 1, "maxLength": 100},
                "password": {"type": "string", "minLength": 1, "maxLength": 1024},
            },
        },
        "Token": {
            "type": "object",
            "properties": {
                "token": string,
                "token_type": {"const": "Bearer"},
                "expires_at": {"type": "string", "format": "date-time"},
                "account": _ACCOUNT,
            },
        },
        "Change": {
            "type": "object",
            "required": ["kind", "id", "op", "data"],
            "properties": {
                "kind": {
                    "enum": [
                        "service",
                        "organization",
                        "taxonomy_term",
                        "referral",
                        "record_report",
                    ]
                },
                "id": string,
                "op": {"enum": ["upsert", "delete"]},
                "data": {"type": ["object", "null"]},
            },
        },
        "ChangePage": {
            "type": "object",
            "required": ["changes", "cursor", "has_more"],
            "properties": {
                "changes": {"type": "array", "items": {"$ref": "#/components/schemas/Change"}},
                "cursor": string,
                "has_more": {"type": "boolean"},
                "wait": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Only when asked and honoured: the seconds the hub was "
                    "prepared to hold. A desk that asked and does not see it polls on its timer.",
                },
            },
        },
        "Push": {
            "type": "object",
            "required": ["device_id", "ops"],
            "properties": {
                "device_id": {"type": "string", "minLength": 1, "maxLength": 200},
                "ops": {
                    "type": "array",
                    "maxItems": 500,
                    "items": {
                        "type": "object",
                        "required": ["op_id", "device_seq", "schema_v", "kind", "payload"],
                        "properties": {
                            "op_id": {**_text(100), "minLength": 1},
                            "device_seq": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 2**62 - 1,
                            },
                            "schema_v": {"const": 1},
                            "kind": {"enum": ["enquiry_event", "record_report"]},
                            "payload": {
                                "anyOf": [
                                    {
                                        "type": "object",
                                        "required": ["enquiry_id", "event_id", "kind", "at"],
                                        "properties": {
                                            "enquiry_id": string,
                                            "event_id": string,
                                            "kind": string,
                                            "at": {"type": "string", "format": "date-time"},
                                            "data": {"type": "object"},
                                        },
                                    },
                                    {"$ref": "#/components/schemas/RecordReportOp"},
                                ]
                            },
                        },
                    },
                },
            },
        },
        "PushResults": {
            "type": "object",
            "properties": {
                "results": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["op_id", "status"],
                        "properties": {
                            "op_id": string,
                            "status": {
                                "enum": ["applied", "duplicate", "rejected", "out_of_order"]
                            },
                            "reason": string,
                            "expected_seq": integer,
                        },
                    },
                }
            },
        },
    }


def openapi_document() -> JsonObject:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "frontdesk hub",
            "version": __version__,
            "description": "Sync API for frontdesk desks and an Open Referral HSDS 3.0 read "
            "API over the shared catalogue. Catalogue endpoints allow anonymous reads; "
            "every other endpoint needs a bearer token from /auth/v1/login. Every error "
            'is {"error": {"code", "message"}}.',
        },
        "paths": {
            **_paths(),
            **referral_paths(),
            **caller_paths(),
            **open311_paths(),
            **record_report_paths(),
            **guidance_paths(),
            **alert_paths(),
            **report_paths(),
        },
        "components": {
            "schemas": {
                **_schemas(),
                **referral_schemas(),
                **caller_schemas(),
                **open311_schemas(),
                **record_report_schemas(),
                **guidance_schemas(),
                **alert_schemas(),
                **report_schemas(),
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
