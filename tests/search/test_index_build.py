"""An index built in a worker process while a catalogue fills is the index a one-pass build
makes: same terms, same documents, same ranking; and a build that fails, or is given up,
leaves nothing behind and the catalogue still gets its index."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.search import index_build
from frontdesk.search.index import ensure_index
from frontdesk.search.index_build import IndexBuild
from frontdesk.search.index_worker import frame
from frontdesk.store.catalogue import CatalogueStore
from tests.search.changing_feed import changing_feed, org


def _fill(path: Path, index: IndexBuild | None) -> CatalogueStore:
    store = CatalogueStore.open(path)
    applier = store.change_applier("https://hub", filling=True, index=index)
    for n, page in enumerate(changing_feed()):
        applier.apply(page, {"sync_cursor": f"c{n}"})
    return store


@pytest.fixture
def built(tmp_path: Path) -> Iterator[tuple[CatalogueStore, CatalogueStore]]:
    """The same feed twice: indexed while it filled, and indexed in one pass afterwards."""
    build = IndexBuild(tmp_path / "beside.index", start_after=0)
    side = _fill(tmp_path / "side.db", build)
    assert build.install(side.engine)
    ensure_index(side.engine)  # what `prepare` runs next: it must find the index current
    one_pass = _fill(tmp_path / "one-pass.db", None)
    ensure_index(one_pass.engine)
    yield side, one_pass
    side.close()
    one_pass.close()


def _rows(store: CatalogueStore, sql: str, *args: object) -> list[tuple[object, ...]]:
    with contextlib.closing(sqlite3.connect(str(store.engine.url.database))) as db:
        return db.execute(sql, args).fetchall()


def test_the_built_index_agrees_with_the_catalogue_row_for_row(
    built: tuple[CatalogueStore, CatalogueStore],
) -> None:
    side, _ = built
    # FTS5's own check: every entry matches `services`, read back through the content.
    _rows(side, "INSERT INTO services_fts(services_fts, rank) VALUES ('integrity-check', 1)")


def test_it_holds_the_same_terms_and_ranks_the_same_as_a_one_pass_build(
    built: tuple[CatalogueStore, CatalogueStore],
) -> None:
    side, one_pass = built
    vocabulary = "SELECT term, doc, cnt FROM services_fts_vocab ORDER BY term"
    assert _rows(side, vocabulary) == _rows(one_pass, vocabulary)
    assert len(_rows(side, vocabulary)) > 30
    search = (
        "SELECT rowid, round(rank, 6) FROM services_fts WHERE services_fts MATCH ? "
        "ORDER BY rank, rowid"
    )
    for words in ("housing", "debt advice", "cafe", "ho*", "renamed", "theme bins", "kw3"):
        found = _rows(side, search, words)
        assert found == _rows(one_pass, search, words), words
    assert _rows(side, search, "renamed")  # the rename reached the index
    assert len(_rows(side, search, '"food help 11"')) == 1
    assert not _rows(side, search, '"debt help 10"')  # deleted: gone from the index too


def test_the_installed_index_is_kept_in_step_by_later_pages(
    built: tuple[CatalogueStore, CatalogueStore],
) -> None:
    side, _ = built
    side.change_applier("https://hub").apply([org(2, "Zebra Crossing Trust")], {})
    hits = _rows(side, "SELECT count(*) FROM services_fts WHERE services_fts MATCH 'zebra'")
    assert hits[0][0] > 0
    _rows(side, "INSERT INTO services_fts(services_fts, rank) VALUES ('integrity-check', 1)")


def test_a_worker_that_dies_is_reported_and_leaves_the_indexing_to_one_pass(
    tmp_path: Path,
) -> None:
    build = IndexBuild(tmp_path / "beside.index", start_after=0)
    build.replace([], [(10_000, "Bins", "Council", "", "", "", "")])  # starts the worker
    assert build._worker is not None
    build._worker.process.kill()  # as the OS might, out of memory
    store = _fill(tmp_path / "catalogue.db", build)
    assert build.install(store.engine) is False
    assert not (tmp_path / "beside.index").exists()
    assert not _rows(store, "SELECT name FROM sqlite_master WHERE name = 'services_fts'")
    ensure_index(store.engine)  # the one-pass build then indexes the catalogue
    assert _rows(store, "SELECT count(*) FROM services_fts WHERE services_fts MATCH 'debt'")
    store.close()


def test_a_build_given_up_stops_its_worker_and_removes_its_file(tmp_path: Path) -> None:
    build = IndexBuild(tmp_path / "beside.index", start_after=0)
    build.replace([], [(1, "Bins", "Council", "", "", "", "")])
    build.discard()
    assert build._worker is not None and build._worker.process.poll() is not None
    assert not list(tmp_path.iterdir())


def test_a_small_catalogue_starts_no_worker_and_is_indexed_in_one_pass(tmp_path: Path) -> None:
    build = IndexBuild(tmp_path / "beside.index", start_after=1_000)
    store = _fill(tmp_path / "catalogue.db", build)  # about 400 services
    assert build._worker is None
    assert build.install(store.engine) is False  # `prepare` builds it in one pass instead
    assert not (tmp_path / "beside.index").exists()
    store.close()


def test_a_worker_left_over_from_a_killed_sync_never_writes_a_newer_build(
    tmp_path: Path,
) -> None:
    # The worker only creates its file; an existing one (a newer build's) is left alone.
    path = tmp_path / "beside.index"
    path.write_bytes(b"a newer build's file")
    worker = index_build._Worker(path)  # as a killed sync's worker, starting late
    worker.send(frame(([], [(1, "Bins", "", "", "", "", "")])))
    assert "already exists" in worker.finish()
    assert path.read_bytes() == b"a newer build's file"
