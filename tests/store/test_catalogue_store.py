"""catalogue.db: imports are all-or-nothing, diffed per source, and read back whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontdesk.core.areas import LocalAuthority, PostcodeArea
from frontdesk.core.catalogue import (
    Catalogue,
    Organization,
    Phone,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
    Tier,
)
from frontdesk.core.feed import LgslTier, ParsedFeed
from frontdesk.store.catalogue import CatalogueSchemaError, CatalogueStore


def feed(*services: Service, orgs: tuple[Organization, ...] = ()) -> ParsedFeed:
    return ParsedFeed(
        path=Path("feed.json"),
        format="hsds3",
        records_read=len(services),
        catalogue=Catalogue(services=list(services), organizations=list(orgs)),
    )


def service(sid: str, name: str, **extra: object) -> Service:
    return Service(id=sid, name=name, **extra)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> CatalogueStore:
    opened = CatalogueStore.open(tmp_path / "catalogue.db")
    yield opened
    opened.close()


def test_a_first_import_adds_every_service_under_its_source(store: CatalogueStore) -> None:
    org = Organization(id="o1", name="Trafford Council")
    [report] = store.apply_imports(
        [
            (
                "trafford",
                feed(
                    service("s1", "Bins", organization_id="o1"), service("s2", "Tax"), orgs=(org,)
                ),
            )
        ]
    )
    assert (report.added, report.updated, report.unchanged, report.removed) == (2, 0, 0, 0)
    stored = store.get("trafford:s1")
    assert stored is not None
    assert stored.source_id == "s1"
    assert stored.organization_name == "Trafford Council"
    assert stored.service.name == "Bins"


def test_reimporting_the_same_feed_changes_nothing(store: CatalogueStore) -> None:
    same = feed(service("s1", "Bins"), service("s2", "Tax"))
    store.apply_imports([("a", same)])
    [again] = store.apply_imports([("a", same)])
    assert (again.added, again.updated, again.unchanged, again.removed) == (0, 0, 2, 0)


def test_a_newer_snapshot_updates_changed_and_removes_vanished_only_in_its_source(
    store: CatalogueStore,
) -> None:
    store.apply_imports([("a", feed(service("s1", "Bins"), service("s2", "Tax")))])
    store.apply_imports([("b", feed(service("s2", "Other agency's service")))])
    [report] = store.apply_imports([("a", feed(service("s1", "Bins and recycling")))])
    assert (report.added, report.updated, report.removed) == (0, 1, 1)
    assert store.get("a:s1").service.name == "Bins and recycling"  # type: ignore[union-attr]
    assert store.get("a:s2") is None
    assert store.get("b:s2") is not None, "another source's service must survive"


def test_nested_parts_survive_the_round_trip(store: CatalogueStore) -> None:
    rich = service(
        "s1",
        "Food bank",
        phones=(Phone("0161 496 0000", description="Helpline"),),
        service_areas=(ServiceArea("Trafford", "E08000009"),),
        status=ServiceStatus.INACTIVE,
        minimum_age=18,
    )
    store.apply_imports([("a", feed(rich))])
    back = store.get("a:s1")
    assert back is not None
    assert back.service == rich


def test_stats_count_services_organisations_and_sources(store: CatalogueStore) -> None:
    store.apply_imports(
        [
            (
                "a",
                feed(
                    service("s1", "Bins", organization_id="o"), orgs=(Organization("o", "Council"),)
                ),
            )
        ]
    )
    stats = store.stats()
    assert stats.services == 1
    assert stats.organizations == 1
    assert [name for name, _, _ in stats.sources] == ["a"]
    assert stats.last_import is not None


def test_a_failure_part_way_through_a_run_leaves_the_catalogue_as_it_was(
    store: CatalogueStore,
) -> None:
    store.apply_imports([("a", feed(service("s1", "Bins")))])
    broken = feed(service("s9", None))  # type: ignore[arg-type]  # NOT NULL name fails the write
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        store.apply_imports([("a", feed(service("s2", "New"))), ("b", broken)])
    assert store.get("a:s1") is not None
    assert store.get("a:s2") is None
    assert [name for name, _, _ in store.stats().sources] == ["a"]


def test_reference_data_is_stored_without_becoming_a_source(store: CatalogueStore) -> None:
    reference = ParsedFeed(
        path=Path("las.csv"),
        format="govuk-local-authorities",
        authorities=[LocalAuthority("E08000009", "Trafford", Tier.UNITARY, "trafford")],
        postcodes=[PostcodeArea("M32 0TH", "E08000009")],
    )
    [report] = store.apply_imports([("las", reference)])
    assert report.reference_rows == 2
    stats = store.stats()
    assert (stats.local_authorities, stats.postcodes, stats.sources) == (1, 1, ())


def test_govuk_labels_and_tiers_attach_to_lgsl_services_whichever_comes_first(
    store: CatalogueStore,
) -> None:
    tiers = ParsedFeed(
        path=Path("local_services.csv"),
        format="govuk-lgsl-tiers",
        lgsl_tiers=[LgslTier("524", "Find out about bin collections", Tier.DISTRICT)],
    )
    store.apply_imports([("lgsl", feed(service("524", "Refuse collection", lgsl_code="524")))])
    store.apply_imports([("tiers", tiers)])
    store.apply_imports([("other", feed(service("x", "Bins", lgsl_code="524")))])
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, lgsl_labels, providing_tier FROM services ORDER BY id"
        ).all()
    assert [tuple(r) for r in rows] == [
        ("lgsl:524", "Find out about bin collections", "district"),
        ("other:x", "Find out about bin collections", "district"),
    ]


def test_taxonomy_terms_are_keyed_by_source(store: CatalogueStore) -> None:
    terms = [TaxonomyTerm("t1", "Housing", vocabulary="demo")]
    f = feed(service("s1", "Homeless help", taxonomy_term_ids=("t1",)))
    f.catalogue.taxonomy_terms.extend(terms)
    store.apply_imports([("a", f)])
    assert [t.id for t in store.taxonomy_terms()] == ["a:t1"]


def test_a_catalogue_from_another_schema_version_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    CatalogueStore.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(CatalogueSchemaError, match="Delete the file and import again"):
        CatalogueStore.open(path)
