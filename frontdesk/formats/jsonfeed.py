"""The JSON plumbing the ORUK v1 and HSDS 3.0 readers share.

Feeds arrive as a bare array of services, as an API page whose services sit in
`content` (Spring), `contents` (HSDS/ORUK 3) or `items`, or as one service object. A
download cut short or a file corrupted half-way is common, and "Expecting ',' delimiter:
line 1 column 1048577" helps nobody, so `load_feed` walks the document one record (and one
field) at a time and says which record broke, which was the last good one, and where.

The rest of the module is what both readers do once the JSON is parsed: read fields so a
wrong type names file, record, id and field (`Fields`); tell v1 from v3 cheaply
(`feed_generation`); and turn mapped records into a `ParsedFeed`, skipping unusable ones and
resolving duplicate ids the same way in both readers (`assemble`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from frontdesk.core.catalogue import Organization, Service, TaxonomyTerm
from frontdesk.formats import limits
from frontdesk.formats.base import FeedError, ParsedFeed, RecordNote
from frontdesk.formats.hygiene import clean_email, clean_line

T = TypeVar("T")

RECORD_KEYS = ("content", "contents", "items")
_WHITESPACE = " \t\n\r"
_SPACE_RUN = re.compile(r"[ \t\n\r]*")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
# RFC 2606 top-level domains that can never receive mail.
_RESERVED_DOMAINS = (".invalid", ".test", ".example", ".localhost")
_BOMS = {b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}


@dataclass(frozen=True, slots=True)
class JsonFeed:
    """A feed's records as raw dicts, plus the page object around them (None when the file
    is a bare array or a single record) and the key the records sat under."""

    path: Path
    records: list[dict[str, Any]]
    envelope: dict[str, Any] | None = None
    records_key: str | None = None


# --- loading ------------------------------------------------------------------------------


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
            scanner.fail(f"the record is {_kind(value)}, not an object", scanner.pos, place)
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


# --- telling v1 from v3 -------------------------------------------------------------------

# Keys only the ORUK v1 (HSDS-UK 1.0) API uses, and keys only HSDS 3.0 / ORUK 3 uses. Keys
# both use (service_at_locations, service_areas, contacts, assured_date, pc_*) decide nothing.
V1_KEYS = frozenset(
    [
        "totalElements",
        "totalPages",
        "content",
        "service_taxonomys",
        "regular_schedules",
        "holiday_schedules",
        "physical_addresses",
        "eligibilitys",
        "fundings",
        "deliverable_type",
        "attending_type",
        "attending_access",
        "pc_attendingAccess_additionalInfo",
    ]
)
V3_KEYS = frozenset(
    [
        "contents",
        "total_items",
        "total_pages",
        "page_number",
        "schedules",
        "attributes",
        "taxonomy_term",
        "taxonomy_detail",
        "addresses",
        "fees_description",
        "eligibility_description",
        "application_process",
        "last_modified",
        "organization_id",
        "assurer_email",
    ]
)
_KEY = re.compile(r'"([A-Za-z_]+)"\s*:')


def feed_generation(head: bytes) -> str | None:
    """'oruk1' or 'hsds3' for the first bytes of a JSON service feed, None if it is not one.

    It must look like JSON holding records with `"id"` and `"name"` keys (and not a data
    package descriptor); then the side with more of its own distinctive keys wins, and a
    tie (a bare record with only common fields) goes to HSDS 3, the current standard, whose
    reader also understands the common fields.
    """
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff" + _WHITESPACE)
    if not text.startswith(("{", "[")):
        return None
    keys = set(_KEY.findall(text))
    if not {"id", "name"} <= keys or "resources" in keys:
        return None
    return "oruk1" if len(keys & V1_KEYS) > len(keys & V3_KEYS) else "hsds3"


# --- reading fields -----------------------------------------------------------------------


def _kind(value: Any) -> str:
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


@dataclass(frozen=True, slots=True)
class Fields:
    """One JSON object inside record `index`, read so a wrong type names its place.

    Empty strings count as absent everywhere (the v1 feeds send "" for null, even for
    objects); anything else of the wrong shape is a `FeedError`, because a reader that
    guessed would import nonsense.
    """

    path: Path
    index: int
    record_id: str | None
    data: Mapping[str, Any]
    prefix: str = ""

    def error(self, key: str, reason: str) -> FeedError:
        return FeedError(
            self.path, reason, index=self.index, record_id=self.record_id, field=self.prefix + key
        )

    def raw(self, key: str) -> Any:
        value = self.data.get(key)
        if isinstance(value, str):
            self._check(key, value)
        return None if value == "" else value

    def _check(self, key: str, value: str) -> None:
        problem = limits.field_problem(self.prefix + key, value)
        if problem is not None:
            raise self.error(key, problem)

    def text(self, key: str) -> str | None:
        """A scalar as text (numbers too); None when absent."""
        value = self.raw(key)
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        raise self.error(key, f"expected text, found {_kind(value)}")

    def obj(self, key: str) -> Fields | None:
        value = self.raw(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.error(key, f"expected an object, found {_kind(value)}")
        return self.child(value, f"{self.prefix}{key}.")

    def objs(self, key: str) -> list[Fields]:
        """The objects in a list field; null elements are ignored."""
        value = self.raw(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"expected a list, found {_kind(value)}")
        children = []
        for position, item in enumerate(value):
            if item is None:
                continue
            if not isinstance(item, dict):
                raise self.error(f"{key}[{position}]", f"expected an object, found {_kind(item)}")
            children.append(self.child(item, f"{self.prefix}{key}[{position}]."))
        return children

    def items(self, key: str) -> list[Any]:
        """A list of scalars or objects (tags and the like) as it stands."""
        value = self.raw(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"expected a list, found {_kind(value)}")
        for position, item in enumerate(value):
            if isinstance(item, str):
                self._check(f"{key}[{position}]", item)
        return value

    def child(self, data: Mapping[str, Any], prefix: str) -> Fields:
        """Fields for an object found inside this one, `prefix` naming where."""
        return Fields(self.path, self.index, self.record_id, data, prefix)


def staff_emails(*values: str | None) -> frozenset[str]:
    """Addresses of the people who assured or edited a record: never to be imported."""
    return frozenset(email.casefold() for value in values if (email := clean_email(value)))


def public_email(value: Any, staff: frozenset[str]) -> str | None:
    """A contact e-mail fit to import: clean, not one of the record's staff addresses, and
    not a placeholder at a reserved domain (Bristol's v3 feed sends `…@noemail.invalid`)."""
    email = clean_email(value)
    if email is None or email.casefold() in staff:
        return None
    return None if email.casefold().endswith(_RESERVED_DOMAINS) else email


# --- from records to a ParsedFeed ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ServiceRecord:
    """One record mapped to the catalogue, with what duplicate resolution needs."""

    index: int
    service: Service
    modified: dt.datetime | None
    organization: Organization | None = None
    terms: tuple[TaxonomyTerm, ...] = ()

    def rank(self) -> tuple[dt.datetime, int]:
        """Later modification wins; on a tie (or no dates) the later record in the file."""
        return (self.modified or dt.datetime.min.replace(tzinfo=dt.UTC), self.index)


Mapper = Callable[[Fields, str, str], ServiceRecord]


def assemble(feed: JsonFeed, format_name: str, mapper: Mapper) -> ParsedFeed:
    """Map every record with `mapper(fields, id, name)` and collect the result.

    Records without an id or a usable name are skipped with a note; the mapper raises
    `FeedError` for a structurally wrong field, which fails the whole file.
    """
    parsed = ParsedFeed(path=feed.path, format=format_name, records_read=len(feed.records))
    mapped: list[ServiceRecord] = []
    for index, raw in enumerate(feed.records):
        fields = Fields(feed.path, index, None, raw)
        record_id = clean_line(fields.text("id"))
        if record_id is None:
            parsed.skipped.append(RecordNote(index, None, "skipped: the record has no id"))
            continue
        fields = Fields(feed.path, index, record_id, raw)
        name = clean_line(fields.text("name"))
        if name is None:
            parsed.skipped.append(RecordNote(index, record_id, "skipped: the record has no name"))
            continue
        mapped.append(mapper(fields, record_id, name))
    kept, parsed.duplicates = _keep_latest(mapped)
    _fill_catalogue(parsed, kept)
    return parsed


def _keep_latest(records: list[ServiceRecord]) -> tuple[list[ServiceRecord], list[RecordNote]]:
    chosen: dict[str, ServiceRecord] = {}
    notes: list[RecordNote] = []
    for record in records:
        service_id = record.service.id
        previous = chosen.get(service_id)
        if previous is None:
            chosen[service_id] = record
            continue
        winner, loser = sorted((previous, record), key=ServiceRecord.rank, reverse=True)
        chosen[service_id] = winner
        notes.append(RecordNote(loser.index, service_id, _duplicate_reason(winner, loser)))
    return sorted(chosen.values(), key=lambda record: record.index), notes


def _duplicate_reason(winner: ServiceRecord, loser: ServiceRecord) -> str:
    def stamp(record: ServiceRecord) -> str:
        when = record.modified.date().isoformat() if record.modified else "no date"
        return f"record {record.index} (modified {when})"

    why = "more recently modified" if winner.rank()[0] != loser.rank()[0] else "later in the file"
    return f"duplicate id: kept {stamp(winner)}, {why}; dropped {stamp(loser)}"


def _fill_catalogue(parsed: ParsedFeed, kept: list[ServiceRecord]) -> None:
    """Services in file order; an organisation or term several services carry is taken
    from the most recently modified of them."""
    organizations: dict[str, tuple[tuple[dt.datetime, int], Organization]] = {}
    terms: dict[str, tuple[tuple[dt.datetime, int], TaxonomyTerm]] = {}
    for record in kept:
        parsed.catalogue.services.append(record.service)
        rank = record.rank()
        if record.organization is not None:
            _offer(organizations, record.organization.id, rank, record.organization)
        for term in record.terms:
            _offer(terms, term.id, rank, term)
    parsed.catalogue.organizations.extend(org for _, org in organizations.values())
    parsed.catalogue.taxonomy_terms.extend(term for _, term in terms.values())


def _offer(
    table: dict[str, tuple[tuple[dt.datetime, int], T]],
    key: str,
    rank: tuple[dt.datetime, int],
    item: T,
) -> None:
    current = table.get(key)
    if current is None or rank >= current[0]:
        table[key] = (rank, item)
