"""Caller details on the hub: copied out of pushed events into `enquiry_callers`, so a
subject-access request can find a person's enquiries by e-mail, phone or postcode, and
removed again (from that table and from the events) by retention or erasure.

Desks send caller details only with the caller's consent (`created` and `amended` events).
Matching keys are normalised — e-mail case-folded, phone in E.164 (read by `phonenumbers`
as a UK number unless it has a country code), postcode in ONS form — so "+44 7700 900123",
"0044 7700 900123", "+44 (0)7700 900123" and "07700 900123" are one number.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import phonenumbers
from sqlalchemy import Connection, and_, select, update
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.core.areas import normalise_postcode
from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.db import insert_ignoring_conflict

FIELDS = ("name", "phone", "email", "postcode")
_LIMITS = {"name": 500, "phone": 50, "email": 320, "postcode": 10}
_NOT_DIGITS = re.compile(r"\D")


@dataclass(frozen=True, slots=True)
class SubjectQuery:
    """Who a subject-access request is about; every identifier given must match."""

    email: str | None = None
    phone: str | None = None
    postcode: str | None = None

    def is_empty(self) -> bool:
        return not (self.email or self.phone or self.postcode)

    def describe(self) -> list[str]:
        """Which identifiers were used — for the audit log, which never holds the values."""
        return [name for name in ("email", "phone", "postcode") if getattr(self, name)]


def email_key(email: str) -> str:
    return email.strip().casefold()


def phone_key(phone: str) -> str:
    """The number in E.164; text phonenumbers cannot read as a number keeps its digits,
    so it still matches itself (the hub trusts no client to have checked it)."""
    try:
        number = phonenumbers.parse(phone, "GB")
    except phonenumbers.NumberParseException:
        return _NOT_DIGITS.sub("", phone)[:30]
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[:30]


def postcode_key(postcode: str) -> str:
    return normalise_postcode(postcode) or postcode.strip().upper()[:10]


def caller_in(kind: EventKind, data: dict[str, Any]) -> tuple[bool, dict[str, Any] | None]:
    """(does the event say anything about the caller, the details it gives)."""
    if kind is EventKind.CREATED:
        caller = data.get("caller")
        return caller is not None, caller if isinstance(caller, dict) else None
    changes = data.get("changes")
    if kind is EventKind.AMENDED and isinstance(changes, dict) and "caller" in changes:
        caller = changes["caller"]
        return True, caller if isinstance(caller, dict) else None
    return False, None


def record_caller(
    conn: Connection, enquiry_id: str, kind: EventKind, data: dict[str, Any], now: dt.datetime
) -> None:
    """Keep the latest caller details an event gives (an amendment may clear them)."""
    mentioned, caller = caller_in(kind, data)
    if not mentioned:
        return
    values = _columns(caller or {})
    inserted = insert_ignoring_conflict(
        conn, t.enquiry_callers, {"enquiry_id": enquiry_id, "updated_at": now, **values}
    )
    if not inserted:
        conn.execute(
            update(t.enquiry_callers)
            .where(t.enquiry_callers.c.enquiry_id == enquiry_id)
            .values(updated_at=now, **values)
        )


def _columns(caller: dict[str, Any]) -> dict[str, Any]:
    # Desks validate these, but the hub trusts no client: only strings, cut to the column.
    clean = {
        f: v.strip()[: _LIMITS[f]] if isinstance(v := caller.get(f), str) and v.strip() else None
        for f in FIELDS
    }
    if clean["postcode"]:
        clean["postcode"] = postcode_key(clean["postcode"])
    clean["email_key"] = email_key(clean["email"]) if clean["email"] else None
    clean["phone_key"] = phone_key(clean["phone"]) if clean["phone"] else None
    return clean


def matching(query: SubjectQuery) -> ColumnElement[bool]:
    """The `enquiry_callers` rows whose details match every identifier in the query."""
    c = t.enquiry_callers.c
    conditions: list[ColumnElement[bool]] = [c.purged_at.is_(None)]
    if query.email:
        conditions.append(c.email_key == email_key(query.email))
    if query.phone:
        conditions.append(c.phone_key == phone_key(query.phone))
    if query.postcode:
        conditions.append(c.postcode == postcode_key(query.postcode))
    return and_(*conditions)


def details_of(conn: Connection, enquiry_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The details held for each enquiry that has any: one whose caller was withdrawn by
    an amendment (a row of blanks) is left out, as one never given is."""
    c = t.enquiry_callers.c
    rows = conn.execute(
        select(c.enquiry_id, c.name, c.phone, c.email, c.postcode).where(
            c.enquiry_id.in_(enquiry_ids), c.purged_at.is_(None)
        )
    )
    held = {r.enquiry_id: {f: getattr(r, f) for f in FIELDS if getattr(r, f)} for r in rows}
    return {enquiry_id: details for enquiry_id, details in held.items() if details}


def redact_event(kind: str, data_text: str) -> str | None:
    """The event's JSON without caller details; None if it held none."""
    data = json.loads(data_text)
    if not isinstance(data, dict):
        return None
    changes = data.get("changes")
    if kind == EventKind.CREATED.value and "caller" in data:
        del data["caller"]
    elif kind == EventKind.AMENDED.value and isinstance(changes, dict) and "caller" in changes:
        changes["caller"] = None
    else:
        return None
    return json.dumps(data, sort_keys=True, ensure_ascii=False)
