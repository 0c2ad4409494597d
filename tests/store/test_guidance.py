"""Guidance notes in catalogue.db: applied from feed changes in any order with their
services, indexed for search (by the triggers, and by an index built beside a filling
catalogue), and a catalogue.db from before guidance upgraded in place."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from frontdesk.core.catalogue import Service
from frontdesk.search.index import ensure_index
from frontdesk.search.index_build import IndexBuild
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_changes import SERVICE, CatalogueChange
from frontdesk.store.guidance import GUIDANCE, change_id, notes_for


def svc(i: int) -> CatalogueChange:
    return CatalogueChange(SERVICE, f"src:s{i}", "src", Service(id=f"s{i}", name=f"Bins {i}"))


def note(i: int, body: str, org: str | None = "leeds", version: int = 1) -> CatalogueChange:
    data = {
        "service_id": f"src:s{i}",
        "organization_id": org,
        "version": version,
        "author": "sue",
        "updated_at": "2026-12-07T10:00:00+00:00",
        "body": body,
    }
    return CatalogueChange(GUIDANCE, change_id(f"src:s{i}", org), "", data)


def _match(store: CatalogueStore, words: str) -> list[str]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT s.id FROM services_fts f JOIN services s ON s.rowid = f.rowid "
            "WHERE services_fts MATCH ? ORDER BY s.id",
            (words,),
        )
        return [r[0] for r in rows]


def test_notes_reach_search_whichever_comes_first(tmp_path: Path) -> None:
    store = CatalogueStore.open(tmp_path / "catalogue.db")
    ensure_index(store.engine)
    applier = store.change_applier("https://hub")
    # A note for a service the desk has not got yet, then the service: indexed with it.
    applier.apply([note(1, "Ask about the **garden** waste permit")], {})
    applier.apply([svc(1), svc(2)], {})
    assert _match(store, "garden") == ["src:s1"]
    # A note for a service already there rewrites its searchable text; a shared note adds.
    applier.apply([note(2, "Bulky items: book online"), note(2, "Sofas too", org=None)], {})
    assert _match(store, "bulky") == ["src:s2"] and _match(store, "sofas") == ["src:s2"]
    # The service changing keeps its notes in the index.
    renamed = CatalogueChange(SERVICE, "src:s2", "src", Service(id="s2", name="Big bins"))
    applier.apply([renamed], {})
    assert _match(store, "bulky") == ["src:s2"]
    # Own organisation's note first, then the shared one.
    assert [n.organization_id for n in notes_for(store.engine, "src:s2")] == ["leeds", None]
    # Withdrawn (an empty body): gone from the desk and from search.
    applier.apply([note(1, "", version=2)], {})
    assert notes_for(store.engine, "src:s1") == [] and _match(store, "garden") == []
    store.close()


def test_an_index_built_beside_a_filling_catalogue_holds_the_notes(tmp_path: Path) -> None:
    store = CatalogueStore.open(tmp_path / "staging.db")
    build = IndexBuild(tmp_path / "index.db", start_after=1)  # a worker process, as for 200k
    applier = store.change_applier("https://hub", filling=True, index=build)
    applier.apply([note(3, "Check the caller's tenancy"), svc(3), svc(4)], {})
    applier.apply([note(4, "Foodbank voucher first")], {})
    assert build.install(store.engine)
    assert _match(store, "tenancy") == ["src:s3"] and _match(store, "voucher") == ["src:s4"]
    store.close()


def test_a_catalogue_from_before_guidance_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "catalogue.db"
    store = CatalogueStore.open(path)
    store.change_applier("https://hub").apply([svc(5)], {})
    store.close()
    with contextlib.closing(sqlite3.connect(path)) as db:  # as an older frontdesk left it
        db.execute("ALTER TABLE services DROP COLUMN guidance")
        db.commit()
    store = CatalogueStore.open(path)
    ensure_index(store.engine)  # an older index version: rebuilt with the new column
    store.change_applier("https://hub").apply([note(5, "Paperwork: council tax bill")], {})
    assert _match(store, "paperwork") == ["src:s5"]
    assert store.get("src:s5") is not None
    store.close()
