"""What reading service alerts adds to a search and to a service's details on the desk.

    python bench/alerts/run.py [--size 50000] [--alerts 1000]

A synthetic catalogue (bench/search/synth.py) goes through the real store and index; a
pull applies `--alerts` alerts to random services through the change applier (a quarter
already expired). Then every keystroke prefix of the search benchmark's queries is
searched through `CatalogueAccess.search` — what the window calls, rows and all — twice
per prefix in alternating order: as shipped, and with the alert read replaced by one that
finds nothing (the cost without alerts). The same for `CatalogueAccess.detail` on 500
services. Prints medians and 95th percentiles in milliseconds, and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "search"))

from run import keystrokes, queries
from synth import synthetic_feed

import frontdesk.search.catalogue_access as access
from frontdesk.core.alert import ALERT_KIND, ServiceAlert
from frontdesk.search.catalogue_access import CatalogueAccess, SearchRequest
from frontdesk.search.index import ensure_index
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_changes import CatalogueChange


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _summary(runs: list[float]) -> str:
    p95 = statistics.quantiles(runs, n=20)[-1]
    return f"{statistics.median(runs):.2f} / {p95:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--alerts", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-alerts-bench-"))
    path = folder / "catalogue.db"
    store = CatalogueStore.open(path)
    store.apply_imports([("synthetic", synthetic_feed(args.size))])
    ensure_index(store.engine)
    catalogue = CatalogueAccess.open(path)
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM services")]
    rng = random.Random(5)
    now = dt.datetime.now(dt.UTC)
    changes = []
    for n, service in enumerate(rng.sample(ids, args.alerts)):
        until = now + dt.timedelta(hours=-1 if n % 4 == 0 else 5)
        alert = ServiceAlert(service, "Closed today: use the next nearest", until, now)
        changes.append(CatalogueChange(ALERT_KIND, service, "", alert.as_dict()))
    store.change_applier("https://hub.example").apply(changes, {})
    store.close()

    shipped = access.live_alerts, access.live_alert
    none_many: Callable[..., dict[str, object]] = lambda *a: {}  # noqa: E731
    none_one: Callable[..., object] = lambda *a: None  # noqa: E731
    typed = [k for q in queries() for k in keystrokes(q)]
    local = dt.datetime.now()
    for text in typed:  # warm the caches, as a desk that has been searching is
        catalogue.search(SearchRequest(text), local)
    timings: dict[str, list[float]] = {"with": [], "without": []}
    marked = 0
    for n, text in enumerate(typed):
        order = ("with", "without") if n % 2 == 0 else ("without", "with")
        for how in order:
            access.live_alerts, access.live_alert = (
                shipped if how == "with" else (none_many, none_one)  # type: ignore[assignment]
            )
            request = SearchRequest(text)
            timings[how].append(_ms(lambda r=request: catalogue.search(r, local)))  # type: ignore[misc]
    access.live_alerts, access.live_alert = shipped
    for text in typed:
        marked += sum(1 for row in catalogue.search(SearchRequest(text), local).rows if row.alert)
    details: dict[str, list[float]] = {"with": [], "without": []}
    for n, service in enumerate(rng.sample(ids, 500)):
        order = ("with", "without") if n % 2 == 0 else ("without", "with")
        for how in order:
            access.live_alerts, access.live_alert = (
                shipped if how == "with" else (none_many, none_one)  # type: ignore[assignment]
            )
            details[how].append(_ms(lambda s=service: catalogue.detail(s, "", local)))  # type: ignore[misc]
    access.live_alerts, access.live_alert = shipped
    catalogue.close()
    print(f"{args.size} services, {args.alerts} alerts ({args.alerts // 4} expired)")
    print(f"searches: {len(typed)} prefixes, {marked} result rows marked with an alert")
    for name, runs in (("search", timings), ("detail", details)):
        ratio = statistics.median(runs["with"]) / statistics.median(runs["without"])
        print(
            f"{name}: with alerts p50/p95 {_summary(runs['with'])} ms; "
            f"without {_summary(runs['without'])} ms; p50 ratio {ratio:.2f}"
        )


if __name__ == "__main__":
    main()
