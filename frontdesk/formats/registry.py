"""Which reader takes a file: detected from the file itself, or named with `--format`.

Every reader module exposes `FORMAT`, `sniff(path, head)` and `read(path)`. Detection asks
each in turn with the first 64 KiB, most specific first, so a generic JSON shape never
shadows a specific one.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Protocol, cast

from frontdesk.formats import (
    govuk_tiers,
    hsds_json,
    hsds_tabular,
    lgsl,
    local_authorities,
    oruk_v1,
    postcodes,
    ward_lookup,
)
from frontdesk.formats.base import FeedError, ParsedFeed

SNIFF_BYTES = 64 * 1024


class Reader(Protocol):
    FORMAT: str

    def sniff(self, path: Path, head: bytes) -> bool: ...

    def read(self, path: Path) -> ParsedFeed: ...


def _readers(*modules: ModuleType) -> tuple[Reader, ...]:
    return tuple(cast(Reader, m) for m in modules)


# Order matters for detection: specific shapes first.
READERS: tuple[Reader, ...] = _readers(
    hsds_tabular,
    oruk_v1,
    hsds_json,
    lgsl,
    govuk_tiers,
    local_authorities,
    postcodes,
    ward_lookup,
)

# Other names people use for the same formats.
ALIASES = {"oruk3": "hsds3", "oruk-v3": "hsds3", "oruk-v1": "oruk1", "hsds": "hsds3"}


def format_names() -> list[str]:
    return sorted({r.FORMAT for r in READERS} | set(ALIASES))


def reader_for(path: Path, format_name: str | None = None) -> Reader:
    """The reader for `path`: the named one, or the first whose sniff accepts the file."""
    if format_name:
        wanted = ALIASES.get(format_name, format_name)
        for reader in READERS:
            if wanted == reader.FORMAT:
                return reader
        raise FeedError(
            path, f"unknown format '{format_name}' (known: {', '.join(format_names())})"
        )
    head = _head(path)
    for reader in READERS:
        if reader.sniff(path, head):
            return reader
    raise FeedError(
        path,
        f"not a format frontdesk recognises; name it with --format ({', '.join(format_names())})",
    )


def read_feed(path: Path, format_name: str | None = None) -> ParsedFeed:
    """Read one file completely, or raise FeedError naming what is wrong with it."""
    if not path.exists():
        raise FeedError(path, "no such file or folder")
    try:
        return reader_for(path, format_name).read(path)
    except FeedError:
        raise
    except OSError as error:
        raise FeedError(path, f"cannot be read: {error.strerror or error}") from error
    except RecursionError as error:
        raise FeedError(path, "is nested too deeply to be a feed") from error


def _head(path: Path) -> bytes:
    target = path / "datapackage.json" if path.is_dir() else path
    try:
        with target.open("rb") as stream:
            return stream.read(SNIFF_BYTES)
    except OSError:
        return b""
