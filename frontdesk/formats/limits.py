"""What an importer reads: the size of one file, the length of a field and its characters.

Feeds come from outside the council, so a reader must not take whatever a file holds: a
gigabyte file would be read whole into memory before anything looked at it, and a
service name of megabytes would reach the catalogue, its search index and every screen
that shows it. Every reader opens its files through `read_bytes` or `open_text` here, which
refuse a file over `MAX_FILE_BYTES` before reading it (the size on disk is checked first;
a pipe is counted as it is read, in bounded chunks), and checks each field it imports with
`field_problem`. That also refuses control characters: a NUL (U+0000) in any field, and
any other C0 control except tab, newline and carriage return in a one-line value. Free
text may hold those others, and cleaning removes them: Bristol's live feed has a stray
U+0003 in a description, and refusing the whole feed over an invisible character would
help no one.

The figures come from the real feeds with a wide margin (docs/decisions.md, "Importing").
They are read when a file is read, not when this module is imported, so tests can lower
them with monkeypatch.
"""

from __future__ import annotations

import io
import os
import re
import stat
from pathlib import Path
from typing import IO, TYPE_CHECKING

from frontdesk.formats.base import FeedError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

# Bristol's 819-service feed is 2.3 MB and Trafford's 11,264 postcodes 1.4 MB: 256 MiB is
# a hundred times the largest real feed, and small enough to hold in memory once parsed.
MAX_FILE_BYTES = 256 * 1024 * 1024
# A name, id, code, address line, phone number or e-mail address. The longest real one is
# a 108-character service name; a name of a thousand characters is already absurd.
MAX_LINE_CHARS = 1_000
# A web address: the longest real one is 151 characters; 2,048 is the common ceiling
# browsers and the sitemap protocol keep to.
MAX_URL_CHARS = 2_048
# Free text as published, before its HTML is removed. Bristol inlines images in some
# descriptions, so the longest real one is 145,411 characters.
MAX_TEXT_CHARS = 1_000_000

# Fields (by their last name: `organization.description` is a description) that hold
# paragraphs rather than one line.
FREE_TEXT_FIELDS = frozenset(
    [
        "description",
        "notes",
        "fees",
        "application_process",
        "history_notes",
        "extent",
        "pc_attendingaccess_additionalinfo",
    ]
)
WEB_ADDRESS_FIELDS = frozenset(["url", "website", "uri", "term_uri", "homepage_url"])

_CHUNK_BYTES = 1024 * 1024
# C0 controls other than tab, newline and carriage return.
_LINE_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_POSITION = re.compile(r"\[\d+\]$")


def is_one_line(field: str, one_line: bool | None = None) -> bool:
    """Whether `field` holds one line rather than paragraphs.

    A reader that reads the field as one line, or as paragraphs, says so with `one_line`;
    otherwise the field's last name decides (GOV.UK's tier list calls its labels
    "Description", so the name alone is not always right).
    """
    if one_line is not None:
        return one_line
    name = _last_name(field)
    return name not in FREE_TEXT_FIELDS and not name.endswith("_description")


def field_limit(field: str, *, one_line: bool | None = None) -> int:
    """The most characters `field` may hold: free text gets more room than one line."""
    if _last_name(field) in WEB_ADDRESS_FIELDS:
        return MAX_URL_CHARS
    return MAX_LINE_CHARS if is_one_line(field, one_line) else MAX_TEXT_CHARS


def field_problem(field: str, value: str, *, one_line: bool | None = None) -> str | None:
    """Why `value` cannot be imported as `field`, or None when it can."""
    limit = field_limit(field, one_line=one_line)
    if len(value) > limit:
        return f"{len(value):,} characters long, more than the {limit:,} frontdesk imports here"
    if "\x00" in value:
        return "holds a NUL character (U+0000), which no text may hold"
    control = _LINE_CONTROL.search(value) if is_one_line(field, one_line) else None
    if control is not None:
        code = f"U+{ord(control.group()):04X}"
        return f"holds the control character {code}, which a one-line value may not hold"
    return None


def _last_name(field: str) -> str:
    """`organization.description` is a description, `pc_targetAudience[1]` an audience."""
    return _POSITION.sub("", field).rsplit(".", 1)[-1].lower()


def read_bytes(path: Path) -> bytearray:
    """The whole file, or `FeedError` if it is over `MAX_FILE_BYTES`, before it is read."""
    with path.open("rb") as stream:
        _check_size(path, stream)
        data = bytearray()
        while chunk := stream.read(_CHUNK_BYTES):
            data += chunk
            if len(data) > MAX_FILE_BYTES:
                raise too_big(path, len(data), known=False)
    return data


def open_text(path: Path, *, encoding: str, errors: str, newline: str | None) -> IO[str]:
    """`path` opened for reading text; reading past `MAX_FILE_BYTES` raises `FeedError`."""
    raw = path.open("rb", buffering=0)
    try:
        _check_size(path, raw)
    except BaseException:
        raw.close()
        raise
    buffered = io.BufferedReader(_Bounded(path, raw), _CHUNK_BYTES)
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline=newline)


def too_big(path: Path, size: int, *, known: bool = True) -> FeedError:
    amount = f"{_megabytes(size)}" if known else f"more than {_megabytes(MAX_FILE_BYTES)}"
    return FeedError(
        path,
        f"the file is {amount}, more than the {_megabytes(MAX_FILE_BYTES)} "
        "frontdesk imports from one file",
    )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MiB" if size >= 1024 * 1024 else f"{size:,} bytes"


def _check_size(path: Path, stream: IO[bytes]) -> None:
    """Refuse a regular file by its size on disk; a pipe has none, and is counted instead."""
    info = os.fstat(stream.fileno())
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_FILE_BYTES:
        raise too_big(path, info.st_size)


class _Bounded(io.RawIOBase):
    """A binary stream that raises `FeedError` once more than `MAX_FILE_BYTES` came through."""

    def __init__(self, path: Path, raw: io.FileIO) -> None:
        super().__init__()
        self._path = path
        self._raw = raw
        self._seen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        count = self._raw.readinto(buffer) or 0
        self._seen += count
        if self._seen > MAX_FILE_BYTES:
            raise too_big(self._path, self._seen, known=False)
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()
