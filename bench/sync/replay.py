"""Desk-side replay: a first sync from pages held in memory, no hub, no network.

    python bench/sync/replay.py [--services 50000] [--profile out.prof]

Builds the pages a hub would serve for the synthetic catalogue (bench/search/synth.py),
encoded as the hub encodes them, and runs `rebuild` with the search index as `prepare`
against a client that only parses each page's JSON (as the desk's client does), so what is
timed is the desk alone: parsing, checking, rows, SQLite, the index, the swap.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "search"))

from synth import synthetic_feed

from frontdesk.core.catalogue import catalogue_id
from frontdesk.core.codec import organization_to_dict, service_to_dict, taxonomy_term_to_dict
from frontdesk.search.fill import FillProcess
from frontdesk.search.index import ensure_index
from frontdesk.store import jsontext
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync.client import ChangePage
from frontdesk.sync.rebuild import CatalogueFile, rebuild

SOURCE = "synthetic"


def pages(services: int, per_page: int = 1000) -> list[bytes]:
    feed = synthetic_feed(services)
    c = feed.catalogue
    entries = [("organization", o.id, organization_to_dict(o)) for o in c.organizations]
    entries += [("taxonomy_term", x.id, taxonomy_term_to_dict(x)) for x in c.taxonomy_terms]
    entries += [("service", s.id, service_to_dict(s)) for s in c.services]
    out = []
    for start in range(0, len(entries), per_page):
        chunk = entries[start : start + per_page]
        parts = [
            f'{{"kind":{json.dumps(kind)},"id":{json.dumps(catalogue_id(SOURCE, rid))},'
            f'"op":"upsert","data":{json.dumps({"source": SOURCE, kind: doc}, sort_keys=True)}}}'
            for kind, rid, doc in chunk
        ]
        more = "true" if start + per_page < len(entries) else "false"
        body = f'{{"changes":[{",".join(parts)}],"cursor":"c{start}","has_more":{more}}}'
        out.append(body.encode())
    return out


class ReplayClient:
    base_url = "http://127.0.0.1:1"

    def __init__(self, bodies: list[bytes]) -> None:
        self._bodies = bodies
        self._next = {None: 0} | {f"c{i * 1000}": i + 1 for i in range(len(bodies))}

    def changes(self, cursor: str | None, limit: int) -> ChangePage:
        body = jsontext.loads(self._bodies[self._next[cursor]])
        return ChangePage(list(body["changes"]), str(body["cursor"]), bool(body["has_more"]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=50_000)
    parser.add_argument("--profile")
    args = parser.parse_args()
    bodies = pages(args.services)
    work = Path(tempfile.mkdtemp(prefix="frontdesk-replay-"))
    desk = DeskStore.open(work / "desk.db", work / "backups")
    target = CatalogueFile(work / "catalogue.db")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, cpu = time.perf_counter(), time.process_time()
    report = rebuild(
        target,
        EnquiryLog(desk),
        ReplayClient(bodies),
        "feed",
        prepare=ensure_index,
        fill_process=FillProcess,
    )
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    target.close()
    desk.close()
    shutil.rmtree(work, ignore_errors=True)
    assert report.upserted >= args.services
    print(
        f"{args.services:,} services in {seconds:.2f} s: {args.services / seconds:,.0f}/s "
        f"({cpu:.2f} s of CPU, both threads)"
    )


if __name__ == "__main__":
    main()
