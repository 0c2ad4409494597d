"""A caller's postcode keeps the services that serve their address, and routes council
services to the council whose job they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.core.catalogue import Tier
from frontdesk.search.api import SearchEngine
from frontdesk.search.coverage import find_place
from frontdesk.search.filters import Filters
from frontdesk.store.catalogue import CatalogueStore
from tests.search.catalogue import (
    COUNTY,
    DISTRICT,
    UNITARY,
    WARD,
    feed,
    geography,
    open_store,
    service,
)


@pytest.fixture
def store(tmp_path: Path) -> CatalogueStore:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            ("geo", geography()),
            (
                "cat",
                feed(
                    service("d-bins", "Bin collection (Vale)", areas=(DISTRICT,), lgsl_code="524"),
                    service("c-bins", "Bin collection (Shire)", areas=(COUNTY,), lgsl_code="524"),
                    service("c-care", "Adult social care (Shire)", areas=(COUNTY,), lgsl_code="1"),
                    service("d-care", "Adult social care (Vale)", areas=(DISTRICT,), lgsl_code="1"),
                    service(
                        "u-bins", "Bin collection (Bristol)", areas=(UNITARY,), lgsl_code="524"
                    ),
                    service("ward", "Ward bin help", areas=(WARD,)),
                    service("england", "National bin helpline", areas=("E92000001",)),
                    service("nowhere", "Bin advice somewhere", description="Area not given."),
                ),
            ),
        ]
    )
    return store


def found(store: CatalogueStore, text: str, postcode: str) -> dict[str, bool | None]:
    result = SearchEngine(store).search(text, Filters(postcode=postcode))
    return {hit.source_id: hit.covers for hit in result.hits}


def test_a_district_tier_service_is_the_districts_in_a_two_tier_area(store: CatalogueStore) -> None:
    hits = found(store, "bin collection", "ta1 1aa")
    assert hits["d-bins"] is True
    assert "c-bins" not in hits  # the county covers the address but bins are not its job
    assert "u-bins" not in hits  # another council's area


def test_a_county_tier_service_is_the_countys_in_a_two_tier_area(store: CatalogueStore) -> None:
    hits = found(store, "adult social care", "TA1 1AA")
    assert hits == {"c-care": True}


def test_a_unitary_council_does_both_tiers(store: CatalogueStore) -> None:
    assert found(store, "bin collection", "BS15TR") == {"u-bins": True}


def test_ward_and_country_wide_services_cover_the_address(store: CatalogueStore) -> None:
    hits = found(store, "bin", "TA1 1AA")
    assert hits["ward"] is True and hits["england"] is True


def test_a_service_that_does_not_say_where_it_works_is_kept_but_ranked_lower(
    store: CatalogueStore,
) -> None:
    result = SearchEngine(store).search("bin", Filters(postcode="TA1 1AA"))
    order = [hit.source_id for hit in result.hits]
    assert order[-1] == "nowhere" and result.hits[-1].covers is None


def test_an_unknown_postcode_says_so_and_leaves_results_unfiltered(store: CatalogueStore) -> None:
    result = SearchEngine(store).search("bin collection", Filters(postcode="ZZ9 9ZZ"))
    assert any("ZZ9 9ZZ" in message for message in result.messages)
    assert result.applied_filters.postcode is None
    assert {h.source_id for h in result.hits} >= {"d-bins", "c-bins", "u-bins"}


def test_the_detail_panel_can_name_the_responsible_council(store: CatalogueStore) -> None:
    with store.engine.connect() as conn:
        place = find_place(conn, "TA1 1AA")
    assert place is not None and place.two_tier
    assert place.responsible_council(Tier.COUNTY) == (COUNTY, "Shire County Council")
    assert place.responsible_council("district") == (DISTRICT, "Vale District Council")
