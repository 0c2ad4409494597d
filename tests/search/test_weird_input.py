"""Whatever an adviser types or pastes, search answers: hits or none, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontdesk.search.api import SearchEngine
from tests.search.catalogue import feed, open_store, service

NASTY = [
    '"',
    '"council',
    "NEAR(council tax",
    "council*",
    "*",
    "-tax",
    "council AND tax OR NOT bins",
    "^council",
    "name:council",
    "{name}: council",
    "'; DROP TABLE services; --",
    "🗑️ bins 🗑️",
    "\x00\x01\x02",
    "tax\x00",
    "a" * 10_000,
    "word " * 2_000,
    "NOT",
    "(",
    ")",
    "council + tax",
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    store = open_store(Path(tmp_path_factory.mktemp("weird")))
    store.apply_imports([("a", feed(service("1", "Council Tax", "Bills and discounts.")))])
    return SearchEngine(store)


@pytest.mark.parametrize("typing", [True, False])
@pytest.mark.parametrize("text", NASTY)
def test_query_syntax_in_the_text_is_just_text(
    engine: SearchEngine, text: str, typing: bool
) -> None:
    result = engine.search(text, typing=typing)
    assert all(hit.id == "a:1" for hit in result.hits)


def test_a_pasted_essay_is_cut_short_and_says_so(engine: SearchEngine) -> None:
    assert engine.search("council " * 2_000).messages


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200), st.booleans())
def test_no_input_raises(engine: SearchEngine, text: str, typing: bool) -> None:
    engine.search(text, typing=typing)
