"""What the caller wants done orders services that share their words."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from frontdesk.core.catalogue import Organization, Service
from frontdesk.core.feed import ParsedFeed
from frontdesk.search.api import SearchEngine
from frontdesk.search.intent import FIND_OUT, NEED, PAY, REGULATION, REPORT, Intents
from tests.search.catalogue import feed, open_store, service

# Unrelated services, so that "bin" and "food" are telling words, as in a real catalogue.
OTHERS = [
    service(f"x{i}", f"{topic} service {i}", f"Help and advice about {topic}.")
    for i, topic in enumerate(
        ["parking", "libraries", "planning", "housing", "schools", "roads", "leisure"] * 6
    )
]


@pytest.fixture
def engine(tmp_path: Path) -> SearchEngine:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "council",
                own_org(
                    [
                        service("1", "Food hygiene complaints", "Complain about food in a shop."),
                        service("2", "Register a food business", "Register your food business."),
                        service(
                            "3", "Town food bank", "Emergency food parcels for people in need."
                        ),
                        service(
                            "4", "Find your bin collection day", "Which day your bin is collected."
                        ),
                        service(
                            "5", "Report a missed bin", "Tell us if your bin was not collected."
                        ),
                        service(
                            "6",
                            "Winter gritting",
                            "Gritting routes; report an empty grit bin or ask for grit bins.",
                        ),
                        service("7", "Bin collection days", "Find out your bin collection days."),
                        *OTHERS,
                    ]
                ),
            )
        ]
    )
    return SearchEngine(store)


def own_org(services: list[Service]) -> ParsedFeed:
    """Each service from its own provider, so no provider's listings give way."""
    orgs = tuple(Organization(f"o{s.id}", f"Provider {s.id}") for s in services)
    return feed(*(replace(s, organization_id=f"o{s.id}") for s in services), orgs=orgs)


def names(engine: SearchEngine, text: str) -> list[str]:
    return [h.name for h in engine.search(text, typing=False).hits]


def test_a_caller_who_needs_food_gets_the_food_bank_before_food_regulation(
    engine: SearchEngine,
) -> None:
    assert names(engine, "need food")[0] == "Town food bank"
    assert names(engine, "cant afford food")[0] == "Town food bank"


def test_bins_not_collected_puts_reporting_first(engine: SearchEngine) -> None:
    assert names(engine, "my bins weren't collected")[0] == "Report a missed bin"
    assert names(engine, "bins not emptied")[0] == "Report a missed bin"


def test_finding_out_puts_the_find_out_page_first(engine: SearchEngine) -> None:
    assert names(engine, "what day is my bin collection")[0] in (
        "Find your bin collection day",
        "Bin collection days",
    )


def test_intents_are_read_from_the_query_and_kinds_from_the_service_name() -> None:
    intents = Intents.bundled()
    assert REPORT in intents.of_query(["my", "bins", "weren", "t", "collected"])
    assert REPORT in intents.of_query(["street", "light", "broken"])
    assert NEED in intents.of_query(["need", "food"])
    assert NEED not in intents.of_query(["need", "to", "register", "a", "death"])
    assert FIND_OUT in intents.of_query(["what", "day", "is", "my", "bin", "collected"])
    assert REGULATION in intents.of_service("Premises and alcohol licences")
    assert REPORT in intents.of_service("Report a missed bin")
    # A service of the kind asked for is never pushed down for being another kind too.
    assert intents.factor(frozenset({REPORT}), "Report a missed bin collection day") >= 1.0


def test_not_being_able_to_pay_is_a_need_not_a_payment() -> None:
    intents = Intents.bundled()
    assert PAY in intents.of_query(["pay", "my", "rent"])
    for said in (["cant", "pay", "my", "rent"], ["i", "cannot", "pay", "the", "bill"]):
        assert NEED in intents.of_query(said) and PAY not in intents.of_query(said)
    assert NEED in intents.of_query(["behind", "on", "my", "rent"])
    # a parking permit is something a caller needs, not trade being regulated
    assert REGULATION not in intents.of_service("Blue Badge parking permit")


def test_a_malformed_intents_line_is_refused_with_its_number() -> None:
    with pytest.raises(ValueError, match="line 2"):
        Intents.parse("query report: broken\nnonsense\n")
