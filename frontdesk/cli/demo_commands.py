"""`frontdesk demo`: a working frontdesk on a fresh machine, on the bundled demo catalogue."""

from __future__ import annotations

import argparse
from typing import Any

from frontdesk.cli.common import add_data_dir_option, open_catalogue
from frontdesk.formats.demo import DEMO_SOURCE, read_demo_catalogue
from frontdesk.search.api import SearchEngine
from frontdesk.search.index import ensure_index

# Searches that show what the catalogue and the engine can do, in a caller's words.
EXAMPLE_SEARCHES = ("bins not collected", "nowhere to sleep", "benifits", "food parcel")


def register(commands: Any) -> None:
    p = commands.add_parser(
        "demo",
        help="load the demo catalogue and show frontdesk working",
        description="Loads the bundled demo catalogue (about 300 services from a dozen "
        "agencies) into the data folder, then shows a few searches.",
    )
    add_data_dir_option(p)
    p.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    store = open_catalogue(args)
    try:
        [report] = store.apply_imports([(DEMO_SOURCE, read_demo_catalogue())])
        ensure_index(store.engine)
        stats = store.stats()
        print(
            f"Demo catalogue: {stats.services} services from {stats.organizations} "
            f"organisations ({report.added} added, {report.updated} updated)."
        )
        engine = SearchEngine(store)
        for text in EXAMPLE_SEARCHES:
            result = engine.search(text, limit=3)
            shown = f'"{text}"'
            if result.corrected_query:
                shown += f' (showing results for "{result.corrected_query}")'
            print(f"\nSearch {shown}:")
            for hit in result.hits:
                print(f"  {hit.name} — {hit.organization or 'no organisation'}")
    finally:
        store.close()
    print("\nTry your own: frontdesk search 'council tax'")
    return 0
