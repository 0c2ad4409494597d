"""Texts and e-mails to callers, sent by the hub with Notify's official client.

GOV.UK Notify cannot be reached from the test machines, so these run the real
`notifications-python-client` against `tests.helpers.notify_server`, a local HTTP server
answering the Notify v2 endpoints the client calls and checking its JWTs. On SQLite and
PostgreSQL.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select, update

from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow
from frontdesk.hub.enquiries.admin import purge
from frontdesk.hub.notify.sender import NotifyClient, deliver_due, refresh_statuses
from frontdesk.hub.notify.templates import set_templates
from frontdesk.hub.sync.changes import read_changes
from tests.helpers.hub import eventually
from tests.helpers.notify_server import API_KEY, notify_server
from tests.helpers.referral_world import COUNCIL, SERVICE, World, make_world

SMS_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
EMAIL_TEMPLATE = "a4b6c8d0-1e2f-4a5b-8c7d-9e0f1a2b3c4d"
MOBILE = "07700 900123"


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    world = make_world(hub)
    world.enquiry("call-1")
    set_templates(hub.engine, COUNCIL, sms=SMS_TEMPLATE, email=EMAIL_TEMPLATE, actor="test")
    return world


@pytest.fixture
def notify():  # type: ignore[no-untyped-def]
    with notify_server() as (url, script):
        yield url, script


def _send(world: World, channel: str, recipient: str) -> dict[str, Any]:
    data = {"service_id": SERVICE, "channel": channel, "recipient": recipient}
    [result] = world.push("adviser", [world._op("adviser", "call-1", "details sent", data)])
    return result  # type: ignore[no-any-return]


def _message(world: World) -> Any:
    with world.hub.engine.connect() as conn:
        return conn.execute(select(t.outbound_messages)).one()


def _clients(url: str) -> Any:
    return lambda org: NotifyClient(API_KEY, url)


def _due_now(world: World) -> None:
    """As if the backoff had passed."""
    with world.hub.engine.begin() as conn:
        conn.execute(update(t.outbound_messages).values(next_attempt_at=utcnow()))


def test_a_text_is_sent_once_with_the_services_details(world: World, notify: Any) -> None:
    url, script = notify
    assert _send(world, "sms", MOBILE)["status"] == "applied"
    report = deliver_due(world.hub.engine, _clients(url))
    assert report.sent == 1 and script.bad_tokens == 0
    [sent] = script.sent
    assert sent["phone_number"] == "+447700900123" and sent["template_id"] == SMS_TEMPLATE
    assert sent["reference"] == _message(world).id == "adviser-ev-3"  # the desk's event id
    assert sent["personalisation"]["service_name"] == "Service 0"
    assert sent["personalisation"]["agency"] == "Kirklees Council"
    assert _message(world).status == "sending"
    assert deliver_due(world.hub.engine, _clients(url)).sent == 0  # nothing sent twice
    # Notify says it was delivered: the status goes to the organisation's desks.
    script.status = "delivered"
    assert refresh_statuses(world.hub.engine, _clients(url)).updated == 1

    def statuses() -> list[str]:
        page = read_changes(world.hub.engine, None, 1000, COUNCIL)
        return [c["data"]["status"] for c in page.changes if c["kind"] == "message_status"]

    assert eventually(lambda: statuses()[-1:] == ["delivered"])
    assert statuses() == ["queued", "sending", "delivered"]


def test_notify_down_then_back_never_sends_twice(world: World, notify: Any) -> None:
    url, script = notify
    _send(world, "email", "Ann@Example.org")
    script.fail_with = [503]
    report = deliver_due(world.hub.engine, _clients(url))
    assert report.retrying == 1 and script.sent == []
    row = _message(world)
    assert row.status == "queued" and row.attempts == 1 and row.next_attempt_at > utcnow()
    assert deliver_due(world.hub.engine, _clients(url)).sent == 0  # waiting out the backoff
    # Next time Notify takes it, but the answer is lost on the way back.
    _due_now(world)
    script.lose_answer = 1
    assert deliver_due(world.hub.engine, _clients(url)).retrying == 1
    assert len(script.sent) == 1
    # The retry finds the first send by its reference and does not send again.
    _due_now(world)
    report = deliver_due(world.hub.engine, _clients(url))
    assert (report.adopted, report.sent, len(script.sent)) == (1, 0, 1)
    assert _message(world).notify_id == script.sent[0]["id"]
    assert script.sent[0]["email_address"] == "Ann@example.org"  # the domain normalised


def test_a_400_is_rejected_with_notifys_reason(world: World, notify: Any) -> None:
    url, script = notify
    _send(world, "sms", MOBILE)
    script.fail_with = [400]
    assert deliver_due(world.hub.engine, _clients(url)).rejected == 1
    row = _message(world)
    assert row.status == "rejected" and "Not a UK mobile number" in row.reason
    _due_now(world)
    assert deliver_due(world.hub.engine, _clients(url)).sent == 0  # final: never retried


def test_a_429_waits_and_retries(world: World, notify: Any) -> None:
    url, script = notify
    _send(world, "sms", MOBILE)
    script.fail_with = [429]
    assert deliver_due(world.hub.engine, _clients(url)).retrying == 1
    row = _message(world)
    assert row.status == "queued" and "rate limit" in row.reason and row.next_attempt_at > utcnow()
    _due_now(world)
    assert deliver_due(world.hub.engine, _clients(url)).sent == 1
    assert len(script.sent) == 1


def test_without_a_key_or_template_the_message_waits(world: World, notify: Any) -> None:
    _url, script = notify
    _send(world, "sms", MOBILE)
    report = deliver_due(world.hub.engine, lambda org: None)
    assert report.unconfigured == 1 and "no Notify API key" in report.problems[0]
    assert _message(world).status == "queued" and script.requests == []


@pytest.mark.parametrize(
    ("channel", "recipient", "reason"),
    [
        ("sms", "0161 912 2000", "UK mobile"),  # a landline cannot take a text
        ("sms", "not a number", "not a telephone number"),
        ("email", "ann@", "not an e-mail address"),
        ("fax", "x", "'sms' or 'email'"),
    ],
)
def test_a_recipient_notify_cannot_reach_is_rejected_at_push(
    world: World, channel: str, recipient: str, reason: str
) -> None:
    result = _send(world, channel, recipient)
    assert result["status"] == "rejected" and reason in result["reason"]
    with world.hub.engine.connect() as conn:
        assert conn.execute(select(t.outbound_messages)).all() == []


def test_the_purge_removes_the_recipient_and_keeps_the_status(world: World) -> None:
    _send(world, "sms", MOBILE)
    assert purge(world.hub.engine, 0, actor="test") == 0  # no caller details, but a number
    row = _message(world)
    assert row.recipient is None and row.status == "queued"
    with world.hub.engine.connect() as conn:
        data = conn.scalar(
            select(t.enquiry_events.c.data).where(t.enquiry_events.c.kind == "details sent")
        )
    assert json.loads(data)["recipient"] is None and MOBILE not in data
    assert deliver_due(world.hub.engine, lambda org: None).unconfigured == 0  # nothing to send
