"""catalogue.db as a file: telling when another process swapped a new one in, deleting it
(it is a cache), and carrying its reference tables over to a rebuilt file before the swap.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from frontdesk.store.catalogue_import import relabel_lgsl_services
from frontdesk.store.engine import writer

FileIdentity = tuple[int, int]

# Reference data (councils, wards, postcodes, LGSL tiers) a desk imports itself: the hub
# serves only the catalogue, so a sync rebuild must bring these along to the new file.
REFERENCE_TABLES = ("local_authorities", "wards", "postcodes", "lgsl_tiers")


def file_identity(path: Path) -> FileIdentity | None:
    """(device, inode) of the file now at `path`: it changes when another file is swapped
    in by `os.replace`, however alike the two are. None if there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def remove_catalogue(path: Path) -> None:
    """Delete catalogue.db and its WAL files: it is a cache and can always be rebuilt."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        target = Path(str(path) + suffix)
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)


def carry_reference(staging: Engine, live: Path) -> None:
    """Copy the reference tables of `live` (the catalogue.db a rebuild will replace) into
    the rebuilt file under `staging`, then give its council services their LGSL labels
    and tiers again. Nothing to do for an engine on no file."""
    database = staging.url.database
    if not database:
        return
    with contextlib.closing(sqlite3.connect(database, timeout=30)) as db:
        if live.exists():
            db.execute("ATTACH DATABASE ? AS live", (str(live),))
            try:
                present = {
                    row[0]
                    for row in db.execute("SELECT name FROM live.sqlite_master WHERE type='table'")
                }
                with db:
                    for table in REFERENCE_TABLES:
                        if table in present:
                            db.execute(
                                f"INSERT OR REPLACE INTO main.{table} SELECT * FROM live.{table}"
                            )
            finally:
                db.execute("DETACH DATABASE live")
    with writer(staging).begin() as conn:
        relabel_lgsl_services(conn)
