"""Open Referral HSDS 3.0 (and the UK profile) as a tabular data package: CSVs + datapackage.json.

Smaller directories publish their catalogue as a folder of CSV files, one per HSDS table,
described by a Frictionless `datapackage.json`. This reader joins those tables back into
whole services: organisation, phones, contacts, opening times, service areas, locations
with addresses, and taxonomy terms, an LGSL term giving the service its LGSL code.

Finding the tables:
- The path may be the folder or its `datapackage.json`. The descriptor's resource paths
  decide which file holds which table; that matters for the UK examples, which ship both
  `address.csv` and `addresses.csv` with different columns.
- A folder without a descriptor is read by the conventional names (HSDS's plural names
  first, then singular), so a bare export of CSVs still imports.
- A descriptor that holds only a relative path (how git checks out a symbolic link on
  Windows, and how the HSDS examples ship) is followed; its resources are still looked up
  beside the file that was given.
- Only the services table is required. A table the package lists but does not contain is
  treated as empty, because publishers often reuse the full HSDS descriptor unchanged.

Not imported: `assurer_email` and the other metadata about who maintains a record; the
tables frontdesk has no place for (programs, funding, cost options, languages, ...).
`records_read` counts the data rows of every table that was read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontdesk.core.catalogue import (
    Address,
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
)
from frontdesk.formats import limits
from frontdesk.formats.base import FeedError, ParsedFeed
from frontdesk.formats.csvfeed import CsvRow, keep_last, named_rows, read_whole
from frontdesk.formats.hygiene import clean_email, clean_url, merge_tags, optional_int

FORMAT = "hsds3-tabular"
DESCRIPTOR = "datapackage.json"

# Each HSDS table and the file names it goes by when there is no descriptor.
_CONVENTIONAL_FILES = {
    "service": ("services.csv", "service.csv"),
    "organization": ("organizations.csv", "organization.csv"),
    "phone": ("phones.csv", "phone.csv"),
    "contact": ("contacts.csv", "contact.csv"),
    "schedule": ("schedules.csv", "schedule.csv"),
    "service_area": ("service_areas.csv", "service_area.csv"),
    "service_at_location": ("service_at_location.csv", "service_at_locations.csv"),
    "location": ("locations.csv", "location.csv"),
    "address": ("addresses.csv", "address.csv"),
    "attribute": ("attributes.csv", "attribute.csv"),
    "taxonomy_term": ("taxonomy_terms.csv", "taxonomy_term.csv"),
    "taxonomy": ("taxonomies.csv", "taxonomy.csv"),
}
# The tables whose rows become catalogue records (the rest only add detail to them).
_RECORD_TABLES = ("service", "organization", "taxonomy_term")
_LGSL_TAXONOMY = re.compile(
    r"\blgsl\b|local government service list|esd.?service|id\.esd\.org\.uk/service", re.I
)
_TRAILING_NUMBER = re.compile(r"(?:^|[/:#=])(\d{1,5})/?$")
_GSS_CODE = re.compile(r"\b([EWSNK]\d{8})\b")
_BYDAY = re.compile(r"^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})")
_STATUSES = {status.value.replace(" ", "_"): status for status in ServiceStatus}


def sniff(path: Path, head: bytes) -> bool:
    """A folder with a descriptor or a services table, or a descriptor naming services.csv."""
    if path.is_dir():
        return (path / DESCRIPTOR).is_file() or _conventional(path, "service") is not None
    if path.suffix.lower() != ".json":
        return False
    stub = _stub_target(path, head)
    if stub is not None:
        return stub.is_file() and sniff(stub, _head(stub))
    return b'"resources"' in head and (
        b'"services.csv"' in head or re.search(rb'"name"\s*:\s*"service"', head) is not None
    )


def read(path: Path) -> ParsedFeed:
    """Services joined from the package's tables, plus its organisations and taxonomy terms."""
    feed = ParsedFeed(path=path, format=FORMAT)
    tables = _Tables.load(feed, _table_files(path))
    terms = _taxonomy_terms(feed, tables)
    organizations = _organizations(feed, tables)
    services = _services(feed, tables, {term.id: term for term in terms})
    feed.catalogue.taxonomy_terms.extend(terms)
    feed.catalogue.organizations.extend(organizations)
    feed.catalogue.services.extend(services)
    return feed


# Finding the tables -------------------------------------------------------------------


def _table_files(path: Path) -> dict[str, Path]:
    """Which file holds each HSDS table this reader uses."""
    folder, descriptor = (path, path / DESCRIPTOR) if path.is_dir() else (path.parent, path)
    if not descriptor.is_file():
        if not path.is_dir():
            raise FeedError(path, "no such data package descriptor")
        files = {name: _conventional(folder, name) for name in _CONVENTIONAL_FILES}
        found = {name: file for name, file in files.items() if file is not None}
    else:
        found = _resource_files(descriptor, folder)
    if "service" not in found:
        raise FeedError(path, "the data package has no services table (services.csv)")
    return found


def _conventional(folder: Path, table: str) -> Path | None:
    candidates = (folder / name for name in _CONVENTIONAL_FILES[table])
    return next((file for file in candidates if file.is_file()), None)


def _head(path: Path) -> bytes:
    with path.open("rb") as stream:
        return stream.read(65536)


def _stub_target(path: Path, head: bytes) -> Path | None:
    """The file a symbolic-link stub points to: a descriptor that is just a relative path."""
    text = head.decode("utf-8", errors="replace").strip()
    if not text.endswith(".json") or "\n" in text or text.startswith(("{", "[")):
        return None
    return path.parent / text


def _resource_files(descriptor: Path, folder: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for position, resource in enumerate(_load_resources(descriptor)):
        if not isinstance(resource, dict) or resource.get("name") not in _CONVENTIONAL_FILES:
            continue
        file = _local_path(descriptor, position, resource.get("path"), folder)
        if file.is_file():
            files[str(resource["name"])] = file
        elif resource["name"] == "service":
            raise FeedError(file, f"the services table named in {descriptor.name} is missing")
    return files


def _load_resources(descriptor: Path, *, follow: bool = True) -> list[object]:
    raw = limits.read_bytes(descriptor)
    stub = _stub_target(descriptor, bytes(raw)) if len(raw) < 1024 else None
    if stub is not None and follow and stub.is_file():
        return _load_resources(stub, follow=False)
    try:
        package = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(descriptor, f"not a readable data package descriptor: {exc}") from exc
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        raise FeedError(descriptor, "a data package descriptor needs a 'resources' list")
    return resources


def _local_path(descriptor: Path, position: int, value: object, folder: Path) -> Path:
    """A resource's file, which must sit inside the package: nothing is downloaded."""
    where = f"resources[{position}].path"
    if not isinstance(value, str) or not value:
        raise FeedError(descriptor, "a resource needs one file path", field=where)
    problem = limits.field_problem(where, value, one_line=True)
    if problem is not None:
        raise FeedError(descriptor, problem, field=where)
    if "://" in value or value.startswith("/") or ".." in Path(value).parts:
        raise FeedError(descriptor, f"resource file {value!r} is outside the package", field=where)
    return folder / value


# Reading the tables ------------------------------------------------------------------


@dataclass(slots=True)
class _Tables:
    rows: dict[str, list[CsvRow]] = field(default_factory=dict)

    @classmethod
    def load(cls, feed: ParsedFeed, files: dict[str, Path]) -> _Tables:
        tables = cls()
        for name, file in files.items():
            required = ("id", "name") if name == "service" else ()
            _, tables.rows[name] = read_whole(file, required=required)
            if name not in _RECORD_TABLES:  # records are counted as they are built
                feed.records_read += len(tables.rows[name])
        return tables

    def all(self, table: str) -> list[CsvRow]:
        return self.rows.get(table, [])

    def by(self, table: str, column: str) -> dict[str, list[CsvRow]]:
        """The table's rows grouped by the value in `column` (a foreign key)."""
        groups: dict[str, list[CsvRow]] = defaultdict(list)
        for row in self.all(table):
            key = row.line(column)
            if key is not None:
                groups[key].append(row)
        return groups


def _records(feed: ParsedFeed, rows: Iterable[CsvRow]) -> Iterator[tuple[CsvRow, str, str]]:
    return named_rows(feed, rows, key=lambda row: row.line("id"), name=_name)


def _name(row: CsvRow) -> str | None:
    return row.line("name") or row.line("term")


# Taxonomy terms and organisations ----------------------------------------------------


def _taxonomy_terms(feed: ParsedFeed, tables: _Tables) -> list[TaxonomyTerm]:
    vocabularies = {row.line("id"): row for row in tables.all("taxonomy")}
    terms = (
        (row, term_id, _term(row, term_id, name, vocabularies.get(row.line("taxonomy_id"))))
        for row, term_id, name in _records(feed, tables.all("taxonomy_term"))
    )
    kept, duplicates = keep_last(terms)
    feed.duplicates.extend(duplicates)
    return kept


def _term(row: CsvRow, term_id: str, name: str, taxonomy: CsvRow | None) -> TaxonomyTerm:
    vocabulary = row.line("taxonomy") or (taxonomy.line("name") if taxonomy else None)
    uri = taxonomy.raw("uri") if taxonomy else None
    about = " ".join(filter(None, (vocabulary, row.raw("term_uri"), uri)))
    code = row.line("code")
    if _LGSL_TAXONOMY.search(about):
        vocabulary = "LGSL"
        code = _lgsl_number(code, row.raw("term_uri"), name, term_id)
    return TaxonomyTerm(
        id=term_id,
        name=name,
        vocabulary=vocabulary,
        code=code,
        parent_id=row.line("parent_id"),
        description=row.text("description"),
    )


def _lgsl_number(*candidates: str | None) -> str | None:
    """The LGSL number in the first candidate that ends in one (`372`, `.../service/372`)."""
    for candidate in candidates:
        match = _TRAILING_NUMBER.search((candidate or "").strip())
        if match:
            return match.group(1)
    return None


def _organizations(feed: ParsedFeed, tables: _Tables) -> list[Organization]:
    phones = tables.by("phone", "organization_id")
    organizations = (
        (row, org_id, _organization(row, org_id, name, phones.get(org_id, [])))
        for row, org_id, name in _records(feed, tables.all("organization"))
    )
    kept, duplicates = keep_last(organizations)
    feed.duplicates.extend(duplicates)
    return kept


def _organization(row: CsvRow, org_id: str, name: str, phones: list[CsvRow]) -> Organization:
    return Organization(
        id=org_id,
        name=name,
        description=row.text("description"),
        url=clean_url(row.raw("website") or row.raw("url")),
        email=clean_email(row.raw("email")),
        phones=_phones(phones),
    )


# Services ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Joins:
    """The child tables indexed by the key that points at their parent."""

    tables: _Tables
    phones_by_service: dict[str, list[CsvRow]]
    phones_by_contact: dict[str, list[CsvRow]]
    phones_by_visit: dict[str, list[CsvRow]]
    contacts_by_service: dict[str, list[CsvRow]]
    contacts_by_visit: dict[str, list[CsvRow]]
    schedules_by_service: dict[str, list[CsvRow]]
    schedules_by_visit: dict[str, list[CsvRow]]
    areas_by_service: dict[str, list[CsvRow]]
    visits_by_service: dict[str, list[CsvRow]]
    locations: dict[str, CsvRow]
    addresses_by_location: dict[str, list[CsvRow]]
    attributes_by_link: dict[str, list[CsvRow]]

    @classmethod
    def of(cls, tables: _Tables) -> _Joins:
        return cls(
            tables=tables,
            phones_by_service=tables.by("phone", "service_id"),
            phones_by_contact=tables.by("phone", "contact_id"),
            phones_by_visit=tables.by("phone", "service_at_location_id"),
            contacts_by_service=tables.by("contact", "service_id"),
            contacts_by_visit=tables.by("contact", "service_at_location_id"),
            schedules_by_service=tables.by("schedule", "service_id"),
            schedules_by_visit=tables.by("schedule", "service_at_location_id"),
            areas_by_service=tables.by("service_area", "service_id"),
            visits_by_service=tables.by("service_at_location", "service_id"),
            locations={key: rows[-1] for key, rows in tables.by("location", "id").items()},
            addresses_by_location=tables.by("address", "location_id"),
            attributes_by_link=tables.by("attribute", "link_id"),
        )

    def visit_ids(self, service_id: str) -> list[str]:
        """The service's service-at-location ids (where and when it is offered)."""
        rows = self.visits_by_service.get(service_id, [])
        return [key for key in (row.line("id") for row in rows) if key]

    def linked(
        self, by_service: dict[str, list[CsvRow]], by_visit: dict[str, list[CsvRow]], sid: str
    ) -> list[CsvRow]:
        """Rows naming the service directly or through one of its locations, each once."""
        rows = list(by_service.get(sid, []))
        seen = {id(row) for row in rows}
        for visit in self.visit_ids(sid):
            for row in by_visit.get(visit, []):
                if id(row) not in seen:
                    seen.add(id(row))
                    rows.append(row)
        return rows


def _services(feed: ParsedFeed, tables: _Tables, terms: dict[str, TaxonomyTerm]) -> list[Service]:
    joins = _Joins.of(tables)
    services = (
        (row, service_id, _service(row, service_id, name, joins, terms))
        for row, service_id, name in _records(feed, tables.all("service"))
    )
    kept, duplicates = keep_last(services)
    feed.duplicates.extend(duplicates)
    return kept


def _service(
    row: CsvRow, sid: str, name: str, joins: _Joins, terms: dict[str, TaxonomyTerm]
) -> Service:
    linked_terms = [
        terms[term_id]
        for term_id in (a.line("taxonomy_term_id") for a in joins.attributes_by_link.get(sid, []))
        if term_id in terms
    ]
    lgsl = next((t.code for t in linked_terms if t.vocabulary == "LGSL" and t.code), None)
    return Service(
        id=sid,
        name=name,
        organization_id=row.line("organization_id"),
        description=row.text("description"),
        url=clean_url(row.raw("url")),
        email=clean_email(row.raw("email")),
        status=_STATUSES.get(
            (row.line("status") or "").lower().replace(" ", "_"), ServiceStatus.ACTIVE
        ),
        eligibility=row.text("eligibility_description"),
        application_process=row.text("application_process"),
        fees=row.text("fees_description") or row.text("fees"),
        minimum_age=optional_int(row.raw("minimum_age")),
        maximum_age=optional_int(row.raw("maximum_age")),
        lgsl_code=lgsl,
        keywords=merge_tags([row.raw("alternate_name")]),
        phones=_phones(joins.linked(joins.phones_by_service, joins.phones_by_visit, sid)),
        contacts=_contacts(joins, sid),
        locations=_locations(joins, sid),
        schedules=_schedules(
            joins.linked(joins.schedules_by_service, joins.schedules_by_visit, sid)
        ),
        service_areas=_areas(joins.areas_by_service.get(sid, [])),
        taxonomy_term_ids=tuple(dict.fromkeys(term.id for term in linked_terms)),
        last_assured=_date(row.raw("assured_date")),
        last_modified=_datetime(row.raw("last_modified")),
    )


def _phones(rows: Iterable[CsvRow]) -> tuple[Phone, ...]:
    phones = []
    for row in rows:
        number = (row.line("number") or "").strip("\"' ")  # the HSDS examples quote it
        if not number:
            continue
        extension = row.line("extension")
        phones.append(
            Phone(
                number=f"{number} ext. {extension}" if extension else number,
                type=row.line("type"),
                description=row.text("description"),
            )
        )
    return tuple(phones)


def _contacts(joins: _Joins, sid: str) -> tuple[Contact, ...]:
    contacts = []
    for row in joins.linked(joins.contacts_by_service, joins.contacts_by_visit, sid):
        phones = _phones(joins.phones_by_contact.get(row.line("id") or "", []))
        contact = Contact(
            name=row.line("name"),
            title=row.line("title"),
            email=clean_email(row.raw("email")),
            phones=phones,
        )
        if contact != Contact():
            contacts.append(contact)
    return tuple(contacts)


def _locations(joins: _Joins, sid: str) -> tuple[Location, ...]:
    locations: dict[str, Location] = {}
    for visit in joins.visits_by_service.get(sid, []):
        location_id = visit.line("location_id")
        row = joins.locations.get(location_id or "")
        if location_id is None or row is None or location_id in locations:
            continue
        latitude, longitude = _coordinates(row)
        locations[location_id] = Location(
            id=location_id,
            name=row.line("name"),
            description=row.text("description"),
            address=_address(joins.addresses_by_location.get(location_id, [])),
            latitude=latitude,
            longitude=longitude,
        )
    return tuple(locations.values())


def _address(rows: list[CsvRow]) -> Address | None:
    """The location's physical address, else its first one."""
    if not rows:
        return None
    row = next((r for r in rows if (r.line("address_type") or "").lower() == "physical"), rows[0])
    return Address(
        address_1=row.line("address_1"),
        address_2=row.line("address_2"),
        city=row.line("city"),
        region=row.line("region") or row.line("state_province"),
        postal_code=row.line("postal_code"),
        country=row.line("country"),
    )


def _coordinates(row: CsvRow) -> tuple[float | None, float | None]:
    """Latitude and longitude when both are present and on the globe, else neither."""
    try:
        latitude, longitude = float(row.raw("latitude")), float(row.raw("longitude"))
    except ValueError:
        return None, None
    if -90 <= latitude <= 90 and -180 <= longitude <= 180:
        return latitude, longitude
    return None, None


def _schedules(rows: Iterable[CsvRow]) -> tuple[Schedule, ...]:
    schedules = []
    for row in rows:
        days = (day.strip().upper() for day in row.raw("byday").split(","))
        notes = (row.text("description"), row.text("notes"))
        schedule = Schedule(
            byday=tuple(day for day in days if _BYDAY.match(day)),
            opens_at=_clock(row.raw("opens_at")),
            closes_at=_clock(row.raw("closes_at")),
            description="\n\n".join(filter(None, notes)) or None,
        )
        if schedule != Schedule():
            schedules.append(schedule)
    return tuple(schedules)


def _clock(value: str) -> str | None:
    """HH:MM from `10:00`, `10:00:00` or `9:30:00Z`."""
    match = _CLOCK.match(value.strip())
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _areas(rows: Iterable[CsvRow]) -> tuple[ServiceArea, ...]:
    areas = []
    for row in rows:
        name = row.line("name") or row.line("service_area")
        if name is None:
            continue
        code = _GSS_CODE.search(" ".join((row.raw("uri"), row.raw("name"))))
        areas.append(
            ServiceArea(
                name=name,
                gss_code=code.group(1) if code else None,
                description=row.text("description"),
            )
        )
    return tuple(areas)


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _datetime(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
