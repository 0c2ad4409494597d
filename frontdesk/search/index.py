"""The full-text index over catalogue.db's services, kept in step by triggers.

The index is an FTS5 table with external content on `services`: it stores only the
inverted index (snippets read the text back from `services`), so it adds no second copy
of every description. Triggers on `services` update it row by row, so an import, a sync
page or a manual edit can never leave search out of date, and no caller has to remember
to reindex. A version stamp in `meta` lets a later frontdesk change the index's shape and
rebuild it on open.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Connection, Engine, text

from frontdesk.store.engine import writer

FTS_TABLE = "services_fts"
VOCAB_TABLE = "services_fts_vocab"
INDEX_VERSION = "2"  # 2: guidance notes indexed
_VERSION_KEY = "search_index_version"

# Indexed columns of `services`, in FTS column order, with their bm25 weights: what a
# service is called and the words publishers and GOV.UK chose for it count for more than
# a word somewhere in a long description.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("name", 10.0),
    ("organization_name", 2.0),
    ("description", 1.0),
    ("keywords", 5.0),
    ("taxonomy", 4.0),
    ("lgsl_labels", 6.0),
    # An adviser's note for the service: a good sign, but below what it is called.
    ("guidance", 3.0),
)
RANK_FUNCTION = "bm25({})".format(", ".join(str(w) for _, w in COLUMNS))

# remove_diacritics 2 folds "Café" and "cafe" together. No stemmer: FTS5 stems the
# unfinished word of a prefix query too ("housin" never reaches "hous"), which would break
# search-as-you-type; word families are expanded at query time from the vocabulary instead.
# Prefix indexes on 2 and 3 characters keep the first keystrokes cheap.
_TOKENIZE = "unicode61 remove_diacritics 2"
_PREFIX = "2 3"
# FTS5 gathers new postings in memory and writes a segment each time this many bytes are
# pending (its default is 1 MiB). A one-pass build of 200,000 services with the default
# writes ~100 small segments and spends half its time merging them; 64 MiB halves the
# build (5.5 s → 2.6 s, bench/sync) for the same index. It costs memory only while a
# build or a large page is pending, and changes nothing a search reads.
BUILD_HASH_BYTES = 64 * 1024 * 1024

#: The `services` columns the index reads, in its column order.
INDEXED = tuple(name for name, _ in COLUMNS)
_NAMES = ", ".join(INDEXED)
_NEW = ", ".join(f"new.{name}" for name, _ in COLUMNS)
_OLD = ", ".join(f"old.{name}" for name, _ in COLUMNS)

_OPTIONS = f"tokenize='{_TOKENIZE}', prefix='{_PREFIX}'"
_CREATE = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_NAMES}, content='services', "
    f"content_rowid='rowid', {_OPTIONS})",
    f"CREATE VIRTUAL TABLE {VOCAB_TABLE} USING fts5vocab({FTS_TABLE}, row)",
    f"CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON services BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, {_NAMES}) VALUES (new.rowid, {_NEW}); END",
    f"CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON services BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_NAMES}) "
    f"VALUES ('delete', old.rowid, {_OLD}); END",
    f"CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF {_NAMES} ON services BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_NAMES}) "
    f"VALUES ('delete', old.rowid, {_OLD}); "
    f"INSERT INTO {FTS_TABLE}(rowid, {_NAMES}) VALUES (new.rowid, {_NEW}); END",
    # Browsing (an empty query, the first keystroke) walks services by name.
    "CREATE INDEX IF NOT EXISTS ix_services_search_name ON services(name COLLATE NOCASE, id)",
)

# Qualified: with another index attached (`install_built`) a bare name could drop that one.
_DROP = (
    f"DROP TRIGGER IF EXISTS main.{FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS main.{FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS main.{FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS main.{VOCAB_TABLE}",
    f"DROP TABLE IF EXISTS main.{FTS_TABLE}",
)


def ensure_index(engine: Engine) -> None:
    """Create the index and its triggers if missing or from another version, filling it in
    one pass; otherwise leave it alone (the triggers have kept it current)."""
    with engine.connect() as conn:
        if _current(conn):
            return
    # Checked again under the write lock: another process may have built it meanwhile.
    with writer(engine).begin() as conn:
        if not _current(conn):
            _create(conn)


def rebuild_index(engine: Engine) -> None:
    """Drop and rebuild the index from `services` (after a crash left it suspect, say)."""
    with writer(engine).begin() as conn:
        _create(conn)


# The same index without content, for building it elsewhere (`index_build`): FTS5 writes
# the same `_data`, `_idx` and `_docsize` rows for the same text whatever its content
# option, so those rows can be moved into the catalogue's table (`install_built`).
CREATE_CONTENTLESS = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_NAMES}, content='', {_OPTIONS})"
)
_INDEX_TABLES = ("data", "idx", "docsize")


def install_built(db: sqlite3.Connection, schema: str) -> None:
    """Create the index with the rows of a contentless one built elsewhere, attached as
    `schema`, inside the caller's transaction on `db` (a plain connection that has not
    used the index before: FTS5 keeps what it last read of an index per connection)."""
    for statement in (*_DROP, *_CREATE):
        db.execute(statement)
    for name in _INDEX_TABLES:
        table = f"{FTS_TABLE}_{name}"
        db.execute(f"DELETE FROM main.{table}")
        db.execute(f"INSERT INTO main.{table} SELECT * FROM {schema}.{table}")
    db.executemany(
        f"INSERT OR REPLACE INTO main.{FTS_TABLE}_config(k, v) VALUES (?, ?)",
        [("rank", RANK_FUNCTION), ("hashsize", BUILD_HASH_BYTES)],
    )
    db.execute(
        "INSERT OR REPLACE INTO main.meta(key, value) VALUES (?, ?)", (_VERSION_KEY, INDEX_VERSION)
    )


def _current(conn: Connection) -> bool:
    exists = conn.scalar(
        text("SELECT count(*) FROM sqlite_master WHERE name = :name"), {"name": FTS_TABLE}
    )
    version = conn.scalar(text("SELECT value FROM meta WHERE key = :k"), {"k": _VERSION_KEY})
    return bool(exists) and version == INDEX_VERSION


def _create(conn: Connection) -> None:
    for statement in _DROP:
        conn.exec_driver_sql(statement)
    for statement in _CREATE:
        conn.exec_driver_sql(statement)
    # The weights live in the index so `ORDER BY rank` uses them for every reader.
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', :rank)"),
        {"rank": RANK_FUNCTION},
    )
    conn.execute(
        text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('hashsize', :bytes)"),
        {"bytes": BUILD_HASH_BYTES},
    )
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    conn.execute(
        text("INSERT OR REPLACE INTO meta(key, value) VALUES (:k, :v)"),
        {"k": _VERSION_KEY, "v": INDEX_VERSION},
    )
