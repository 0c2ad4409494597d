"""Open311 GeoReport v2: responses validate against the published JSON Schemas, requests
become referrals to the agency, statuses map to open/closed, errors use the array form."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from sqlalchemy import select

from frontdesk.hub import schema as t
from frontdesk.hub.accounts.api_keys import create_key
from frontdesk.hub.referrals.routing import unlink
from tests.conftest import SHARED_DATA
from tests.helpers.referral_world import AGENCY, COUNCIL, SERVICE, World, make_world

OPEN311 = SHARED_DATA / "open311-georeport-v2"
pytestmark = pytest.mark.skipif(
    not OPEN311.is_dir(), reason=f"Open311 schemas not found at {OPEN311} (../shared/data)"
)
BASE = "https://schemas.open311.test/georeport-v2/"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def _validator(name: str) -> Draft4Validator:
    # The array schemas refer to their items by relative file name ("service.json").
    registry: Registry[Any] = Registry()
    for path in (OPEN311 / "json-schema").glob("*.json"):
        contents = json.loads(path.read_text())
        registry = registry.with_resource(
            BASE + path.name, Resource.from_contents(contents, default_specification=DRAFT4)
        )
    return Draft4Validator({"$ref": BASE + name}, registry=registry)


def _valid(name: str, document: Any) -> None:
    errors = [e.message for e in _validator(name).iter_errors(document)]
    assert errors == [], errors


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    return make_world(hub)


@pytest.fixture
def key(world: World) -> str:
    return create_key(world.hub.engine, "adviser", actor="test")


def _submit(world: World, key: str, **fields: str) -> Any:
    form = {"api_key": key, "service_code": SERVICE, "lat": "53.645", "long": "-1.78", **fields}
    return world.hub.client.post("/open311/v2/requests.json", data=form, headers=FORM)


def test_the_spec_examples_that_are_not_json_are_refused_by_a_strict_parser() -> None:
    # PROVENANCE.md: the spec's examples write service codes with leading zeros.
    with pytest.raises(json.JSONDecodeError):
        json.loads((OPEN311 / "spec-examples/service-list.json").read_text())
    example = json.loads((OPEN311 / "spec-examples/service-definition.json").read_text())
    assert list(_validator("service-definition.json").iter_errors(example))


def test_services_are_those_whose_agency_has_an_account(world: World) -> None:
    client = world.hub.client
    services = client.get("/open311/v2/services.json").json()
    _valid("services.json", services)
    assert [s["service_code"] for s in services] == [f"kirklees:svc-{n}" for n in range(3)]
    assert services[0]["metadata"] is False and services[0]["group"] == "Kirklees Council"
    definition = client.get(f"/open311/v2/services/{SERVICE}.json")
    assert definition.status_code == 200
    _valid("service-definition.json", definition.json())
    unlink(world.hub.engine, "kirklees:org-1", actor="test")
    assert client.get("/open311/v2/services.json").json() == []
    missing = client.get(f"/open311/v2/services/{SERVICE}.json")
    assert missing.status_code == 404
    assert missing.json() == [
        {"code": 404, "description": "no service with this service_code takes requests"}
    ]


def test_a_request_becomes_a_referral_to_the_agency_and_an_enquiry_of_the_submitter(
    world: World, key: str
) -> None:
    response = _submit(
        world,
        key,
        description="Fly-tipping behind the library",
        email="ann@example.org",
        first_name="Ann",
        last_name="Example",
    )
    assert response.status_code == 200, response.text
    [created] = response.json()
    request_id = created["service_request_id"]
    with world.hub.engine.connect() as conn:
        referral = conn.execute(select(t.referrals).where(t.referrals.c.id == request_id)).one()
        enquiry = conn.execute(select(t.enquiries)).one()
        caller = conn.execute(select(t.enquiry_callers)).one()
    assert (referral.from_organization_id, referral.to_organization_id) == (COUNCIL, AGENCY)
    assert (referral.lat, referral.long) == (53.645, -1.78)
    assert (enquiry.channel, enquiry.outcome, enquiry.organization_id) == (
        "open311",
        "referred",
        COUNCIL,
    )
    assert (caller.name, caller.email_key) == ("Ann Example", "ann@example.org")
    agency_view = world.hub.client.get(
        f"/agency/v1/referrals/{request_id}", headers=world.headers["agency"]
    ).json()
    assert agency_view["note"] == "Fly-tipping behind the library"


def test_requests_read_back_valid_and_closed_once_the_agency_closes_them(
    world: World, key: str
) -> None:
    first = _submit(world, key, address_string="1 High St").json()[0]["service_request_id"]
    second = _submit(world, key, service_code="kirklees:svc-1").json()[0]["service_request_id"]
    client = world.hub.client
    client.post(
        f"/agency/v1/referrals/{first}/status",
        json={"status": "closed - resolved", "note": "cleared"},
        headers=world.headers["agency"],
    )
    listed = client.get("/open311/v2/requests.json", params={"api_key": key}).json()
    _valid("requests.json", listed)
    by_id = {r["service_request_id"]: r for r in listed}
    assert (by_id[first]["status"], by_id[first]["status_notes"]) == ("closed", "cleared")
    assert by_id[first]["agency_responsible"] == "Housing"
    assert by_id[second]["status"] == "open"

    def ids(**params: str) -> set[str]:
        found = client.get("/open311/v2/requests.json", params={"api_key": key, **params})
        assert found.status_code == 200, found.text
        return {r["service_request_id"] for r in found.json()}

    assert ids(status="closed") == {first}
    assert ids(status="open") == {second}
    assert ids(status="open,closed") == {first, second}
    assert ids(service_code="kirklees:svc-1") == {second}
    assert ids(service_request_id=first) == {first}
    assert ids(start_date="2000-01-01T00:00:00Z", end_date="2000-12-31T00:00:00Z") == set()
    one = client.get(f"/open311/v2/requests/{first}.json", params={"api_key": key})
    _valid("requests.json", one.json())
    _valid("request.json", one.json()[0])
    # The agency answering it may read it too, with a bearer token; nobody else may.
    assert (
        client.get(
            f"/open311/v2/requests/{first}.json", headers=world.headers["agency"]
        ).status_code
        == 200
    )
    other = client.get(f"/open311/v2/requests/{first}.json", headers=world.headers["other_agency"])
    assert other.status_code == 404 and other.json()[0]["code"] == 404  # as if not there
    assert (
        client.get("/open311/v2/requests.json", headers=world.headers["other_agency"]).json() == []
    )


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"lat": "", "long": ""}, 400, "a location is required"),
        ({"long": ""}, 400, "both lat and long"),
        ({"lat": "91"}, 400, "lat must be"),
        ({"service_code": "kirklees:nope"}, 400, "no service that takes requests"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url"),
        ({"api_key": "fdk_wrong"}, 401, "api_key is not known"),
        ({"api_key": ""}, 401, "sign in"),
    ],
)
def test_bad_requests_get_open311_errors(
    world: World, key: str, fields: dict[str, str], status: int, words: str
) -> None:
    response = _submit(world, key, **fields)
    assert response.status_code == status
    [error] = response.json()
    assert error["code"] == status and words in error["description"]


def test_only_form_bodies_are_accepted(world: World, key: str) -> None:
    response = world.hub.client.post(
        "/open311/v2/requests.json", json={"api_key": key, "service_code": SERVICE}
    )
    assert response.status_code == 415
    assert response.json()[0]["code"] == 415


def test_agencies_cannot_submit_and_a_new_key_replaces_the_old(world: World, key: str) -> None:
    agency_key = create_key(world.hub.engine, "agency", actor="test")
    refused = _submit(world, agency_key)
    assert refused.status_code == 403
    assert "agency accounts cannot submit service requests" in refused.json()[0]["description"]
    newer = create_key(world.hub.engine, "adviser", actor="test")
    assert _submit(world, newer).status_code == 200
    old = _submit(world, key)
    assert old.status_code == 401 and "replaced" in old.json()[0]["description"]


def test_unknown_open311_paths_answer_in_the_open311_error_form(world: World) -> None:
    response = world.hub.client.get("/open311/v2/services.xml")
    assert response.status_code == 404
    assert response.json()[0]["code"] == 404
