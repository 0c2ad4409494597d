"""The call's facts kept on `enquiries` (revision 0011): `reason`, `duration_seconds` and
`wrap_up_seconds`, each the value its enquiry's last event of one kind gave: last by
time, then arrival, then event id, the order `call_facts` reads the events in.

Both ways of applying a push write them in the transaction that stores the event. An
event replaces the stored fact unless an event of its kind already stored comes after it
in that order: a reason set at 10:05 that arrives after one set at 10:09 is kept in the
history and leaves the stored reason as it was."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, case, exists, literal, tuple_

from frontdesk.core.enquiry import EventKind
from frontdesk.hub import schema as t
from frontdesk.hub.columns import UtcDateTime
from frontdesk.hub.sync.push_validation import EventPayload

#: The event kind each fact comes from, and the key of its data that holds it.
FACT_OF = {
    EventKind.CREATED: "duration_seconds",
    EventKind.REASON_SET: "reason",
    EventKind.WRAP_UP_DONE: "wrap_up_seconds",
}
FACTS = tuple(FACT_OF.values())


@dataclass(frozen=True, slots=True)
class Fact:
    """What one event says of its enquiry: the column, its value, and the event's place."""

    column: str
    value: str | int | None
    kind: str
    at: dt.datetime
    received_at: dt.datetime
    event_id: str

    @property
    def key(self) -> tuple[dt.datetime, dt.datetime, str]:
        return (self.at, self.received_at, self.event_id)


def fact_of(event: EventPayload, received_at: dt.datetime) -> Fact | None:
    """The fact an event sets, or None. Push validation lets only a text (or null) reason
    and whole seconds through; any other shape would be stored as no value."""
    column = FACT_OF.get(event.kind)
    if column is None:
        return None
    value = event.data.get(column)
    if column == "reason":
        usable = value is None or isinstance(value, str)
    else:
        usable = isinstance(value, int) and not isinstance(value, bool)
    return Fact(
        column,
        value if usable else None,
        event.kind.value,
        event.at,
        received_at,
        event.event_id,
    )


def assignment(enquiry_id: str, fact: Fact) -> dict[str, Any]:
    """The SET clause for an existing enquiry: the event's value unless a stored event of
    its kind comes after it. Reads the events as they were before this statement, which is
    right: the event itself is not stored yet, or is written by the same statement."""
    ev, column = t.enquiry_events.c, t.enquiries.c[fact.column]
    stamp = UtcDateTime()
    later = exists().where(
        ev.enquiry_id == literal(enquiry_id, String()),
        ev.kind == literal(fact.kind, String()),
        tuple_(ev.at, ev.received_at, ev.id)
        > tuple_(literal(fact.at, stamp), literal(fact.received_at, stamp), literal(fact.event_id)),
    )
    return {fact.column: case((~later, literal(fact.value, column.type)), else_=column)}


def merged(into: dict[str, Any], keys: dict[str, Fact], fact: Fact) -> None:
    """Fold a batch's fact into the enquiry's row being built (`into`), if it comes after
    the batch's earlier facts of its kind (`keys`, column → fact kept so far)."""
    kept = keys.get(fact.column)
    if kept is not None and kept.key > fact.key:
        return
    keys[fact.column] = fact
    into[fact.column] = fact.value
    into[f"{fact.column}_at"] = fact.at
    into[f"{fact.column}_received_at"] = fact.received_at
    into[f"{fact.column}_event"] = fact.event_id


def later_stored_sql(column: str, kind: str) -> str:
    """The batch's SET term for one fact (see `assignment`), over its JSON rows `r`."""
    return (
        f"{column} = CASE WHEN r.set_{column} AND NOT EXISTS ("
        f"SELECT 1 FROM enquiry_events v WHERE v.enquiry_id = e.id AND v.kind = '{kind}'"
        f" AND (v.at, v.received_at, v.id) > (r.{column}_at, r.{column}_received_at,"
        f" r.{column}_event)) THEN r.{column} ELSE e.{column} END"
    )
