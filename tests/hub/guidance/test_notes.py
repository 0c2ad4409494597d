"""Guidance notes on the hub: versions with author and date, per organisation or shared,
on the change feed scoped like everything else, and the supervisor API's tenancy — on
SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from frontdesk.core.guidance import MAX_BODY, GuidanceError
from frontdesk.hub.guidance.notes import latest_notes, note_history, set_note
from frontdesk.hub.sync.changes import read_changes
from tests.helpers.hub import eventually
from tests.helpers.referral_world import COUNCIL, OTHER_COUNCIL, SERVICE, World, make_world


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    return make_world(hub)


def _feed_guidance(world: World, org: str, expected: int = 0) -> list[dict[str, Any]]:
    """The guidance entries `org`'s desks pull, once at least `expected` are served."""

    def read() -> list[dict[str, Any]]:
        page = read_changes(world.hub.engine, None, 1000, org)
        found = [c for c in page.changes if c["kind"] == "guidance"]
        return found if len(found) >= expected else []

    return eventually(read) if expected else read()  # type: ignore[no-any-return]


def test_each_save_adds_a_version_with_author_and_date(world: World) -> None:
    engine = world.hub.engine
    first = set_note(engine, SERVICE, "Ask for ID.\r\n", organization_id=COUNCIL, author="sue")
    second = set_note(
        engine, SERVICE, "Ask for ID and a bill.", organization_id=COUNCIL, author="al"
    )
    assert (first.version, second.version) == (1, 2)
    assert first.body == "Ask for ID."  # line endings normalised, trailing newline gone
    history = note_history(engine, SERVICE, [COUNCIL])
    assert [(n.version, n.author) for n in history] == [(2, "al"), (1, "sue")]
    assert history[0].updated_at.startswith("20")
    assert [n.body for n in latest_notes(engine, [COUNCIL])] == ["Ask for ID and a bill."]


def test_an_organisation_sees_its_own_and_shared_notes_only(world: World) -> None:
    engine = world.hub.engine
    set_note(engine, SERVICE, "Council script", organization_id=COUNCIL, author="sue")
    set_note(engine, SERVICE, "For everyone", organization_id=None, author="admin")
    assert {n.body for n in latest_notes(engine, [COUNCIL])} == {"Council script", "For everyone"}
    assert {n.body for n in latest_notes(engine, [OTHER_COUNCIL])} == {"For everyone"}
    assert len(latest_notes(engine, None)) == 2
    # The feed carries the same scoping: the other council's desks never get the script.
    council = {c["data"]["body"] for c in _feed_guidance(world, COUNCIL, 2)}
    other = {c["data"]["body"] for c in _feed_guidance(world, OTHER_COUNCIL, 1)}
    assert council == {"Council script", "For everyone"} and other == {"For everyone"}


def test_a_withdrawn_note_stays_in_history_and_leaves_the_live_list(world: World) -> None:
    engine = world.hub.engine
    set_note(engine, SERVICE, "Old advice", organization_id=COUNCIL, author="sue")
    set_note(engine, SERVICE, "", organization_id=COUNCIL, author="sue")
    assert latest_notes(engine, [COUNCIL]) == []
    assert [n.body for n in note_history(engine, SERVICE, [COUNCIL])] == ["", "Old advice"]
    assert _feed_guidance(world, COUNCIL, 2)[-1]["data"]["body"] == ""


@pytest.mark.parametrize(
    ("service", "body", "org", "reason"),
    [
        ("nowhere:svc", "text", None, "no service"),
        (SERVICE, "text", "no-such-org", "no organisation"),
        (SERVICE, "x" * (MAX_BODY + 1), None, "the most is"),
        (SERVICE, "a\x00b", None, "NUL"),
    ],
)
def test_a_note_that_cannot_be_stored_is_refused_and_nothing_changes(
    world: World, service: str, body: str, org: str | None, reason: str
) -> None:
    with pytest.raises(GuidanceError, match=reason):
        set_note(world.hub.engine, service, body, organization_id=org, author="sue")
    assert latest_notes(world.hub.engine, None) == []
    assert _feed_guidance(world, COUNCIL) == []


def _post(world: World, role: str, **body: Any) -> Any:
    return world.hub.client.post(
        "/supervisor/v1/guidance", json={"service_id": SERVICE, **body}, headers=world.headers[role]
    )


def test_a_supervisor_writes_for_their_own_organisation_through_the_api(world: World) -> None:
    response = _post(world, "supervisor", body="# Eligibility\nOver 18s.")
    assert response.status_code == 200, response.text
    assert response.json()["organization_id"] == COUNCIL
    assert response.json()["author"] == "supervisor"
    listed = world.hub.client.get("/supervisor/v1/guidance", headers=world.headers["supervisor"])
    assert [n["body"] for n in listed.json()["guidance"]] == ["# Eligibility\nOver 18s."]
    theirs = world.hub.client.get(
        "/supervisor/v1/guidance", headers=world.headers["other_supervisor"]
    )
    assert theirs.json()["guidance"] == []


def test_the_api_refuses_other_organisations_and_shared_notes_from_supervisors(
    world: World,
) -> None:
    other = _post(world, "supervisor", body="x", organization_id=OTHER_COUNCIL)
    assert other.status_code == 403 and other.json()["error"]["code"] == "org_forbidden"
    shared = _post(world, "supervisor", body="x", shared=True)
    assert shared.status_code == 403 and shared.json()["error"]["code"] == "role_forbidden"
    adviser = _post(world, "adviser", body="x")
    assert adviser.status_code == 403
    assert _post(world, "admin", body="For all", shared=True).status_code == 200
    unknown = _post(world, "supervisor", body="x", service_id="nowhere:1")
    assert unknown.status_code == 400 and "no service" in unknown.json()["error"]["message"]
    assert [n.body for n in latest_notes(world.hub.engine, None)] == ["For all"]


def test_the_api_lists_one_services_history(world: World) -> None:
    _post(world, "supervisor", body="v1")
    _post(world, "supervisor", body="v2")
    response = world.hub.client.get(
        "/supervisor/v1/guidance",
        params={"service_id": SERVICE},
        headers=world.headers["supervisor"],
    )
    assert [(n["version"], n["body"]) for n in response.json()["guidance"]] == [
        (2, "v2"),
        (1, "v1"),
    ]
