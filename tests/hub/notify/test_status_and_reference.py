"""What a desk is told before promising a caller a text, and the enquiry's reference in
what Notify is given.

`GET /sync/v1/notify-status` says whether the hub can send the account's organisation's
texts and e-mails: both an API key in the environment and a template for the channel.
The sending test runs the real `notifications-python-client` against
`tests.helpers.notify_server`, a local stand-in for GOV.UK Notify (which these machines
cannot reach). On SQLite and PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest

from frontdesk.core import reference
from frontdesk.hub.notify.sender import NotifyClient, deliver_due
from frontdesk.hub.notify.templates import KEY_ENV, set_templates
from tests.helpers.notify_server import API_KEY, notify_server
from tests.helpers.referral_world import COUNCIL, OTHER_COUNCIL, SERVICE, World, make_world

SMS_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
EMAIL_TEMPLATE = "a4b6c8d0-1e2f-4a5b-8c7d-9e0f1a2b3c4d"


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    return make_world(hub)


def _status(world: World, role: str = "adviser") -> Any:
    response = world.hub.client.get("/sync/v1/notify-status", headers=world.headers[role])
    assert response.status_code == 200, response.text
    return response.json()


def test_a_hub_without_notify_says_it_cannot_send(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    assert _status(world) == {"sms": False, "email": False}
    # Templates alone are not enough: the key is what lets the hub send.
    set_templates(world.hub.engine, COUNCIL, sms=SMS_TEMPLATE, email=None, actor="test")
    assert _status(world) == {"sms": False, "email": False}


def test_a_key_and_a_template_make_that_channel_ready(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, API_KEY)
    set_templates(world.hub.engine, COUNCIL, sms=SMS_TEMPLATE, email=None, actor="test")
    assert _status(world) == {"sms": True, "email": False}
    set_templates(world.hub.engine, COUNCIL, sms=None, email=EMAIL_TEMPLATE, actor="test")
    assert _status(world, "supervisor") == {"sms": True, "email": True}
    # Another council on the same hub has no templates of its own.
    assert _status(world, "other_supervisor") == {"sms": False, "email": False}


def test_an_organisations_own_key_counts_only_for_it(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv(f"{KEY_ENV}_{OTHER_COUNCIL.upper()}", API_KEY)
    for org in (COUNCIL, OTHER_COUNCIL):
        set_templates(world.hub.engine, org, sms=SMS_TEMPLATE, email=None, actor="test")
    assert _status(world)["sms"] is False
    assert _status(world, "other_supervisor")["sms"] is True


def test_notify_is_given_the_enquirys_reference(world: World) -> None:
    set_templates(world.hub.engine, COUNCIL, sms=SMS_TEMPLATE, email=None, actor="test")
    ref = reference.make("NTF", 7)
    world.enquiry("call-ref", reference=ref)
    world.enquiry("call-old")  # made before enquiries had references
    for enquiry in ("call-ref", "call-old"):
        data = {"service_id": SERVICE, "channel": "sms", "recipient": "07700 900123"}
        [result] = world.push("adviser", [world._op("adviser", enquiry, "details sent", data)])
        assert result["status"] == "applied"
    with notify_server() as (url, script):
        assert deliver_due(world.hub.engine, lambda org: NotifyClient(API_KEY, url)).sent == 2
    fields = {s["reference"]: s["personalisation"] for s in script.sent}
    assert len(fields) == 2
    assert sorted(f["enquiry_reference"] for f in fields.values()) == ["", ref]
