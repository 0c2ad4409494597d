"""Repeat callers in a period, for the desk's report: consenting callers with two or more
enquiries in it, and how many enquiries they made between them.

A caller is recognised as caller history recognises one (`store.caller_history`): by any
one of the telephone number, e-mail address, or name and postcode together. "Any one"
is transitive here: if call A shares a number with call B and B an address with C, all
three are the same caller, so the calls are grouped with a union-find over those keys.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from frontdesk.core.areas import normalise_postcode
from frontdesk.store import desk_schema as t
from frontdesk.store.caller_details import normalise_phone
from frontdesk.store.caller_history import email_key, name_key


def caller_keys(caller: dict[str, Any]) -> list[str]:
    """The normal forms a consented caller can be matched on (none without consent). The
    desk stores numbers in E.164 already; only one that is not (written before numbers
    were checked) is parsed again, which is slow at 100,000 calls."""
    if not caller.get("consent"):
        return []
    keys = []
    if phone := caller.get("phone"):
        stored = phone.startswith("+") and phone[1:].isdigit()
        keys.append("phone:" + (phone if stored else normalise_phone(phone) or phone))
    if email := caller.get("email"):
        keys.append("email:" + email_key(email))
    name, postcode = caller.get("name"), caller.get("postcode")
    if name and postcode and name.strip():
        keys.append(f"name:{name_key(name)}|{normalise_postcode(postcode) or postcode}")
    return keys


def repeat_callers(conn: Connection, inside: Any) -> dict[str, int]:
    e = t.enquiries.c
    fields = ("phone", "email", "name", "postcode")
    # SQLite picks the fields out of the JSON: quicker than parsing each row here.
    rows = conn.execute(
        select(e.id, *(func.json_extract(e.caller, f"$.{f}") for f in fields)).where(
            inside, e.caller.is_not(None), func.json_extract(e.caller, "$.consent") == 1
        )
    )
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    calls: list[str] = []
    for enquiry_id, *values in rows:
        keys = caller_keys(dict(zip(fields, values, strict=True)) | {"consent": True})
        if not keys:
            continue
        node = "enquiry:" + enquiry_id
        calls.append(node)
        parent.setdefault(node, node)
        for key in keys:
            parent.setdefault(key, key)
            parent[root(key)] = root(node)
    sizes: dict[str, int] = {}
    for node in calls:
        top = root(node)
        sizes[top] = sizes.get(top, 0) + 1
    repeat = [n for n in sizes.values() if n >= 2]
    return {"callers": len(repeat), "enquiries": sum(repeat)}
