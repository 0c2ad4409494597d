"""Enquiry reasons and the call's timings: the list a desk offers, what a save stores and
queues for the hub, and the wrap-up recorded once after the call."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontdesk.core.enquiry import Channel, EnquiryDraft, EventKind, Outcome, SyncState
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryInvalidError, EnquiryLog
from frontdesk.store.enquiry_export import write_export
from frontdesk.store.reasons import BUILTIN, CATEGORIES, ReasonsFileError, load_reasons

NOW = dt.datetime(2026, 3, 10, 14, 30, tzinfo=dt.UTC)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[EnquiryLog]:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    yield EnquiryLog(store)
    store.close()


def draft(**changes: Any) -> EnquiryDraft:
    values: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "channel": Channel.PHONE,
        "started_at": NOW - dt.timedelta(minutes=3, seconds=12),
        "service_ids": ("demo:bins",),
        "outcome": Outcome.ADVICE_GIVEN,
    }
    return EnquiryDraft(**(values | changes))


def test_every_builtin_reason_has_a_known_category_and_a_unique_code() -> None:
    assert len({r.code for r in BUILTIN}) == len(BUILTIN)
    assert {r.category for r in BUILTIN} <= set(CATEGORIES)


def test_an_organisation_adds_reasons_in_the_data_folder(tmp_path: Path) -> None:
    (tmp_path / "reasons.toml").write_text(
        '[[reason]]\ncode = "garden-waste-permit"\ncategory = "Environment"\n'
        'label = "Garden waste permit"\nlabel_cy = "Trwydded gwastraff gardd"\n',
        encoding="utf-8",
    )
    reasons = load_reasons(tmp_path)
    added = reasons.get("garden-waste-permit")
    assert added is not None and added.label_cy == "Trwydded gwastraff gardd"
    assert not added.builtin and reasons.codes()[: len(BUILTIN)] == tuple(r.code for r in BUILTIN)
    environment = dict(reasons.by_category())["Environment"]
    assert environment[-1] is added


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[reason]]\ncode = "Bad Code"\ncategory = "Money"\nlabel = "x"\n', "lower-case"),
        ('[[reason]]\ncode = "x"\ncategory = "Sport"\nlabel = "x"\n', "category 'Sport'"),
        ('[[reason]]\ncode = "parking"\ncategory = "Money"\nlabel = "x"\n', "used twice"),
        ('[[reason]]\ncode = "x"\ncategory = "Money"\n', "'label' must be given"),
        ("[[reason]\n", "cannot be read"),
    ],
)
def test_a_broken_reasons_file_is_refused_naming_the_entry(
    tmp_path: Path, text: str, problem: str
) -> None:
    (tmp_path / "reasons.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ReasonsFileError, match=problem) as error:
        load_reasons(tmp_path)
    assert "reasons.toml" in str(error.value) and "\n" not in str(error.value)


def test_an_unknown_reason_is_refused_listing_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="--reason: 'bins' is not a reason") as error:
        load_reasons(None).check("bins")
    assert "missed-collection" in str(error.value)
    assert load_reasons(None).check(" Missed-Collection ") == "missed-collection"


def test_a_save_stores_the_reason_and_the_call_duration_and_queues_both(
    log: EnquiryLog,
) -> None:
    saved = log.save(draft(reason="missed-collection"), now=NOW)
    assert (saved.reason, saved.duration_seconds, saved.wrap_up_seconds) == (
        "missed-collection",
        192,
        None,
    )
    payloads = {op.kind: op.payload["data"] for op in log.pending_ops()}
    assert payloads[EventKind.REASON_SET.value] == {"reason": "missed-collection"}
    assert payloads[EventKind.CREATED.value]["duration_seconds"] == 192


def test_changing_the_reason_later_is_one_reason_set_event(log: EnquiryLog) -> None:
    first = draft(reason="missed-collection")
    log.save(first, now=NOW)
    before = len(log.pending_ops())
    saved = log.save(draft(id=first.id, started_at=first.started_at, reason="fly-tipping"), now=NOW)
    new = log.pending_ops()[before:]
    assert saved.reason == "fly-tipping"
    assert [(op.kind, op.payload["data"]) for op in new] == [
        (EventKind.REASON_SET.value, {"reason": "fly-tipping"})
    ]


def test_a_reason_that_is_not_a_code_is_refused_before_anything_is_written(
    log: EnquiryLog,
) -> None:
    with pytest.raises(EnquiryInvalidError, match="not a reason code"):
        log.save(draft(reason="Missed bin; DROP TABLE"), now=NOW)
    assert log.list() == []


def test_wrap_up_is_recorded_once_from_save_to_the_next_call(log: EnquiryLog) -> None:
    saved = log.save(draft(), now=NOW)
    for op in log.pending_ops():
        log.acknowledge([op.op_id])
    assert log.record_wrap_up(saved.id, now=NOW + dt.timedelta(seconds=75)) == 75
    assert log.record_wrap_up(saved.id, now=NOW + dt.timedelta(seconds=500)) is None
    again = log.get(saved.id)
    assert again is not None and again.wrap_up_seconds == 75
    assert again.sync_state is SyncState.SAVED_LOCALLY, "the wrap-up is on its way to the hub"
    [op] = log.pending_ops()
    assert op.kind == EventKind.WRAP_UP_DONE.value
    assert op.payload["data"] == {"wrap_up_seconds": 75}


def test_exports_carry_reason_duration_and_wrap_up(log: EnquiryLog, tmp_path: Path) -> None:
    saved = log.save(draft(reason="parking"), now=NOW)
    log.record_wrap_up(saved.id, now=NOW + dt.timedelta(seconds=30))
    out = tmp_path / "out.csv"
    write_export(log.list(), out, "csv")
    header, row = out.read_text(encoding="utf-8-sig").splitlines()
    record = dict(zip(header.split(","), row.split(","), strict=False))
    assert (record["reason"], record["duration_seconds"], record["wrap_up_seconds"]) == (
        "parking",
        "192",
        "30",
    )
