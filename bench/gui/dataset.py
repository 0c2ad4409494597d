"""The data folder the GUI benchmark opens: a synthetic catalogue of `size` services
(bench/search/synth.py) imported through the real store and indexed by the real search
index, exactly as an adviser's catalogue.db would be after a first sync.

Built once per size under bench/gui/out/ (git-ignored) and reused; a marker file written
last means a build that was interrupted is started again rather than trusted.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
_SEARCH_BENCH = Path(__file__).resolve().parent.parent / "search"


def data_folder(size: int) -> Path:
    return OUT / f"data-{size}"


def ensure_data(size: int, log: bool = True) -> Path:
    """The data folder for `size` services, building it first if need be."""
    folder = data_folder(size)
    marker = folder / "built.txt"
    if marker.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    sys.path.insert(0, str(_SEARCH_BENCH))
    from synth import synthetic_feed

    from frontdesk.search.index import ensure_index
    from frontdesk.store.catalogue import CatalogueStore

    start = time.perf_counter()
    if log:
        print(f"building a {size:,}-service catalogue in {folder} (once)…", file=sys.stderr)
    store = CatalogueStore.open(folder / "catalogue.db")
    try:
        store.apply_imports([("synthetic", synthetic_feed(size))])
        ensure_index(store.engine)
    finally:
        store.close()
    marker.write_text(f"{size} services, built in {time.perf_counter() - start:.1f} s\n")
    if log:
        print(marker.read_text().strip(), file=sys.stderr)
    return folder


if __name__ == "__main__":
    ensure_data(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
