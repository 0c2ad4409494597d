"""The OpenAPI description of the consented-caller look-up (`/enquiries/v1/caller-history`),
merged into the hub's document by `frontdesk.hub.http.openapi`."""

from __future__ import annotations

from frontdesk.core.enquiry import Outcome, ReferralStatus
from frontdesk.hub.http.openapi_referrals import (
    DATE_TIME,
    SIGNED_IN,
    STRING,
    JsonObject,
    error,
    json_body,
    json_content,
    op,
    ref,
)


def _text(max_length: int) -> JsonObject:
    return {"type": ["string", "null"], "maxLength": max_length}


def caller_paths() -> JsonObject:
    return {
        "/enquiries/v1/caller-history": {
            "post": op(
                "enquiries",
                "A consented caller's enquiries with your organisation, newest first "
                "(audited). Matches any one of phone, email, or name and postcode.",
                {
                    "200": json_content(ref("CallerHistory")),
                    **SIGNED_IN,
                    "403": error("An agency account, or another organisation"),
                    "413": error("Body larger than 16 KiB"),
                },
                requestBody=json_body(ref("CallerLookup")),
            )
        }
    }


def caller_schemas() -> JsonObject:
    nullable = {"type": ["string", "null"]}
    return {
        "CallerLookup": {
            "type": "object",
            "properties": {
                "phone": _text(50),
                "email": _text(320),
                "name": _text(500),
                "postcode": _text(10),
                "since": {"type": ["string", "null"], "format": "date-time"},
                "organization_id": {
                    **_text(64),
                    "description": "Admins: one organisation (default all); others: "
                    "only their own.",
                },
            },
        },
        "CallerHistory": {
            "type": "object",
            "required": ["enquiries", "total"],
            "properties": {
                "total": {"type": "integer", "minimum": 0},
                "enquiries": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["id", "started_at", "service_ids"],
                        "properties": {
                            "id": STRING,
                            "reference": nullable,
                            "started_at": DATE_TIME,
                            "outcome": {"enum": [*(o.value for o in Outcome), None]},
                            "service_ids": {"type": "array", "items": STRING},
                            "referral_status": {"enum": [*(s.value for s in ReferralStatus), None]},
                            "reason": nullable,
                        },
                    },
                },
            },
        },
    }
