"""Services joined back together from the tables of an HSDS 3.0 tabular data package.

A service row is only the start: its phones, contacts and opening times may hang off the
service or off one of its service-at-location rows, its locations come through
`service_at_location` with their addresses, and its taxonomy terms through `attribute`
rows (an LGSL term giving the service its LGSL code).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from frontdesk.core.catalogue import (
    Address,
    Contact,
    Location,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
)
from frontdesk.formats.base import ParsedFeed
from frontdesk.formats.csvfeed import CsvRow, keep_last
from frontdesk.formats.hsds_package import Tables, named_records
from frontdesk.formats.hygiene import clean_email, clean_url, merge_tags, optional_int

_GSS_CODE = re.compile(r"\b([EWSNK]\d{8})\b")
_BYDAY = re.compile(r"^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})")
_STATUSES = {status.value.replace(" ", "_"): status for status in ServiceStatus}


@dataclass(slots=True)
class _Joins:
    """The child tables indexed by the key that points at their parent."""

    tables: Tables
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
    def of(cls, tables: Tables) -> _Joins:
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


def joined_services(
    feed: ParsedFeed, tables: Tables, terms: dict[str, TaxonomyTerm]
) -> list[Service]:
    """Every named service row with what hangs off it; a repeated id keeps the later row."""
    joins = _Joins.of(tables)
    services = (
        (row, service_id, _service(row, service_id, name, joins, terms))
        for row, service_id, name in named_records(feed, tables.all("service"))
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
        phones=phones_of(joins.linked(joins.phones_by_service, joins.phones_by_visit, sid)),
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


def phones_of(rows: Iterable[CsvRow]) -> tuple[Phone, ...]:
    """Phone rows (of a service, contact or organisation) with a number, extension kept."""
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
        phones = phones_of(joins.phones_by_contact.get(row.line("id") or "", []))
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
