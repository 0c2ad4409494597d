"""Fewer cyclic garbage collections while pages of the change feed are applied.

Every page brings about a thousand services as nested dicts and lists, and each becomes a
row dict and several tuples. With Python's default threshold (a young collection every
700 new containers) the collector runs hundreds of times a page, and its older
generations are walked again and again as the pages pile up; on a first sync of 200,000
services that was over a tenth of the desk's time (bench/sync, round 5). None of these
objects are in cycles, so reference counting frees them; the collector is only made to
wait longer, never switched off, and its settings are put back afterwards.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

#: New containers between young collections while relaxed (Python's default is 700).
RELAXED_THRESHOLD = 100_000

_lock = threading.Lock()
_holders = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the young generation's threshold for the duration (nests across threads)."""
    global _holders, _saved
    with _lock:
        if _holders == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(RELAXED_THRESHOLD, _saved[0]), _saved[1], _saved[2])
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                gc.set_threshold(*_saved)
