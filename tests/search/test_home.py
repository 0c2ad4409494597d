"""With no postcode, the desk's own area's service comes before a neighbour's."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.search import ranking
from frontdesk.search.api import SearchEngine
from frontdesk.search.home import HOME_MOST, home_areas
from frontdesk.store.catalogue import CatalogueStore
from tests.search.catalogue import open_store, service
from tests.search.test_intent import OTHERS, own_org

HOME = "E08000009"  # the borough most of the catalogue serves
NEIGHBOUR = "E10000017"
ENGLAND = "E92000001"


def _store(tmp_path: Path) -> CatalogueStore:
    store = open_store(tmp_path)
    ours = [
        service(f"h{i}", f"Borough service {i}", "Something the borough does.", areas=(HOME,))
        for i in range(6)
    ]
    services = [
        # Same name; the neighbour's shorter text makes the words alone favour it.
        service("n-light", "Street light fault", "Street light fault.", areas=(NEIGHBOUR,)),
        service(
            "h-light",
            "Street light fault",
            "Tell us about a lamp that is out, flickering or damaged, and we will fix it.",
            areas=(HOME,),
        ),
        service("nat", "National street light charity", "Street light news.", areas=(ENGLAND,)),
        *ours,
        *OTHERS,
    ]
    store.apply_imports([("council", own_org(services))])
    return store


def test_the_desks_own_areas_are_those_most_services_name(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with store.engine.connect() as conn:
        areas = home_areas(conn)
    assert HOME in areas and ENGLAND in areas
    assert NEIGHBOUR not in areas


def test_without_a_postcode_the_home_service_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = SearchEngine(_store(tmp_path))
    ids = [h.source_id for h in engine.search("street light fault", typing=False).hits]
    assert ids[:2] == ["h-light", "n-light"]
    # on the words alone the neighbour's shorter listing would have come first
    monkeypatch.setattr(ranking, "ELSEWHERE", 1.0)
    ids = [h.source_id for h in engine.search("street light fault", typing=False).hits]
    assert ids[:2] == ["n-light", "h-light"]


def test_a_national_service_covers_the_desks_area_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = SearchEngine(_store(tmp_path))

    def scores() -> dict[str, float]:
        return {h.source_id: h.score for h in engine.search("street light", typing=False).hits}

    before = scores()
    monkeypatch.setattr(ranking, "ELSEWHERE", 1.0)
    after = scores()
    assert before["nat"] == after["nat"]
    assert before["n-light"] < after["n-light"]


def test_a_catalogue_that_names_no_areas_has_no_home(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.apply_imports([("council", own_org(list(OTHERS)))])
    with store.engine.connect() as conn:
        assert home_areas(conn) == frozenset()


def test_a_catalogue_spread_evenly_over_many_councils_has_no_home(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    services = [
        service(f"s{i}", f"Service {i}", "Something.", areas=(f"E0700{i:04d}",))
        for i in range(HOME_MOST + 1)
    ]
    store.apply_imports([("council", own_org(services))])
    with store.engine.connect() as conn:
        assert home_areas(conn) == frozenset()
