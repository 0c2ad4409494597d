"""What every way of applying a push shares: the answers, the checks an op must pass, the
enquiry columns an event sets and the push's audit detail, so the ways cannot drift."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from frontdesk.core.enquiry import EventKind
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.enquiries.callers import caller_in
from frontdesk.hub.sync.push_validation import EventPayload, Op

APPLIED, DUPLICATE, REJECTED, OUT_OF_ORDER = "applied", "duplicate", "rejected", "out_of_order"
#: The reason stored for an op the database refused to store (a value validation missed).
UNSTORABLE = "the hub cannot store this op's content"

#: (client, results so far, number of ops): the last op writes the push's audit row.
Audit = tuple[str, list[dict[str, Any]], int]


class OpIdReused(Exception):
    """An op_id came back with a different payload: a desk bug, never silently accepted."""

    def __init__(self, op_id: str, results: list[dict[str, Any]]) -> None:
        super().__init__(op_id)
        self.op_id = op_id
        self.results = results


class DeviceNotYours(Exception):
    """The device id is registered to another organisation."""


@dataclass(frozen=True, slots=True)
class PushSummary:
    results: list[dict[str, Any]]


def push_detail(results: list[dict[str, Any]], op_count: int) -> dict[str, Any]:
    """The audit row's detail: how many ops, and how many got each answer."""
    counts: dict[str, int] = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return {"ops": op_count, **counts}


def stored_answer(stored_result: str) -> dict[str, Any]:
    """A retry's answer: the stored result, an applied op now reported as a duplicate."""
    result: dict[str, Any] = json.loads(stored_result)
    if result["status"] == APPLIED:
        result["status"] = DUPLICATE
    return result


def rejected(op: Op, reason: str) -> dict[str, Any]:
    return {"op_id": op.op_id, "status": REJECTED, "reason": reason}


def event_data_text(event: EventPayload) -> str:
    """The event's data as stored, and as a re-queued event is compared with."""
    return json.dumps(event.data, sort_keys=True, ensure_ascii=False)


def check_event(
    who: Principal, op: Op, event: EventPayload, state: Any, data_text: str
) -> dict[str, Any] | None:
    """Why the event cannot be applied (a result to store), or None if it can. `state`
    holds the enquiry's owner, any event stored under the event_id, and any referral
    stored under the referral's id."""
    if state.owner is not None and state.owner != who.organization_id:
        return rejected(op, "enquiry_id was already used for a different enquiry")
    if state.event_enquiry_id is not None:
        existing = (state.event_enquiry_id, state.event_kind, state.event_at, state.event_data)
        if existing == (event.enquiry_id, event.kind.value, event.at, data_text):
            return {"op_id": op.op_id, "status": DUPLICATE}  # the desk re-queued it
        return rejected(op, "event_id was already used for a different event")
    if event.kind is EventKind.REFERRAL_SENT and state.referral_id:
        return rejected(op, "referral_id was already used for a different referral")
    return None


def referral_id(event: EventPayload) -> str:
    given = event.data.get("referral_id")
    usable = isinstance(given, str) and 0 < len(given) <= 100 and given.isprintable()
    return str(given) if usable else event.event_id


#: The enquiry columns an event may set after the enquiry is created, besides updated_at.
ENQUIRY_SETTABLE = ("channel", "started_at", "outcome", "follow_up_done_at")
#: Columns only the created event sets (the batch inserts them with the new enquiry).
ENQUIRY_CREATED_ONLY = ("reference", "follows_id")


def enquiry_values(event: EventPayload, now: dt.datetime) -> dict[str, Any]:
    """The enquiry columns an event sets."""
    values: dict[str, Any] = {"updated_at": now}
    data = event.data
    if event.kind is EventKind.CREATED:
        values["channel"] = data.get("channel")
        started = data.get("started_at")
        values["started_at"] = dt.datetime.fromisoformat(started) if started else event.at
        if values["started_at"].tzinfo is None:
            values["started_at"] = values["started_at"].replace(tzinfo=dt.UTC)
        values["reference"] = data.get("reference")
        values["follows_id"] = data.get("follows")
    elif event.kind is EventKind.OUTCOME_SET:
        values["outcome"] = data["outcome"]
    elif event.kind is EventKind.AMENDED:
        # A correction shows on the hub's enquiry, not only in its history.
        changes = data.get("changes", {})
        for column in ("outcome", "channel"):
            if column in changes:
                values[column] = changes[column]
    elif event.kind is EventKind.FOLLOW_UP_DONE:
        values["follow_up_done_at"] = event.at
    return values


def plain(event: EventPayload | str) -> bool:
    """The op's writes are only the enquiry, its event, the device and the op (no
    referral, no caller details): the batch can apply it."""
    if isinstance(event, str):
        return True
    return (
        event.kind is not EventKind.REFERRAL_SENT
        and event.kind is not EventKind.DETAILS_SENT  # queues a message: op by op
        and not changes_referral(event)
        and not caller_in(event.kind, event.data)[0]
    )


def changes_referral(event: EventPayload) -> bool:
    """An amendment that takes the referral away or sends it to another service: the
    referral sent before is withdrawn (a redirected one arrives as a new referral-sent
    event after it)."""
    changes = event.data.get("changes") if event.kind is EventKind.AMENDED else None
    return isinstance(changes, dict) and "referral_service_id" in changes
