"""Search latency and index cost at catalogue sizes an adviser's desk will meet.

    python bench/search/run.py [--sizes 10000,50000,200000]

For each size: a synthetic catalogue (bench/search/synth.py) goes through the real store,
the index is built in one pass, and every keystroke prefix of a set of 1-3 word queries
is searched three ways: SearchEngine.search (synonyms, typo handling, boosts, bounded
paths), the floor (a bare FTS5 bm25 MATCH ... ORDER BY rank LIMIT 20 on the same index)
and the naive peer (LIKE '%word%' on name and description, full queries only: it is too
slow to run on every keystroke). Prints one table.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import FILLER, PLACES, TOPICS, synthetic_feed

from frontdesk.search.api import SearchEngine
from frontdesk.search.index import ensure_index
from frontdesk.search.tokens import parse_typed
from frontdesk.store.catalogue import CatalogueStore

TYPOS = ["benifits advice", "bereavment", "counsil tax", "recyling", "homelesness"]


def queries(seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    found = list(rng.sample(TOPICS, 30))
    found += [f"{rng.choice(TOPICS).split()[0]} {rng.choice(FILLER)}" for _ in range(10)]
    found += [f"{rng.choice(PLACES).lower()} {rng.choice(TOPICS)}" for _ in range(10)]
    found += ["rubbish", "dole", "nowhere to sleep", "drink problem", "gp"]
    return [" ".join(q.split()[:3]) for q in found + TYPOS]


def keystrokes(query: str) -> list[str]:
    return [query[:n] for n in range(1, len(query) + 1) if not query[:n].endswith(" ")]


def floor_expression(text: str) -> str | None:
    typed = parse_typed(text)
    if not typed.words:
        return None
    terms = [f'"{w}"' for w in typed.words]
    if typed.prefix:
        terms[-1] += "*"
    return " AND ".join(terms)


def timed(fn: Callable[[], object], runs: list[float]) -> None:
    start = time.perf_counter()
    fn()
    runs.append((time.perf_counter() - start) * 1000)


def summary(runs: list[float]) -> tuple[float, float, float]:
    ordered = sorted(runs)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return statistics.median(ordered), p95, ordered[-1]


def measure(size: int, folder: Path) -> dict[str, object]:
    path = folder / f"catalogue-{size}.db"
    feed = synthetic_feed(size)
    store = CatalogueStore.open(path)
    start = time.perf_counter()
    store.apply_imports([("synthetic", feed)])
    imported = time.perf_counter() - start
    start = time.perf_counter()
    ensure_index(store.engine)  # no index yet: built in one pass
    built = time.perf_counter() - start
    engine = SearchEngine(store)
    typed = [k for q in queries() for k in keystrokes(q)]
    for text in typed:  # warm the page cache and the vocabulary once, as a desk would be
        engine.search(text)
    ours: list[float] = []
    for text in typed:
        timed(lambda text=text: engine.search(text), ours)  # type: ignore[misc]
    raw = sqlite3.connect(path)
    floor: list[float] = []
    for text in typed:
        expression = floor_expression(text)
        if expression is None:
            continue
        sql = "SELECT rowid FROM services_fts WHERE services_fts MATCH ? ORDER BY rank LIMIT 20"
        raw.execute(sql, (expression,)).fetchall()
        timed(lambda sql=sql, e=expression: raw.execute(sql, (e,)).fetchall(), floor)  # type: ignore[misc]
    naive: list[float] = []
    for text in queries():
        words = parse_typed(text).words
        where = " AND ".join("(name LIKE ? OR description LIKE ?)" for _ in words)
        params = [f"%{w}%" for w in words for _ in range(2)]
        sql = f"SELECT id FROM services WHERE {where} LIMIT 20"
        timed(lambda sql=sql, p=params: raw.execute(sql, p).fetchall(), naive)  # type: ignore[misc]
    raw.close()
    store.close()
    return {
        "size": size,
        "searches": len(ours),
        "ours": summary(ours),
        "floor": summary(floor),
        "naive": summary(naive),
        "import_s": imported,
        "build_s": built,
        "db_mb": os.path.getsize(path) / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,200000")
    parser.add_argument("--keep", metavar="DIR", help="keep the catalogues in DIR")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        rows = [measure(size, folder) for size in sizes]
    print(
        f"{'services':>9} {'searches':>8} | {'ours p50/p95/max ms':>22} | "
        f"{'floor p50/p95/max ms':>22} | {'p50 ratio':>9} | {'naive p50/max ms':>17} | "
        f"{'import s':>8} {'build s':>7} {'db MB':>7}"
    )
    for r in rows:
        ours, floor, naive = r["ours"], r["floor"], r["naive"]
        assert isinstance(ours, tuple) and isinstance(floor, tuple) and isinstance(naive, tuple)
        ratio = ours[0] / floor[0] if floor[0] else float("nan")
        print(
            f"{r['size']:>9} {r['searches']:>8} | "
            f"{ours[0]:>6.2f} {ours[1]:>6.2f} {ours[2]:>8.2f} | "
            f"{floor[0]:>6.2f} {floor[1]:>6.2f} {floor[2]:>8.2f} | {ratio:>9.2f} | "
            f"{naive[0]:>7.1f} {naive[2]:>9.1f} | "
            f"{r['import_s']:>8.1f} {r['build_s']:>7.1f} {r['db_mb']:>7.0f}"
        )


if __name__ == "__main__":
    main()
