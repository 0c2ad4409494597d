"""The callers' words the issue tracker named, on the catalogue a new desk opens with.

These run the whole engine on the bundled demo catalogue (335 services from two dozen
organisations), so they show what an adviser would see, not what one rule does alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.formats.demo import read_demo_feeds
from frontdesk.search.api import SearchEngine
from frontdesk.search.relax import ANY_WORD, SOME_WORDS
from frontdesk.store.catalogue import CatalogueStore


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchEngine]:
    store = CatalogueStore.open(Path(tmp_path_factory.mktemp("demo")) / "catalogue.db")
    store.apply_imports(read_demo_feeds())
    yield SearchEngine(store)
    store.close()


def names(engine: SearchEngine, text: str, *, typing: bool = False) -> list[str]:
    return [h.name for h in engine.search(text, limit=10, typing=typing).hits]


def test_need_food_brings_food_banks_before_food_hygiene(engine: SearchEngine) -> None:
    top = names(engine, "need food")
    assert "food bank" in top[0].lower()
    assert not any("hygiene" in n.lower() or "business" in n.lower() for n in top[:3])


def test_bins_not_collected_put_reporting_a_missed_bin_first(engine: SearchEngine) -> None:
    assert names(engine, "my bins weren't collected")[0].startswith("Report a missed bin")
    top = names(engine, "bins not emptied")
    assert top[0].startswith("Report a missed bin")
    assert not any("gritting" in n.lower() for n in top[:3])


@pytest.mark.parametrize(
    ("said", "first"),
    [
        ("want to kill myself", "mental health crisis line"),
        ("my daughter says she wants to end it all", "mental health crisis line"),
        ("my boyfriend hits me", "domestic abuse"),
        ("he beats me up when he drinks", "domestic abuse"),
        ("child being hurt at home", "worried about a child"),
        ("my son has gone missing", "missing person"),
    ],
)
def test_a_caller_in_crisis_gets_a_crisis_service_first(
    engine: SearchEngine, said: str, first: str
) -> None:
    assert first in names(engine, said)[0].lower()
    # while typing, with the last word unfinished, too
    assert first in names(engine, said, typing=True)[0].lower()


def test_a_life_event_brings_the_set_of_services(engine: SearchEngine) -> None:
    top = [n.lower() for n in names(engine, "retiring next month")[:5]]
    assert any("state pension" in n for n in top)
    assert any("bus pass" in n for n in top)


def test_a_phrase_nobody_uses_relaxes_to_any_of_its_words(engine: SearchEngine) -> None:
    result = engine.search("hardship fund", typing=False)
    assert result.hits
    assert result.relaxed == ANY_WORD
    assert result.relaxed_note is not None


def test_a_sentence_partly_matched_says_so(engine: SearchEngine) -> None:
    result = engine.search("council tax for my narwhal", typing=False)
    assert result.hits and result.relaxed == SOME_WORDS
    assert engine.search("council tax", typing=False).relaxed is None
