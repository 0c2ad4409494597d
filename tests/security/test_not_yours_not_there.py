"""Another organisation's ids are not confirmed to exist: for every endpoint that takes an
id, the answer for an id belonging to another organisation is the answer for an id that
does not exist — same status, same body, same error code.

Ids a desk makes itself (device and enquiry ids, random UUIDs) are the exception: a push
under one already in use elsewhere cannot be treated as new, so it is refused, but the
answer names no organisation and is the same whichever organisation holds the id.
"""

from __future__ import annotations

from typing import Any

import pytest

from frontdesk.hub.accounts.api_keys import create_key
from tests.helpers.hub import event_op
from tests.helpers.record_reports import report_op
from tests.helpers.referral_world import OTHER_COUNCIL, SERVICE, World, make_world

MISSING = "ref-that-was-never-made"


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    world = make_world(hub)
    world.enquiry("e1", refer_to=SERVICE)  # referral "ref-e1": council → housing
    return world


def _answer(response: Any) -> tuple[int, Any, str | None]:
    return response.status_code, response.json(), response.headers.get("x-frontdesk-error")


def _compare(world: World, role: str, call: Any) -> None:
    """`call(id)` for another organisation's referral and for one never made."""
    not_yours = _answer(call("ref-e1"))
    not_there = _answer(call(MISSING))
    assert not_yours == not_there, role
    assert not_yours[0] == 404


def test_an_agency_reading_another_agencys_referral(world: World) -> None:
    get, headers = world.hub.client.get, world.headers["other_agency"]
    _compare(world, "other_agency", lambda rid: get(f"/agency/v1/referrals/{rid}", headers=headers))


def test_an_agency_moving_on_another_agencys_referral(world: World) -> None:
    post = world.hub.client.post
    headers = world.headers["other_agency"]
    body = {"status": "acknowledged", "note": "on our way"}
    _compare(
        world,
        "other_agency",
        lambda rid: post(f"/agency/v1/referrals/{rid}/status", json=body, headers=headers),
    )
    agency = world.hub.client.get("/agency/v1/referrals/ref-e1", headers=world.headers["agency"])
    assert agency.json()["status"] == "sent"  # and nothing changed


@pytest.mark.parametrize("role", ["other_supervisor", "other_agency"])
def test_open311_one_request_by_token_and_by_key(world: World, role: str) -> None:
    get = world.hub.client.get
    headers = world.headers[role]
    _compare(world, role, lambda rid: get(f"/open311/v2/requests/{rid}.json", headers=headers))
    key = create_key(world.hub.engine, role, actor="test")
    _compare(world, role, lambda rid: get(f"/open311/v2/requests/{rid}.json?api_key={key}"))


@pytest.mark.parametrize("role", ["other_supervisor", "other_agency"])
def test_open311_search_by_id(world: World, role: str) -> None:
    def search(rid: str) -> Any:
        params = {"service_request_id": rid}
        return world.hub.client.get(
            "/open311/v2/requests.json", params=params, headers=world.headers[role]
        )

    assert _answer(search("ref-e1")) == _answer(search(MISSING)) == (200, [], None)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/supervisor/v1/enquiries", {}),
        ("/supervisor/v1/enquiries/export", {}),
        ("/supervisor/v1/statistics", {}),
        ("/supervisor/v1/report", {"since": "2025-11-01", "until": "2025-11-30"}),
    ],
)
def test_a_supervisor_naming_another_organisation(
    world: World, path: str, params: dict[str, str]
) -> None:
    name = "org" if path.endswith("/report") else "organization_id"

    def ask(org: str) -> Any:
        return world.hub.client.get(
            path, params={**params, name: org}, headers=world.headers["supervisor"]
        )

    not_yours, not_there = _answer(ask(OTHER_COUNCIL)), _answer(ask("no-such-council"))
    assert not_yours == not_there
    assert not_yours[0] == 403
    assert OTHER_COUNCIL not in str(not_yours[1])


def _op(name: str, enquiry: str, kind: str = "created") -> dict[str, Any]:
    data = {"text": "hello"} if kind == "note" else None
    return event_op(1, op_id=name, enquiry=enquiry, event=f"ev-{name}", kind=kind, data=data)


def _push(world: World, role: str, device: str, ops: list[dict[str, Any]]) -> Any:
    return world.hub.client.post(
        "/sync/v1/push", json={"device_id": device, "ops": ops}, headers=world.headers[role]
    )


def test_a_device_id_in_use_elsewhere_is_refused_without_saying_whose(world: World) -> None:
    world.hub.user("adviser2", OTHER_COUNCIL)
    world.headers["other_adviser"] = world.hub.login("adviser2")
    # desk-adviser is the council's device (make_world's pushes), desk-x the other council's.
    assert _push(world, "other_adviser", "desk-x", [_op("a", "x")]).status_code == 200
    council_device = _answer(_push(world, "other_supervisor", "desk-adviser", [_op("b", "y")]))
    other_device = _answer(_push(world, "supervisor", "desk-x", [_op("c", "z")]))
    assert council_device[0] == other_device[0] == 403
    assert council_device[1] == other_device[1]
    assert "organisation" not in str(council_device[1])


def test_an_enquiry_id_in_use_elsewhere_is_rejected_without_saying_whose(world: World) -> None:
    world.hub.user("adviser2", OTHER_COUNCIL)
    world.headers["other_adviser"] = world.hub.login("adviser2")
    assert _push(world, "other_adviser", "desk-x", [_op("a", "x")]).status_code == 200
    onto_council = _push(world, "other_supervisor", "desk-y", [_op("b", "e1", "note")])
    onto_other = _push(world, "supervisor", "desk-z", [_op("c", "x", "note")])
    onto_council, onto_other = onto_council.json()["results"][0], onto_other.json()["results"][0]
    assert onto_council["status"] == onto_other["status"] == "rejected"
    assert onto_council["reason"] == onto_other["reason"]
    assert "organisation" not in onto_council["reason"]


# -- record reports ------------------------------------------------------------------------


def test_an_agency_reading_or_answering_a_report_on_another_agencys_record(
    world: World,
) -> None:
    world.push("adviser", [report_op(1, report="nyt-1", service=SERVICE)], "reports-desk")
    [group] = world.hub.client.get(
        "/agency/v1/record-reports", headers=world.headers["agency"]
    ).json()["contents"]
    client, headers = world.hub.client, world.headers["other_agency"]
    for call in (
        lambda gid: client.get(f"/agency/v1/record-reports/{gid}", headers=headers),
        lambda gid: client.post(
            f"/agency/v1/record-reports/{gid}/status", json={"status": "fixed"}, headers=headers
        ),
    ):
        not_yours, not_there = _answer(call(group["id"])), _answer(call("987654"))
        assert not_yours == not_there and not_yours[0] == 404
    mine = client.get(f"/agency/v1/record-reports/{group['id']}", headers=world.headers["agency"])
    assert mine.json()["status"] == "open"  # and nothing changed
