"""Before an adviser promises a caller a text, the desk asks its hub whether it can send
one: a real hub process, and `frontdesk enquiries send` as a separate process. The request
is recorded whatever the answer, offline too."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import Engine

from frontdesk.core.enquiry import Channel, Enquiry, EnquiryDraft
from frontdesk.hub.notify.templates import KEY_ENV, set_templates
from frontdesk.store.details_sent import WAITING, sent_for
from frontdesk.sync.notify_status import HubSends, hub_sends
from tests.helpers.hub_process import ORG, Desk, HubProcess
from tests.helpers.notify_server import API_KEY

TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
NOT_SET_UP = (
    "This hub cannot send texts yet: ask your supervisor to set up GOV.UK Notify; "
    "the request is kept and sent once it can\n"
)


def _enquiry(desk: Desk) -> Enquiry:
    draft = EnquiryDraft(
        id=str(uuid.uuid4()), channel=Channel.PHONE, started_at=dt.datetime.now(dt.UTC)
    )
    return desk.log.save(draft)


def _send(desk: Desk, enquiry: Enquiry) -> Any:
    args = ["enquiries", "send", enquiry.id, "--service", f"{ORG}:svc-2", "--consent"]
    done = desk.cli(*args, "--sms", "07700 900123")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("a text to +447700900123 is recorded")
    return done


def test_the_desk_is_told_the_hub_cannot_send_texts_until_notify_is_set_up(
    hub: HubProcess,
    hub_engine: Engine,
    make_desk: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    enquiry = _enquiry(desk)
    assert hub_sends(desk.store, "sms", desk.tokens) is HubSends.NOT_SET_UP
    assert _send(desk, enquiry).stderr == NOT_SET_UP

    # The operator sets the key (the hub reads it at start) and the organisation's template.
    set_templates(hub_engine, ORG, sms=TEMPLATE, email=None, actor="test")
    monkeypatch.setenv(KEY_ENV, API_KEY)
    hub.stop()
    hub.start()
    assert hub_sends(desk.store, "sms", desk.tokens) is HubSends.YES
    assert hub_sends(desk.store, "email", desk.tokens) is HubSends.NOT_SET_UP
    assert _send(desk, enquiry).stderr == ""
    assert len(sent_for(desk.log, [enquiry.id])[enquiry.id]) == 2  # both kept


def test_an_offline_desk_records_the_request_and_says_the_hub_could_not_be_asked(
    hub: HubProcess, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    enquiry = _enquiry(desk)
    hub.stop(graceful=False)
    assert hub_sends(desk.store, "sms", desk.tokens) is HubSends.UNKNOWN
    err = _send(desk, enquiry).stderr
    assert err.startswith("The hub cannot be asked now whether it can send texts")
    assert "the request is kept" in err
    [kept] = sent_for(desk.log, [enquiry.id])[enquiry.id]
    assert kept.status == WAITING


def test_a_standalone_desk_has_no_hub_to_ask(make_desk: Any) -> None:
    desk = make_desk()
    assert hub_sends(desk.store, "sms", desk.tokens) is HubSends.NO_HUB
