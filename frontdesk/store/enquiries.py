"""The desk's enquiry log: saved enquiries, their append-only events, the outbox, drafts.

Every save writes its events and one outbox row per event in the same SQLite transaction
(DESIGN.md, "Sync protocol"), so the hub eventually hears of everything the desk recorded
and of nothing it did not. Safe to share across threads: each call opens its own
connection, and only core dataclasses leave this module.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, insert, select, update

from frontdesk.core import reference
from frontdesk.core.enquiry import (
    Enquiry,
    EnquiryDraft,
    EnquiryEvent,
    EventKind,
    ReferralStatus,
    SyncState,
)
from frontdesk.store import desk_schema as t
from frontdesk.store.amendments import Amendment, amendment_change
from frontdesk.store.desk import DeskStore, DeskWriteError
from frontdesk.store.details_forget import forget_recipients, recipients_due
from frontdesk.store.enquiry_export import write_export
from frontdesk.store.enquiry_rules import (
    CallerInvalidError,
    EnquiryChange,
    EnquiryInvalidError,
    call_seconds,
    draft_from_json,
    draft_to_json,
    enquiry_from,
    event_payload,
    save_change,
    stamp,
    state_from_row,
    stored_from_row,
    to_text,
    validated,
)
from frontdesk.store.references import next_reference

__all__ = [
    "OUTBOX_SCHEMA_V",
    "Amendment",
    "CallerInvalidError",
    "DeskWriteError",
    "EnquiryInvalidError",
    "EnquiryLog",
    "OutboxOp",
    "UnknownEnquiryError",
]

# Version of the op payload format; the hub refuses versions it does not know.
OUTBOX_SCHEMA_V = 1

_DEVICE_ID = "device_id"
_LAST_SEQ = "last_device_seq"
_KEPT = "Nothing you typed is lost: it is still in the form and in the last auto-saved draft."
_KEPT_TYPING = "What you typed is still in the form; keep frontdesk open until it can be saved."

Enquiries = list[Enquiry]  # `list` is a method name inside EnquiryLog


@dataclass(frozen=True, slots=True)
class OutboxOp:
    """One event waiting for the hub's acknowledgement, in the form it is pushed."""

    device_seq: int
    op_id: str
    schema_v: int
    enquiry_id: str | None  # None for an op that is no enquiry's (a record report)
    kind: str
    payload: dict[str, Any]
    created_at: dt.datetime


Ops = list[OutboxOp]


class UnknownEnquiryError(LookupError):
    """No enquiry, or no outbox op, has the id given."""


class EnquiryLog:
    """Saving, listing, syncing bookkeeping and retention for the enquiries in desk.db."""

    def __init__(self, desk: DeskStore) -> None:
        self._desk = desk

    @property
    def desk(self) -> DeskStore:
        return self._desk

    # -- saving --------------------------------------------------------------------

    def save(self, draft: EnquiryDraft, *, now: dt.datetime | None = None) -> Enquiry:
        """Record the draft as an enquiry (or amend the one with its id) and drop the draft.

        Raises EnquiryInvalidError before writing anything, and DeskWriteError if desk.db
        refuses the write; in both cases the draft row is left as it was.
        """
        # Checked before the write lock is taken, so a draft that cannot be saved says so
        # at once, even while another process holds desk.db.
        clean = validated(draft)
        at = _moment(now)
        with self._desk.write("save the enquiry", kept=_KEPT) as conn:
            row = _enquiry_row(conn, clean.id)
            if row is None:
                change = save_change(clean, None, at, next_reference(conn))
            else:
                change = save_change(clean, stored_from_row(row), at)
            _write_change(conn, change, at)
            conn.execute(delete(t.drafts).where(t.drafts.c.id == clean.id))
            saved = _enquiry_row(conn, clean.id)
        return enquiry_from(saved, state_from_row(saved))

    def amend(
        self, enquiry_id: str, amendment: Amendment, *, now: dt.datetime | None = None
    ) -> Enquiry:
        """Correct a saved enquiry (`store.amendments`): its events and outbox ops in one
        transaction, as a save. Raises UnknownEnquiryError or EnquiryInvalidError, having
        written nothing."""
        at = _moment(now)
        with self._desk.write("amend the enquiry") as conn:
            row = _enquiry_row(conn, enquiry_id)
            if row is None:
                raise UnknownEnquiryError(f"no enquiry {enquiry_id} on this desk")
            _write_change(conn, amendment_change(row, amendment, at), at)
            saved = _enquiry_row(conn, enquiry_id)
        return enquiry_from(saved, state_from_row(saved))

    def save_draft(self, draft: EnquiryDraft, *, now: dt.datetime | None = None) -> None:
        """Keep what has been typed so far, so a crash or power cut loses nothing."""
        values = {"updated_at": stamp(_moment(now)), "payload": to_text(draft_to_json(draft))}
        with self._desk.write("auto-save the draft", kept=_KEPT_TYPING) as conn:
            conn.execute(insert(t.drafts).prefix_with("OR REPLACE").values(id=draft.id, **values))

    def load_draft(self) -> EnquiryDraft | None:
        """The draft changed most recently: what the adviser was typing when frontdesk stopped."""
        query = select(t.drafts.c.payload).order_by(
            t.drafts.c.updated_at.desc(), t.drafts.c.id.desc()
        )
        with self._desk.engine.connect() as conn:
            payload = conn.scalar(query.limit(1))
        return None if payload is None else draft_from_json(json.loads(payload))

    def discard_draft(self, draft_id: str) -> None:
        with self._desk.write("discard the draft") as conn:
            conn.execute(delete(t.drafts).where(t.drafts.c.id == draft_id))

    def record_wrap_up(self, enquiry_id: str, *, now: dt.datetime | None = None) -> int | None:
        """The adviser's wrap-up after the call ended at `now` (the next call started, or
        they said they were done): saved to `now`, recorded once, sent to the hub as a
        `wrap-up done` event. Returns the seconds recorded, or None if it was already
        recorded (a second "done" changes nothing)."""
        at = _moment(now)
        e = t.enquiries
        with self._desk.write("record the wrap-up time") as conn:
            row = conn.execute(
                select(e.c.saved_at, e.c.wrap_up_seconds, e.c.sync_state).where(
                    e.c.id == enquiry_id
                )
            ).first()
            if row is None:
                raise UnknownEnquiryError(f"no enquiry {enquiry_id} on this desk")
            if row.wrap_up_seconds is not None:
                return None
            seconds = call_seconds(dt.datetime.fromisoformat(row.saved_at), at)
            values: dict[str, Any] = {"wrap_up_seconds": seconds}
            if row.sync_state == SyncState.SENT.value:
                values["sync_state"] = SyncState.SAVED_LOCALLY.value  # one more op to send
            conn.execute(update(e).where(e.c.id == enquiry_id).values(**values))
            data = {"wrap_up_seconds": seconds}
            event = EnquiryEvent(str(uuid.uuid4()), enquiry_id, EventKind.WRAP_UP_DONE, at, data)
            _append(conn, event, at)
        return seconds

    # -- reading -------------------------------------------------------------------

    def get(self, enquiry_id: str) -> Enquiry | None:
        with self._desk.engine.connect() as conn:
            row = _enquiry_row(conn, enquiry_id)
        return None if row is None else enquiry_from(row, state_from_row(row))

    def find(self, typed: str) -> Enquiry | None:
        """The enquiry with the reference typed (any case, spaces or hyphens), if any."""
        canonical = reference.normalise(typed)
        if canonical is None:
            return None
        query = select(t.enquiries).where(t.enquiries.c.reference == canonical)
        with self._desk.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else enquiry_from(row, state_from_row(row))

    def history(self, enquiry_id: str) -> list[EnquiryEvent]:
        """The enquiry's events, oldest first, as recorded on this desk."""
        ev = t.enquiry_events
        query = select(ev).where(ev.c.enquiry_id == enquiry_id).order_by(ev.c.seq)
        with self._desk.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            EnquiryEvent(
                id=row.id,
                enquiry_id=row.enquiry_id,
                kind=EventKind(row.kind),
                at=dt.datetime.fromisoformat(row.at),
                data=json.loads(row.data),
            )
            for row in rows
        ]

    def list(self, since: dt.date | None = None, limit: int | None = None) -> Enquiries:
        """Enquiries saved on or after `since` (the desk's local date), newest first."""
        e = t.enquiries
        query = select(e).order_by(e.c.saved_at.desc(), e.c.id.desc()).limit(limit)
        if since is not None:
            query = query.where(e.c.saved_at >= stamp(_local_midnight(since)))
        with self._desk.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [enquiry_from(row, state_from_row(row)) for row in rows]

    def export(
        self,
        out: Path,
        fmt: Literal["csv", "json"],
        since: dt.date | None = None,
        *,
        include_caller: bool = False,
    ) -> int:
        """Write the enquiries to `out` atomically; caller details only when asked for."""
        return write_export(self.list(since), out, fmt, include_caller=include_caller)

    # -- the outbox ----------------------------------------------------------------

    def device_id(self) -> str:
        """This desk.db's identity towards the hub: made once, never changed."""
        with self._desk.write("record this desk's id") as conn:
            conn.execute(
                insert(t.desk_state)
                .prefix_with("OR IGNORE")
                .values(key=_DEVICE_ID, value=str(uuid.uuid4()))
            )
            found: str = conn.scalar(_state_value(_DEVICE_ID))
        return found

    def outbox_size(self) -> int:
        """Ops waiting for the hub (one save may make several)."""
        with self._desk.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.outbox)) or 0)

    def enquiries_waiting(self) -> int:
        """Enquiries with any op waiting for the hub: what an adviser counts."""
        query = select(func.count(t.outbox.c.enquiry_id.distinct()))
        with self._desk.engine.connect() as conn:
            return int(conn.scalar(query) or 0)

    def pending_ops(self, limit: int = 100) -> Ops:
        """The oldest unacknowledged ops, in the order the hub must apply them."""
        query = select(t.outbox).order_by(t.outbox.c.device_seq).limit(limit)
        with self._desk.engine.connect() as conn:
            return [_op(row) for row in conn.execute(query)]

    def acknowledge(self, op_ids: Iterable[str]) -> int:
        """Forget ops the hub has applied; an enquiry with none left becomes 'sent'."""
        ids = list(op_ids)
        with self._desk.write("record what the hub received") as conn:
            enquiry_ids = _enquiries_of_ops(conn, ids)
            gone = conn.execute(delete(t.outbox).where(t.outbox.c.op_id.in_(ids))).rowcount
            _mark_sent_if_done(conn, enquiry_ids)
        return int(gone)

    def mark_rejected(self, op_id: str, reason: str) -> None:
        """The hub refused an op: it leaves the outbox (it has been answered) and the reason
        stays on its enquiry for the adviser to see, alongside any earlier ones."""
        with self._desk.write("record the hub's rejection") as conn:
            enquiry_ids = _enquiries_of_ops(conn, [op_id])
            if not enquiry_ids:
                raise UnknownEnquiryError(f"no op {op_id} is waiting in the outbox")
            [enquiry_id] = enquiry_ids
            if enquiry_id is None:
                raise UnknownEnquiryError(f"op {op_id} belongs to no enquiry")
            previous = conn.scalar(
                select(t.enquiries.c.rejection_reason).where(t.enquiries.c.id == enquiry_id)
            )
            conn.execute(delete(t.outbox).where(t.outbox.c.op_id == op_id))
            conn.execute(
                update(t.enquiries)
                .where(t.enquiries.c.id == enquiry_id)
                .values(
                    sync_state=SyncState.REJECTED.value,
                    rejection_reason=f"{previous}; {reason}" if previous else reason,
                )
            )

    def set_referral_status(
        self,
        enquiry_id: str,
        status: ReferralStatus,
        note: str | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        """Record the receiving agency's latest word on the enquiry's referral."""
        with self._desk.write("record the referral's status") as conn:
            changed = conn.execute(
                update(t.enquiries)
                .where(t.enquiries.c.id == enquiry_id)
                .values(
                    referral_status=status.value,
                    referral_note=note,
                    referral_updated_at=stamp(_moment(now)),
                )
            ).rowcount
        if not changed:
            raise UnknownEnquiryError(f"no enquiry {enquiry_id} on this desk")

    # -- retention -----------------------------------------------------------------

    def purge(self, older_than_days: int, *, now: dt.datetime | None = None) -> int:
        """Remove caller details from enquiries saved more than `older_than_days` ago.

        The anonymous record (channel, outcome, services, notes, dates) stays for
        statistics. Enquiries with ops still in the outbox are spared until the hub has
        them, or the details the caller consented to share would never arrive. Returns
        how many enquiries lost their caller details.
        """
        if older_than_days < 0:
            raise ValueError("older_than_days cannot be negative")
        at = _moment(now)
        cutoff = stamp(at - dt.timedelta(days=older_than_days))
        e = t.enquiries
        due = (
            select(e.c.id)
            .where(e.c.caller.is_not(None), e.c.saved_at < cutoff)
            .where(e.c.id.not_in(_enquiries_in_outbox()))
        )
        with self._desk.write("purge old caller details") as conn:
            ids = list(conn.scalars(due))
            conn.execute(
                update(e).where(e.c.id.in_(ids)).values(caller=None, caller_purged_at=stamp(at))
            )
            _redact_events(conn, ids)
            _redact_drafts(conn, cutoff)
            forget_recipients(conn, sorted({*ids, *recipients_due(conn, cutoff)}))
        return len(ids)


# -- rows ------------------------------------------------------------------------------


def _moment(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone()


def _enquiry_row(conn: Connection, enquiry_id: str) -> Any:
    return conn.execute(select(t.enquiries).where(t.enquiries.c.id == enquiry_id)).first()


def _state_value(key: str) -> Any:
    return select(t.desk_state.c.value).where(t.desk_state.c.key == key)


def _write_change(conn: Connection, change: EnquiryChange, at: dt.datetime) -> None:
    """The enquiry's row as the change leaves it, then each event with its outbox op."""
    e = t.enquiries
    if change.created:
        conn.execute(insert(e).values(**change.columns))
    elif change.columns:
        conn.execute(update(e).where(e.c.id == change.enquiry_id).values(**change.columns))
    for event in change.events:
        _append(conn, event, at)


def _append(conn: Connection, event: EnquiryEvent, at: dt.datetime) -> None:
    """The event and its outbox row: never one without the other."""
    conn.execute(
        insert(t.enquiry_events).values(
            id=event.id,
            enquiry_id=event.enquiry_id,
            kind=event.kind.value,
            at=stamp(event.at),
            data=to_text(event.data),
        )
    )
    conn.execute(
        insert(t.outbox).values(
            device_seq=next_device_seq(conn),
            op_id=str(uuid.uuid4()),
            schema_v=OUTBOX_SCHEMA_V,
            enquiry_id=event.enquiry_id,
            kind=event.kind.value,
            payload=to_text(event_payload(event)),
            created_at=stamp(at),
            attempts=0,
        )
    )


#: For the other stores that record an enquiry event (`details_sent`): one way to write
#: an event, so none can be written without its outbox row.
append_event = _append


def next_device_seq(conn: Connection) -> int:
    """The device_seq for a new outbox op, in the caller's write transaction."""
    # Kept in desk_state rather than derived from the outbox, which empties as the hub
    # acknowledges: a number once handed out is never handed out again.
    last = int(conn.scalar(_state_value(_LAST_SEQ)) or 0)
    conn.execute(
        insert(t.desk_state).prefix_with("OR REPLACE").values(key=_LAST_SEQ, value=str(last + 1))
    )
    return last + 1


def _op(row: Any) -> OutboxOp:
    return OutboxOp(
        device_seq=row.device_seq,
        op_id=row.op_id,
        schema_v=row.schema_v,
        enquiry_id=row.enquiry_id,
        kind=row.kind,
        payload=json.loads(row.payload),
        created_at=dt.datetime.fromisoformat(row.created_at),
    )


def _enquiries_in_outbox() -> Any:
    """Enquiries with an op waiting. Ops of no enquiry (record reports) are left out: one
    NULL in a NOT IN list would make it match nothing at all."""
    o = t.outbox.c
    return select(o.enquiry_id).where(o.enquiry_id.is_not(None))


def _enquiries_of_ops(conn: Connection, op_ids: list[str]) -> set[str | None]:
    query = select(t.outbox.c.enquiry_id).where(t.outbox.c.op_id.in_(op_ids))
    return set(conn.scalars(query))


def _mark_sent_if_done(conn: Connection, enquiry_ids: set[str | None]) -> None:
    e = t.enquiries
    conn.execute(
        update(e)
        .where(e.c.id.in_(enquiry_ids), e.c.sync_state == SyncState.SAVED_LOCALLY.value)
        .where(e.c.id.not_in(_enquiries_in_outbox()))
        .values(sync_state=SyncState.SENT.value)
    )


def _redact_events(conn: Connection, enquiry_ids: list[str]) -> None:
    """Purge means gone from the history too, not only from the current record."""
    ev = t.enquiry_events
    rows = conn.execute(select(ev.c.seq, ev.c.data).where(ev.c.enquiry_id.in_(enquiry_ids)))
    for seq, text in rows.all():
        data = json.loads(text)
        changes = data.get("changes", {})
        if "caller" not in data and "caller" not in changes:
            continue
        data.pop("caller", None)
        changes.pop("caller", None)
        conn.execute(update(ev).where(ev.c.seq == seq).values(data=to_text(data)))


def _redact_drafts(conn: Connection, cutoff: str) -> None:
    """An abandoned draft must not keep a caller's details past the retention period."""
    stale = conn.execute(select(t.drafts).where(t.drafts.c.updated_at < cutoff)).all()
    for row in stale:
        data = json.loads(row.payload)
        data["caller"] = None
        conn.execute(update(t.drafts).where(t.drafts.c.id == row.id).values(payload=to_text(data)))
