"""Every role against every endpoint the app serves: who succeeds, who is refused.

The table below must name every (method, path) in the app's route table — a new endpoint
without an entry fails `test_every_route_has_an_entry` — and for each the roles that
succeed. Every other signed-in role must get a 403 that says why, and an anonymous
request a 401, unless the endpoint is public — except roles for whom the record named
belongs to another organisation: they get the 404 a record that does not exist gets
(test_not_yours_not_there.py compares the two).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from frontdesk.core import reference
from frontdesk.hub.accounts.api_keys import create_key
from frontdesk.hub.alerts.records import set_alert
from frontdesk.hub.http.app import routes
from tests.helpers.hub import PASSWORD, PROTOCOL, event_op
from tests.helpers.record_reports import report_op
from tests.helpers.referral_world import ROLES, SERVICE, World, make_world

ANONYMOUS = "anonymous"
EVERYONE = frozenset({ANONYMOUS, *ROLES})
SIGNED_IN = frozenset(ROLES)
COUNCIL_STAFF = frozenset({"adviser", "supervisor", "other_supervisor"})
READERS = frozenset({"supervisor", "admin", "other_supervisor"})


@dataclass(frozen=True)
class Call:
    path: str
    json: Any = None
    data: dict[str, str] | None = None
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    allowed: frozenset[str]
    call: Callable[[World, str], Call]
    #: Roles that may call the endpoint but for whom the record is another organisation's.
    hidden: frozenset[str] = frozenset()


def _fixed(path: str, **kw: Any) -> Callable[[World, str], Call]:
    return lambda world, role: Call(path, **kw)


def _push(world: World, role: str) -> Call:
    op = event_op(1, op_id=f"matrix-{role}", enquiry=f"matrix-{role}", event=f"matrix-ev-{role}")
    return Call("/sync/v1/push", json={"device_id": f"matrix-{role}", "ops": [op]})


def _login(world: World, role: str) -> Call:
    name = "adviser" if role == ANONYMOUS else role
    return Call("/auth/v1/login", json={"username": name, "password": PASSWORD})


ALERT_PATH = f"/agency/v1/services/{SERVICE}/alert"  # a service the agency "housing" delivers


def _alerted(method: str) -> Callable[[World, str], Call]:
    """A call on a service that has an alert (each role's DELETE clears one)."""

    def call(world: World, role: str) -> Call:
        until = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
        set_alert(
            world.hub.engine, SERVICE, "Closed today", until, author="t", organization_id=None
        )
        body = {"text": "Closed today", "until": until.isoformat()} if method == "PUT" else None
        return Call(ALERT_PATH, json=body)

    return call


def _open311_post(world: World, role: str) -> Call:
    form = {"service_code": SERVICE, "address_string": "1 High Street"}
    return Call("/open311/v2/requests.json", data=form)


REFERRAL = "ref-matrix"
MATRIX_REFERENCE = reference.make("MAT", 1)
RECORD_REPORT = "1"  # the first group of record reports, made by the fixture
OTHER_AGENCY = frozenset({"other_agency"})
MATRIX: dict[tuple[str, str], Entry] = {
    ("GET", "/"): Entry(EVERYONE, _fixed("/")),
    ("GET", "/openapi.json"): Entry(EVERYONE, _fixed("/openapi.json")),
    ("POST", "/auth/v1/login"): Entry(EVERYONE, _login),
    ("GET", "/auth/v1/session"): Entry(SIGNED_IN, _fixed("/auth/v1/session")),
    ("POST", "/auth/v1/logout"): Entry(SIGNED_IN, _fixed("/auth/v1/logout")),
    ("GET", "/sync/v1/changes"): Entry(SIGNED_IN, _fixed("/sync/v1/changes")),
    ("POST", "/sync/v1/push"): Entry(COUNCIL_STAFF, _push),
    ("POST", "/sync/v1/reference-prefix"): Entry(
        COUNCIL_STAFF, lambda w, r: Call("/sync/v1/reference-prefix", json={"device_id": f"p-{r}"})
    ),
    ("GET", "/sync/v1/desk-versions"): Entry(EVERYONE, _fixed("/sync/v1/desk-versions")),
    ("GET", "/sync/v1/notify-status"): Entry(COUNCIL_STAFF, _fixed("/sync/v1/notify-status")),
    ("GET", "/services"): Entry(EVERYONE, _fixed("/services")),
    ("GET", "/services/{id:path}"): Entry(EVERYONE, _fixed(f"/services/{SERVICE}")),
    ("GET", "/organizations"): Entry(EVERYONE, _fixed("/organizations")),
    ("GET", "/organizations/{id:path}"): Entry(
        EVERYONE, lambda w, r: Call(f"/organizations/{_first(w, '/organizations')}")
    ),
    ("GET", "/taxonomies"): Entry(EVERYONE, _fixed("/taxonomies")),
    ("GET", "/taxonomies/{id:path}"): Entry(
        EVERYONE, lambda w, r: Call(f"/taxonomies/{_first(w, '/taxonomies')}")
    ),
    ("GET", "/taxonomy_terms"): Entry(EVERYONE, _fixed("/taxonomy_terms")),
    ("GET", "/taxonomy_terms/{id:path}"): Entry(
        EVERYONE, lambda w, r: Call(f"/taxonomy_terms/{_first(w, '/taxonomy_terms')}")
    ),
    ("GET", "/service_at_locations"): Entry(EVERYONE, _fixed("/service_at_locations")),
    ("GET", "/service_at_locations/{id:path}"): Entry(
        EVERYONE,
        lambda w, r: Call(f"/service_at_locations/{_first(w, '/service_at_locations')}"),
    ),
    ("GET", "/agency/v1/referrals"): Entry(
        frozenset({"agency", "other_agency"}), _fixed("/agency/v1/referrals")
    ),
    ("GET", "/agency/v1/referrals/{id}"): Entry(
        frozenset({"agency"}), _fixed(f"/agency/v1/referrals/{REFERRAL}"), OTHER_AGENCY
    ),
    ("POST", "/agency/v1/referrals/{id}/status"): Entry(
        frozenset({"agency"}),
        _fixed(f"/agency/v1/referrals/{REFERRAL}/status", json={"status": "acknowledged"}),
        OTHER_AGENCY,
    ),
    ("GET", "/open311/v2/services.json"): Entry(EVERYONE, _fixed("/open311/v2/services.json")),
    ("GET", "/open311/v2/services/{id:path}.json"): Entry(
        EVERYONE, _fixed(f"/open311/v2/services/{SERVICE}.json")
    ),
    ("GET", "/open311/v2/requests.json"): Entry(SIGNED_IN, _fixed("/open311/v2/requests.json")),
    ("POST", "/open311/v2/requests.json"): Entry(COUNCIL_STAFF, _open311_post),
    ("GET", "/open311/v2/requests/{id}.json"): Entry(
        frozenset({"adviser", "supervisor", "agency", "admin"}),
        _fixed(f"/open311/v2/requests/{REFERRAL}.json"),
        frozenset({"other_supervisor", "other_agency"}),
    ),
    ("POST", "/enquiries/v1/caller-history"): Entry(
        COUNCIL_STAFF | {"admin"},
        _fixed("/enquiries/v1/caller-history", json={"phone": "07700 900123"}),
    ),
    ("GET", "/supervisor/v1/enquiries"): Entry(READERS, _fixed("/supervisor/v1/enquiries")),
    ("GET", "/supervisor/v1/enquiries/export"): Entry(
        READERS, _fixed("/supervisor/v1/enquiries/export", params={"format": "csv"})
    ),
    ("GET", "/supervisor/v1/enquiries/{reference}"): Entry(
        frozenset({"supervisor", "admin"}),
        _fixed(f"/supervisor/v1/enquiries/{MATRIX_REFERENCE.lower()}"),
        frozenset({"other_supervisor"}),
    ),
    ("GET", "/supervisor/v1/statistics"): Entry(READERS, _fixed("/supervisor/v1/statistics")),
    ("GET", "/supervisor/v1/report"): Entry(
        READERS,
        _fixed("/supervisor/v1/report", params={"since": "2025-11-01", "until": "2025-11-30"}),
    ),
    # -- guidance notes --
    ("GET", "/supervisor/v1/guidance"): Entry(READERS, _fixed("/supervisor/v1/guidance")),
    ("POST", "/supervisor/v1/guidance"): Entry(
        READERS, _fixed("/supervisor/v1/guidance", json={"service_id": SERVICE, "body": "Ask"})
    ),
    # -- service alerts: the delivering agency, any council's supervisor, admins --------
    ("GET", "/agency/v1/alerts"): Entry(
        READERS | {"agency", "other_agency"}, _fixed("/agency/v1/alerts")
    ),
    ("GET", "/agency/v1/services/{id:path}/alert"): Entry(READERS | {"agency"}, _alerted("GET")),
    ("PUT", "/agency/v1/services/{id:path}/alert"): Entry(READERS | {"agency"}, _alerted("PUT")),
    ("DELETE", "/agency/v1/services/{id:path}/alert"): Entry(
        READERS | {"agency"}, _alerted("DELETE")
    ),
    ("POST", "/admin/v1/purge"): Entry(
        frozenset({"admin"}), _fixed("/admin/v1/purge", json={"older_than_days": 36500})
    ),
    ("POST", "/admin/v1/subject/export"): Entry(
        frozenset({"admin"}), _fixed("/admin/v1/subject/export", json={"email": "x@example.org"})
    ),
    ("POST", "/admin/v1/subject/erase"): Entry(
        frozenset({"admin"}), _fixed("/admin/v1/subject/erase", json={"email": "x@example.org"})
    ),
    # -- record reports ------------------------------------------------------------------
    ("GET", "/agency/v1/record-reports"): Entry(
        frozenset({"agency", "other_agency"}), _fixed("/agency/v1/record-reports")
    ),
    ("GET", "/agency/v1/record-reports/{id}"): Entry(
        frozenset({"agency"}), _fixed(f"/agency/v1/record-reports/{RECORD_REPORT}"), OTHER_AGENCY
    ),
    ("POST", "/agency/v1/record-reports/{id}/status"): Entry(
        frozenset({"agency"}),
        _fixed(
            f"/agency/v1/record-reports/{RECORD_REPORT}/status", json={"status": "acknowledged"}
        ),
        OTHER_AGENCY,
    ),
    ("GET", "/admin/v1/record-reports"): Entry(
        frozenset({"admin"}), _fixed("/admin/v1/record-reports")
    ),
}


def _served() -> set[tuple[str, str]]:
    return {
        (method, route.path)
        for route in routes()
        for method in (getattr(route, "methods", None) or ())
        if method != "HEAD"
    }


def _first(world: World, listing: str) -> str:
    contents = world.hub.client.get(listing).json()["contents"]
    assert contents, f"{listing} is empty: the matrix needs one record"
    return str(contents[0]["id"])


def test_every_route_has_an_entry() -> None:
    served = _served()
    assert served - MATRIX.keys() == set(), "add these endpoints to the matrix"
    assert MATRIX.keys() - served == set(), "these entries name no endpoint"


def _headers(world: World, role: str, method: str, path: str) -> dict[str, str]:
    if role == ANONYMOUS:
        return dict(PROTOCOL)
    if path == "/auth/v1/logout":
        return world.hub.login(role)  # a fresh session, so the rest keep theirs
    return world.headers[role]


def _reason(body: Any) -> str:
    if isinstance(body, list):  # Open311's error array
        return str(body[0]["description"])
    return str(body["error"]["message"])


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    world = make_world(hub)
    world.enquiry(
        "matrix", refer_to=SERVICE, reference=MATRIX_REFERENCE
    )  # referral "ref-matrix": council → housing
    # Record-report group 1, on a record the agency "housing" owns.
    world.push("adviser", [report_op(1, report="matrix-report", service=SERVICE)], "reports")
    create_key(hub.engine, "adviser", actor="test")
    return world


def test_each_role_is_allowed_or_refused_with_a_reason(world: World) -> None:
    wrong: list[str] = []
    for (method, template), entry in sorted(MATRIX.items()):
        for role in sorted(EVERYONE):
            call = entry.call(world, role)
            response = world.hub.client.request(
                method,
                call.path,
                json=call.json,
                data=call.data,
                params=call.params,
                headers=_headers(world, role, method, template),
            )
            status = response.status_code
            if role in entry.allowed:
                expected = "200"
                ok = status == 200
            elif role in entry.hidden:
                expected = "404, as for a record that does not exist"
                ok = status == 404
            elif role == ANONYMOUS:
                expected = "401"
                ok = status == 401
            else:
                expected = "403 with a reason"
                ok = status == 403 and bool(_reason(response.json()).strip())
            if not ok:
                wrong.append(f"{method} {template} as {role}: {status}, expected {expected}")
    assert wrong == []
