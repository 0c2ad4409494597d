"""Sending a service's details to the caller, on the desk: one event with its outbox row
and its status row, written together offline; bad recipients refused with nothing written;
the hub's status recorded; the number or address purged with the caller's details."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core.enquiry import Channel, EnquiryDraft
from frontdesk.store import desk_schema as t
from frontdesk.store.desk import DeskStore
from frontdesk.store.details_sent import (
    WAITING,
    RecipientError,
    checked_recipient,
    send_details,
    sent_for,
    set_status,
)
from frontdesk.store.enquiries import EnquiryLog, UnknownEnquiryError

NOW = dt.datetime(2025, 3, 10, 14, 30, tzinfo=dt.UTC)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[EnquiryLog]:
    desk = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    log = EnquiryLog(desk)
    log.save(EnquiryDraft(id="e1", channel=Channel.PHONE, started_at=NOW, notes="food"), now=NOW)
    yield log
    desk.close()


def _count(log: EnquiryLog, table: object) -> int:
    with log.desk.engine.connect() as conn:
        return len(conn.execute(select(table)).all())  # type: ignore[call-overload]


def test_a_send_is_an_event_with_its_outbox_row_and_status(log: EnquiryLog) -> None:
    before = log.outbox_size()
    sent = send_details(log, "e1", "demo:food", "sms", "07700 900123", now=NOW)
    assert (sent.recipient, sent.status) == ("+447700900123", WAITING)
    assert log.outbox_size() == before + 1
    [op] = [op for op in log.pending_ops() if op.payload["kind"] == "details sent"]
    assert op.payload["event_id"] == sent.event_id
    assert op.payload["data"] == {
        "service_id": "demo:food",
        "channel": "sms",
        "recipient": "+447700900123",
    }
    assert sent_for(log, ["e1"])["e1"] == [sent]


@pytest.mark.parametrize(
    ("channel", "text", "reason"),
    [
        ("sms", "0117 496 0000", "not a UK mobile"),  # a landline
        ("sms", "07700", "not a UK mobile"),
        ("email", "ann@example", "not an e-mail address"),
        ("pigeon", "x", r"text \(sms\) or e-mail"),
    ],
)
def test_a_recipient_that_cannot_be_sent_to_writes_nothing(
    log: EnquiryLog, channel: str, text: str, reason: str
) -> None:
    before = log.outbox_size()
    with pytest.raises(RecipientError, match=reason):
        send_details(log, "e1", "demo:food", channel, text)
    assert log.outbox_size() == before and _count(log, t.sent_details) == 0


def test_an_unknown_enquiry_writes_nothing(log: EnquiryLog) -> None:
    with pytest.raises(UnknownEnquiryError):
        send_details(log, "nope", "demo:food", "email", "ann@example.org")
    assert _count(log, t.sent_details) == 0


def test_the_hubs_status_is_recorded_and_unknown_ones_ignored(log: EnquiryLog) -> None:
    sent = send_details(log, "e1", "demo:food", "email", "ann@example.org")
    assert set_status(log, sent.event_id, "delivered", None, "2025-03-10T15:00:00+00:00")
    assert not set_status(log, "another-desks", "delivered", None, "2025-03-10T15:00:00+00:00")
    assert sent_for(log, ["e1"])["e1"][0].status == "delivered"


def test_the_purge_forgets_the_recipient_once_the_hub_has_it(log: EnquiryLog) -> None:
    sent = send_details(log, "e1", "demo:food", "sms", "07700 900123", now=NOW)
    log.acknowledge([op.op_id for op in log.pending_ops()])
    assert log.purge(0, now=NOW + dt.timedelta(days=1)) >= 0
    [row] = sent_for(log, ["e1"])["e1"]
    assert row.recipient is None and row.event_id == sent.event_id
    with log.desk.engine.connect() as conn:
        data = conn.scalar(
            select(t.enquiry_events.c.data).where(t.enquiry_events.c.id == sent.event_id)
        )
    assert json.loads(data)["recipient"] is None


def test_recipients_are_normalised() -> None:
    assert checked_recipient("sms", "+44 7700 900123") == "+447700900123"
    assert checked_recipient("email", "Ann@EXAMPLE.org") == "Ann@example.org"
