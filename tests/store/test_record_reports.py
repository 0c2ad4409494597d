"""The desk's record reports: written with their outbox op, refused whole when invalid,
answered by the hub's groups from the feed, and no obstacle to the enquiries' own
bookkeeping (an op of no enquiry in the outbox)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from frontdesk.core.enquiry import Channel, EnquiryDraft, SyncState
from frontdesk.core.record_report import GroupUpdate, ReportField, ReportStatus
from frontdesk.store import desk_migrations
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.store.record_reports import ReportInvalidError, ReportLog

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
SERVICE = "demo:svc-1"


@pytest.fixture
def desk(tmp_path: Path) -> DeskStore:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    yield store  # type: ignore[misc]
    store.close()


def _group(
    report_ids: tuple[str, ...] = (),
    status: ReportStatus = ReportStatus.OPEN,
    confirmations: int = 1,
    note: str | None = None,
) -> GroupUpdate:
    return GroupUpdate(
        group_id="7",
        service_id=SERVICE,
        field=ReportField.PHONE,
        status=status,
        confirmations=confirmations,
        first_reported_at=NOW,
        updated_at=NOW + dt.timedelta(hours=1),
        note=note,
        report_ids=report_ids,
    )


def test_a_report_is_saved_with_its_outbox_op(desk: DeskStore) -> None:
    log = ReportLog(desk)
    report = log.report(
        SERVICE, "Council tax", ReportField.PHONE, " rings out ", "0161 496 0000", now=NOW
    )
    assert report.problem == "rings out" and report.waiting
    [op] = EnquiryLog(desk).pending_ops()
    assert op.kind == "record_report" and op.enquiry_id is None
    assert op.payload == {
        "report_id": report.id,
        "service_id": SERVICE,
        "field": "phone",
        "problem": "rings out",
        "suggested": "0161 496 0000",
        "at": "2026-12-01T10:00:00.000000+00:00",
    }


@pytest.mark.parametrize(
    ("problem", "suggested", "message"),
    [
        ("   ", None, "say what is wrong"),
        ("x" * 1001, None, "too long"),
        ("rings out", "y" * 301, "correction is too long"),
    ],
)
def test_an_invalid_report_is_refused_and_nothing_is_written(
    desk: DeskStore, problem: str, suggested: str | None, message: str
) -> None:
    with pytest.raises(ReportInvalidError, match=message):
        ReportLog(desk).report(SERVICE, "Council tax", ReportField.PHONE, problem, suggested)
    assert ReportLog(desk).own() == [] and EnquiryLog(desk).outbox_size() == 0


def test_an_enquiry_is_marked_sent_although_a_report_waits(desk: DeskStore) -> None:
    enquiries = EnquiryLog(desk)
    ReportLog(desk).report(SERVICE, "Council tax", ReportField.PHONE, "rings out")
    draft = EnquiryDraft(id="e-1", channel=Channel.PHONE, started_at=NOW, notes="about bins")
    enquiries.save(draft, now=NOW)
    enquiry_ops = [op.op_id for op in enquiries.pending_ops() if op.enquiry_id == "e-1"]
    enquiries.acknowledge(enquiry_ops)
    enquiry = enquiries.get("e-1")
    assert enquiry is not None and enquiry.sync_state is SyncState.SENT
    assert enquiries.enquiries_waiting() == 0 and enquiries.outbox_size() == 1


def test_a_rejection_stays_on_the_report(desk: DeskStore) -> None:
    log = ReportLog(desk)
    log.report(SERVICE, "Council tax", ReportField.PHONE, "rings out")
    [op] = EnquiryLog(desk).pending_ops()
    assert log.mark_rejected(op.op_id, "service is not in the catalogue")
    assert not log.mark_rejected(op.op_id, "again")  # answered already
    [report] = log.own()
    assert report.rejection_reason == "service is not in the catalogue" and not report.waiting


def test_an_open_group_warns_and_a_closed_one_stops(desk: DeskStore) -> None:
    log = ReportLog(desk)
    log.apply_groups([_group(confirmations=3)])
    log.apply_groups([_group(confirmations=3)])  # a page applied again after a kill
    [warning] = log.warnings([SERVICE])[SERVICE]
    assert (warning.field, warning.advisers, warning.since) == (ReportField.PHONE, 3, NOW)
    log.apply_groups([_group(status=ReportStatus.FIXED)])
    assert log.warnings() == {}


def test_the_hubs_word_reaches_this_desks_own_report(desk: DeskStore) -> None:
    log = ReportLog(desk)
    mine = log.report(SERVICE, "Council tax", ReportField.PHONE, "rings out")
    EnquiryLog(desk).acknowledge([EnquiryLog(desk).pending_ops()[0].op_id])
    log.apply_groups([_group((mine.id, "another-desks"), ReportStatus.FIXED, note="new line")])
    [report] = log.own()
    assert report.status is ReportStatus.FIXED and report.status_note == "new line"
    assert not report.waiting


def test_the_migration_keeps_the_outbox_of_an_older_desk(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    db = sqlite3.connect(path, isolation_level=None)
    desk_migrations.MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO enquiries VALUES ('e-1', 'phone', 't', 't', NULL, NULL, '{}', "
        "'saved locally', NULL, NULL, NULL, NULL, NULL)"
    )
    db.execute(
        "INSERT INTO outbox VALUES (1, 'op-1', 1, 'e-1', 'created', ?, ?, 0, NULL)",
        (json.dumps({"enquiry_id": "e-1"}), NOW.isoformat()),
    )
    db.execute("INSERT INTO desk_state VALUES ('last_device_seq', '1')")
    db.close()
    store = DeskStore.open(path, tmp_path / "backups")
    try:
        [op] = EnquiryLog(store).pending_ops()
        assert (op.op_id, op.enquiry_id, op.device_seq) == ("op-1", "e-1", 1)
        assert store.backup_taken is not None
        ReportLog(store).report(SERVICE, "Council tax", ReportField.HOURS, "closed on Mondays")
        assert [op.device_seq for op in EnquiryLog(store).pending_ops()] == [1, 2]
    finally:
        store.close()
