"""Welsh queries end to end: an adviser in Wales types the caller's Welsh, mutations and
all, and the demo catalogue's English services come back, never a chance English match."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.formats.demo import read_demo_feeds
from frontdesk.search.api import SearchEngine
from frontdesk.store.catalogue import CatalogueStore
from tests.search.catalogue import feed, open_store, service


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    store = open_store(tmp_path_factory.mktemp("demo"))
    store.apply_imports(read_demo_feeds())
    return SearchEngine(store)


def top(engine: SearchEngine, text: str, n: int = 5) -> list[str]:
    return [hit.name for hit in engine.search(text, typing=False).hits[:n]]


@pytest.mark.parametrize(
    ("welsh", "service_name"),
    [
        ("treth gyngor", "Pay council tax or ask about your bill"),
        ("sut ydw i'n talu fy nhreth gyngor", "Pay council tax or ask about your bill"),
        ("biniau heb eu casglu", "Report a missed bin collection"),
        ("mae fy miniau heb eu casglu", "Report a missed bin collection"),
        ("bin wedi'i fethu", "Report a missed bin collection"),
        ("casglu gwastraff gardd", "Garden waste collection subscription"),
        ("help gyda'i budd-daliadau", "Welfare rights advice"),
        ("budd-dal tai", "Housing Benefit"),
        ("rhestr aros am dai cyngor", "Join the housing register"),
        ("rwy'n ddigartref heno", "Emergency homelessness out of hours"),
        ("cofrestru genedigaeth", "Register a birth"),
        ("cofrestru marwolaeth", "Register a death"),
        ("dirwy parcio", "Pay or challenge a parking fine"),
        ("bathodyn glas i fy mam", "Blue Badge parking permit"),
        ("lle mewn ysgol gynradd", "Primary school admissions"),
        ("prydau ysgol am ddim", "Free school meals"),
        ("asesiad gofal cymdeithasol i oedolion", "Adult social care needs assessment"),
        ("dw i angen banc bwyd", "Sale food bank"),
        ("tyllau yn y ffordd", "Report a pothole"),
        ("cwyno am sŵn cymdogion", "Noise complaints"),
        ("ymuno â'r llyfrgell", "Sale Library"),
    ],
)
def test_a_welsh_query_finds_the_service_in_the_top_five(
    demo: SearchEngine, welsh: str, service_name: str
) -> None:
    assert service_name in top(demo, welsh)


def test_a_welsh_query_about_bins_never_brings_immigration_advice(demo: SearchEngine) -> None:
    for text in ("biniau heb eu casglu", "mae'r biniau heb eu casglu eto", "biniau"):
        names = top(demo, text, 20)
        assert names, text
        assert not [n for n in names if "Immigration" in n], text


def test_a_welsh_word_the_vocabulary_lacks_is_not_corrected_into_english(
    demo: SearchEngine,
) -> None:
    # "cymdogion" (neighbours) is known; "swnllyd" is read; but an unknown Welsh word such
    # as "ffenest" (window) must not be turned into a look-alike English word.
    result = demo.search("ffenest wedi torri", typing=False)
    assert result.corrected_query is None
    assert result.hits == ()


def test_the_adviser_is_told_how_the_welsh_was_read(demo: SearchEngine) -> None:
    assert demo.search("fy nhreth gyngor", typing=False).corrected_query == "council tax"


def test_english_spelling_correction_still_works(demo: SearchEngine) -> None:
    result = demo.search("counsil tax", typing=False)
    assert result.corrected_query == "council tax"


def test_an_english_query_with_eu_still_finds_the_settlement_scheme(demo: SearchEngine) -> None:
    assert top(demo, "eu settlement scheme", 1) == ["Immigration and EU Settlement Scheme advice"]


def test_welsh_while_typing_finds_the_service_as_the_words_arrive(demo: SearchEngine) -> None:
    hits = demo.search("treth gyngor", typing=True).hits
    assert "Pay council tax or ask about your bill" in [h.name for h in hits[:5]]


def test_welsh_text_in_a_feed_is_found_as_typed_and_through_mutations(tmp_path: Path) -> None:
    store: CatalogueStore = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "cyngor",
                feed(
                    service("1", "Casglu biniau", "Rhowch wybod am fin sydd heb ei gasglu."),
                    service("2", "Household waste collection", "Weekly bin collection."),
                    service("3", "Immigration and EU Settlement Scheme advice", "EU citizens."),
                ),
            )
        ]
    )
    engine = SearchEngine(store)
    assert top(engine, "casglu biniau")[0] == "Casglu biniau"
    # "fy miniau" (my bins, nasal mutation) still reaches the Welsh record's "biniau".
    assert top(engine, "fy miniau")[0] == "Casglu biniau"
    # The English services are reached through the vocabulary as well.
    assert "Household waste collection" in top(engine, "biniau")
    assert "Immigration and EU Settlement Scheme advice" not in top(engine, "biniau heb eu casglu")
