"""Reading HSDS 3.0 JSON and the Open Referral UK 3.0 profile: the specification's examples,
Bristol's live v3 payloads, and the mappings an adviser relies on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from frontdesk.core.catalogue import (
    Address,
    Contact,
    Location,
    Phone,
    Schedule,
    ServiceArea,
    ServiceStatus,
)
from frontdesk.formats import hsds_json, oruk_v1
from frontdesk.formats.base import FeedError, ParsedFeed

STAFF = "oliviaplenty@thecareforum.org.uk"


def write(tmp_path: Path, content: Any) -> Path:
    path = tmp_path / "hsds.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def read_one(tmp_path: Path, **fields: Any) -> ParsedFeed:
    return hsds_json.read(write(tmp_path, {"id": "svc-1", "name": "Warm spaces", **fields}))


# --- Bristol's ORUK v3 feed ---------------------------------------------------------------


@pytest.fixture(scope="module")
def bristol_single(shared_data: Path) -> ParsedFeed:
    return hsds_json.read(shared_data / "oruk-v3-bristol-fixtures" / "bristol-service-1625ip.json")


@pytest.fixture(scope="module")
def bristol_page(shared_data: Path) -> ParsedFeed:
    return hsds_json.read(shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json")


def test_bristol_single_service_keeps_its_free_text_phone_numbers(
    bristol_single: ParsedFeed,
) -> None:
    (service,) = bristol_single.catalogue.services
    assert service.name == "1625 Independent People"
    numbers = (Phone("0800 0354213"), Phone("Bristol Youth MAPS: 0117 332 7111"))
    assert service.phones == numbers  # they sit only under contacts[] in the feed
    assert service.contacts == (Contact(phones=numbers),)


def test_bristol_single_service_drops_the_staff_email_but_keeps_the_public_one(
    bristol_single: ParsedFeed,
) -> None:
    (service,) = bristol_single.catalogue.services
    assert service.email == "enquiries@1625ip.co.uk"
    assert STAFF not in repr(bristol_single)


def test_bristol_single_service_minus_one_ages_mean_no_limit(bristol_single: ParsedFeed) -> None:
    (service,) = bristol_single.catalogue.services
    assert (service.minimum_age, service.maximum_age) == (None, None)


def test_bristol_single_service_details(bristol_single: ParsedFeed) -> None:
    (service,) = bristol_single.catalogue.services
    assert service.description is not None
    assert service.description.startswith("About Us\n\n1625 Independent People works")
    assert "<" not in service.description
    assert service.service_areas == (
        ServiceArea(name="Bristol"),
        ServiceArea(name="South Gloucestershire"),
    )
    assert service.keywords == ("Homeless", "Care leavers")
    assert service.last_assured == dt.date(2025, 9, 2)
    assert service.last_modified == dt.datetime(2025, 9, 2, 12, 6, 15, 654000, tzinfo=dt.UTC)
    (org,) = bristol_single.catalogue.organizations
    assert (org.id, org.url) == ("42d3fa20-b36d-4822-b5dc-68029911caaf", "http://1625ip.co.uk")
    assert service.organization_id == org.id


def test_bristol_page_yields_every_service_on_it(bristol_page: ParsedFeed) -> None:
    assert bristol_page.records_read == 3
    assert [s.name for s in bristol_page.catalogue.services] == [
        "1625 Independent People",
        "2 Way St Bristol",
        "A Picture of Health",
    ]
    assert len(bristol_page.catalogue.organizations) == 3
    assert STAFF not in repr(bristol_page)


def test_bristol_page_drops_a_placeholder_email(bristol_page: ParsedFeed) -> None:
    nhs = bristol_page.catalogue.services[2]
    assert nhs.email is None  # the feed sends Unknown-…@noemail.invalid


def test_bristol_v3_files_are_recognised_as_hsds3(shared_data: Path) -> None:
    for path in (shared_data / "oruk-v3-bristol-fixtures").glob("*.json"):
        head = path.read_bytes()[: 64 * 1024]
        assert hsds_json.sniff(path, head)
        assert not oruk_v1.sniff(path, head)


# --- the specification's examples ---------------------------------------------------------


@pytest.mark.parametrize(
    "example",
    [
        "hsds-3.0-specification/examples/service_full.json",
        "hsds-3.0-specification/examples/service_list.json",
        "oruk-uk-profile-3.0/examples/service_full.json",
        "oruk-uk-profile-3.0/examples/service_list.json",
    ],
)
def test_specification_examples_parse(shared_data: Path, example: str) -> None:
    parsed = hsds_json.read(shared_data / example)
    assert parsed.format == "hsds3"
    assert parsed.records_read == 1
    (service,) = parsed.catalogue.services
    assert (service.id, service.name) == (
        "ac148810-d857-441c-9679-408f346de14b",
        "Community Counselling",
    )
    assert service.organization_id == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert (service.minimum_age, service.maximum_age) == (12, 100)


def test_hsds_full_example_maps_every_part(shared_data: Path) -> None:
    parsed = hsds_json.read(shared_data / "hsds-3.0-specification/examples/service_full.json")
    (service,) = parsed.catalogue.services
    assert service.fees is not None and service.fees.startswith("Non-NHS patients")
    assert service.eligibility is not None and service.eligibility.startswith("This service is")
    assert service.application_process is not None
    assert service.application_process.startswith("If you are an NHS patient")
    (phone,) = service.phones
    assert phone.number == "+44 1234 234567"  # the example wraps it in quotes
    assert phone.type == "voice"
    assert phone.description is not None and phone.description.startswith("Extension 100.")
    (location,) = service.locations
    assert location.name == "MyCity Civic Center"
    assert location.address == Address(
        address_1="1-30 Main Street",
        address_2="MyVillage",
        city="MyCity",
        region="MyRegion",
        postal_code="ABC 1234",
        country="US",
    )
    assert (location.latitude, location.longitude) == (None, None)  # 100, 101 is off the globe
    assert service.schedules[0].byday == ("TH", "FR")
    assert (service.schedules[0].opens_at, service.schedules[0].closes_at) == ("10:00", "18:00")
    assert service.taxonomy_term_ids == ("3f7b145d-84af-42d7-8fae-eaca714b02b2",)
    assert parsed.catalogue.taxonomy_terms[0].parent_id == "0bc248fa-dc27-4650-9ba4-8f1a24ef16a2"


def test_hsds_full_example_email_shared_with_the_assurer_is_not_imported(
    shared_data: Path,
) -> None:
    # The example uses email@example.com for the service, its contact and its assurer;
    # an address that is the assurer's is treated as personal data wherever it appears.
    parsed = hsds_json.read(shared_data / "hsds-3.0-specification/examples/service_full.json")
    assert "email@example.com" not in repr(parsed)


# --- mappings on synthetic records --------------------------------------------------------


def test_a_bare_array_of_services(tmp_path: Path) -> None:
    path = write(tmp_path, [{"id": "a", "name": "One"}, {"id": "b", "name": "Two"}])
    assert [s.name for s in hsds_json.read(path).catalogue.services] == ["One", "Two"]


@pytest.mark.parametrize(
    "area",
    [
        {
            "name": "Trafford",
            "uri": "http://statistics.data.gov.uk/id/statistical-geography/E08000009",
        },
        {"name": "Trafford", "extent": "E08000009"},
        {"name": "E08000009"},
    ],
)
def test_service_area_gss_code_from_uri_extent_or_name(tmp_path: Path, area: Any) -> None:
    service = read_one(tmp_path, service_areas=[area]).catalogue.services[0]
    assert service.service_areas[0].gss_code == "E08000009"


def test_a_service_area_without_a_code_keeps_its_name_only(tmp_path: Path) -> None:
    area = {"name": "Bristol", "uri": "http://www.example.com", "serviceId": "svc-1"}
    service = read_one(tmp_path, service_areas=[area]).catalogue.services[0]
    assert service.service_areas == (ServiceArea(name="Bristol"),)


@pytest.mark.parametrize(
    "term",
    [
        {"id": "t1", "name": "Council tax", "code": "21", "taxonomy": "LGSL"},
        {"id": "t1", "name": "Council tax", "code": "21", "taxonomy_detail": {"name": "esd"}},
        {"id": "t1", "name": "Council tax", "code": "lgsl:21", "vocabulary": "lgsl"},
        {"id": "http://id.esd.org.uk/service/21", "name": "Council tax", "taxonomy": "LGSL"},
    ],
)
def test_an_lgsl_term_sets_the_lgsl_code(tmp_path: Path, term: Any) -> None:
    parsed = read_one(tmp_path, attributes=[{"id": "at1", "taxonomy_term": term}])
    service = parsed.catalogue.services[0]
    assert service.lgsl_code == "21"
    assert service.keywords == ("Council tax",)
    assert service.taxonomy_term_ids == (term["id"],)


def test_a_term_from_another_taxonomy_sets_no_lgsl_code(tmp_path: Path) -> None:
    term = {"id": "t2", "name": "Housing", "code": "21", "taxonomy": "openeligibility"}
    parsed = read_one(tmp_path, attributes=[{"taxonomy_term": term}])
    assert parsed.catalogue.services[0].lgsl_code is None
    assert parsed.catalogue.taxonomy_terms[0].vocabulary == "openeligibility"


def test_schedules_from_the_service_and_its_locations(tmp_path: Path) -> None:
    parsed = read_one(
        tmp_path,
        schedules=[{"byday": "MO,TU", "opens_at": "09:00:00", "closes_at": "17:30:00"}],
        service_at_locations=[
            {
                "id": "sal-1",
                "schedules": [{"byday": "SA", "opens_at": "10:00", "closes_at": "13:00"}],
                "location": {"id": "loc-1", "name": "Library"},
            }
        ],
    )
    service = parsed.catalogue.services[0]
    assert service.schedules == (
        Schedule(byday=("MO", "TU"), opens_at="09:00", closes_at="17:30"),
        Schedule(byday=("SA",), opens_at="10:00", closes_at="13:00"),
    )
    assert service.locations == (Location(id="loc-1", name="Library"),)


def test_contacts_at_a_location_and_their_phones_are_kept(tmp_path: Path) -> None:
    contact = {"name": "Reception", "email": "reception@example.org", "phones": [{"number": "01"}]}
    parsed = read_one(
        tmp_path,
        phones=[{"number": "0300 123 4567", "type": "voice"}],
        service_at_locations=[{"id": "sal-1", "contacts": [contact]}],
    )
    service = parsed.catalogue.services[0]
    assert service.contacts == (
        Contact(name="Reception", email="reception@example.org", phones=(Phone("01"),)),
    )
    assert [p.number for p in service.phones] == ["0300 123 4567", "01"]


def test_organisation_given_only_by_id(tmp_path: Path) -> None:
    parsed = read_one(tmp_path, organization_id="org-9")
    assert parsed.catalogue.services[0].organization_id == "org-9"
    assert parsed.catalogue.organizations == []


def test_duplicate_ids_keep_the_most_recently_modified(tmp_path: Path) -> None:
    older = {"id": "a", "name": "Old name", "last_modified": "2025-01-02T10:00:00Z"}
    newer = {"id": "a", "name": "New name", "last_modified": "2025-03-01T09:00:00+01:00"}
    parsed = hsds_json.read(write(tmp_path, {"contents": [newer, older], "total_items": 2}))
    assert [s.name for s in parsed.catalogue.services] == ["New name"]
    (note,) = parsed.duplicates
    assert note.index == 1
    assert "kept record 0 (modified 2025-03-01)" in note.reason
    assert "dropped record 1 (modified 2025-01-02)" in note.reason


def test_status_and_unknown_status(tmp_path: Path) -> None:
    records = [
        {"id": "a", "name": "A", "status": "defunct"},
        {"id": "b", "name": "B", "status": "under review"},
    ]
    statuses = [s.status for s in hsds_json.read(write(tmp_path, records)).catalogue.services]
    assert statuses == [ServiceStatus.DEFUNCT, ServiceStatus.ACTIVE]


def test_metadata_and_assurer_addresses_never_reach_the_catalogue(tmp_path: Path) -> None:
    parsed = read_one(
        tmp_path,
        email="help@warmspaces.org",
        assurer_email="checker@council.gov.uk",
        contacts=[{"name": "Checker", "email": "checker@council.gov.uk"}],
        metadata=[{"last_action_date": "2024-01-01", "updated_by": "editor@council.gov.uk"}],
    )
    text = repr(parsed)
    assert "checker@council.gov.uk" not in text and "editor@council.gov.uk" not in text
    assert parsed.catalogue.services[0].email == "help@warmspaces.org"
    assert parsed.catalogue.services[0].last_modified == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organization": "Example Org"}, "organization"),
        ({"phones": "0117 000 0000"}, "phones"),
        ({"name": {"en": "Warm spaces"}}, "name"),
        ({"attributes": [{"taxonomy_term": ["t1"]}]}, "attributes[0].taxonomy_term"),
    ],
)
def test_a_structurally_wrong_field_fails_naming_record_and_field(
    tmp_path: Path, change: dict[str, Any], field: str
) -> None:
    records = [{"id": "a", "name": "Fine"}, {"id": "b", "name": "Warm spaces", **change}]
    with pytest.raises(FeedError) as caught:
        hsds_json.read(write(tmp_path, records))
    assert str(caught.value).startswith(
        f"{tmp_path / 'hsds.json'}: record 1 (id b): field '{field}'"
    )


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (
            {"byday": "MO,WE", "opens_at": "9:30", "closes_at": "1700"},
            (("MO", "WE"), "09:30", "17:00"),
        ),
        (
            {"byday": ["Monday", "Fri"], "opens_at": "9am", "closes_at": "4.30pm"},
            (("MO", "FR"), "09:00", "16:30"),
        ),
        (
            {"byday": "1MO", "opens_at": "12pm", "closes_at": "12:00:00+01:00"},
            (("1MO",), "12:00", "12:00"),
        ),
        ({"weekday": 7, "opens_at": "18:00:00Z", "closes_at": "25:00"}, (("SU",), "18:00", None)),
    ],
)
def test_opening_days_and_times_are_normalised(
    tmp_path: Path, schedule: dict[str, Any], expected: tuple[Any, ...]
) -> None:
    (result,) = read_one(tmp_path, schedules=[schedule]).catalogue.services[0].schedules
    assert (result.byday, result.opens_at, result.closes_at) == expected
