"""CatalogueStore's change-page API: pages and cursor together, last change wins, renames
reach the searchable columns, applying a page twice is harmless."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import SQLAlchemyError

from frontdesk.core.catalogue import Organization, Service, TaxonomyTerm
from frontdesk.search.index import ensure_index
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_changes import (
    ORGANIZATION,
    SERVICE,
    TAXONOMY_TERM,
    CatalogueChange,
)


def svc(i: int, name: str = "Bins") -> CatalogueChange:
    service = Service(
        id=f"s{i}", name=f"{name} {i}", organization_id="o1", taxonomy_term_ids=("t1",)
    )
    return CatalogueChange(SERVICE, f"src:s{i}", "src", service)


ORG = CatalogueChange(ORGANIZATION, "src:o1", "src", Organization(id="o1", name="Leeds"))
TERM = CatalogueChange(TAXONOMY_TERM, "src:t1", "src", TaxonomyTerm(id="t1", name="Waste"))


@pytest.fixture
def store(tmp_path: Path) -> CatalogueStore:
    opened = CatalogueStore.open(tmp_path / "catalogue.db")
    ensure_index(opened.engine)
    yield opened
    opened.close()


def _match(store: CatalogueStore, words: str) -> int:
    with store.engine.connect() as conn:
        return int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM services_fts WHERE services_fts MATCH ?", (words,)
            ).scalar()
            or 0
        )


def test_a_page_and_its_cursor_commit_together(store: CatalogueStore) -> None:
    applier = store.change_applier("https://hub")
    page = [ORG, TERM, svc(1), svc(2), svc(2, "Recycling")]
    counts = applier.apply(page, {"sync_cursor": "c1"})
    assert counts.upserted == 4  # the last change per record counts
    assert store.meta("sync_cursor") == "c1"
    stored = store.get("src:s2")
    assert stored is not None and stored.service.name == "Recycling 2"
    assert stored.organization_name == "Leeds"
    assert _match(store, "waste") == 2 and _match(store, "leeds") == 2
    applier.apply(page, {"sync_cursor": "c1"})  # again, after a kill: nothing changes
    assert store.stats().services == 2

    # A failure while writing the cursor (here: a value SQLite cannot store) rolls the
    # page back with it.
    with pytest.raises(SQLAlchemyError):
        applier.apply([svc(3)], {"sync_cursor": "c2", "boom": object()})  # type: ignore[dict-item]
    assert store.meta("sync_cursor") == "c1" and store.get("src:s3") is None


def test_renames_and_deletes_reach_search(store: CatalogueStore) -> None:
    applier = store.change_applier("https://hub")
    applier.apply([ORG, TERM, svc(1), svc(2)], {})
    renamed_org = CatalogueChange(
        ORGANIZATION, "src:o1", "src", Organization(id="o1", name="Kirklees")
    )
    renamed_term = CatalogueChange(
        TAXONOMY_TERM, "src:t1", "src", TaxonomyTerm(id="t1", name="Rubbish")
    )
    applier.apply([renamed_org, renamed_term, CatalogueChange(SERVICE, "src:s2")], {})
    assert store.get("src:s2") is None
    assert _match(store, "kirklees") == 1 and _match(store, "leeds") == 0
    assert _match(store, "rubbish") == 1 and _match(store, "waste") == 0
    [(name, _, count)] = store.stats().sources
    assert (name, count) == ("src", 1)


def test_a_filling_applier_writes_what_a_plain_one_writes(tmp_path: Path) -> None:
    # Filling keeps the ids in memory instead of looking each one up; repeats, deletes
    # and a deleted service coming back must come out the same, and so must a second
    # applier (a resumed rebuild) that starts from what the first one wrote.
    pages = [
        [ORG, TERM, svc(1), svc(2), svc(3)],
        [svc(2, "Recycling"), CatalogueChange(SERVICE, "src:s3"), svc(4)],
        [svc(3, "Back again"), svc(1, "Renamed"), CatalogueChange(SERVICE, "src:s9")],
    ]
    plain = CatalogueStore.open(tmp_path / "plain.db")
    filled = CatalogueStore.open(tmp_path / "filled.db")
    plain_applier = plain.change_applier("https://hub")
    first_run = filled.change_applier("https://hub", filling=True)
    for page in pages[:2]:
        plain_applier.apply(page, {})
        first_run.apply(page, {})
    plain_applier.apply(pages[2], {})
    filled.change_applier("https://hub", filling=True).apply(pages[2], {})  # resumed
    for store in (plain, filled):
        assert store.stats().services == 4
        stored = store.get("src:s3")
        assert stored is not None and stored.service.name == "Back again 3"
    # Rowids may differ: a plain applier reuses the rowid of a deleted last row, a filling
    # one never does. What a service holds and what it links to must not.
    queries = [
        "SELECT id, name, content_hash FROM services ORDER BY id",
        "SELECT s.id, a.gss FROM service_areas a JOIN services s ON s.rowid = a.service_rowid"
        " ORDER BY 1, 2",
        "SELECT s.id, x.term_id FROM service_taxonomy x"
        " JOIN services s ON s.rowid = x.service_rowid ORDER BY 1, 2",
    ]
    with plain.engine.connect() as a, filled.engine.connect() as b:
        for query in queries:
            assert a.exec_driver_sql(query).all() == b.exec_driver_sql(query).all()
    plain.close()
    filled.close()
