"""Callers' sentences, words and slips: matched by meaning, never by a look-alike word."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.search.api import SearchEngine
from frontdesk.search.stemming import stem
from frontdesk.store.catalogue import CatalogueStore
from tests.search.catalogue import feed, open_store, service


@pytest.fixture
def store(tmp_path: Path) -> CatalogueStore:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "a",
                feed(
                    service("1", "Pest control", "We deal with rats, mice and wasps."),
                    service("2", "Business rates", "Rates bills for shops and offices."),
                    service("3", "Household waste collection", "Weekly refuse collection."),
                    service("4", "Eviction advice", "Help if your landlord wants you out."),
                    service("5", "Garden waste", "Brown bin for garden cuttings."),
                    service("6", "Houseboat moorings", "Licences for boats."),
                    service("7", "Housing options", "Advice if you are homeless."),
                ),
            )
        ]
    )
    return store


def names(engine: SearchEngine, text: str, *, typing: bool = False) -> list[str]:
    return [hit.name for hit in engine.search(text, typing=typing).hits]


def test_rats_are_pests_and_never_rates(store: CatalogueStore) -> None:
    engine = SearchEngine(store)
    result = engine.search("rats in the garden", typing=False)
    assert result.hits[0].name == "Pest control"
    assert "Business rates" not in [h.name for h in result.hits]
    assert result.corrected_query is None


def test_a_sentence_matches_on_any_of_its_words_best_covered_first(store: CatalogueStore) -> None:
    listed = names(SearchEngine(store), "I need help, my bins have not been emptied")
    assert listed[0] == "Household waste collection"


def test_word_forms_meet(store: CatalogueStore) -> None:
    assert names(SearchEngine(store), "my landlord is evicting me")[0] == "Eviction advice"


def test_the_last_word_is_a_prefix_only_while_typing(store: CatalogueStore) -> None:
    engine = SearchEngine(store)
    assert "Houseboat moorings" in names(engine, "house", typing=True)
    assert "Houseboat moorings" not in names(engine, "house", typing=False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("emptied", "empty"),
        ("evicting", "eviction"),
        ("smoking", "smoke"),
        ("housing", "house"),
        ("bereaved", "bereavement"),
        ("counselling", "counsel"),
    ],
)
def test_forms_of_one_word_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("rats", "rates"), ("care", "car"), ("hoping", "hopping")])
def test_look_alike_words_keep_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_a_slip_in_a_word_the_catalogue_holds_only_in_the_plural_is_corrected(
    tmp_path: Path,
) -> None:
    from frontdesk.search.spelling import Speller
    from frontdesk.search.vocabulary import Vocabulary

    vocabulary = Vocabulary(["allotments", "cemeteries", "parking"], [5, 3, 40], 50)
    speller = Speller(vocabulary)
    assert speller.correct("alotment") == "allotments"  # one slip from "allotment"
    assert speller.correct("cemetary") == "cemeteries"
    assert speller.correct("parkng") == "parking"
    assert speller.correct("zebra") is None
