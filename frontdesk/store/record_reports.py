"""The desk's record reports: the adviser's own reports that a catalogue record is wrong,
and every desk's open reports as the hub groups them, shown as warnings.

A report is written with its outbox row in one SQLite transaction, as an enquiry event
is, so it is made offline and reaches the hub exactly once. The hub's grouping comes back
through the change feed (`apply_groups`), written before the page's catalogue commit and
idempotent, like referral statuses.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select, update

from frontdesk.core.record_report import (
    MAX_PROBLEM_CHARS,
    MAX_SUGGESTED_CHARS,
    GroupUpdate,
    OwnReport,
    RecordWarning,
    ReportField,
    ReportStatus,
)
from frontdesk.store import desk_schema as t
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import OUTBOX_SCHEMA_V, next_device_seq
from frontdesk.store.enquiry_rules import stamp, to_text

#: The outbox op kind of a record report (the hub's `record_report`).
RECORD_REPORT_OP = "record_report"


class ReportInvalidError(ValueError):
    """The report cannot be sent as it is; the message says what to change."""


class ReportLog:
    """Record reports in desk.db. Safe to share across threads, like EnquiryLog."""

    def __init__(self, desk: DeskStore) -> None:
        self._desk = desk

    def report(
        self,
        service_id: str,
        service_name: str,
        field: ReportField,
        problem: str,
        suggested: str | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> OwnReport:
        """Record the report and its outbox op together; raises ReportInvalidError first."""
        problem, suggested = _checked(service_id, problem, suggested)
        at = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
        report_id, op_id = str(uuid.uuid4()), str(uuid.uuid4())
        payload: dict[str, Any] = {
            "report_id": report_id,
            "service_id": service_id,
            "field": field.value,
            "problem": problem,
            "at": stamp(at),
        }
        if suggested:
            payload["suggested"] = suggested
        kept = "The report is not saved; try again."
        with self._desk.write("save the report", kept=kept) as conn:
            conn.execute(
                insert(t.record_reports).values(
                    id=report_id,
                    op_id=op_id,
                    service_id=service_id,
                    service_name=service_name,
                    field=field.value,
                    problem=problem,
                    suggested=suggested,
                    reported_at=stamp(at),
                )
            )
            conn.execute(
                insert(t.outbox).values(
                    device_seq=next_device_seq(conn),
                    op_id=op_id,
                    schema_v=OUTBOX_SCHEMA_V,
                    enquiry_id=None,
                    kind=RECORD_REPORT_OP,
                    payload=to_text(payload),
                    created_at=stamp(at),
                    attempts=0,
                )
            )
        [saved] = self.own(report_id)
        return saved

    def own(self, report_id: str | None = None) -> list[OwnReport]:
        """This desk's reports, newest first (or the one with `report_id`)."""
        r = t.record_reports
        query = select(r, t.outbox.c.op_id.label("waiting_op")).outerjoin(
            t.outbox, t.outbox.c.op_id == r.c.op_id
        )
        if report_id is not None:
            query = query.where(r.c.id == report_id)
        with self._desk.engine.connect() as conn:
            rows = conn.execute(query.order_by(r.c.reported_at.desc())).all()
        return [_own(row) for row in rows]

    def mark_rejected(self, op_id: str, reason: str) -> bool:
        """The hub refused the report's op: it leaves the outbox and the reason stays on
        the report. False if no such op waits (another sync recorded it first)."""
        with self._desk.write("record the hub's rejection") as conn:
            gone = conn.execute(delete(t.outbox).where(t.outbox.c.op_id == op_id)).rowcount
            if not gone:
                return False
            conn.execute(
                update(t.record_reports)
                .where(t.record_reports.c.op_id == op_id)
                .values(rejection_reason=reason)
            )
        return True

    def apply_groups(self, groups: Iterable[GroupUpdate]) -> None:
        """Store the hub's groups: the warnings every desk shows, and the status of this
        desk's own reports. Setting the same state twice changes nothing."""
        w, r = t.record_warnings, t.record_reports
        with self._desk.write("record reports on the catalogue") as conn:
            for group in groups:
                conn.execute(delete(w).where(w.c.group_id == group.group_id))
                if group.status.is_open:
                    conn.execute(
                        insert(w).values(
                            group_id=group.group_id,
                            service_id=group.service_id,
                            field=group.field.value,
                            status=group.status.value,
                            confirmations=group.confirmations,
                            first_reported_at=stamp(group.first_reported_at),
                            updated_at=stamp(group.updated_at),
                        )
                    )
                if group.report_ids:
                    conn.execute(
                        update(r)
                        .where(r.c.id.in_(group.report_ids))
                        .values(
                            group_id=group.group_id,
                            status=group.status.value,
                            status_note=group.note,
                            status_at=stamp(group.updated_at),
                        )
                    )

    def warnings(self, service_ids: Iterable[str] | None = None) -> dict[str, list[RecordWarning]]:
        """Open reports by service (all, or those of `service_ids`), oldest first."""
        w = t.record_warnings
        query = select(w).order_by(w.c.first_reported_at, w.c.group_id)
        if service_ids is not None:
            query = query.where(w.c.service_id.in_(list(service_ids)))
        found: dict[str, list[RecordWarning]] = {}
        with self._desk.engine.connect() as conn:
            for row in conn.execute(query):
                found.setdefault(row.service_id, []).append(
                    RecordWarning(
                        row.service_id,
                        ReportField(row.field),
                        row.confirmations,
                        dt.datetime.fromisoformat(row.first_reported_at),
                    )
                )
        return found

    def forget_warnings(self) -> None:
        """A rebuild from another hub starts the warnings afresh with its catalogue."""
        with self._desk.write("clear the catalogue's reports") as conn:
            conn.execute(delete(t.record_warnings))


def _checked(service_id: str, problem: str, suggested: str | None) -> tuple[str, str | None]:
    problem = problem.strip()
    suggested = (suggested or "").strip() or None
    if not service_id:
        raise ReportInvalidError("choose the service the report is about")
    if not problem:
        raise ReportInvalidError("say what is wrong with the record")
    if len(problem) > MAX_PROBLEM_CHARS:
        raise ReportInvalidError(f"the problem is too long (at most {MAX_PROBLEM_CHARS})")
    if suggested is not None and len(suggested) > MAX_SUGGESTED_CHARS:
        raise ReportInvalidError(f"the correction is too long (at most {MAX_SUGGESTED_CHARS})")
    if "\x00" in problem or "\x00" in (suggested or ""):
        raise ReportInvalidError("the text holds a NUL character, which cannot be sent")
    return problem, suggested


def _own(row: Any) -> OwnReport:
    return OwnReport(
        id=row.id,
        service_id=row.service_id,
        service_name=row.service_name,
        field=ReportField(row.field),
        problem=row.problem,
        suggested=row.suggested,
        reported_at=dt.datetime.fromisoformat(row.reported_at),
        waiting=row.waiting_op is not None,
        rejection_reason=row.rejection_reason,
        status=ReportStatus(row.status) if row.status else None,
        status_note=row.status_note,
    )
