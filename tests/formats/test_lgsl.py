"""The LGA's Local Government Service List: every council service findable by name, by its
scope note and by the names it used to have, with the export's mangled text repaired."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.core.catalogue import Service
from frontdesk.formats import lgsl
from frontdesk.formats.base import FeedError, ParsedFeed

HEADER = "Identifier,Label,Description,Created,Modified,History notes,Type,\r\n"


@pytest.fixture(scope="module")
def esd(shared_data: Path) -> Path:
    return shared_data / "lgsl-esd-services-2015"


@pytest.fixture(scope="module")
def services_feed(esd: Path) -> ParsedFeed:
    return lgsl.read(esd / "services.csv")


@pytest.fixture(scope="module")
def services(services_feed: ParsedFeed) -> dict[str, Service]:
    return {service.id: service for service in services_feed.catalogue.services}


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "services.csv"
    path.write_bytes((HEADER + "".join(row + ",\r\n" for row in rows)).encode())
    return path


def test_every_service_in_the_2015_list_is_imported(services_feed: ParsedFeed) -> None:
    assert services_feed.format == "lgsl"
    assert services_feed.records_read == 1519
    assert len(services_feed.catalogue.services) == 1519
    assert services_feed.skipped == [] and services_feed.duplicates == []


def test_a_service_is_keyed_by_its_lgsl_code_and_has_no_council_yet(
    services: dict[str, Service],
) -> None:
    vehicles = services["372"]
    assert vehicles.name == "Abandoned vehicles"
    assert vehicles.lgsl_code == "372"
    assert vehicles.organization_id is None  # worked out from the caller's postcode
    assert (
        vehicles.description is not None
        and "vehicles reported as abandoned" in vehicles.description
    )


def test_mis_encoded_text_reads_as_written(services: dict[str, Service]) -> None:
    postal = services["1345"].description or ""
    assert "less than 350 grams" in postal
    assert "£1 to post" in postal
    assert not any(mark in postal for mark in ("Ã", "Â", "&#163;", "\xa0"))


def test_rdf_literal_wrappers_are_removed(services: dict[str, Service]) -> None:
    for service in services.values():
        text = service.description or ""
        assert not text.endswith("@en"), service.id
        assert not text.startswith('"'), service.id
        assert '""' not in text, service.id
    assert '"in the licensed area"' in (services["1345"].description or "")


def test_former_names_become_search_keywords(services: dict[str, Service]) -> None:
    assert "Vehicles - abandoned - reporting and procedures" in services["372"].keywords
    assert "Abandoned vehicles" not in services["372"].keywords  # that is its name now
    assert "Children's library service" in services["449"].keywords


def test_services_with_no_history_have_no_keywords(services: dict[str, Service]) -> None:
    assert services["1614"].keywords == ()


def test_the_function_hierarchy_becomes_taxonomy_terms(esd: Path) -> None:
    feed = lgsl.read(esd / "functions.csv")
    terms = {term.id: term for term in feed.catalogue.taxonomy_terms}
    assert len(terms) == 113 and feed.catalogue.services == []
    assert {term.vocabulary for term in terms.values()} == {"LGSL function"}
    assert sum(term.parent_id is None for term in terms.values()) == 13
    assert all(term.parent_id in terms for term in terms.values() if term.parent_id)
    assert terms["2"].parent_id == "1"


def test_sniff_knows_the_esd_exports_from_other_csv(esd: Path, shared_data: Path) -> None:
    for name in ("services.csv", "functions.csv"):
        assert lgsl.sniff(esd / name, (esd / name).read_bytes()[:65536])
    tiers = shared_data / "govuk-local-services-lgsl-tiers" / "local_services.csv"
    assert not lgsl.sniff(tiers, tiers.read_bytes())


def test_rows_without_a_label_are_skipped_with_a_reason(tmp_path: Path) -> None:
    feed = lgsl.read(write(tmp_path, "1,Bins,,,,,Service", "2,,,,,,Service"))
    assert [service.id for service in feed.catalogue.services] == ["1"]
    assert feed.records_read == 2
    assert [(note.index, note.record_id, note.reason) for note in feed.skipped] == [
        (2, "2", "no name")
    ]


def test_a_repeated_code_keeps_the_later_row(tmp_path: Path) -> None:
    feed = lgsl.read(write(tmp_path, "7,Old label,,,,,Service", "7,New label,,,,,Service"))
    assert [service.name for service in feed.catalogue.services] == ["New label"]
    assert [(note.index, note.record_id) for note in feed.duplicates] == [(1, "7")]


def test_a_truncated_export_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = write(tmp_path, "1,Bins,,,,,Service")
    path.write_bytes(path.read_bytes() + b'2,Parking,"A scope note cut o')
    with pytest.raises(FeedError) as error:
        lgsl.read(path)
    assert error.value.index == 2 and "services.csv" in str(error.value)


def test_a_file_without_identifiers_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Code,Label\n1,x\n")
    with pytest.raises(FeedError, match="identifier"):
        lgsl.read(path)
