"""A text asked for on an offline desk reaches Notify exactly once after the desk
reconnects, and its delivery status comes back to the desk.

A real hub process and desk; the hub's sender runs the official Notify client against
`tests.helpers.notify_server`, a local stand-in for GOV.UK Notify (which these machines
cannot reach).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import Engine, update

from frontdesk.core.enquiry import Channel, EnquiryDraft
from frontdesk.hub import schema as h
from frontdesk.hub.columns import utcnow
from frontdesk.hub.notify.sender import NotifyClient, deliver_due, refresh_statuses
from frontdesk.hub.notify.templates import set_templates
from frontdesk.store.details_sent import send_details, sent_for
from frontdesk.sync.errors import HubUnreachable
from tests.helpers.hub import eventually
from tests.helpers.hub_process import ORG, HubProcess
from tests.helpers.notify_server import API_KEY, notify_server

TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"


def test_an_offline_send_reaches_notify_once_and_its_status_comes_back(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    set_templates(hub_engine, ORG, sms=TEMPLATE, email=None, actor="test")
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    hub.stop(graceful=False)
    enquiry = desk.log.save(
        EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=Channel.PHONE,
            started_at=dt.datetime.now(dt.UTC),
            notes="needs the food bank's number",
        )
    )
    sent = send_details(desk.log, enquiry.id, f"{ORG}:svc-2", "sms", "07700 900123")
    with pytest.raises(HubUnreachable):
        desk.sync()  # offline: it stays in the outbox
    assert desk.log.outbox_size() >= 1
    hub.start()
    eventually(lambda: desk.sync() and desk.log.outbox_size() == 0)

    with notify_server() as (url, script):
        clients = lambda org: NotifyClient(API_KEY, url)  # noqa: E731
        assert deliver_due(hub_engine, clients).sent == 1
        desk.sync()  # the desk pushing again changes nothing on the hub
        with hub_engine.begin() as conn:  # even once any backoff would have passed
            conn.execute(update(h.outbound_messages).values(next_attempt_at=utcnow()))
        assert deliver_due(hub_engine, clients).sent == 0
        [message] = script.sent
        assert message["phone_number"] == "+447700900123" and message["reference"] == sent.event_id
        assert message["personalisation"]["service_name"] == "Service 2"
        # The reference the caller can quote, made on the desk while it was offline.
        assert enquiry.reference
        assert message["personalisation"]["enquiry_reference"] == enquiry.reference
        script.status = "delivered"
        assert refresh_statuses(hub_engine, clients).updated == 1

    def status() -> str:
        desk.sync()
        return sent_for(desk.log, [enquiry.id])[enquiry.id][0].status

    assert eventually(lambda: status() == "delivered")
