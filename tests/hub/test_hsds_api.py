"""The catalogue's HSDS 3.0 read API: valid against the specification, filtered, paged,
readable anonymously and by any signed-in account."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from frontdesk.formats.registry import read_feed
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.http.openapi import openapi_document
from tests.helpers.hub import PROTOCOL, Hub, small_feed


@pytest.fixture
def schemas(shared_data: Path) -> dict[str, Draft202012Validator]:
    compiled = shared_data / "hsds-3.0-specification" / "schema" / "compiled"

    def load(name: str) -> Draft202012Validator:
        schema = json.loads((compiled / name).read_text(encoding="utf-8"))
        return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)

    return {
        "service": load("service.json"),
        "sal": load("service_at_location_list.json"),
        "organization": load("organization_list.json"),
    }


@pytest.fixture
def filled(hub: Hub, shared_data: Path) -> Hub:
    bristol = read_feed(shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json")
    import_feeds(
        hub.engine, [("kirklees", small_feed(services=4)), ("bristol", bristol)], actor="t"
    )
    return hub


def _errors(validator: Draft202012Validator, item: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:150]}"
        for e in validator.iter_errors(item)
    ]


def test_every_service_validates_against_hsds_3(filled: Hub, schemas: dict[str, Any]) -> None:
    page = filled.client.get("/services", params={"per_page": 200}).json()
    assert page["total_items"] == 7 and page["size"] == 7
    problems = [p for item in page["contents"] for p in _errors(schemas["service"], item)]
    assert problems == []
    one = filled.client.get(f"/services/{page['contents'][0]['id']}")
    assert one.status_code == 200
    assert _errors(schemas["service"], one.json()) == []


def test_services_and_locations_and_organizations_validate(
    filled: Hub, schemas: dict[str, Any]
) -> None:
    sal_page = filled.client.get("/service_at_locations").json()
    assert sal_page["contents"]
    for item in sal_page["contents"]:
        assert _errors(schemas["sal"], item) == []
    detail = filled.client.get(f"/service_at_locations/{sal_page['contents'][0]['id']}").json()
    assert _errors(schemas["sal"], detail) == []
    assert detail["service"]["id"] == sal_page["contents"][0]["service_id"]
    orgs = filled.client.get("/organizations").json()["contents"]
    assert orgs and all(_errors(schemas["organization"], o) == [] for o in orgs)


def test_a_service_can_be_fetched_by_uuid_or_catalogue_id(filled: Hub) -> None:
    by_catalogue_id = filled.client.get("/services/kirklees:svc-1")
    assert by_catalogue_id.status_code == 200
    uuid = by_catalogue_id.json()["id"]
    assert filled.client.get(f"/services/{uuid}").json()["name"] == "Service 1"
    missing = filled.client.get("/services/no-such-thing")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_paging_envelope(filled: Hub) -> None:
    first = filled.client.get("/services", params={"per_page": 3}).json()
    last = filled.client.get("/services", params={"per_page": 3, "page": 3}).json()
    assert (first["total_pages"], first["first_page"], first["last_page"]) == (3, True, False)
    assert (last["size"], last["last_page"], last["empty"]) == (1, True, False)
    ids = {
        s["id"]
        for p in (1, 2, 3)
        for s in filled.client.get("/services", params={"per_page": 3, "page": p}).json()[
            "contents"
        ]
    }
    assert len(ids) == 7
    beyond = filled.client.get("/services", params={"per_page": 3, "page": 9}).json()
    assert beyond["empty"] is True and beyond["contents"] == []


def test_search_and_filters(filled: Hub) -> None:
    def names(**params: Any) -> list[str]:
        page = filled.client.get("/services", params=params).json()
        return sorted(s["name"] for s in page["contents"])

    assert names(search="council TAX number 2") == ["Service 2"]
    assert names(search="100%_") == []  # wildcards typed by a user match literally
    org = filled.client.get("/organizations", params={"search": "kirklees"}).json()["contents"][0]
    assert names(organization_id=org["id"]) == [f"Service {i}" for i in range(4)]
    term = filled.client.get("/taxonomy_terms", params={"search": "money"}).json()["contents"][0]
    assert names(taxonomy_term_id=term["id"]) == [f"Service {i}" for i in range(4)]
    assert names(modified_after="2999-01-01T00:00:00Z") == []
    taxonomy = filled.client.get("/taxonomies").json()["contents"][0]
    assert filled.client.get(f"/taxonomies/{taxonomy['id']}").json() == taxonomy
    terms = filled.client.get("/taxonomy_terms", params={"taxonomy_id": taxonomy["id"]}).json()
    assert terms["total_items"] >= 1
    org_detail = filled.client.get(f"/organizations/{org['id']}").json()
    assert len(org_detail["services"]) == 4


def test_root_describes_the_api(hub: Hub) -> None:
    root = hub.client.get("/").json()
    assert root["version"] == "3.0"
    assert root["openapi_url"].endswith("/openapi.json")
    assert hub.client.get("/openapi.json").json() == openapi_document()


def test_reads_are_anonymous_or_signed_in_but_never_with_a_bad_token(filled: Hub) -> None:
    headers = filled.adviser("alice", "kirklees")
    assert filled.client.get("/services", headers=headers).status_code == 200
    bad = filled.client.get("/services", headers={**PROTOCOL, "Authorization": "Bearer forged"})
    assert bad.status_code == 401


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"per_page": "500"},
        {"page": "x"},
        {"modified_after": "last week"},
        {"search": "a" * 300},
    ],
)
def test_bad_parameters_are_400(hub: Hub, params: dict[str, str]) -> None:
    response = hub.client.get("/services", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_parameter"
