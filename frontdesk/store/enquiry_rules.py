"""What saving an enquiry means, without a database: the checks a draft must pass, and
the whole change a save makes (the state it leaves, the events that record it, the
`enquiries` columns to write) as one value, `EnquiryChange`, with the JSON forms they are
stored in. `store.enquiries` writes that value as it stands.

Kept apart from the SQL so the rules (consent, referrals, what counts as a change) read
in one place and can be tested on their own.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

from frontdesk.core.enquiry import (
    Caller,
    Channel,
    Enquiry,
    EnquiryDraft,
    EnquiryEvent,
    EventKind,
    Outcome,
    ReferralStatus,
    SyncState,
)
from frontdesk.core.reason_codes import is_reason_code
from frontdesk.store.caller_details import checked_fields, normalise_field

JSON = dict[str, Any]
CALLER_FIELDS = ("name", "phone", "email", "postcode")


class EnquiryInvalidError(ValueError):
    """The draft cannot be saved as it stands; the message says what to correct."""


class CallerInvalidError(EnquiryInvalidError):
    """Caller details that cannot be stored as typed; `problems` maps each field at fault
    ("phone", "email", "postcode") to what is wrong, so a form can show it at the field."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = MappingProxyType(dict(problems))


@dataclass(frozen=True, slots=True)
class SavedState:
    """The enquiry's current shape as the `enquiries` row holds it, beside its events."""

    channel: Channel
    caller: Caller
    service_ids: tuple[str, ...]
    notes: tuple[str, ...]
    outcome: Outcome | None
    referral_service_id: str | None
    referral_id: str | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class StoredEnquiry:
    """What desk.db holds for an enquiry now, as far as saving over it needs to know."""

    state: SavedState
    sync_state: SyncState


@dataclass(frozen=True, slots=True)
class EnquiryChange:
    """Everything one save does to an enquiry, worked out before anything is written.

    `columns` are the `enquiries` values to write: the whole row when `created`, else only
    those an amendment sets. A save that changes nothing has no columns and no events, so
    saving twice by accident writes nothing and sends the hub nothing. Each event goes to
    the hub as one outbox op.
    """

    enquiry_id: str
    created: bool
    state: SavedState
    events: tuple[EnquiryEvent, ...]
    columns: Mapping[str, Any]


def save_change(
    draft: EnquiryDraft,
    stored: StoredEnquiry | None,
    at: dt.datetime,
    reference: str | None = None,
) -> EnquiryChange:
    """What saving `draft` (already `validated`) at `at` does: a first save when nothing
    is `stored` under its id (given its `reference`), an amendment of what is otherwise."""
    if stored is None:
        state = state_of(draft)
        columns: JSON = {
            "id": draft.id,
            "channel": state.channel.value,
            "started_at": stamp(draft.started_at),
            "saved_at": stamp(at),
            "duration_seconds": call_seconds(draft.started_at, at),
            **_state_columns(state),
            "sync_state": SyncState.SAVED_LOCALLY.value,
            "referral_status": ReferralStatus.SENT.value if state.referral_service_id else None,
            "reference": reference,
            "follows_id": draft.follows_id,
        }
        events = first_save_events(draft, state, at, reference)
        return EnquiryChange(draft.id, True, state, tuple(events), MappingProxyType(columns))
    old = stored.state
    state, events = amend(old, draft, at)
    columns = {}
    if events:
        columns = {"channel": state.channel.value, **_state_columns(state)}
        # A rejection stays in view; otherwise the enquiry again has ops on their way.
        if stored.sync_state is not SyncState.REJECTED:
            columns["sync_state"] = SyncState.SAVED_LOCALLY.value
        if state.referral_id is None:
            columns["referral_status"] = None  # the referral was withdrawn by this amendment
        elif state.referral_id != old.referral_id:
            columns["referral_status"] = ReferralStatus.SENT.value
    return EnquiryChange(draft.id, False, state, tuple(events), MappingProxyType(columns))


def _state_columns(state: SavedState) -> JSON:
    caller = caller_to_json(state.caller)
    return {
        "outcome": state.outcome.value if state.outcome else None,
        "caller": to_text(caller) if caller else None,
        "summary": to_text(summary_to_json(state)),
        "reason": state.reason,
    }


def call_seconds(started: dt.datetime, ended: dt.datetime) -> int:
    """Whole seconds from `started` to `ended`; never negative (a clock set back)."""
    return max(0, int((ended - started).total_seconds()))


def stamp(moment: dt.datetime) -> str:
    """One fixed-width UTC form, so stored times sort and compare as text."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def validated(draft: EnquiryDraft) -> EnquiryDraft:
    """The draft as it will be stored: caller kept only with consent, postcode in ONS form."""
    if draft.outcome is Outcome.REFERRED and not draft.referral_service_id:
        raise EnquiryInvalidError(
            "the outcome is 'referred' but no service is chosen to refer the caller to"
        )
    if draft.referral_service_id and draft.outcome is not Outcome.REFERRED:
        raise EnquiryInvalidError(
            "a referral service is chosen but the outcome is not 'referred'; set the "
            "outcome to 'referred' or clear the referral service"
        )
    if draft.reason is not None and not is_reason_code(draft.reason):
        raise EnquiryInvalidError(f"the reason '{draft.reason}' is not a reason code")
    services = tuple(dict.fromkeys(s.strip() for s in draft.service_ids if s.strip()))
    return replace(
        draft, caller=_consented(draft.caller), service_ids=services, notes=draft.notes.strip()
    )


def _consented(caller: Caller) -> Caller:
    # Without consent nothing is kept, not even a postcode: dropping is the safe default
    # and must not stop the adviser saving the rest of the enquiry.
    if not caller.consent:
        return Caller()
    fields = {f: (getattr(caller, f) or "").strip() or None for f in CALLER_FIELDS}
    fields |= caller_values(fields)
    details = Caller(**fields, consent=True)
    return Caller() if details.is_empty() else details


def caller_values(fields: Mapping[str, str | None]) -> dict[str, str | None]:
    """The checked fields (phone, e-mail, postcode) of typed caller details in their
    stored form; raises CallerInvalidError naming every field that cannot be stored."""
    values: dict[str, str | None] = {}
    problems: dict[str, str] = {}
    for field in checked_fields():
        typed = (fields.get(field) or "").strip()
        try:
            values[field] = normalise_field(field, typed) if typed else None
        except ValueError as error:
            problems[field] = str(error)
    if problems:
        raise CallerInvalidError(problems)
    return values


def caller_to_json(caller: Caller) -> JSON | None:
    if caller.is_empty():
        return None
    data: JSON = {f: getattr(caller, f) for f in CALLER_FIELDS if getattr(caller, f)}
    return {**data, "consent": caller.consent}


def caller_from_json(data: JSON | None) -> Caller:
    if not data:
        return Caller()
    return Caller(**{f: data.get(f) for f in CALLER_FIELDS}, consent=bool(data.get("consent")))


def state_of(draft: EnquiryDraft) -> SavedState:
    """The state a first save stores (the draft already validated)."""
    referral_id = str(uuid.uuid4()) if draft.referral_service_id else None
    return SavedState(
        channel=draft.channel,
        caller=draft.caller,
        service_ids=draft.service_ids,
        notes=(draft.notes,) if draft.notes else (),
        outcome=draft.outcome,
        referral_service_id=draft.referral_service_id,
        referral_id=referral_id,
        reason=draft.reason,
    )


def first_save_events(
    draft: EnquiryDraft, state: SavedState, at: dt.datetime, reference: str | None = None
) -> list[EnquiryEvent]:
    """created (with the call's length and reference), then one event per linked service,
    the note, the reason, the outcome and the referral."""
    created: JSON = {
        "channel": draft.channel.value,
        "started_at": stamp(draft.started_at),
        "duration_seconds": call_seconds(draft.started_at, at),
    }
    if reference:
        created["reference"] = reference
    if draft.follows_id:
        created["follows"] = draft.follows_id
    caller = caller_to_json(state.caller)
    if caller:
        created["caller"] = caller
    events = [(EventKind.CREATED, created)]
    events += [(EventKind.SERVICE_LINKED, {"service_id": s}) for s in state.service_ids]
    if draft.notes:
        events.append((EventKind.NOTE, {"text": draft.notes}))
    if state.reason is not None:
        events.append((EventKind.REASON_SET, {"reason": state.reason}))
    if state.outcome is not None:
        events.append((EventKind.OUTCOME_SET, {"outcome": state.outcome.value}))
    events += _referral_events(state)
    return [_event(draft.id, kind, at, data) for kind, data in events]


def amend(
    old: SavedState, draft: EnquiryDraft, at: dt.datetime
) -> tuple[SavedState, list[EnquiryEvent]]:
    """The state after saving `draft` over `old`, and the events that record the change.

    Notes are added, never replaced: a changed note text becomes one more note. No change
    at all gives no event, so saving twice by accident sends nothing to the hub.
    """
    changes: JSON = {}
    if draft.channel is not old.channel:
        changes["channel"] = draft.channel.value
    if draft.caller != old.caller:
        changes["caller"] = caller_to_json(draft.caller)
    if draft.service_ids != old.service_ids:
        changes["service_ids"] = list(draft.service_ids)
    notes = old.notes
    if draft.notes and draft.notes not in old.notes[-1:]:
        changes["notes"] = draft.notes
        notes = (*old.notes, draft.notes)
    if draft.outcome is not old.outcome:
        changes["outcome"] = draft.outcome.value if draft.outcome else None
    new_referral = draft.referral_service_id != old.referral_service_id
    if new_referral:
        changes["referral_service_id"] = draft.referral_service_id
    new_reason = draft.reason != old.reason
    if not changes and not new_reason:
        return old, []
    state = SavedState(
        channel=draft.channel,
        caller=draft.caller,
        service_ids=draft.service_ids,
        notes=notes,
        outcome=draft.outcome,
        referral_service_id=draft.referral_service_id,
        referral_id=_referral_id(old, draft.referral_service_id),
        reason=draft.reason,
    )
    events = [_event(draft.id, EventKind.AMENDED, at, {"changes": changes})] if changes else []
    if new_reason:  # its own event, as at a first save: the hub reads reasons from one kind
        events.append(_event(draft.id, EventKind.REASON_SET, at, {"reason": draft.reason}))
    # The receiving agency's queue is fed by referral-sent events, so a referral added or
    # redirected by an amendment must produce one too.
    if new_referral:
        events += [_event(draft.id, kind, at, data) for kind, data in _referral_events(state)]
    return state, events


def _referral_id(old: SavedState, service_id: str | None) -> str | None:
    """A referral to a different service is a new referral, with a new id."""
    if service_id is None:
        return None
    return old.referral_id if service_id == old.referral_service_id else str(uuid.uuid4())


def _referral_events(state: SavedState) -> list[tuple[EventKind, JSON]]:
    if state.referral_service_id is None:
        return []
    data = {"referral_id": state.referral_id, "service_id": state.referral_service_id}
    return [(EventKind.REFERRAL_SENT, data)]


def _event(enquiry_id: str, kind: EventKind, at: dt.datetime, data: JSON) -> EnquiryEvent:
    return EnquiryEvent(id=str(uuid.uuid4()), enquiry_id=enquiry_id, kind=kind, at=at, data=data)


def event_payload(event: EnquiryEvent) -> JSON:
    """What the hub receives for one event (caller details only if they were consented)."""
    return {
        "event_id": event.id,
        "enquiry_id": event.enquiry_id,
        "kind": event.kind.value,
        "at": stamp(event.at),
        "data": event.data,
    }


def summary_to_json(state: SavedState) -> JSON:
    return {
        "service_ids": list(state.service_ids),
        "notes": list(state.notes),
        "referral_service_id": state.referral_service_id,
        "referral_id": state.referral_id,
    }


def to_text(data: Any) -> str:
    """Canonical JSON, so the same op always has the same bytes (the hub hashes them)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def state_from_row(row: Any) -> SavedState:
    """The state held in an `enquiries` row (its caller and summary JSON columns)."""
    summary: JSON = json.loads(row.summary)
    return SavedState(
        channel=Channel(row.channel),
        caller=caller_from_json(json.loads(row.caller) if row.caller else None),
        service_ids=tuple(summary.get("service_ids", ())),
        notes=tuple(summary.get("notes", ())),
        outcome=Outcome(row.outcome) if row.outcome else None,
        referral_service_id=summary.get("referral_service_id"),
        referral_id=summary.get("referral_id"),
        reason=row.reason,
    )


def stored_from_row(row: Any) -> StoredEnquiry:
    return StoredEnquiry(state_from_row(row), SyncState(row.sync_state))


def draft_to_json(draft: EnquiryDraft) -> JSON:
    """A draft keeps the caller as typed (consent may come later); save() applies the rule."""
    return {
        "id": draft.id,
        "channel": draft.channel.value,
        "started_at": stamp(draft.started_at),
        "caller": {
            **{f: getattr(draft.caller, f) for f in CALLER_FIELDS},
            "consent": draft.caller.consent,
        },
        "service_ids": list(draft.service_ids),
        "notes": draft.notes,
        "outcome": draft.outcome.value if draft.outcome else None,
        "referral_service_id": draft.referral_service_id,
        "reason": draft.reason,
        "follows_id": draft.follows_id,
    }


def draft_from_json(data: JSON) -> EnquiryDraft:
    return EnquiryDraft(
        id=data["id"],
        channel=Channel(data["channel"]),
        started_at=dt.datetime.fromisoformat(data["started_at"]),
        caller=caller_from_json(data.get("caller")),
        service_ids=tuple(data.get("service_ids", ())),
        notes=data.get("notes", ""),
        outcome=Outcome(data["outcome"]) if data.get("outcome") else None,
        referral_service_id=data.get("referral_service_id"),
        reason=data.get("reason"),
        follows_id=data.get("follows_id"),
    )


def enquiry_from(row: Any, state: SavedState) -> Enquiry:
    return Enquiry(
        id=row.id,
        channel=state.channel,
        started_at=dt.datetime.fromisoformat(row.started_at),
        saved_at=dt.datetime.fromisoformat(row.saved_at),
        caller=state.caller,
        service_ids=state.service_ids,
        notes=state.notes,
        outcome=state.outcome,
        referral_service_id=state.referral_service_id,
        sync_state=SyncState(row.sync_state),
        referral_status=ReferralStatus(row.referral_status) if row.referral_status else None,
        rejection_reason=row.rejection_reason,
        reason=state.reason,
        duration_seconds=row.duration_seconds,
        wrap_up_seconds=row.wrap_up_seconds,
        reference=row.reference,
        follows_id=row.follows_id,
        follow_up_done_at=(
            dt.datetime.fromisoformat(row.follow_up_done_at) if row.follow_up_done_at else None
        ),
    )
