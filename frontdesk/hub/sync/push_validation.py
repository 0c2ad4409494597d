"""Checking one pushed op before it touches the database.

Shape errors in the request envelope (an op without an op_id) make the whole request a
400, because there is nothing to key a stored answer on. Everything about the op's content
is checked here and turned into a `rejected` result with a reason, which the hub stores so
a retry gets the same answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from frontdesk.core import reference
from frontdesk.core.enquiry import Channel, EventKind, Outcome
from frontdesk.core.reason_codes import is_reason_code
from frontdesk.hub.columns import has_nul
from frontdesk.hub.notify.recipients import CHANNELS, check_recipient

SUPPORTED_SCHEMA_VERSIONS = frozenset({1})
#: The op kind the desk's outbox writes for an enquiry event. An op whose kind is the
#: event kind itself (e.g. "note") is accepted too, as long as it agrees with the payload.
ENQUIRY_EVENT = "enquiry_event"
MAX_ID_CHARS = 100
MAX_OPS = 500


class EnvelopeError(ValueError):
    """The request itself is malformed (400), not one op's content."""


@dataclass(frozen=True, slots=True)
class Op:
    op_id: str
    device_seq: int
    schema_v: Any
    kind: Any
    payload: Any

    def payload_hash(self, device_id: str) -> str:
        """What makes a retry "the same op": everything the desk sent for it."""
        canonical = json.dumps(
            [device_id, self.device_seq, self.schema_v, self.kind, self.payload],
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class EventPayload:
    enquiry_id: str
    event_id: str
    kind: EventKind
    at: dt.datetime
    data: dict[str, Any]


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_CHARS and value.isprintable()


def parse_push(body: Any) -> tuple[str, list[Op]]:
    if not isinstance(body, dict):
        raise EnvelopeError("the body must be a JSON object {device_id, ops}")
    device_id = body.get("device_id")
    if not (isinstance(device_id, str) and 0 < len(device_id) <= 200 and device_id.isprintable()):
        raise EnvelopeError(
            "device_id must be a non-empty string of at most 200 printable characters"
        )
    raw_ops = body.get("ops")
    if not isinstance(raw_ops, list):
        raise EnvelopeError("ops must be a list")
    if len(raw_ops) > MAX_OPS:
        raise EnvelopeError(f"at most {MAX_OPS} ops per push")
    ops: list[Op] = []
    for index, raw in enumerate(raw_ops):
        if not isinstance(raw, dict):
            raise EnvelopeError(f"ops[{index}] must be an object")
        op_id, seq = raw.get("op_id"), raw.get("device_seq")
        if not isinstance(op_id, str) or not _is_id(op_id):
            raise EnvelopeError(
                f"ops[{index}].op_id must be a string of 1–{MAX_ID_CHARS} characters"
            )
        if not isinstance(seq, int) or isinstance(seq, bool) or not 0 < seq < 2**62:
            raise EnvelopeError(f"ops[{index}].device_seq must be a positive integer")
        ops.append(Op(op_id, seq, raw.get("schema_v"), raw.get("kind"), raw.get("payload")))
    return device_id, ops


def parse_event(op: Op) -> EventPayload | str:
    """The event the op carries, or the reason it is rejected. Anything the database could
    not store (a wrongly typed field, a NUL character) is refused here, so that it is a
    stored rejection like any other and the desk's queue goes on."""
    if not isinstance(op.schema_v, int) or isinstance(op.schema_v, bool):
        return "schema_v must be a whole number (supported: 1)"
    if op.schema_v not in SUPPORTED_SCHEMA_VERSIONS:
        return f"schema_v {_shown(op.schema_v)} is not supported (supported: 1)"
    if not isinstance(op.kind, str):
        return f"op kind must be a string ({ENQUIRY_EVENT!r})"
    p = op.payload
    if not isinstance(p, dict):
        return "payload must be an object"
    if has_nul(p):
        return "payload must not contain the NUL character (U+0000)"
    for key in ("enquiry_id", "event_id"):
        if not _is_id(p.get(key)):
            return f"payload.{key} must be a string of 1–{MAX_ID_CHARS} characters"
    try:
        kind = EventKind(str(p.get("kind")))
    except ValueError:
        return f"payload.kind {_shown(p.get('kind'))} is not an enquiry event kind"
    if op.kind != ENQUIRY_EVENT and op.kind != kind.value:
        return f"op kind {_shown(op.kind)} is not one this hub accepts ({ENQUIRY_EVENT!r})"
    at = op_datetime(p.get("at"))
    if at is None:
        return "payload.at must be an ISO 8601 date and time"
    data = p.get("data", {})
    if not isinstance(data, dict):
        return "payload.data must be an object"
    problem = _check_data(kind, data)
    if problem:
        return problem
    return EventPayload(p["enquiry_id"], p["event_id"], kind, at, data)


def _shown(value: Any) -> str:
    """A value as a stored reason quotes it: short, whatever the desk sent."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def op_datetime(value: Any) -> dt.datetime | None:
    """An ISO 8601 time a desk sent, or None if it is not one (record reports use it too)."""
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
        # A desk writes UTC; a time without an offset is taken to be UTC rather than refused.
        parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        parsed.astimezone(dt.UTC)  # 0001-01-01T00:00+01:00 has no UTC equivalent
    except (ValueError, OverflowError):
        return None
    return parsed


#: A day: no call or wrap-up is longer, and a bigger number is a clock or a desk bug.
MAX_SECONDS = 86_400


def _check_timing(kind: EventKind, data: dict[str, Any]) -> str | None:
    """A call's duration (in `created`) and its wrap-up (in `wrap-up done`)."""
    field = {EventKind.CREATED: "duration_seconds", EventKind.WRAP_UP_DONE: "wrap_up_seconds"}
    name = field.get(kind)
    if name is None:
        return None
    value = data.get(name)
    if value is None and kind is EventKind.CREATED:
        return None  # desks before reasons and timings sent none
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_SECONDS:
        return f"data.{name} must be a whole number of seconds from 0 to {MAX_SECONDS}"
    return None


def _check_reason(kind: EventKind, data: dict[str, Any]) -> str | None:
    """A reason is a code; the list it comes from may hold an organisation's own reasons,
    which the hub does not know, so only its form is checked."""
    if kind is not EventKind.REASON_SET:
        return None
    reason = data.get("reason")
    if reason is None or (isinstance(reason, str) and is_reason_code(reason)):
        return None
    return f"data.reason {_shown(reason)} is not a reason code (like 'missed-collection')"


def _check_data(kind: EventKind, data: dict[str, Any]) -> str | None:
    if kind is EventKind.CREATED:
        channel = data.get("channel")
        if channel is not None and not (
            isinstance(channel, str) and channel in {c.value for c in Channel}
        ):
            return f"data.channel {_shown(channel)} is not a channel"
        started = data.get("started_at")
        if started is not None and op_datetime(started) is None:
            return "data.started_at must be an ISO 8601 date and time"
        problem = _check_created_links(data)
        if problem:
            return problem
    if kind is EventKind.AMENDED:
        problem = _check_changes(data.get("changes", {}))
        if problem:
            return problem
    problem = _check_timing(kind, data) or _check_reason(kind, data)
    if problem:
        return problem
    outcome = data.get("outcome")
    if kind is EventKind.OUTCOME_SET and not (
        isinstance(outcome, str) and outcome in {o.value for o in Outcome}
    ):
        return f"data.outcome {_shown(outcome)} is not an outcome"
    service_id = data.get("service_id")
    if kind is EventKind.REFERRAL_SENT and not (
        isinstance(service_id, str) and 0 < len(service_id) <= 300 and service_id.isprintable()
    ):
        return "data.service_id must name the service referred to"
    if kind is EventKind.DETAILS_SENT:
        return _details_sent_problem(data)
    return None


def _details_sent_problem(data: dict[str, Any]) -> str | None:
    """A "details sent" event names the service, the channel and a recipient the hub can
    send to; the recipient is replaced by its normalised form."""
    service_id = data.get("service_id")
    if not (
        isinstance(service_id, str) and 0 < len(service_id) <= 300 and service_id.isprintable()
    ):
        return "data.service_id must name the service whose details are sent"
    channel, recipient = data.get("channel"), data.get("recipient")
    if channel not in CHANNELS:
        return "data.channel must be 'sms' or 'email'"
    if not (isinstance(recipient, str) and 0 < len(recipient) <= 320):
        return "data.recipient must be a telephone number or an e-mail address"
    try:
        check_recipient(str(channel), recipient)
    except ValueError as error:
        return str(error)
    return None


def _check_created_links(data: dict[str, Any]) -> str | None:
    """A created event's reference (checked by its check character) and the enquiry it
    follows up, both optional."""
    given = data.get("reference")
    if given is not None and not (isinstance(given, str) and reference.is_valid(given)):
        return f"data.reference {_shown(given)} is not an enquiry reference"
    follows = data.get("follows")
    if follows is not None and not _is_id(follows):
        return f"data.follows must be an enquiry id of 1–{MAX_ID_CHARS} characters"
    return None


def _check_changes(changes: Any) -> str | None:
    """An amendment's fields the hub applies to the enquiry: the outcome and channel."""
    if not isinstance(changes, dict):
        return "data.changes must be an object"
    outcome = changes.get("outcome")
    if outcome is not None and not (
        isinstance(outcome, str) and outcome in {o.value for o in Outcome}
    ):
        return f"data.changes.outcome {_shown(outcome)} is not an outcome"
    channel = changes.get("channel")
    if "channel" in changes and not (
        isinstance(channel, str) and channel in {c.value for c in Channel}
    ):
        return f"data.changes.channel {_shown(channel)} is not a channel"
    return None
