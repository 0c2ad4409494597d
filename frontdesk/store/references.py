"""Handing out enquiry references on this desk: its prefix and its counter, in desk_state.

The prefix is the hub's once the desk has signed in (`set_hub_prefix`); until then the
desk makes up a standalone prefix of its own, once. Each prefix has its own counter, kept
for ever, so a number is never handed out twice under one prefix, whichever prefix the
desk uses now. References are taken inside the save's transaction: a save that fails
uses no number.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from frontdesk.core import reference as ref
from frontdesk.store import desk_schema as t
from frontdesk.store.desk import DeskStore

PREFIX = "reference_prefix"
_COUNTER = "reference_seq:"


def _value(conn: Connection, key: str) -> str | None:
    found: str | None = conn.scalar(select(t.desk_state.c.value).where(t.desk_state.c.key == key))
    return found


def _put(conn: Connection, key: str, value: str) -> None:
    conn.execute(insert(t.desk_state).prefix_with("OR REPLACE").values(key=key, value=value))


def next_reference(conn: Connection) -> str:
    """The next reference, in the caller's open write transaction."""
    prefix = _value(conn, PREFIX)
    if prefix is None:
        prefix = ref.standalone_prefix()
        _put(conn, PREFIX, prefix)
    number = int(_value(conn, _COUNTER + prefix) or 0) + 1
    made = ref.make(prefix, number)  # raises before the counter moves if none are left
    _put(conn, _COUNTER + prefix, str(number))
    return made


def current_prefix(desk: DeskStore) -> str | None:
    with desk.engine.connect() as conn:
        return _value(conn, PREFIX)


def has_hub_prefix(desk: DeskStore) -> bool:
    prefix = current_prefix(desk)
    return prefix is not None and ref.is_hub_prefix(prefix)


def set_hub_prefix(desk: DeskStore, prefix: str) -> None:
    """Use the prefix the hub assigned this desk for every reference from now on."""
    if not ref.is_hub_prefix(prefix):
        raise ValueError(f"{prefix!r} is not a reference prefix a hub hands out")
    with desk.write("record this desk's reference prefix") as conn:
        _put(conn, PREFIX, prefix)
