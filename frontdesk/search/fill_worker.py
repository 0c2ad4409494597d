"""The process that writes a catalogue being filled from a feed, for `search.fill`: pages
in on stdin, rows (and, beside them, the search index) out into the file it is told.

    python -m frontdesk.search.fill_worker

Input: frames as `index_worker` reads them. The first is the setup (the catalogue file, the
hub's address, pragmas for the file, and where to build the index, if anywhere); then
transactions of ("begin",), ("page", changes, meta)… ("commit",); and last ("finish",
complete, statements), which, if the feed is complete, runs those statements and installs
the index. The pages are applied by `store.catalogue_changes`, exactly as in the parent's
own process. At end of input (the parent died or gave up) the open transaction is rolled
back and the exit status is 3; on an error, the last line it writes says what went wrong.
On Linux the process is also killed the moment its parent dies (strictly, the thread that
started it: the sync's, which lives until the rebuild is over), so a killed sync never
leaves a writer behind that commits after a newer sync has started, even while it is still
busy with pages already sent.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event

from frontdesk.core.codec import organization_from_dict, taxonomy_term_from_dict
from frontdesk.search.index_build import IndexBuild
from frontdesk.search.index_worker import EndOfInput, read_frame
from frontdesk.store import jsontext
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_changes import ORGANIZATION, TAXONOMY_TERM, CatalogueChange, Record
from frontdesk.store.engine import writer

_DECODE: dict[str, Callable[[Any], Record]] = {
    ORGANIZATION: organization_from_dict,
    TAXONOMY_TERM: taxonomy_term_from_dict,
}


def change(entry: tuple[str, str, str, Any]) -> CatalogueChange:
    """A change as `search.fill` sends it: records as codec dicts."""
    kind, id_, source, record = entry
    if record is not None and kind in _DECODE:
        record = _DECODE[kind](record)
    return CatalogueChange(kind, id_, source, record)


def fill(stream: Any) -> None:
    setup = read_frame(stream)
    # Opened once there is work: a sync starts this process early, and writes its first
    # pages itself meanwhile (see `pull.pull_pages`).
    message = read_frame(stream)
    store = CatalogueStore.open(Path(setup["path"]))
    store.engine.dispose()  # connections opened from now on get the pragmas

    @event.listens_for(store.engine, "connect")
    def _pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        for pragma in setup["pragmas"]:
            dbapi_connection.execute(pragma)

    index = None
    if setup["index"]:
        index = IndexBuild(Path(setup["index"]), start_after=setup["index_start_after"])
    applier = store.change_applier(setup["origin"], filling=True, index=index)
    try:
        while message[0] == "begin":
            with applier.transaction() as apply:
                while (message := read_frame(stream))[0] == "page":
                    apply([change(c) for c in jsontext.loads(message[1])], message[2])
                if message[0] != "commit":
                    raise ValueError(f"expected a page or a commit, not {message[0]!r}")
            message = read_frame(stream)
        if message[0] != "finish":
            raise ValueError(f"expected a transaction or the end, not {message[0]!r}")
        _, complete, then = message
        if complete:
            with writer(store.engine).begin() as conn:
                for statement in then:
                    conn.exec_driver_sql(statement)
            if index is not None:
                index.install(store.engine)
                index = None
    finally:
        if index is not None:
            index.discard()
        store.close()


def _die_with_parent() -> None:
    """Linux: be killed when the parent dies, as a thread of it would be (elsewhere the end
    of input does it, once the pages already sent are read)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig, sigkill = 1, 9
        libc.prctl(pr_set_pdeathsig, sigkill)


def main() -> int:
    # The pages' documents hold no reference cycles, so reference counting frees them; at
    # the default threshold the collector would run hundreds of times a page.
    gc.set_threshold(100_000)
    # The sync names itself: had it died before this process got this far, getppid()
    # would already name whoever adopted it, and the check below would pass.
    parent = int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid()
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        return 3
    try:
        fill(sys.stdin.buffer)
    except EndOfInput:
        return 3
    except Exception as error:
        # The traceback for whoever debugs it, then one line for the sync to show: the
        # database's own words where there are some (SQLAlchemy ends with a web address).
        traceback.print_exc()
        reason = getattr(error, "orig", None) or error
        print(f"{type(reason).__name__}: {reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
