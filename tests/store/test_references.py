"""References on the desk: one per saved enquiry, unique, from the hub's prefix once the
desk has one, and findable as typed."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.core import reference as ref
from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome
from frontdesk.store import desk_migrations, references
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog

NOW = dt.datetime(2025, 3, 10, 14, 30, tzinfo=dt.UTC)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[DeskStore]:
    store = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    yield store
    store.close()


def draft(**changes: object) -> EnquiryDraft:
    values: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "channel": Channel.PHONE,
        "started_at": NOW,
        "service_ids": ("demo:bins",),
        "notes": "Bin missed",
        "outcome": Outcome.ADVICE_GIVEN,
    }
    return EnquiryDraft(**(values | changes))  # type: ignore[arg-type]


def test_a_standalone_desk_gives_each_enquiry_its_own_checked_reference(desk: DeskStore) -> None:
    log = EnquiryLog(desk)
    made = [log.save(draft(), now=NOW).reference for _ in range(5)]
    assert all(r is not None and ref.is_valid(r) for r in made)
    assert len(set(made)) == 5
    prefix = references.current_prefix(desk)
    assert prefix is not None and prefix[0] in ref.DIGITS  # never a prefix a hub hands out
    assert all(r is not None and r.startswith(prefix) for r in made)


def test_a_reference_goes_to_the_hub_in_the_created_event(desk: DeskStore) -> None:
    log = EnquiryLog(desk)
    saved = log.save(draft(), now=NOW)
    [created] = [op for op in log.pending_ops() if op.kind == "created"]
    assert created.payload["data"]["reference"] == saved.reference


def test_an_amendment_keeps_the_reference_and_uses_no_number(desk: DeskStore) -> None:
    log = EnquiryLog(desk)
    first = draft()
    saved = log.save(first, now=NOW)
    again = log.save(EnquiryDraft(**{**_fields(first), "notes": "Bin missed again"}), now=NOW)
    assert again.reference == saved.reference
    assert log.save(draft(), now=NOW).reference == ref.make(saved.reference[:5], 2)  # type: ignore[index]


def _fields(d: EnquiryDraft) -> dict[str, object]:
    return {f: getattr(d, f) for f in EnquiryDraft.__dataclass_fields__}


def test_the_hub_prefix_takes_over_and_numbers_are_never_reused(desk: DeskStore) -> None:
    log = EnquiryLog(desk)
    standalone = log.save(draft(), now=NOW).reference
    references.set_hub_prefix(desk, "K7M")
    assert references.has_hub_prefix(desk)
    assert log.save(draft(), now=NOW).reference == ref.make("K7M", 1)
    assert log.save(draft(), now=NOW).reference == ref.make("K7M", 2)
    assert standalone is not None and not standalone.startswith("K7M")
    with pytest.raises(ValueError):
        references.set_hub_prefix(desk, "2ABCD")


def test_a_reference_is_found_as_typed_and_a_wrong_one_finds_nothing(desk: DeskStore) -> None:
    log = EnquiryLog(desk)
    saved = log.save(draft(), now=NOW)
    assert saved.reference is not None
    typed = f"{saved.reference[:4].lower()} - {saved.reference[4:]}"
    found = log.find(typed)
    assert found is not None and found.id == saved.id
    slipped = saved.reference[:-1] + ("2" if saved.reference[-1] != "2" else "3")
    assert log.find(slipped) is None
    assert log.find(ref.make("ZZZ", 99)) is None  # well formed, but not on this desk


def test_a_desk_file_from_before_references_keeps_its_enquiries(tmp_path: Path) -> None:
    path = tmp_path / "desk.db"
    db = sqlite3.connect(path, isolation_level=None)
    desk_migrations.MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO enquiries (id, channel, started_at, saved_at, summary, sync_state) "
        "VALUES ('old', 'phone', ?, ?, '{}', 'sent')",
        (NOW.isoformat(), NOW.isoformat()),
    )
    db.close()
    store = DeskStore.open(path, tmp_path / "backups")
    try:
        log = EnquiryLog(store)
        old = log.get("old")
        assert old is not None and old.reference is None
        assert log.save(draft(), now=NOW).reference is not None
        assert list((tmp_path / "backups").iterdir()), "a backup came first"
    finally:
        store.close()
