"""Data protection on the hub: the caller details it holds are the ones the desk last sent
(amended or withdrawn), an agency keeps no caller details of a referral taken away from
it, and every read or export of personal data leaves an audit row that names who and
which records, never the details themselves."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.hub import schema as t
from tests.helpers.hub import Hub
from tests.helpers.referral_world import CALLER, SERVICE, World, make_world

NEW_CALLER = {"name": "Ann Other", "phone": "07700 900999", "email": "ann.new@example.org"}


@pytest.fixture
def world(hub: Hub) -> World:
    world = make_world(hub)
    world.enquiry("enq-1", caller=CALLER, refer_to=SERVICE)
    return world


def _audit(world: World, action: str) -> list[Any]:
    a = t.audit_log.c
    with world.hub.engine.connect() as conn:
        return list(conn.execute(select(t.audit_log).where(a.action == action).order_by(a.id)))


def _subject(world: World, email: str) -> list[dict[str, Any]]:
    response = world.hub.client.post(
        "/admin/v1/subject/export", json={"email": email}, headers=world.headers["admin"]
    )
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["enquiries"]
    return found


def _agency_view(world: World, referral: str = "ref-enq-1") -> dict[str, Any]:
    response = world.hub.client.get(
        f"/agency/v1/referrals/{referral}", headers=world.headers["agency"]
    )
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


def test_amended_caller_details_replace_the_ones_held(world: World) -> None:
    world.amend("enq-1", {"caller": {**NEW_CALLER, "consent": True}})
    [found] = _subject(world, "ANN.NEW@example.org")
    assert found["id"] == "enq-1" and found["caller"]["name"] == "Ann Other"
    assert _subject(world, CALLER["email"]) == []
    assert _agency_view(world)["caller"]["phone"] == "07700 900999"


def test_withdrawn_consent_removes_the_callers_details_from_every_reader(world: World) -> None:
    assert _agency_view(world)["caller"]["name"] == "Ann Example"
    world.amend("enq-1", {"caller": None})
    assert _agency_view(world)["caller"] is None
    assert _subject(world, CALLER["email"]) == []
    with world.hub.engine.connect() as conn:
        held = conn.execute(select(t.enquiry_callers)).one()
    assert (held.name, held.email, held.phone, held.email_key) == (None, None, None, None)
