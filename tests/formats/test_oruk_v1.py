"""Reading Open Referral UK v1 feeds: the real Bristol dump and what a full v1 record carries."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from frontdesk.core.catalogue import (
    Address,
    Contact,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
)
from frontdesk.formats import hsds_json, oruk_v1
from frontdesk.formats.base import FeedError, ParsedFeed

DUPLICATE_ID = "2af617e5-4532-bebe-1036-ffdf2e93ce55"


@pytest.fixture(scope="module")
def bristol_path(shared_data: Path) -> Path:
    return shared_data / "oruk-v1-bristol-services" / "bristol_services.json"


@pytest.fixture(scope="module")
def bristol(bristol_path: Path) -> ParsedFeed:
    return oruk_v1.read(bristol_path)


def by_id(parsed: ParsedFeed, service_id: str) -> Service:
    return next(s for s in parsed.catalogue.services if s.id == service_id)


def write(tmp_path: Path, content: Any) -> Path:
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


# --- the real Bristol feed ----------------------------------------------------------------


def test_bristol_every_record_is_counted_and_all_but_two_become_services(
    bristol: ParsedFeed,
) -> None:
    assert bristol.format == "oruk1"
    assert bristol.records_read == 819
    # one record has no name, one is an older copy of a duplicated id
    assert len(bristol.catalogue.services) == 817
    assert len({s.id for s in bristol.catalogue.services}) == 817


def test_bristol_the_record_with_an_empty_name_is_skipped_with_a_reason(
    bristol: ParsedFeed,
) -> None:
    assert len(bristol.skipped) == 1
    note = bristol.skipped[0]
    assert (note.index, note.record_id) == (0, "def5ccd4-f121-df4d-60d2-4dc0d69ff555")
    assert "no name" in note.reason


def test_bristol_the_duplicated_id_keeps_the_later_edit_and_reports_the_other(
    bristol: ParsedFeed,
) -> None:
    assert len(bristol.duplicates) == 1
    note = bristol.duplicates[0]
    assert note.record_id == DUPLICATE_ID
    assert note.index == 373
    assert "kept record 810 (modified 2021-06-14)" in note.reason
    assert "dropped record 373 (modified 2021-06-10)" in note.reason
    assert by_id(bristol, DUPLICATE_ID).name == "Yoga for Fitness & Relaxation"


def test_bristol_no_staff_email_address_survives_anywhere(
    bristol: ParsedFeed, bristol_path: Path
) -> None:
    raw = json.loads(bristol_path.read_text(encoding="utf-8"))
    staff = {r["pc_metadata"]["assured_by"] for r in raw} - {""}
    assert len(staff) == 10
    everything = repr(bristol).casefold()
    leaked = [email for email in staff if email.casefold() in everything]
    assert leaked == []


def test_bristol_descriptions_are_plain_text(bristol: ParsedFeed) -> None:
    texts = [s.description for s in bristol.catalogue.services if s.description]
    texts += [o.description for o in bristol.catalogue.organizations if o.description]
    assert len(texts) > 800
    for text in texts:
        assert not re.search(r"</?(p|br|h4|strong|a)\b", text)
        assert "&nbsp;" not in text and "&amp;" not in text
    first = by_id(bristol, "2a3483ea-8966-4f50-9dc3-7bafa1e5c623").description or ""
    assert first.startswith("1625 Independent People works with young people aged 16 to 25 who")


def test_bristol_empty_strings_become_missing_values(bristol: ParsedFeed) -> None:
    services = bristol.catalogue.services
    assert all(s.fees is None for s in services)  # fees is "" on every record
    assert sum(s.url is None for s in services) >= 70
    assert "" not in {s.url for s in services} | {s.email for s in services}


def test_bristol_organisation_web_addresses_get_a_scheme(bristol: ParsedFeed) -> None:
    urls = {o.name: o.url for o in bristol.catalogue.organizations}
    assert urls["Al-Anon Family Groups"] == "https://www.al-anonuk.org.uk"
    assert all(url.startswith(("http://", "https://")) for url in urls.values() if url)


def test_bristol_organisations_are_listed_once_and_services_point_at_them(
    bristol: ParsedFeed,
) -> None:
    org_ids = [o.id for o in bristol.catalogue.organizations]
    assert len(org_ids) == len(set(org_ids)) == 594
    linked = {s.organization_id for s in bristol.catalogue.services}
    assert None in linked  # 7 services name no organisation
    assert linked - {None} == set(org_ids)


def test_bristol_audience_tags_become_keywords_with_spacing_variants_merged(
    bristol: ParsedFeed,
) -> None:
    keywords = [k for s in bristol.catalogue.services for k in s.keywords]
    assert "Disabled People" in keywords and "Dementia" in keywords
    assert all(k == k.strip() for k in keywords)
    distinct = set(keywords)
    assert len({" ".join(k.casefold().split()) for k in distinct}) == len(distinct)
    # The feed tags this centre "Parents " and "Parents>Grandparents".
    centre = by_id(bristol, "50fc9182-b842-44a4-9930-162172f9aa78")
    assert centre.keywords == ("Parents", "Grandparents")


def test_bristol_assurance_and_modification_dates_are_read(bristol: ParsedFeed) -> None:
    service = by_id(bristol, "2a3483ea-8966-4f50-9dc3-7bafa1e5c623")
    assert service.last_assured == dt.date(2023, 4, 13)
    assert service.last_modified is not None and service.last_modified.tzinfo is not None
    assert all(s.status is ServiceStatus.ACTIVE for s in bristol.catalogue.services)


def test_bristol_is_recognised_as_v1_and_not_as_hsds3(bristol_path: Path) -> None:
    head = bristol_path.read_bytes()[: 64 * 1024]
    assert oruk_v1.sniff(bristol_path, head)
    assert not hsds_json.sniff(bristol_path, head)


def test_bristol_v3_is_not_taken_for_v1(shared_data: Path) -> None:
    path = shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json"
    assert not oruk_v1.sniff(path, path.read_bytes()[: 64 * 1024])


def test_a_truncated_bristol_download_fails_naming_file_and_record(
    bristol_path: Path, tmp_path: Path
) -> None:
    data = bristol_path.read_bytes()
    cut = tmp_path / "bristol_partial.json"
    cut.write_bytes(data[: int(len(data) * 0.75)])
    with pytest.raises(FeedError) as caught:
        oruk_v1.read(cut)
    message = str(caught.value)
    assert message.startswith(str(cut))
    assert re.search(r"record \d+ \(id [0-9a-f-]{36}\)", message)
    assert "truncated" in message


# --- a full v1 record, as an unseen council's feed sends it --------------------------------

FULL_RECORD: dict[str, Any] = {
    "id": "svc-101",
    "name": "Blue Badge applications",
    "description": "<p>Help applying for a Blue Badge&nbsp;parking permit.</p>",
    "url": "www.example-council.gov.uk/blue-badge",
    "email": "bluebadge@example-council.gov.uk",
    "status": "temporarily_closed",
    "fees": "<p>Free</p>",
    "accreditations": "",
    "deliverable_type": "Advice",
    "attending_type": "venue",
    "attending_access": "appointment",
    "pc_attendingAccess_additionalInfo": "Bring proof of address.",
    "assured_date": "2024-03-01",
    "pc_metadata": {
        "date_created": "2020-01-01",
        "date_modified": "2024-03-02",
        "date_assured": "2024-03-01",
        "assured_by": "officer.name@example-council.gov.uk",
    },
    "pc_targetAudience": [{"id": "8474", "audienceType": "Disabled People "}],
    "organization": {
        "id": "org-1",
        "name": "Example Council",
        "description": "Unitary authority",
        "email": "enquiries@example-council.gov.uk",
        "url": "example-council.gov.uk",
        "logo": "",
        "uri": "",
    },
    "contacts": [
        {
            "id": "c-1",
            "name": "Blue Badge team",
            "title": "Customer services",
            "phones": [{"id": "p-1", "number": "0161 000 0000"}],
        },
        {"id": "c-2", "name": "", "title": "", "phones": []},
    ],
    "service_at_locations": [
        {
            "id": "sal-1",
            "location": {
                "id": "loc-1",
                "name": "Town Hall",
                "description": "Ground floor",
                "latitude": 53.4808,
                "longitude": -2.2426,
                "physical_addresses": [
                    {
                        "id": "a-1",
                        "address_1": "1 Albert Square",
                        "city": "Manchester",
                        "state_province": "Greater Manchester",
                        "postal_code": "m25db",
                        "country": "GB",
                    }
                ],
            },
            "regular_schedules": [
                {"id": "rs-2", "weekday": "Saturday", "opens_at": "10:00", "closes_at": "12:00"}
            ],
        }
    ],
    "regular_schedules": [
        {
            "id": "rs-1",
            "byday": "MO,TU,WE",
            "opens_at": "09:00:00",
            "closes_at": "17:00:00",
            "description": "Closed on bank holidays",
        }
    ],
    "service_areas": [
        {
            "id": "sa-1",
            "service_area": "Manchester",
            "extent": "",
            "uri": "http://statistics.data.gov.uk/id/statistical-geography/E08000003",
        },
        {"id": "sa-2", "service_area": "Whole of Trafford", "extent": "E08000009", "uri": ""},
    ],
    "service_taxonomys": [
        {
            "id": "st-1",
            "taxonomy": {"id": "1186", "name": "Disabled parking permits", "vocabulary": "LGSL"},
        },
        {
            "id": "st-2",
            "taxonomy": {"id": "t-9", "name": "Disability > Mobility", "vocabulary": "esdNeeds"},
        },
    ],
    "eligibilitys": [
        {"id": "e-1", "eligibility": "adult", "minimum_age": 18, "maximum_age": 65},
        {"id": "e-2", "eligibility": "family", "minimum_age": 16, "maximum_age": 99},
    ],
    "cost_options": [],
}


@pytest.fixture
def full_service(tmp_path: Path) -> tuple[ParsedFeed, Service]:
    parsed = oruk_v1.read(write(tmp_path, {"content": [FULL_RECORD], "totalElements": 1}))
    return parsed, parsed.catalogue.services[0]


def test_full_record_core_fields(full_service: tuple[ParsedFeed, Service]) -> None:
    _, service = full_service
    assert service.id == "svc-101"
    assert service.description == "Help applying for a Blue Badge parking permit."
    assert service.url == "https://www.example-council.gov.uk/blue-badge"
    assert service.email == "bluebadge@example-council.gov.uk"
    assert service.status is ServiceStatus.TEMPORARILY_CLOSED
    assert service.fees == "Free"
    assert service.last_assured == dt.date(2024, 3, 1)
    assert service.last_modified == dt.datetime(2024, 3, 2, tzinfo=dt.UTC)


def test_full_record_how_to_access_it(full_service: tuple[ParsedFeed, Service]) -> None:
    _, service = full_service
    assert service.application_process == (
        "By appointment; In person at a venue\n\nBring proof of address."
    )


def test_full_record_eligibility_spans_all_its_groups(
    full_service: tuple[ParsedFeed, Service],
) -> None:
    _, service = full_service
    assert service.eligibility == "adult, family"
    assert (service.minimum_age, service.maximum_age) == (16, 99)


def test_full_record_organisation(full_service: tuple[ParsedFeed, Service]) -> None:
    parsed, service = full_service
    assert service.organization_id == "org-1"
    (org,) = parsed.catalogue.organizations
    assert (org.name, org.url, org.email) == (
        "Example Council",
        "https://example-council.gov.uk",
        "enquiries@example-council.gov.uk",
    )


def test_full_record_contacts_and_phones(full_service: tuple[ParsedFeed, Service]) -> None:
    _, service = full_service
    phone = Phone(number="0161 000 0000")
    assert service.contacts == (
        Contact(name="Blue Badge team", title="Customer services", phones=(phone,)),
    )
    assert service.phones == (phone,)


def test_full_record_location_with_its_address(full_service: tuple[ParsedFeed, Service]) -> None:
    _, service = full_service
    assert service.locations == (
        Location(
            id="loc-1",
            name="Town Hall",
            description="Ground floor",
            address=Address(
                address_1="1 Albert Square",
                city="Manchester",
                region="Greater Manchester",
                postal_code="M2 5DB",
                country="GB",
            ),
            latitude=53.4808,
            longitude=-2.2426,
        ),
    )


def test_full_record_opening_times(full_service: tuple[ParsedFeed, Service]) -> None:
    _, service = full_service
    assert service.schedules == (
        Schedule(
            byday=("MO", "TU", "WE"),
            opens_at="09:00",
            closes_at="17:00",
            description="Closed on bank holidays",
        ),
        Schedule(byday=("SA",), opens_at="10:00", closes_at="12:00"),
    )


def test_full_record_service_areas_carry_gss_codes(
    full_service: tuple[ParsedFeed, Service],
) -> None:
    _, service = full_service
    assert service.service_areas == (
        ServiceArea(name="Manchester", gss_code="E08000003"),
        ServiceArea(name="Whole of Trafford", gss_code="E08000009"),
    )


def test_full_record_taxonomy_lgsl_and_keywords(full_service: tuple[ParsedFeed, Service]) -> None:
    parsed, service = full_service
    assert service.lgsl_code == "1186"
    assert service.taxonomy_term_ids == ("1186", "t-9")
    assert parsed.catalogue.taxonomy_terms[0] == TaxonomyTerm(
        id="1186", name="Disabled parking permits", vocabulary="LGSL"
    )
    assert service.keywords == (
        "Disabled People",
        "Advice",
        "Disabled parking permits",
        "Disability",
        "Mobility",
    )


def test_full_record_staff_address_is_not_imported(
    full_service: tuple[ParsedFeed, Service],
) -> None:
    parsed, _ = full_service
    assert "officer.name" not in repr(parsed)


def test_a_contact_email_equal_to_the_assurers_is_dropped(tmp_path: Path) -> None:
    record = {**FULL_RECORD, "email": "Officer.Name@example-council.gov.uk"}
    service = oruk_v1.read(write(tmp_path, [record])).catalogue.services[0]
    assert service.email is None


# --- page shapes and record rules ----------------------------------------------------------


def test_an_hsda_style_page_reads_the_same(tmp_path: Path) -> None:
    parsed = oruk_v1.read(write(tmp_path, {"contents": [FULL_RECORD], "total_items": 1}))
    assert [s.id for s in parsed.catalogue.services] == ["svc-101"]


def test_a_record_without_an_id_is_skipped_and_counted(tmp_path: Path) -> None:
    parsed = oruk_v1.read(write(tmp_path, [{"name": "Orphan"}, {**FULL_RECORD, "id": 7}]))
    assert parsed.records_read == 2
    assert [s.id for s in parsed.catalogue.services] == ["7"]
    assert parsed.skipped[0].index == 0 and "no id" in parsed.skipped[0].reason


def test_duplicates_with_equal_dates_keep_the_later_one_in_the_file(tmp_path: Path) -> None:
    first = {**FULL_RECORD, "name": "First copy"}
    second = {**FULL_RECORD, "name": "Second copy"}
    parsed = oruk_v1.read(write(tmp_path, [first, second]))
    assert [s.name for s in parsed.catalogue.services] == ["Second copy"]
    assert "kept record 1" in parsed.duplicates[0].reason
    assert "later in the file" in parsed.duplicates[0].reason


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("inactive", ServiceStatus.INACTIVE),
        ("Defunct", ServiceStatus.DEFUNCT),
        ("temporarily closed", ServiceStatus.TEMPORARILY_CLOSED),
        ("paused", ServiceStatus.ACTIVE),
        ("", ServiceStatus.ACTIVE),
    ],
)
def test_status_maps_and_unknown_means_active(
    tmp_path: Path, status: str, expected: ServiceStatus
) -> None:
    parsed = oruk_v1.read(write(tmp_path, [{**FULL_RECORD, "status": status}]))
    assert parsed.catalogue.services[0].status is expected


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ["Blue", "Badge"]}, "name"),
        ({"organization": "Example Council"}, "organization"),
        ({"contacts": {"id": "c-1"}}, "contacts"),
        ({"service_taxonomys": [{"taxonomy": "1186"}]}, "service_taxonomys[0].taxonomy"),
    ],
)
def test_a_structurally_wrong_field_fails_the_whole_file(
    tmp_path: Path, change: dict[str, Any], field: str
) -> None:
    records = [{**FULL_RECORD, "id": "ok"}, {**FULL_RECORD, **change}]
    with pytest.raises(FeedError) as caught:
        oruk_v1.read(write(tmp_path, records))
    assert str(caught.value).startswith(f"{tmp_path / 'v1.json'}: record 1 (id svc-101)")
    assert caught.value.field == field
