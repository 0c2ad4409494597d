"""HSDS 3.0 export: valid against the published schemas, deterministic, and written atomically."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from frontdesk.core.catalogue import (
    Address,
    Catalogue,
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
    Tier,
)
from frontdesk.formats import hsds_json
from frontdesk.formats.hsds_export import catalogue_to_hsds3, write_hsds3

# The HSDS /services response refers to its item schema by this address (see openapi.json).
SERVICE_LIST_URL = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/"
    "schema/compiled/service_list.json"
)
OPENAPI_URI = "urn:frontdesk-test:hsds-openapi"
SERVICES_RESPONSE = "/paths/~1services/get/responses/200/content/application~1json/schema"


def _source(service: Service) -> str:
    return "kirklees" if service.id.startswith("kc-") else "foodbank"


def _catalogue() -> Catalogue:
    council = Organization(
        id="org-kc",
        name="Kirklees Council",
        description="Metropolitan borough council for Huddersfield, Dewsbury and Batley.",
        url="https://www.kirklees.gov.uk",
        email="customer.service@kirklees.gov.uk",
        phones=(Phone("01484 221000", "voice", "Switchboard"),),
    )
    food_bank = Organization(id="org-fb", name="Huddersfield Food Bank")
    town_hall = Location(
        id="loc-th",
        name="Huddersfield Customer Service Centre",
        description="Ground floor of the Civic Centre.",
        address=Address(
            address_1="Civic Centre 3",
            address_2="Market Street",
            city="Huddersfield",
            region="West Yorkshire",
            postal_code="HD1 2YZ",
            country="United Kingdom",
        ),
        latitude=53.6458,
        longitude=-1.7850,
    )
    terms = [
        TaxonomyTerm(id="t-money", name="Money and benefits", vocabulary="frontdesk-demo"),
        TaxonomyTerm(
            id="t-ctax",
            name="Council tax",
            vocabulary="frontdesk-demo",
            code="CTAX",
            parent_id="t-money",
            description="Bills, discounts and arrears.",
        ),
        TaxonomyTerm(
            id="lgsl-57",
            name="Find out more about council tax",
            vocabulary="LGSL",
            code="57",
        ),
    ]
    full = Service(
        id="kc-ctax",
        name="Council Tax support",
        organization_id="org-kc",
        description="Help paying council tax, including discounts and reductions.",
        url="https://www.kirklees.gov.uk/beta/council-tax/",
        email="council.tax@kirklees.gov.uk",
        status=ServiceStatus.TEMPORARILY_CLOSED,
        eligibility="Kirklees residents liable for council tax.",
        application_process="Apply online or call the council tax team.",
        fees="Free",
        minimum_age=18,
        maximum_age=120,
        lgsl_code="57",
        providing_tier=Tier.DISTRICT,
        keywords=("ctax", "rates"),
        phones=(
            Phone("01484 221000", "voice", "Council tax line"),
            Phone("07781 000000", "text"),
        ),
        contacts=(
            Contact(
                name="Priya Shah",
                title="Council Tax Team Leader",
                email="priya.shah@kirklees.gov.uk",
                phones=(Phone("01484 221001", "voice"),),
            ),
        ),
        locations=(town_hall,),
        schedules=(
            Schedule(byday=("MO", "TU", "WE", "TH"), opens_at="09:00", closes_at="17:00"),
            Schedule(byday=("FR",), opens_at="09:00", closes_at="16:30", description="Fridays"),
        ),
        service_areas=(
            ServiceArea("Kirklees", gss_code="E08000034", description="The whole borough"),
            ServiceArea("Anywhere by phone"),
        ),
        taxonomy_term_ids=("t-ctax", "lgsl-57"),
        last_assured=dt.date(2024, 3, 1),
        last_modified=dt.datetime(2024, 6, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    )
    library = Service(
        id="kc-lib",
        name="Library one-stop shop",
        organization_id="org-kc",
        locations=(town_hall,),
        last_modified=dt.datetime(2024, 1, 2, 8, 0),
    )
    minimal = Service(id="fb-1", name="Emergency food parcels", organization_id="org-fb")
    return Catalogue(
        services=[minimal, full, library],
        organizations=[council, food_bank],
        taxonomy_terms=terms,
    )


@pytest.fixture(scope="module")
def hsds_schemas(shared_data: Path) -> dict[str, Any]:
    base = shared_data / "hsds-3.0-specification" / "schema"
    openapi = json.loads((base / "openapi.json").read_text(encoding="utf-8"))
    service_list = json.loads((base / "compiled" / "service_list.json").read_text("utf-8"))
    assert SERVICE_LIST_URL in json.dumps(openapi), "openapi.json no longer refers to the list"
    registry: Registry[Any] = Registry().with_resources(
        [
            (OPENAPI_URI, DRAFT202012.create_resource(openapi)),
            (SERVICE_LIST_URL, DRAFT202012.create_resource(service_list)),
        ]
    )
    return {
        # The schemas carry no $schema; the API is OpenAPI 3.1, whose dialect is 2020-12.
        "page": Draft202012Validator(
            {"$ref": OPENAPI_URI + "#" + SERVICES_RESPONSE},
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        ),
        "service": Draft202012Validator(
            json.loads((base / "compiled" / "service.json").read_text("utf-8")),
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        ),
    }


def _errors(validator: Draft202012Validator, instance: Any, where: str) -> list[str]:
    return [
        f"{where}/{'/'.join(map(str, error.absolute_path))}: {error.message[:200]}"
        for error in validator.iter_errors(instance)
    ]


def _assert_valid(document: dict[str, Any], schemas: dict[str, Any]) -> None:
    problems = _errors(schemas["page"], document, "page")
    for index, item in enumerate(document["contents"]):
        where = f"contents/{index} ({item.get('name')})"
        problems += _errors(schemas["service"], item, where)
    assert not problems, "HSDS 3.0 schema errors:\n" + "\n".join(problems)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _by_name(document: dict[str, Any], name: str) -> dict[str, Any]:
    matches: list[dict[str, Any]] = [s for s in document["contents"] if s["name"] == name]
    assert len(matches) == 1, f"{len(matches)} services named {name!r}"
    return matches[0]


def _attribute_values(service: dict[str, Any], taxonomy: str) -> list[Any]:
    return [
        a.get("value", a["taxonomy_term"].get("code"))
        for a in service.get("attributes", [])
        if a["taxonomy_term"].get("taxonomy") == taxonomy
    ]


def test_export_is_valid_hsds_3(hsds_schemas: dict[str, Any]) -> None:
    document = catalogue_to_hsds3(_catalogue(), source_of=_source)
    _assert_valid(document, hsds_schemas)


def test_schema_check_would_catch_a_broken_export(hsds_schemas: dict[str, Any]) -> None:
    """Guards the harness itself: a wrong status, id or address must not pass."""
    document = catalogue_to_hsds3(_catalogue(), source_of=_source)
    service = _by_name(document, "Council Tax support")
    service["status"] = "open"
    service["id"] = "kc-ctax"
    del service["service_at_locations"][0]["location"]["addresses"][0]["postal_code"]
    document["total_items"] = "3"
    with pytest.raises(AssertionError) as caught:
        _assert_valid(document, hsds_schemas)
    for expected in ("'open' is not one of", "is not a 'uuid'", "'postal_code' is a required"):
        assert expected in str(caught.value)
    assert "'3' is not of type 'integer'" in str(caught.value)


def test_empty_catalogue_is_a_valid_empty_page(hsds_schemas: dict[str, Any]) -> None:
    document = catalogue_to_hsds3(Catalogue())
    _assert_valid(document, hsds_schemas)
    assert document["empty"] is True
    assert document["total_items"] == document["size"] == 0
    assert document["contents"] == []


def test_page_holds_every_service_on_one_page() -> None:
    document = catalogue_to_hsds3(_catalogue(), source_of=_source)
    assert {k: v for k, v in document.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 1,
        "page_number": 1,
        "size": 3,
        "first_page": True,
        "last_page": True,
        "empty": False,
    }
    assert sorted(s["name"] for s in document["contents"]) == [
        "Council Tax support",
        "Emergency food parcels",
        "Library one-stop shop",
    ]


def test_full_service_keeps_what_an_adviser_would_look_for() -> None:
    service = _by_name(catalogue_to_hsds3(_catalogue(), source_of=_source), "Council Tax support")

    assert service["status"] == "temporarily closed"
    assert service["minimum_age"] == 18 and service["maximum_age"] == 120
    assert service["eligibility_description"] == "Kirklees residents liable for council tax."
    assert service["fees_description"] == "Free"
    assert service["assured_date"] == "2024-03-01"
    assert service["last_modified"] == "2024-06-01T09:30:00.000Z"  # BST converted to UTC
    assert [(p["number"], p.get("type")) for p in service["phones"]] == [
        ("01484 221000", "voice"),
        ("07781 000000", "text"),
    ]
    (contact,) = service["contacts"]
    assert contact["name"] == "Priya Shah"
    assert [p["number"] for p in contact["phones"]] == ["01484 221001"]

    assert service["organization"]["name"] == "Kirklees Council"
    assert service["organization"]["website"] == "https://www.kirklees.gov.uk"
    assert service["organization_id"] == service["organization"]["id"]

    assert [
        (s["freq"], s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"]
    ] == [
        ("WEEKLY", "MO,TU,WE,TH", "09:00", "17:00"),
        ("WEEKLY", "FR", "09:00", "16:30"),
    ]
    kirklees, by_phone = service["service_areas"]
    assert kirklees["uri"].endswith("/statistical-geography/E08000034")
    assert "uri" not in by_phone

    (at_location,) = service["service_at_locations"]
    location = at_location["location"]
    assert location["name"] == "Huddersfield Customer Service Centre"
    assert (location["latitude"], location["longitude"]) == (53.6458, -1.7850)
    (address,) = location["addresses"]
    assert address["postal_code"] == "HD1 2YZ"
    assert address["country"] == "GB"
    assert address["state_province"] == "West Yorkshire"

    lgsl = [
        a["taxonomy_term"]
        for a in service["attributes"]
        if a["taxonomy_term"]["taxonomy"] == "LGSL"
    ]
    assert len(lgsl) == 1, "the LGSL code and the LGSL catalogue term are one term"
    assert lgsl[0]["code"] == "57"
    assert lgsl[0]["name"] == "Find out more about council tax"
    assert _attribute_values(service, "frontdesk-demo") == ["CTAX"]
    assert _attribute_values(service, "frontdesk-keyword") == ["ctax", "rates"]
    assert _attribute_values(service, "frontdesk-source-id") == ["kirklees:kc-ctax"]
    assert _attribute_values(location, "frontdesk-source-id") == ["kirklees:loc-th"]


def test_minimal_service_has_no_nulls_and_required_text_is_never_invented() -> None:
    document = catalogue_to_hsds3(_catalogue(), source_of=_source)
    service = _by_name(document, "Emergency food parcels")
    assert set(service) == {"id", "organization_id", "name", "status", "organization", "attributes"}
    assert service["status"] == "active"
    assert service["organization"]["description"] == ""
    assert _attribute_values(service, "frontdesk-source-id") == ["foodbank:fb-1"]
    assert all(v is not None for node in _walk(document) for v in node.values())


def test_sloppy_schedules_are_written_in_hsds_form() -> None:
    schedules = (
        Schedule(byday=(" fr ", "sa"), opens_at="9:00", closes_at="17:30:00"),
        Schedule(opens_at="by appointment", description="Ring first"),
    )
    catalogue = Catalogue(services=[Service(id="s", name="Drop-in", schedules=schedules)])
    (service,) = catalogue_to_hsds3(catalogue)["contents"]
    weekly, other = service["schedules"]
    assert (weekly["freq"], weekly["byday"]) == ("WEEKLY", "FR,SA")
    assert (weekly["opens_at"], weekly["closes_at"]) == ("09:00", "17:30")
    assert "freq" not in other and "byday" not in other
    assert other["opens_at"] == "by appointment"  # kept as given rather than lost


def test_naive_timestamps_are_taken_as_utc() -> None:
    service = _by_name(catalogue_to_hsds3(_catalogue()), "Library one-stop shop")
    assert service["last_modified"] == "2024-01-02T08:00:00.000Z"


def test_lgsl_code_alone_still_becomes_an_lgsl_term() -> None:
    catalogue = Catalogue(services=[Service(id="s", name="Blue Badges", lgsl_code=" 279 ")])
    (service,) = catalogue_to_hsds3(catalogue)["contents"]
    terms = [a["taxonomy_term"] for a in service["attributes"]]
    lgsl = [t for t in terms if t["taxonomy"] == "LGSL"]
    assert [(t["code"], t["term_uri"]) for t in lgsl] == [
        ("279", "http://id.esd.org.uk/service/279")
    ]


def test_ids_are_uuids_and_one_id_always_means_one_record() -> None:
    document = catalogue_to_hsds3(_catalogue(), source_of=_source)
    seen: dict[str, dict[str, Any]] = {}
    for node in _walk(document["contents"]):
        if "id" not in node:
            continue
        assert uuid.UUID(node["id"]).version == 5
        # An organization, location or term shared by two services is the same object.
        assert seen.setdefault(node["id"], node) == node
    service_ids = [s["id"] for s in document["contents"]]
    assert len(set(service_ids)) == len(service_ids)


def test_source_keeps_services_with_the_same_id_apart() -> None:
    catalogue = Catalogue(services=[Service(id="1", name="A"), Service(id="1", name="B")])
    document = catalogue_to_hsds3(catalogue, source_of=lambda s: s.name)
    first, second = document["contents"]
    assert first["id"] != second["id"]
    assert _attribute_values(first, "frontdesk-source-id") == ["A:1"]


def test_export_is_byte_identical_whatever_the_order(tmp_path: Path) -> None:
    catalogue = _catalogue()
    shuffled = Catalogue(
        services=list(reversed(catalogue.services)),
        organizations=list(reversed(catalogue.organizations)),
        taxonomy_terms=list(reversed(catalogue.taxonomy_terms)),
    )
    first, second, third = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    assert write_hsds3(catalogue, first, source_of=_source) == 3
    assert write_hsds3(catalogue, second, source_of=_source) == 3
    assert write_hsds3(shuffled, third, source_of=_source) == 3
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()
    assert json.loads(first.read_text("utf-8")) == catalogue_to_hsds3(catalogue, source_of=_source)


def test_written_file_is_valid_hsds_3(tmp_path: Path, hsds_schemas: dict[str, Any]) -> None:
    out = tmp_path / "services.json"
    write_hsds3(_catalogue(), out, source_of=_source)
    _assert_valid(json.loads(out.read_text("utf-8")), hsds_schemas)


def test_write_into_missing_directory_fails_and_creates_nothing(tmp_path: Path) -> None:
    out = tmp_path / "no-such-dir" / "services.json"
    with pytest.raises(OSError):
        write_hsds3(_catalogue(), out)
    assert not out.parent.exists()
    assert list(tmp_path.iterdir()) == []


def test_interrupted_write_leaves_the_previous_export_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "services.json"
    write_hsds3(Catalogue(), out)
    before = out.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_hsds3(_catalogue(), out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["services.json"]


def test_frontdesk_reads_its_own_export_back(tmp_path: Path) -> None:
    """Export, then import with the HSDS 3.0 reader: everything an adviser sees survives.
    Ids do not (they become the exported UUIDs), and the reader adds contacts' phones to
    the service's own, so phones are compared as a prefix."""
    catalogue = _catalogue()
    out = tmp_path / "services.json"
    write_hsds3(catalogue, out, source_of=_source)
    feed = hsds_json.read(out)

    assert feed.skipped == [] and feed.duplicates == []
    back = {service.name: service for service in feed.catalogue.services}
    assert sorted(back) == sorted(service.name for service in catalogue.services)
    organizations = {o.id: o.name for o in feed.catalogue.organizations}
    same = (
        *("description", "url", "email", "status", "eligibility", "application_process"),
        *("fees", "minimum_age", "maximum_age", "lgsl_code", "service_areas", "contacts"),
        *("schedules", "last_assured"),
    )
    for original in catalogue.services:
        read = back[original.name]
        for field in same:
            assert getattr(read, field) == getattr(original, field), (original.name, field)
        assert read.phones[: len(original.phones)] == original.phones
        assert set(original.keywords) <= set(read.keywords)
        assert [replace(loc, id="") for loc in read.locations] == [
            replace(loc, id="", address=replace(loc.address, country="GB") if loc.address else None)
            for loc in original.locations
        ]
        if original.last_modified is not None:
            assert read.last_modified is not None
            expected = original.last_modified
            if expected.tzinfo is None:
                expected = expected.replace(tzinfo=dt.UTC)
            assert read.last_modified == expected
        assert (
            organizations[read.organization_id or ""]
            == {o.id: o.name for o in catalogue.organizations}[original.organization_id or ""]
        )


def test_reimport_does_not_turn_the_source_id_into_a_keyword(tmp_path: Path) -> None:
    out = tmp_path / "services.json"
    write_hsds3(_catalogue(), out, source_of=_source)
    keywords = {k for s in hsds_json.read(out).catalogue.services for k in s.keywords}
    assert "Source identifier" not in keywords
