"""Loading a JSON feed file, one record and one field at a time, for the ORUK v1 and
HSDS 3.0 readers.

Feeds arrive as a bare array of services, as an API page whose services sit in
`content` (Spring), `contents` (HSDS/ORUK 3) or `items`, or as one service object. A
download cut short or a file corrupted half-way is common, and "Expecting ',' delimiter:
line 1 column 1048577" helps nobody, so `load_feed` walks the document one record (and one
field) at a time and says which record broke, which was the last good one, and where.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from frontdesk.formats import limits
from frontdesk.formats.base import FeedError

RECORD_KEYS = ("content", "contents", "items")
_SPACE_RUN = re.compile(r"[ \t\n\r]*")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_BOMS = {b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}


@dataclass(frozen=True, slots=True)
class JsonFeed:
    """A feed's records as raw dicts, plus the page object around them (None when the file
    is a bare array or a single record) and the key the records sat under."""

    path: Path
    records: list[dict[str, Any]]
    envelope: dict[str, Any] | None = None
    records_key: str | None = None


def load_feed(path: Path) -> JsonFeed:
    """Parse a JSON feed file; any fault raises `FeedError` saying where it is."""
    text, bad_byte = _decode(path)
    scanner = _Scanner(path, text, bad_byte)
    scanner.skip_ws()
    first = scanner.peek()
    if not first:
        raise FeedError(path, "the file is empty")
    if first == "[":
        feed = JsonFeed(path, _read_records(scanner))
    elif first == "{":
        feed = _read_top_object(scanner)
    else:
        raise FeedError(path, f"not a JSON feed: it starts with {scanner.text[:30]!r}")
    scanner.skip_ws()
    if scanner.peek():
        scanner.fail("unexpected data after the end of the JSON document", scanner.pos)
    return feed


def _decode(path: Path) -> tuple[str, int | None]:
    """The text, and the first byte that is not UTF-8 (kept as a surrogate escape so the
    parser can say which record and field it sits in)."""
    try:
        data = limits.read_bytes(path)
    except OSError as exc:
        raise FeedError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise FeedError(path, f"the file is {name}; save it as UTF-8")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return data.decode("utf-8-sig", errors="surrogateescape"), data[exc.start]


@dataclass(slots=True)
class _Place:
    """Which record (and field) the scanner is in, for error messages."""

    index: int | None = None
    record_id: str | None = None
    field: str | None = None
    last_good: str | None = None


class _Scanner:
    """A cursor over the document that decodes one JSON value at a time."""

    def __init__(self, path: Path, text: str, bad_byte: int | None = None) -> None:
        self.path = path
        self.text = text
        self.pos = 0
        self._decoder = json.JSONDecoder()
        self._bad_byte = bad_byte
        self._bad_at = _first_escape(text) if bad_byte is not None else -1

    def skip_ws(self) -> None:
        run = _SPACE_RUN.match(self.text, self.pos)  # always matches, perhaps empty
        if run:
            self.pos = run.end()

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def take(self, expected: str, what: str, place: _Place | None = None) -> None:
        self.skip_ws()
        if self.peek() != expected:
            self.fail(f"expected {what}", self.pos, place)
        self.pos += 1

    def value(self, place: _Place | None = None) -> Any:
        self.skip_ws()
        start = self.pos
        try:
            value, self.pos = self._decoder.raw_decode(self.text, self.pos)
        except json.JSONDecodeError as exc:
            if start <= self._bad_at <= exc.pos:
                self._fail_encoding(place)
            self.fail(f"invalid JSON ({exc.msg.removesuffix(' starting at')})", exc.pos, place)
        if start <= self._bad_at < self.pos:
            self._fail_encoding(place)
        return value

    def _fail_encoding(self, place: _Place | None) -> NoReturn:
        byte = self._bad_byte or 0
        self.fail(f"not valid UTF-8 (byte 0x{byte:02x})", self._bad_at, place)

    def key(self, place: _Place | None = None) -> str:
        self.skip_ws()
        if self.peek() != '"':
            self.fail("expected a quoted field name", self.pos, place)
        key = self.value(place)
        self.take(":", "':' after a field name", place)
        return str(key)

    def after_member(self, closer: str, what: str, place: _Place | None = None) -> bool:
        """Consume ',' (True: another member follows) or the closing bracket (False)."""
        self.skip_ws()
        char = self.peek()
        if char in (",", closer):
            self.pos += 1
            return char == ","
        self.fail(f"expected ',' or '{closer}' after {what}", self.pos, place)

    def fail(self, reason: str, pos: int, place: _Place | None = None) -> NoReturn:
        place = place or _Place()
        line = self.text.count("\n", 0, pos) + 1
        column = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
        message = f"{reason} at line {line}, column {column} (character {pos})"
        if pos >= len(self.text.rstrip()) or reason.startswith("invalid JSON (Unterminated"):
            message += "; the file ends too early: it looks truncated"
        if place.index is not None:
            message += f"; last complete record: {_describe(place.index - 1, place.last_good)}"
        raise FeedError(
            self.path, message, index=place.index, record_id=place.record_id, field=place.field
        )


def _first_escape(text: str) -> int:
    """Where the first undecodable byte sits in text decoded with surrogateescape."""
    match = _ESCAPED_BYTE.search(text)
    return match.start() if match else -1


def _describe(index: int, record_id: str | None) -> str:
    if index < 0:
        return "none"
    return f"{index} (id {record_id})" if record_id else str(index)


def _read_top_object(scanner: _Scanner) -> JsonFeed:
    """A page object (records under a RECORD_KEYS member) or a single record."""
    members: dict[str, Any] = {}
    records: list[dict[str, Any]] | None = None
    records_key: str | None = None
    scanner.take("{", "'{'")
    scanner.skip_ws()
    if scanner.peek() == "}":
        scanner.pos += 1
        return JsonFeed(scanner.path, [members])
    while True:
        key = scanner.key()
        scanner.skip_ws()
        if key in RECORD_KEYS and records is None and scanner.peek() == "[":
            records, records_key = _read_records(scanner), key
        else:
            members[key] = scanner.value(_Place(field=key))
        if not scanner.after_member("}", f"field '{key}'"):
            break
    if records is None:
        return JsonFeed(scanner.path, [members])
    return JsonFeed(scanner.path, records, members, records_key)


def _read_records(scanner: _Scanner) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    scanner.take("[", "'['")
    scanner.skip_ws()
    if scanner.peek() == "]":
        scanner.pos += 1
        return records
    last_good: str | None = None
    while True:
        place = _Place(index=len(records), last_good=last_good)
        scanner.skip_ws()
        if scanner.peek() != "{":
            value = scanner.value(place)
            scanner.fail(f"the record is {json_kind(value)}, not an object", scanner.pos, place)
        record = _read_record(scanner, place)
        records.append(record)
        last_good = place.record_id
        if not scanner.after_member("]", f"record {place.index}", place):
            return records


def _read_record(scanner: _Scanner, place: _Place) -> dict[str, Any]:
    """One record, field by field, so an error can name the record's id and the field."""
    record: dict[str, Any] = {}
    scanner.take("{", "'{'", place)
    scanner.skip_ws()
    if scanner.peek() == "}":
        scanner.pos += 1
        return record
    while True:
        place.field = None
        key = scanner.key(place)
        place.field = key
        record[key] = scanner.value(place)
        if key == "id" and isinstance(record[key], str | int):
            place.record_id = str(record[key])
        place.field = None
        if not scanner.after_member("}", f"field '{key}'", place):
            return record


def json_kind(value: Any) -> str:
    """What a JSON value is, in the words an error message uses."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    return "a number"
