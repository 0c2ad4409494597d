"""The service alert API: an agency on its own services, supervisors and admins on any,
each refusal with a code and a reason a person can act on — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontdesk.hub.alerts.records import get_alert
from tests.helpers.referral_world import SERVICE, World, make_world

PATH = f"/agency/v1/services/{SERVICE}/alert"


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    return make_world(hub)


def _in(hours: float) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)).isoformat(timespec="seconds")


def _put(world: World, role: str, body: Any, path: str = PATH) -> Any:
    return world.hub.client.put(path, json=body, headers=world.headers[role])


def test_the_delivering_agency_sets_reads_lists_and_clears_its_alert(world: World) -> None:
    until = _in(4)
    response = _put(world, "agency", {"text": "Closed today, use Stretford", "until": until})
    assert response.status_code == 200, response.text
    assert response.json()["until"] == until
    read = world.hub.client.get(PATH, headers=world.headers["agency"])
    assert read.json()["text"] == "Closed today, use Stretford"
    listed = world.hub.client.get("/agency/v1/alerts", headers=world.headers["agency"]).json()
    assert [a["service_id"] for a in listed["alerts"]] == [SERVICE]
    # The other agency delivers none of the services, so its list is empty.
    other = world.hub.client.get("/agency/v1/alerts", headers=world.headers["other_agency"])
    assert other.json() == {"alerts": []}
    cleared = world.hub.client.delete(PATH, headers=world.headers["agency"])
    assert cleared.json()["cleared"]["text"] == "Closed today, use Stretford"
    assert get_alert(world.hub.engine, SERVICE) is None
    gone = world.hub.client.get(PATH, headers=world.headers["agency"])
    assert (gone.status_code, gone.json()["error"]["code"]) == (404, "no_alert")


def test_a_supervisor_and_an_admin_may_alert_any_service(world: World) -> None:
    for role in ("other_supervisor", "admin"):
        response = _put(world, role, {"text": f"From {role}", "until": _in(1)})
        assert response.status_code == 200, response.text
    alert = get_alert(world.hub.engine, SERVICE)
    assert alert is not None and alert.text == "From admin"


@pytest.mark.parametrize(
    ("role", "path", "body", "status", "code", "words"),
    [
        ("agency", PATH, {"text": "", "until": _in(1)}, 400, "invalid_alert", "no text"),
        ("agency", PATH, {"text": "x" * 281, "until": _in(1)}, 400, "invalid_alert", "most is"),
        ("agency", PATH, {"text": "Closed", "until": _in(-1)}, 400, "invalid_alert", "passed"),
        ("agency", PATH, {"text": "Closed", "until": "tomorrow"}, 400, "invalid_alert", "ISO"),
        ("agency", PATH, {"text": 5, "until": _in(1)}, 400, "invalid_alert", "words"),
        ("agency", PATH, ["Closed"], 400, "invalid_request", "JSON object"),
        (
            "supervisor",
            "/agency/v1/services/kirklees:svc-404/alert",
            {"text": "Closed", "until": _in(1)},
            404,
            "unknown_service",
            "no service",
        ),
        (
            "other_agency",
            PATH,
            {"text": "Closed", "until": _in(1)},
            403,
            "not_your_service",
            "not delivered by your organisation",
        ),
        ("adviser", PATH, {"text": "Closed", "until": _in(1)}, 403, "role_forbidden", "adviser"),
    ],
)
def test_bad_requests_get_a_clear_error_and_change_nothing(
    world: World, role: str, path: str, body: Any, status: int, code: str, words: str
) -> None:
    response = _put(world, role, body, path)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and words in error["message"]
    assert get_alert(world.hub.engine, SERVICE) is None


def test_clearing_with_nothing_set_is_a_404_that_says_so(world: World) -> None:
    response = world.hub.client.delete(PATH, headers=world.headers["supervisor"])
    assert response.status_code == 404
    assert response.json()["error"] == {
        "code": "no_alert",
        "message": f"service '{SERVICE}' has no alert",
    }
