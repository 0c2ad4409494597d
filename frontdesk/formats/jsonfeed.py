"""What the ORUK v1 and HSDS 3.0 readers do with a JSON feed once it is loaded.

Read fields so a wrong type names file, record, id and field (`Fields`); tell v1 from v3
cheaply (`feed_generation`); keep staff addresses out (`staff_emails`, `public_email`); and
turn mapped records into a `ParsedFeed`, skipping unusable ones and resolving duplicate ids
the same way in both readers (`assemble`). Loading the file itself is `jsonload`'s work.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from frontdesk.core.catalogue import Organization, Service, TaxonomyTerm
from frontdesk.formats import limits
from frontdesk.formats.base import FeedError, ParsedFeed, RecordNote
from frontdesk.formats.hygiene import clean_email, clean_line
from frontdesk.formats.jsonload import JsonFeed, json_kind

T = TypeVar("T")

_WHITESPACE = " \t\n\r"
# RFC 2606 top-level domains that can never receive mail.
_RESERVED_DOMAINS = (".invalid", ".test", ".example", ".localhost")


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
        raise self.error(key, f"expected text, found {json_kind(value)}")

    def obj(self, key: str) -> Fields | None:
        value = self.raw(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.error(key, f"expected an object, found {json_kind(value)}")
        return self.child(value, f"{self.prefix}{key}.")

    def objs(self, key: str) -> list[Fields]:
        """The objects in a list field; null elements are ignored."""
        value = self.raw(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"expected a list, found {json_kind(value)}")
        children = []
        for position, item in enumerate(value):
            if item is None:
                continue
            if not isinstance(item, dict):
                raise self.error(
                    f"{key}[{position}]", f"expected an object, found {json_kind(item)}"
                )
            children.append(self.child(item, f"{self.prefix}{key}[{position}]."))
        return children

    def items(self, key: str) -> list[Any]:
        """A list of scalars or objects (tags and the like) as it stands."""
        value = self.raw(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(key, f"expected a list, found {json_kind(value)}")
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
