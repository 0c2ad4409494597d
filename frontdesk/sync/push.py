"""Sending the outbox: oldest op first, in batches, each op forgotten only once answered.

The hub answers every op: `applied` or `duplicate` (it already had it: a retry after a
lost response) → the op leaves the outbox; `rejected` → the op leaves the outbox and its
enquiry shows the reason (EnquiryLog.mark_rejected), never silently; `out_of_order` → the
hub expects an earlier device_seq, so the next batch starts again from the oldest op still
waiting. An op the hub did not answer stays, and is sent again next time with the same
op_id and bytes, so a retry can never apply twice.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from frontdesk.store.enquiries import EnquiryLog, OutboxOp, UnknownEnquiryError
from frontdesk.store.record_reports import ReportLog
from frontdesk.sync.client import HubClient
from frontdesk.sync.errors import HubRefused

log = logging.getLogger(__name__)

APPLIED, DUPLICATE, REJECTED, OUT_OF_ORDER = "applied", "duplicate", "rejected", "out_of_order"
BATCH = 250  # the hub takes at most 500 ops per push
MAX_STALLED_ROUNDS = 3


class SequenceGap(HubRefused):
    """The hub expects a device_seq this desk can no longer send (one side was restored
    from a backup?): pushing stops until someone looks."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 409, "sequence_gap")


@dataclass(slots=True)
class PushReport:
    sent: int = 0
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    out_of_order: int = 0
    batches: int = 0
    # (enquiry id, or "" for an op of no enquiry: a record report; reason)
    rejections: list[tuple[str, str]] = field(default_factory=list)

    @property
    def delivered(self) -> int:
        return self.applied + self.duplicate


def wire(op: OutboxOp) -> dict[str, Any]:
    """The op as pushed: exactly what was stored, so a resend hashes the same on the hub."""
    return {
        "op_id": op.op_id,
        "device_seq": op.device_seq,
        "schema_v": op.schema_v,
        "kind": op.kind,
        "payload": op.payload,
    }


def push_outbox(
    log_: EnquiryLog,
    client: HubClient,
    *,
    batch: int = BATCH,
    should_stop: Callable[[], bool] = lambda: False,
) -> PushReport:
    """Push until the outbox is empty (or `should_stop`). Raises the client's errors with
    everything answered so far already recorded."""
    device_id = log_.device_id()
    report = PushReport()
    stalled = 0
    while not should_stop():
        ops = log_.pending_ops(limit=batch)
        if not ops:
            break
        results = client.push(device_id, [wire(op) for op in ops])
        report.batches += 1
        report.sent += len(ops)
        progress, expected = _record(log_, ops, results, report)
        if expected is None and progress == len(ops):
            stalled = 0
            continue
        stalled = 0 if progress else stalled + 1
        _check_resumable(log_, expected, stalled)
    return report


def _record(
    log_: EnquiryLog, ops: list[OutboxOp], results: list[dict[str, Any]], report: PushReport
) -> tuple[int, int | None]:
    """Apply the hub's answers; returns (ops answered for good, expected seq if any)."""
    answers = {r.get("op_id"): r for r in results if isinstance(r, dict)}
    delivered: list[str] = []
    expected: int | None = None
    answered = 0
    for op in ops:
        answer = answers.get(op.op_id)
        status = answer.get("status") if answer else None
        if answer is None:
            continue  # not answered: it stays and goes again
        if status in (APPLIED, DUPLICATE):
            delivered.append(op.op_id)
            setattr(report, str(status), getattr(report, str(status)) + 1)
        elif status == REJECTED:
            reason = str(answer.get("reason") or "refused by the hub")
            _reject(log_, op, reason)
            report.rejected += 1
            report.rejections.append((op.enquiry_id or "", reason))
            answered += 1
        elif status == OUT_OF_ORDER:
            report.out_of_order += 1
            seq = answer.get("expected_seq")
            if expected is None and isinstance(seq, int):
                expected = seq
        else:
            log.error("the hub answered op %s with unknown status %r", op.op_id, status)
    log_.acknowledge(delivered)
    return answered + len(delivered), expected


def _reject(log_: EnquiryLog, op: OutboxOp, reason: str) -> None:
    if op.enquiry_id is None:  # a record report: the reason stays on the report
        log.warning("the hub rejected record report op %s: %s", op.op_id, reason)
        ReportLog(log_.desk).mark_rejected(op.op_id, reason)
        return
    log.warning("the hub rejected op %s of enquiry %s: %s", op.op_id, op.enquiry_id, reason)
    # UnknownEnquiryError: another sync of this desk recorded the same answer first.
    with contextlib.suppress(UnknownEnquiryError):
        log_.mark_rejected(op.op_id, reason)


def _check_resumable(log_: EnquiryLog, expected: int | None, stalled: int) -> None:
    """After an out_of_order answer the next round resends from the oldest waiting op,
    which must be the one the hub expects; anything else is a gap no resend can fill."""
    waiting = log_.pending_ops(limit=1)
    if expected is not None and waiting and waiting[0].device_seq != expected:
        raise SequenceGap(
            f"the hub expects this desk's op number {expected} but the oldest op waiting "
            f"is number {waiting[0].device_seq}; was desk.db or the hub restored from a "
            "backup? Nothing has been deleted; ask support to reconcile the device"
        )
    if stalled >= MAX_STALLED_ROUNDS:
        raise HubRefused(
            "the hub keeps answering without accepting any op; stopping to avoid a loop",
            409,
            "no_progress",
        )
