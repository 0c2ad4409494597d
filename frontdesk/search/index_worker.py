"""The process that builds a search index for `index_build`: rows in on stdin, an FTS5
index out in the file named on the command line.

    python -m frontdesk.search.index_worker PATH

Why a process and not a thread: the index is built while the sync writes rows, and both
are SQLite work driven from Python. In one process the two threads traded the GIL for
every row bound (and SQLite's global allocator lock), which made each several times
slower than alone; in two processes each runs at full speed on its own core.

Input: frames of an 8-byte length and a `marshal`led value. The first frame is the setup
(SQL statements and pragmas, from `index_build`), then (removed, added) row lists, then
None to finish. The index is committed only on that None; at end of input without it
(the parent died or gave up) nothing is committed and the exit status is 3. Only the
standard library is imported, so the process starts in a few tens of milliseconds.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sqlite3
import struct
import sys
from typing import IO, Any

HEADER = struct.Struct("<Q")


class EndOfInput(Exception):
    """The input ended before the frame that finishes the index."""


def read_frame(stream: IO[bytes]) -> Any:
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        raise EndOfInput()
    (size,) = HEADER.unpack(header)
    body = stream.read(size)
    if len(body) < size:
        raise EndOfInput()
    return marshal.loads(body)


def frame(value: Any) -> bytes:
    body = marshal.dumps(value)
    return HEADER.pack(len(body)) + body


def build(path: str, stream: IO[bytes]) -> None:
    setup = read_frame(stream)
    # Created here, and only if absent: a worker left over from a killed sync, still
    # starting up, can never open the file a newer build is writing.
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        for statement in setup["prepare"]:
            db.execute(statement)
        db.execute("BEGIN")
        while (rows := read_frame(stream)) is not None:
            removed, added = rows
            if removed:
                db.executemany(setup["delete"], removed)
            if added:
                db.executemany(setup["insert"], added)
        db.execute("COMMIT")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m frontdesk.search.index_worker PATH", file=sys.stderr)
        return 2
    # The rows it is sent are tuples of text, never cycles: reference counting frees them,
    # and at the default threshold the collector would run hundreds of times a page.
    gc.set_threshold(100_000)
    try:
        build(argv[1], sys.stdin.buffer)
    except EndOfInput:
        return 3
    except FileExistsError as error:
        print(f"not building the index: {error.filename} already exists", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
