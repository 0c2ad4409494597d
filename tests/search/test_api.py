"""Searching a catalogue as an adviser does: while the caller is still talking."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.core.catalogue import ServiceStatus
from frontdesk.search.api import SearchEngine
from frontdesk.search.filters import Filters
from frontdesk.search.synonyms import Synonyms
from frontdesk.store.catalogue import CatalogueStore
from tests.search.catalogue import feed, open_store, service


@pytest.fixture
def store(tmp_path: Path) -> CatalogueStore:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "agency",
                feed(
                    service("1", "Council Tax Reduction", "Help paying your council tax bill."),
                    service(
                        "2",
                        "Housing Benefit",
                        "Money towards your rent if you are on a low income.",
                    ),
                    service(
                        "3", "Bereavement Support Group", "Meet others after a death in the family."
                    ),
                    service("4", "Refuse Collection", "Weekly collection of household waste."),
                    service("5", "Bin Repairs", "We mend broken bins."),
                    service("6", "Pothole Reporting", "Tell us about a pothole in the road."),
                    service("7", "Benefits Advice", "Free advice on welfare benefits."),
                    service(
                        "8", "Old Day Centre", "Closed day centre.", status=ServiceStatus.DEFUNCT
                    ),
                    service("9", "Youth Club", "Games and activities for teenagers."),
                ),
            )
        ]
    )
    return store


@pytest.fixture
def engine(store: CatalogueStore) -> SearchEngine:
    return SearchEngine(store)


def names(engine: SearchEngine, text: str, filters: Filters | None = None) -> list[str]:
    return [hit.name for hit in engine.search(text, filters or Filters()).hits]


def test_the_unfinished_last_word_matches_as_a_prefix(engine: SearchEngine) -> None:
    assert names(engine, "bereav") == ["Bereavement Support Group"]
    assert names(engine, "council t")[0] == "Council Tax Reduction"


def test_an_empty_query_lists_active_services_by_name(engine: SearchEngine) -> None:
    listed = names(engine, "")
    assert listed == sorted(listed, key=str.lower)
    assert "Old Day Centre" not in listed
    assert "Old Day Centre" in names(engine, "", Filters(status=None))


def test_an_exact_name_comes_first(engine: SearchEngine) -> None:
    assert names(engine, "housing benefit ")[0] == "Housing Benefit"


def test_the_callers_own_words_rank_above_synonyms(engine: SearchEngine) -> None:
    result = engine.search("bins ")
    listed = [h.name for h in result.hits]
    # "Bin Repairs" says bins; "Refuse Collection" is only found through the synonym list.
    assert listed.index("Bin Repairs") < listed.index("Refuse Collection")
    assert {h.name: h.match for h in result.hits}["Refuse Collection"] == "synonyms"


def test_a_callers_phrase_finds_the_service_word(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.apply_imports([("a", feed(service("1", "Rough Sleeping Outreach", "Night team.")))])
    engine = SearchEngine(store, Synonyms.parse("nowhere to sleep => rough sleeping"))
    assert names(engine, "I have nowhere to sleep ") == ["Rough Sleeping Outreach"]


@pytest.mark.parametrize(
    ("typed", "corrected", "found"),
    [
        ("benifits ", "benefits", "Benefits Advice"),
        ("bereavment", "bereavement", "Bereavement Support Group"),
        ("counsil tax ", "council tax", "Council Tax Reduction"),
        ("pot hole ", "pothole", "Pothole Reporting"),
    ],
)
def test_a_misspelt_query_is_corrected_and_says_so(
    engine: SearchEngine, typed: str, corrected: str, found: str
) -> None:
    result = engine.search(typed)
    assert result.corrected_query == corrected
    assert result.hits[0].name == found


def test_a_correct_query_reports_no_correction(engine: SearchEngine) -> None:
    assert engine.search("youth club").corrected_query is None


def test_hits_carry_a_marked_snippet(engine: SearchEngine) -> None:
    hit = engine.search("household waste").hits[0]
    assert "«household»" in hit.snippet and "«waste»" in hit.snippet
    assert hit.id == "agency:4" and hit.source_id == "4"


def test_ties_are_always_listed_in_the_same_order(engine: SearchEngine) -> None:
    assert names(engine, "b") == names(engine, "b")


def test_an_update_and_a_removal_show_up_in_the_next_search(
    store: CatalogueStore, engine: SearchEngine
) -> None:
    assert names(engine, "youth") == ["Youth Club"]
    store.apply_imports(
        [
            (
                "agency",
                feed(
                    service("9", "Teen Zone", "Games and activities for teenagers."),
                    service("1", "Council Tax Reduction", "Help paying your council tax bill."),
                ),
            )
        ]
    )
    assert names(engine, "youth") == []
    assert names(engine, "teen zone") == ["Teen Zone"]
    assert names(engine, "bereavement") == []  # removed from the source, gone from search


def test_filters_narrow_by_organisation_and_lgsl_code(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "a",
                feed(
                    service("1", "Library", org="o1", lgsl_code="123"),
                    service("2", "Library Van", org="o1"),
                ),
            )
        ]
    )
    engine = SearchEngine(store)
    assert names(engine, "library", Filters(lgsl_code="123")) == ["Library"]
    assert names(engine, "library", Filters(organization_id="a:o1")) == ["Library", "Library Van"]


def test_age_filter_keeps_services_open_to_the_caller(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "a",
                feed(
                    service("1", "Youth Club", minimum_age=11, maximum_age=18),
                    service("2", "Lunch Club", minimum_age=60),
                    service("3", "Drop In Club"),
                ),
            )
        ]
    )
    engine = SearchEngine(store)
    assert sorted(names(engine, "club", Filters(age=70))) == ["Drop In Club", "Lunch Club"]


def test_searches_from_worker_threads_agree(engine: SearchEngine) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: names(engine, "benefit"), range(16)))
    assert all(r == results[0] for r in results) and results[0]
