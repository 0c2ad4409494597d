"""HSDS 3.0 tabular data packages (a folder of CSVs + datapackage.json): the tables joined
back into whole services an adviser can read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.core.catalogue import Address, Schedule, ServiceStatus
from frontdesk.formats import hsds_tabular
from frontdesk.formats.base import FeedError

SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


@pytest.fixture(scope="module")
def hsds_csv(shared_data: Path) -> Path:
    return shared_data / "hsds-3.0-specification" / "examples" / "csv"


@pytest.fixture(scope="module")
def uk_csv(shared_data: Path) -> Path:
    return shared_data / "oruk-uk-profile-3.0" / "examples" / "csv"


def package(folder: Path, tables: dict[str, str], descriptor: object = None) -> Path:
    """A small package in `folder`: CSV text per file name, and a descriptor if given."""
    folder.mkdir(exist_ok=True)
    for name, text in tables.items():
        (folder / name).write_text(text)
    if descriptor is not None:
        (folder / "datapackage.json").write_text(json.dumps(descriptor))
    return folder


def test_the_hsds_example_becomes_one_whole_service(hsds_csv: Path) -> None:
    feed = hsds_tabular.read(hsds_csv)
    assert feed.format == "hsds3-tabular"
    [service] = feed.catalogue.services
    assert service.id == SERVICE_ID and service.name == "Community Counselling"
    assert service.status is ServiceStatus.ACTIVE
    assert (service.minimum_age, service.maximum_age) == (12, 100)
    assert service.fees is not None and "£50 per hour" in service.fees
    assert service.keywords == ("MyCity Counselling Services",)
    assert service.organization_id == feed.catalogue.organizations[0].id
    assert feed.catalogue.organizations[0].name == "Example Organization Inc."


def test_the_joined_tables_fill_in_phones_contacts_places_and_times(hsds_csv: Path) -> None:
    [service] = hsds_tabular.read(hsds_csv).catalogue.services
    assert service.phones[0].number == "+44 1234 234567 ext. 100"  # quotes in the file removed
    assert service.contacts[0].name == "Ann Persona"
    assert service.contacts[0].phones[0].type == "voice"
    [location] = service.locations
    assert location.name == "MyCity Civic Center"
    assert location.address is not None and location.address.city == "MyCity"
    assert (location.latitude, location.longitude) == (None, None)  # 100, 101 is off the globe
    [schedule] = service.schedules
    assert (schedule.byday, schedule.opens_at, schedule.closes_at) == (
        ("TH", "FR"),
        "10:00",
        "18:00",
    )
    assert service.service_areas[0].name.startswith("The service is available to all residents")


def test_the_maintainers_email_is_never_imported(tmp_path: Path) -> None:
    folder = package(
        tmp_path / "pkg",
        {
            "services.csv": "id,name,email,assurer_email\n"
            "s1,Bins,bins@council.example,auditor@council.example\n"
        },
    )
    feed = hsds_tabular.read(folder)
    assert feed.catalogue.services[0].email == "bins@council.example"
    assert "auditor@council.example" not in repr(feed)


def test_a_symlink_stub_descriptor_is_followed(hsds_csv: Path) -> None:
    descriptor = hsds_csv / "datapackage.json"  # holds "../../datapackage.json"
    assert hsds_tabular.sniff(descriptor, descriptor.read_bytes())
    assert [s.id for s in hsds_tabular.read(descriptor).catalogue.services] == [SERVICE_ID]


def test_a_uk_folder_without_descriptor_uses_the_hsds_file_names(uk_csv: Path) -> None:
    assert hsds_tabular.sniff(uk_csv, b"")
    [service] = hsds_tabular.read(uk_csv).catalogue.services
    assert service.locations[0].address is not None
    assert service.locations[0].address.address_2 == "MyVillage"  # from addresses.csv


def test_the_descriptor_decides_between_singular_and_plural_files(
    uk_csv: Path, shared_data: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "uk"
    folder.mkdir()
    for csv_file in uk_csv.glob("*.csv"):
        (folder / csv_file.name).symlink_to(csv_file)
    descriptor = shared_data / "oruk-uk-profile-3.0" / "datapackage.json"
    (folder / "datapackage.json").write_bytes(descriptor.read_bytes())
    [service] = hsds_tabular.read(folder).catalogue.services
    assert service.locations[0].address == Address(
        address_1="1-30 Main Street",
        city="MyCity",
        region="MyRegion",
        postal_code="ABC 1234",
        country="US",
    )  # address.csv, which has no address_2
    assert service.schedules[0] == Schedule(
        byday=("TH", "FR"),
        opens_at="10:00",
        closes_at="18:00",
        description=service.schedules[0].description,
    )


def test_an_lgsl_taxonomy_term_gives_the_lgsl_code(tmp_path: Path) -> None:
    folder = package(
        tmp_path / "pkg",
        {
            "services.csv": "id,name\ns1,Report an abandoned vehicle\ns2,Lunch club\n",
            "taxonomies.csv": "id,name,uri\nt1,Local Government Service List,"
            "http://id.esd.org.uk/list/services\n",
            "taxonomy_terms.csv": "id,name,taxonomy_id,term_uri\n"
            "lgsl-372,Abandoned vehicles,t1,http://id.esd.org.uk/service/372\n"
            "x1,Older people,,\n",
            "attributes.csv": "id,link_id,taxonomy_term_id\na1,s1,lgsl-372\na2,s2,x1\n",
        },
    )
    feed = hsds_tabular.read(folder)
    vehicles, lunch = feed.catalogue.services
    assert vehicles.lgsl_code == "372" and vehicles.taxonomy_term_ids == ("lgsl-372",)
    assert lunch.lgsl_code is None and lunch.taxonomy_term_ids == ("x1",)
    assert {term.id: term.vocabulary for term in feed.catalogue.taxonomy_terms}[
        "lgsl-372"
    ] == "LGSL"


def test_missing_optional_tables_are_fine(tmp_path: Path) -> None:
    folder = package(
        tmp_path / "pkg",
        {"services.csv": "id,name,status\ns1,Bins,inactive\n"},
        {
            "resources": [
                {"name": "service", "path": "services.csv"},
                {"name": "phone", "path": "phones.csv"},
            ]
        },
    )
    feed = hsds_tabular.read(folder)
    assert feed.catalogue.services[0].status is ServiceStatus.INACTIVE
    assert feed.records_read == 1


def test_a_package_without_services_is_refused(tmp_path: Path) -> None:
    folder = package(tmp_path / "pkg", {"organizations.csv": "id,name\no1,Council\n"})
    with pytest.raises(FeedError, match="services"):
        hsds_tabular.read(folder)
    folder = package(
        tmp_path / "listed", {}, {"resources": [{"name": "service", "path": "services.csv"}]}
    )
    with pytest.raises(FeedError, match="missing") as error:
        hsds_tabular.read(folder)
    assert error.value.path.name == "services.csv"


def test_a_resource_outside_the_package_is_refused(tmp_path: Path) -> None:
    descriptor = {"resources": [{"name": "service", "path": "https://example.org/services.csv"}]}
    folder = package(tmp_path / "pkg", {}, descriptor)
    with pytest.raises(FeedError) as error:
        hsds_tabular.read(folder / "datapackage.json")
    assert error.value.field == "resources[0].path"


def test_nameless_and_repeated_records(tmp_path: Path) -> None:
    folder = package(
        tmp_path / "pkg",
        {"services.csv": "id,name\ns1,First\n,No id\ns2,\ns1,Second\n"},
    )
    feed = hsds_tabular.read(folder)
    assert [(s.id, s.name) for s in feed.catalogue.services] == [("s1", "Second")]
    assert feed.records_read == 4
    assert [note.reason for note in feed.skipped] == ["no id", "no name"]
    assert [(note.index, note.record_id) for note in feed.duplicates] == [(1, "s1")]


def test_a_broken_table_names_its_file_and_row(tmp_path: Path) -> None:
    folder = package(
        tmp_path / "pkg",
        {"services.csv": "id,name\ns1,Bins\n", "phones.csv": "id,service_id,number\np1,s1\n"},
    )
    with pytest.raises(FeedError) as error:
        hsds_tabular.read(folder)
    assert error.value.path.name == "phones.csv"
    assert (error.value.index, error.value.record_id, error.value.field) == (1, "p1", "number")


def test_sniff_leaves_other_files_alone(shared_data: Path, tmp_path: Path) -> None:
    feed = shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json"
    assert not hsds_tabular.sniff(feed, feed.read_bytes()[:65536])
    assert not hsds_tabular.sniff(tmp_path, b"")  # an empty folder
