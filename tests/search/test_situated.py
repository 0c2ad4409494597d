"""Where a crisis's or a life event's services go among the caller's own matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.search.api import SearchEngine
from tests.search.catalogue import open_store, service
from tests.search.test_intent import OTHERS, own_org


@pytest.fixture
def engine(tmp_path: Path) -> SearchEngine:
    store = open_store(tmp_path)
    services = [
        service(
            "mh",
            "City Mental Health",
            "Mental health services in the city, with a crisis line run by the NHS trust.",
        ),
        service("sam", "City Samaritans", "Samaritans listen day and night, whatever you feel."),
        service("sp", "Suicide Prevention City", "Support for anyone with thoughts of suicide."),
        service("pen", "State Pension", "Claim your State Pension when you reach pension age."),
        service("ret", "Retirement flats", "Flats for people who are retiring, with a warden."),
        service("mkt", "Farmers market", "A market on the first Saturday of every month."),
        *OTHERS,
    ]
    store.apply_imports([("council", own_org(services))])
    return SearchEngine(store)


def names(engine: SearchEngine, text: str) -> list[str]:
    return [h.name for h in engine.search(text, typing=False).hits]


def test_a_crisis_puts_services_named_for_its_searches_before_ones_that_mention_them(
    engine: SearchEngine,
) -> None:
    top = names(engine, "i want to kill myself")
    # "mental health crisis line" is only mentioned by City Mental Health; the services
    # named for the next searches (samaritans, suicide prevention) come first.
    assert top[:2] == ["City Samaritans", "Suicide Prevention City"]
    assert top[2] == "City Mental Health"


def test_a_life_event_goes_before_a_service_that_shares_only_some_of_the_words(
    engine: SearchEngine,
) -> None:
    # "Retirement flats" shares a word with "retiring next month", not the whole of it.
    assert names(engine, "retiring next month")[0] == "State Pension"


def test_a_service_answering_all_the_callers_words_stays_ahead_of_the_life_event(
    engine: SearchEngine,
) -> None:
    assert names(engine, "retirement flats")[0] == "Retirement flats"
