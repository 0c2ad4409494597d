"""The enquiry log: what an adviser saves is recorded once, queued for the hub with it, and
survives crashes, full disks and the retention purge in the way the adviser expects."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from frontdesk.core.enquiry import (
    Caller,
    Channel,
    EnquiryDraft,
    Outcome,
    ReferralStatus,
    SyncState,
)
from frontdesk.store import enquiries
from frontdesk.store.desk import DeskStore, DeskWriteError, WriteProblem
from frontdesk.store.enquiries import (
    OUTBOX_SCHEMA_V,
    CallerInvalidError,
    EnquiryInvalidError,
    EnquiryLog,
)

NOW = dt.datetime(2025, 3, 10, 14, 30, tzinfo=dt.UTC)
ANN = Caller(name="Ann Jones", phone="0117 496 0000", postcode="bs1 4dj", consent=True)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskStore]:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    yield store
    store.close()


@pytest.fixture
def log(desk: DeskStore) -> EnquiryLog:
    return EnquiryLog(desk)


def draft(**changes: Any) -> EnquiryDraft:
    base = EnquiryDraft(
        id=str(uuid.uuid4()),
        channel=Channel.PHONE,
        started_at=NOW - dt.timedelta(minutes=5),
        service_ids=("demo:bins",),
        notes="Bin missed twice",
        outcome=Outcome.ADVICE_GIVEN,
    )
    return replace(base, **changes)


def rows(desk: DeskStore, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(desk.path) as db:
        return db.execute(sql).fetchall()


def seqs(log: EnquiryLog) -> list[int]:
    return [op.device_seq for op in log.pending_ops(1000)]


# -- saving --------------------------------------------------------------------------------


def test_each_event_is_queued_for_the_hub_with_the_enquiry(
    log: EnquiryLog, desk: DeskStore
) -> None:
    d = draft(
        caller=ANN,
        service_ids=("demo:bins", "demo:housing"),
        outcome=Outcome.REFERRED,
        referral_service_id="demo:housing",
    )
    saved = log.save(d, now=NOW)
    kinds = [k for (k,) in rows(desk, "SELECT kind FROM enquiry_events ORDER BY seq")]
    assert kinds == [
        "created",
        "service linked",
        "service linked",
        "note",
        "outcome set",
        "referral sent",
    ]
    ops = log.pending_ops(100)
    assert [op.kind for op in ops] == kinds
    assert {op.schema_v for op in ops} == {OUTBOX_SCHEMA_V}
    assert len({op.op_id for op in ops}) == len(ops)
    created = ops[0].payload
    assert created["enquiry_id"] == d.id and created["kind"] == "created"
    assert created["data"]["caller"]["postcode"] == "BS1 4DJ"
    assert ops[-1].payload["data"]["service_id"] == "demo:housing"
    assert saved.sync_state is SyncState.SAVED_LOCALLY
    assert saved.referral_status is ReferralStatus.SENT
    assert saved.saved_at == NOW and saved.notes == ("Bin missed twice",)


def test_a_failure_half_way_through_a_save_leaves_no_trace_and_keeps_the_draft(
    log: EnquiryLog, desk: DeskStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = draft()
    log.save_draft(d)
    real_append = enquiries._append
    calls = []

    def fail_after_first_event(*args: Any) -> None:
        calls.append(args)
        if len(calls) > 1:
            raise RuntimeError("power cut")
        real_append(*args)

    monkeypatch.setattr(enquiries, "_append", fail_after_first_event)
    with pytest.raises(RuntimeError):
        log.save(d)
    for table in ("enquiries", "enquiry_events", "outbox"):
        assert rows(desk, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert log.load_draft() == d
    monkeypatch.undo()
    log.save(d)
    assert seqs(log)[0] == 1, "the failed save handed out no sequence numbers"


def test_a_process_killed_mid_save_leaves_no_half_enquiry(
    log: EnquiryLog, desk: DeskStore, tmp_path: Path
) -> None:
    d = draft(caller=ANN)
    log.save_draft(d)
    script = f"""
import os
from pathlib import Path
from frontdesk.store import enquiries
from frontdesk.store.desk import DeskStore
real = enquiries._append
def die(*args):
    real(*args)
    os._exit(9)
enquiries._append = die
log = enquiries.EnquiryLog(DeskStore.open(Path({str(desk.path)!r}), Path({str(tmp_path)!r})))
log.save(log.load_draft())
"""
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == 9
    assert log.list() == [] and log.outbox_size() == 0
    assert rows(desk, "SELECT count(*) FROM enquiry_events") == [(0,)]
    assert log.load_draft() == d, "the adviser's typing comes back after the crash"


def test_device_seq_counts_up_without_gaps_even_after_the_hub_acknowledges(
    log: EnquiryLog, tmp_path: Path
) -> None:
    log.save(draft(outcome=None))  # created, service linked, note
    assert seqs(log) == [1, 2, 3]
    log.acknowledge(op.op_id for op in log.pending_ops(100))
    assert log.outbox_size() == 0
    log.save(draft(outcome=None, notes=""))
    assert seqs(log) == [4, 5], "numbers are never reused once their rows are gone"
    reopened = EnquiryLog(DeskStore.open(tmp_path / "desk.db", tmp_path / "backups"))
    reopened.save(draft(outcome=None, notes=""))
    assert seqs(reopened) == [4, 5, 6, 7]


def test_the_device_id_is_made_once_and_kept(log: EnquiryLog, tmp_path: Path) -> None:
    first = log.device_id()
    assert uuid.UUID(first).version == 4
    reopened = EnquiryLog(DeskStore.open(tmp_path / "desk.db", tmp_path / "backups"))
    assert reopened.device_id() == first


# -- drafts ----------------------------------------------------------------------------------


def test_the_latest_draft_comes_back_after_a_restart_and_goes_when_saved(
    log: EnquiryLog, tmp_path: Path
) -> None:
    older, newer = draft(notes="first call"), draft(notes="second call", caller=ANN)
    log.save_draft(older, now=NOW)
    log.save_draft(newer, now=NOW + dt.timedelta(seconds=1))
    reopened = EnquiryLog(DeskStore.open(tmp_path / "desk.db", tmp_path / "backups"))
    assert reopened.load_draft() == newer, "typed caller details are kept as typed"
    reopened.save(newer)
    assert reopened.load_draft() == older
    reopened.discard_draft(older.id)
    assert reopened.load_draft() is None


# -- amending --------------------------------------------------------------------------------


def test_saving_the_same_enquiry_again_records_an_amendment_not_a_second_enquiry(
    log: EnquiryLog,
) -> None:
    d = draft()
    log.save(d, now=NOW)
    before = log.outbox_size()
    amended = log.save(
        replace(d, outcome=Outcome.SIGNPOSTED, notes="Gave the depot number"),
        now=NOW + dt.timedelta(hours=1),
    )
    assert [e.id for e in log.list()] == [d.id]
    assert amended.outcome is Outcome.SIGNPOSTED
    assert amended.notes == ("Bin missed twice", "Gave the depot number")
    assert amended.saved_at == NOW, "the enquiry keeps the date it was first saved"
    [op] = log.pending_ops(100)[before:]
    assert op.kind == "amended"
    assert op.payload["data"]["changes"] == {
        "outcome": "signposted",
        "notes": "Gave the depot number",
    }


def test_saving_an_unchanged_enquiry_again_sends_nothing(log: EnquiryLog) -> None:
    d = draft()
    log.save(d)
    size = log.outbox_size()
    log.save(d)
    assert log.outbox_size() == size


def test_an_amendment_that_adds_a_referral_sends_it(log: EnquiryLog) -> None:
    d = draft()
    log.save(d)
    amended = log.save(replace(d, outcome=Outcome.REFERRED, referral_service_id="demo:housing"))
    assert [op.kind for op in log.pending_ops(100)][-2:] == ["amended", "referral sent"]
    assert amended.referral_status is ReferralStatus.SENT
    withdrawn = log.save(d)
    assert withdrawn.referral_service_id is None and withdrawn.referral_status is None


# -- rules -----------------------------------------------------------------------------------


def test_caller_details_without_consent_are_not_kept_anywhere(
    log: EnquiryLog, desk: DeskStore
) -> None:
    d = draft(caller=replace(ANN, consent=False))
    saved = log.save(d)
    assert saved.caller.is_empty()
    with sqlite3.connect(desk.path) as db:
        everything = "\n".join(db.iterdump())
    assert "Ann Jones" not in everything and "4DJ" not in everything.upper()


def test_a_consented_postcode_is_stored_in_the_standard_form(log: EnquiryLog) -> None:
    assert log.save(draft(caller=ANN)).caller.postcode == "BS1 4DJ"


def test_a_consented_postcode_that_is_not_one_is_refused(log: EnquiryLog) -> None:
    with pytest.raises(EnquiryInvalidError, match="not a UK postcode"):
        log.save(draft(caller=replace(ANN, postcode="BS99")))


def test_a_consented_phone_and_email_are_stored_in_their_standard_forms(
    log: EnquiryLog, desk: DeskStore
) -> None:
    caller = replace(ANN, phone=" 0161 912 2000 ", email="Joan.ONeill@Example.ORG")
    saved = log.save(draft(caller=caller))
    assert (saved.caller.phone, saved.caller.email) == ("+441619122000", "Joan.ONeill@example.org")
    [(payload,)] = rows(desk, "SELECT payload FROM outbox WHERE kind = 'created'")
    assert json.loads(payload)["data"]["caller"]["phone"] == "+441619122000"


def test_every_caller_field_that_cannot_be_stored_is_named_and_nothing_is_saved(
    log: EnquiryLog,
) -> None:
    caller = replace(ANN, phone="0161 91", email="joan.oneill@example", postcode="BS99")
    with pytest.raises(CallerInvalidError) as refused:
        log.save(draft(caller=caller))
    assert set(refused.value.problems) == {"phone", "email", "postcode"}
    assert "the e-mail address 'joan.oneill@example'" in refused.value.problems["email"]
    assert log.list() == [] and log.outbox_size() == 0


def test_details_without_consent_are_dropped_unchecked(log: EnquiryLog) -> None:
    caller = Caller(phone="0161 91", email="joan.oneill@example", consent=False)
    assert log.save(draft(caller=caller)).caller.is_empty()


@pytest.mark.parametrize(
    ("outcome", "referral", "problem"),
    [
        (Outcome.REFERRED, None, "no service is chosen"),
        (Outcome.SIGNPOSTED, "demo:housing", "outcome is not 'referred'"),
    ],
)
def test_a_referral_needs_both_the_outcome_and_the_service(
    log: EnquiryLog, outcome: Outcome, referral: str | None, problem: str
) -> None:
    d = draft(outcome=outcome, referral_service_id=referral)
    log.save_draft(d)
    with pytest.raises(EnquiryInvalidError, match=problem):
        log.save(d)
    assert log.list() == [] and log.outbox_size() == 0
    assert log.load_draft() == d


# -- when the disk refuses -------------------------------------------------------------------


def limit_connections(desk: DeskStore, pragma: str) -> None:
    """Apply a PRAGMA to every new connection (both work even for root, unlike chmod)."""
    desk.engine.dispose()

    @event.listens_for(desk.engine, "connect")
    def _apply(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if pragma == "full":
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            dbapi_connection.execute("PRAGMA query_only = ON")


def test_a_full_disk_says_so_and_keeps_what_was_typed(log: EnquiryLog, desk: DeskStore) -> None:
    d = draft(notes="x" * 50_000)  # needs new pages, which the full file cannot have
    log.save_draft(replace(d, notes="x"))
    limit_connections(desk, "full")
    with pytest.raises(DeskWriteError, match="full") as raised:
        log.save(d)
    assert raised.value.problem is WriteProblem.FULL
    assert "Nothing you typed is lost" in str(raised.value)
    assert log.load_draft() == replace(d, notes="x")
    assert log.list() == []


def test_a_read_only_desk_file_says_so(log: EnquiryLog, desk: DeskStore) -> None:
    limit_connections(desk, "read-only")
    with pytest.raises(DeskWriteError, match="read-only") as raised:
        log.save(draft())
    assert raised.value.problem is WriteProblem.READ_ONLY


# -- the hub's answers -----------------------------------------------------------------------


def test_an_enquiry_is_sent_once_the_hub_has_all_its_ops(log: EnquiryLog) -> None:
    d = draft()
    log.save(d)
    ops = log.pending_ops(100)
    log.acknowledge([ops[0].op_id])
    assert log.get(d.id).sync_state is SyncState.SAVED_LOCALLY  # type: ignore[union-attr]
    log.acknowledge([op.op_id for op in ops] + ["already-gone"])
    assert log.get(d.id).sync_state is SyncState.SENT  # type: ignore[union-attr]


def test_a_rejection_stays_visible_on_the_enquiry(log: EnquiryLog) -> None:
    d = draft()
    log.save(d)
    first, *rest = log.pending_ops(100)
    log.mark_rejected(first.op_id, "service demo:bins is unknown")
    log.acknowledge(op.op_id for op in rest)
    shown = log.get(d.id)
    assert shown is not None
    assert shown.sync_state is SyncState.REJECTED
    assert shown.rejection_reason == "service demo:bins is unknown"
    assert log.outbox_size() == 0, "an answered op is not pushed again"


def test_the_agency_s_referral_status_shows_on_the_enquiry(log: EnquiryLog) -> None:
    d = draft(outcome=Outcome.REFERRED, referral_service_id="demo:housing")
    log.save(d)
    log.set_referral_status(d.id, ReferralStatus.IN_PROGRESS, "visit booked")
    assert log.get(d.id).referral_status is ReferralStatus.IN_PROGRESS  # type: ignore[union-attr]


# -- listing, retention, export --------------------------------------------------------------


def test_enquiries_are_listed_newest_first_from_a_date(log: EnquiryLog) -> None:
    days = [NOW - dt.timedelta(days=n) for n in (3, 2, 1)]
    ids = [log.save(draft(), now=day).id for day in days]
    assert [e.id for e in log.list()] == ids[::-1]
    assert [e.id for e in log.list(since=days[1].date())] == [ids[2], ids[1]]
    assert [e.id for e in log.list(limit=1)] == [ids[2]]


def test_the_purge_removes_old_callers_but_keeps_the_statistics_and_unsent_ones(
    log: EnquiryLog, desk: DeskStore
) -> None:
    old_sent = log.save(draft(caller=ANN, service_ids=("demo:a",)), now=NOW - dt.timedelta(days=40))
    log.acknowledge(op.op_id for op in log.pending_ops(100))
    old_unsent = log.save(draft(caller=ANN), now=NOW - dt.timedelta(days=40))
    recent = log.save(draft(caller=ANN), now=NOW - dt.timedelta(days=5))
    assert log.purge(30, now=NOW) == 1
    purged = log.get(old_sent.id)
    assert purged is not None and purged.caller.is_empty()
    assert (purged.channel, purged.outcome, purged.service_ids, purged.saved_at) == (
        old_sent.channel,
        old_sent.outcome,
        ("demo:a",),
        old_sent.saved_at,
    )
    history = rows(desk, f"SELECT data FROM enquiry_events WHERE enquiry_id = '{old_sent.id}'")
    assert not any("Ann Jones" in data for (data,) in history)
    assert log.get(old_unsent.id).caller == log.get(recent.id).caller  # type: ignore[union-attr]
    assert log.get(recent.id).caller.name == "Ann Jones"  # type: ignore[union-attr]
    assert log.purge(30, now=NOW) == 0


def test_an_export_holds_every_enquiry_and_no_caller_unless_asked(
    log: EnquiryLog, tmp_path: Path
) -> None:
    saved = log.save(draft(caller=ANN, notes='=HYPERLINK("x")'), now=NOW)
    out = tmp_path / "out" / "enquiries.csv"
    assert log.export(out, "csv") == 1
    [record] = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert record["id"] == saved.id and record["outcome"] == "advice given"
    assert record["service_ids"] == "demo:bins"
    assert record["notes"].startswith("'="), "a spreadsheet must not run it as a formula"
    assert "caller_name" not in record and "Ann" not in out.read_text(encoding="utf-8-sig")
    assert log.export(tmp_path / "e.json", "json", include_caller=True) == 1
    [entry] = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert entry["caller_name"] == "Ann Jones" and entry["notes"] == ['=HYPERLINK("x")']
    assert sorted(p.name for p in out.parent.iterdir()) == ["enquiries.csv"], "no temp files"
    assert log.export(out, "csv", since=(NOW + dt.timedelta(days=2)).date()) == 0


def test_the_outbox_counts_enquiries_for_the_adviser_and_ops_for_the_hub(log: EnquiryLog) -> None:
    log.save(draft(service_ids=("demo:bins", "demo:tips")))
    assert log.enquiries_waiting() == 1
    assert log.outbox_size() > 1  # created, and a link per service
    log.save(draft())
    assert log.enquiries_waiting() == 2
    log.acknowledge([op.op_id for op in log.pending_ops()])
    assert log.enquiries_waiting() == 0
