"""A subject-access export names the texts and e-mails of services' details sent to the
caller: to whom, how, what became of them and when.

The message is sent by the real `notifications-python-client` to
`tests.helpers.notify_server`, a local stand-in for GOV.UK Notify (which these machines
cannot reach). On SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest

from frontdesk.hub.notify.sender import NotifyClient, deliver_due
from frontdesk.hub.notify.templates import set_templates
from tests.helpers.notify_server import API_KEY, notify_server
from tests.helpers.referral_world import CALLER, COUNCIL, SERVICE, World, make_world

SMS_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    world = make_world(hub)
    world.enquiry("call-1", caller=CALLER)
    world.enquiry("someone-else", caller={"name": "Bob", "phone": "07700 900999"})
    set_templates(world.hub.engine, COUNCIL, sms=SMS_TEMPLATE, email=None, actor="test")
    for enquiry, mobile in (("call-1", "07700 900123"), ("someone-else", "07700 900999")):
        data = {"service_id": SERVICE, "channel": "sms", "recipient": mobile}
        [result] = world.push("adviser", [world._op("adviser", enquiry, "details sent", data)])
        assert result["status"] == "applied"
    return world


def _export(world: World) -> Any:
    response = world.hub.client.post(
        "/admin/v1/subject/export", json={"phone": "07700 900123"}, headers=world.headers["admin"]
    )
    assert response.status_code == 200, response.text
    [enquiry] = response.json()["enquiries"]
    return enquiry["messages"]


def test_the_export_lists_the_texts_sent_to_the_caller(world: World) -> None:
    [queued] = _export(world)  # only theirs: not the one sent to someone else
    assert (queued["channel"], queued["recipient"], queued["status"]) == (
        "sms",
        "+447700900123",
        "queued",
    )
    with notify_server() as (url, _):
        assert deliver_due(world.hub.engine, lambda org: NotifyClient(API_KEY, url)).sent == 2
    [sent] = _export(world)
    assert sent["id"] == queued["id"] and sent["service_id"] == SERVICE
    assert sent["status"] == "sending" and sent["reason"] is None
    assert sent["created_at"] == queued["created_at"] <= sent["updated_at"]
