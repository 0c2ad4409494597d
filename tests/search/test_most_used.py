"""An empty search box narrowed to the desk's most used services: only those, with the
other filters still applied."""

from __future__ import annotations

from pathlib import Path

from frontdesk.core.catalogue import ServiceStatus
from frontdesk.search.api import SearchEngine
from frontdesk.search.filters import Filters
from tests.search.catalogue import feed, open_store, service


def test_only_the_named_services_are_listed_and_filters_still_apply(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "agency",
                feed(
                    service("1", "Council Tax Reduction", "Help paying your council tax bill."),
                    service("2", "Housing Benefit", "Money towards your rent."),
                    service("3", "Youth Club", "Games for teenagers."),
                    service("4", "Old Day Centre", "Closed.", status=ServiceStatus.DEFUNCT),
                ),
            )
        ]
    )
    engine = SearchEngine(store)
    wanted = ("agency:3", "agency:1", "agency:4")
    hits = engine.search("", Filters(service_ids=wanted)).hits
    # A–Z among them (the desk puts them in its own order); the defunct one stays out.
    assert [h.name for h in hits] == ["Council Tax Reduction", "Youth Club"]
    assert engine.search("", Filters(service_ids=())).hits == ()
    store.close()
