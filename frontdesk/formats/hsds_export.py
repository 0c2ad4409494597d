"""Export the catalogue as an HSDS 3.0 service list, so another directory can take it in.

The output is the document an HSDS 3.0 API returns for ``GET /services?full=true``: one page
(``total_items`` ... ``contents``) holding every service fully nested (organization, phones,
contacts, schedules, service areas, service-at-locations with their locations and
addresses, attributes with their taxonomy terms). It validates against the specification's
compiled ``service.json`` item by item and against the ``/services`` response in its
``openapi.json`` as a whole.

Decisions, and why:

- **Ids.** HSDS wants a UUID on almost every object; feeds give us any string, and many
  sub-records (phones, schedules...) have no id at all. Each id is a UUID 5 over
  `FRONTDESK_NAMESPACE` and the record's identity: kind + source + source id for services,
  organizations, locations and taxonomy terms; the parent's UUID + kind + position for
  the rest. The same catalogue therefore always exports the same bytes, and a re-export
  keeps ids a consumer may already have stored. Existing UUIDs are not reused: two
  sources may share one, and one rule is easier to reason about.
- **Original ids.** They stay discoverable as an HSDS attribute whose taxonomy term is
  in the ``frontdesk-source-id`` taxonomy and whose ``value`` is the catalogue id
  (``source:id``, or the bare id when no source is known). Attributes are the HSDS
  extension point meant for facts that have no column; ``url`` and ``alternate_name`` are
  shown to the public and would mislead if overloaded. Services, organizations and
  locations carry one. A taxonomy term without a code of its own gets its original id in
  ``code``, which HSDS defines as the term's identifier within its taxonomy.
- **LGSL.** ``Service.lgsl_code`` becomes an attribute whose term is in taxonomy
  ``LGSL`` with the code in ``code`` and the esd URI in ``term_uri``. LGSL term UUIDs
  depend on the code only (it is one national list), so catalogue terms in the LGSL
  vocabulary with the same code merge with it instead of appearing twice.
- **Keywords** (HSDS has no field for them) become one term each in the
  ``frontdesk-keyword`` taxonomy, named by the keyword, so a consumer that shows or indexes
  term names (as most do, frontdesk's own reader included) gets the keywords back. The
  GOV.UK providing tier is not exported: frontdesk derives it from the LGSL code, which is.
- **GSS codes** become the service area's ``uri``: the ONS linked-data URI of the area,
  which HSDS describes as "a persistent identifier to identify an area".
- **Schedules.** ``byday`` is written as ``"MO,TU"`` with ``freq: WEEKLY``; times stay
  ``HH:MM`` (the schema's own description; it sets no format). No time-zone suffix is
  added: the catalogue's times are UK wall-clock times, which no fixed UTC offset
  describes all year.
- **Missing values** are omitted, never written as null (the schema allows no nulls),
  and so are empty lists. Text the schema requires but the catalogue lacks (an
  organization's description, an address line) is written as an empty string rather
  than invented; an address with no country is taken to be in the UK (``GB``).
- **Dates.** ``last_modified`` is RFC 3339 in UTC with milliseconds, as the schema asks;
  a naive datetime is taken to be UTC already.
- **Order.** Services are sorted by (source, id) so the output does not depend on the
  order a store happened to return them in; lists inside a service keep their order,
  which the publisher chose (first phone first).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from frontdesk.core.catalogue import (
    Address,
    Catalogue,
    Contact,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceStatus,
    TaxonomyTerm,
    catalogue_id,
)
from frontdesk.formats.hsds_json import SOURCE_ID_TAXONOMY

JsonObject = dict[str, Any]

#: Never change this: every exported id is derived from it.
FRONTDESK_NAMESPACE = uuid.UUID("6be1503a-2968-4123-a7e9-e21cf8ba69d7")

LGSL_TAXONOMY = "LGSL"
LGSL_TERM_URI = "http://id.esd.org.uk/service/"
KEYWORD_TAXONOMY = "frontdesk-keyword"
GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/"

_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_UK_COUNTRY_NAMES = frozenset(
    {"gb", "uk", "united kingdom", "great britain", "england", "wales", "scotland"}
)


def catalogue_to_hsds3(
    catalogue: Catalogue, *, source_of: Callable[[Service], str] | None = None
) -> JsonObject:
    """Build the HSDS 3.0 service-list page for the whole catalogue.

    `source_of` names the source each service came from; it scopes ids so two sources that
    reuse an id never share a UUID. Without it every record is treated as from one source.
    """
    exporter = _Exporter(catalogue, source_of)
    return exporter.page()


def hsds_uid(kind: str, source: str, record_id: str) -> str:
    """The exported UUID of one record (kind is ``service``, ``organization``, ``location``,
    ``taxonomy_term``...): what an HSDS consumer sees as its ``id``."""
    return _uid(kind, source, record_id)


def taxonomy_uid(vocabulary: str) -> str:
    """The UUID of a taxonomy (a vocabulary of terms) as an HSDS API lists it."""
    return _uid("taxonomy", vocabulary)


def service_to_hsds3(
    service: Service,
    source: str = "",
    *,
    organizations: Iterable[Organization] = (),
    taxonomy_terms: Iterable[TaxonomyTerm] = (),
) -> JsonObject:
    """One service as a full HSDS 3.0 object, for an API that renders services one page at
    a time. `organizations` and `taxonomy_terms` need hold only what the service refers to,
    with ids as the service uses them (the source's own)."""
    lookups = Catalogue(organizations=list(organizations), taxonomy_terms=list(taxonomy_terms))
    return _Exporter(lookups, None).service(service, source)


def organization_to_hsds3(organization: Organization, source: str = "") -> JsonObject:
    """One organization as an HSDS 3.0 object (without its services)."""
    return _Exporter(Catalogue(), None).organization(organization, source)


def taxonomy_term_to_hsds3(term: TaxonomyTerm, source: str = "") -> JsonObject:
    """One taxonomy term as an HSDS 3.0 object; LGSL terms get their national UUID."""
    return _Exporter(Catalogue(taxonomy_terms=[term]), None).term(term.id, source)


def write_hsds3(
    catalogue: Catalogue, out: Path, *, source_of: Callable[[Service], str] | None = None
) -> int:
    """Write the export to `out` and return how many services it holds.

    The file is written beside `out` under a temporary name, flushed to disk and then
    renamed over `out`, so a crash or a full disk leaves either the old file or the new
    one, never half of one.
    """
    document = catalogue_to_hsds3(catalogue, source_of=source_of)
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    _write_atomically(Path(out), data)
    return len(document["contents"])


def _write_atomically(out: Path, data: bytes) -> None:
    temp = out.parent / f".{out.name}.{secrets.token_hex(8)}.tmp"
    # os.open with 0o666 lets the user's umask decide the permissions, as for any new file
    # (mkstemp would leave the export readable by its owner only).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(out.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable. Best effort: Windows cannot open a directory, and
    some network file systems refuse to sync one; the file is complete either way."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _uid(*parts: str) -> str:
    # JSON-encoding the parts keeps ("a:b", "c") and ("a", "b:c") apart.
    return str(uuid.uuid5(FRONTDESK_NAMESPACE, json.dumps(parts, ensure_ascii=False)))


def _compact(record: JsonObject) -> JsonObject:
    """Drop None and empty lists: HSDS allows no nulls, and absent means empty."""
    return {k: v for k, v in record.items() if v is not None and v != []}


def _is_lgsl(vocabulary: str | None) -> bool:
    return vocabulary is not None and vocabulary.strip().upper() == LGSL_TAXONOMY


def _time(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    match = _TIME.match(value.strip())
    if match is None:
        return value.strip()  # the schema accepts any text; dropping it would lose a fact
    hours, minutes, seconds = match.groups()
    text = f"{int(hours):02d}:{minutes}"
    return text if seconds in (None, "00") else f"{text}:{seconds}"


def _datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    text = value.astimezone(dt.UTC).isoformat(timespec="milliseconds")
    return text.removesuffix("+00:00") + "Z"


def _country(value: str | None) -> str:
    if value is None or not value.strip():
        return "GB"
    text = value.strip()
    if text.casefold() in _UK_COUNTRY_NAMES:
        return "GB"
    return text.upper() if len(text) == 2 else text


class _Exporter:
    """Holds the catalogue's lookups while its services are turned into HSDS objects."""

    def __init__(self, catalogue: Catalogue, source_of: Callable[[Service], str] | None) -> None:
        self.catalogue = catalogue
        self.source_of = source_of
        self.organizations: dict[str, Organization] = {}
        for organization in catalogue.organizations:
            self.organizations.setdefault(organization.id, organization)
        self.terms: dict[str, TaxonomyTerm] = {}
        self.lgsl_terms: dict[str, TaxonomyTerm] = {}
        for term in catalogue.taxonomy_terms:
            self.terms.setdefault(term.id, term)
            if _is_lgsl(term.vocabulary) and term.code:
                self.lgsl_terms.setdefault(term.code.strip(), term)

    def page(self) -> JsonObject:
        keyed = [(self._source(service), service) for service in self.catalogue.services]
        keyed.sort(key=lambda pair: (pair[0], pair[1].id))
        contents = [self.service(service, source) for source, service in keyed]
        return {
            "total_items": len(contents),
            "total_pages": 1,
            "page_number": 1,
            "size": len(contents),
            "first_page": True,
            "last_page": True,
            "empty": not contents,
            "contents": contents,
        }

    def _source(self, service: Service) -> str:
        return self.source_of(service) if self.source_of is not None else ""

    def service(self, service: Service, source: str) -> JsonObject:
        sid = _uid("service", source, service.id)
        organization = (
            self.organizations.get(service.organization_id) if service.organization_id else None
        )
        return _compact(
            {
                "id": sid,
                "organization_id": (
                    _uid("organization", source, service.organization_id)
                    if service.organization_id
                    else None
                ),
                "name": service.name,
                "description": service.description,
                "url": service.url,
                "email": service.email,
                "status": ServiceStatus(service.status).value,
                "application_process": service.application_process,
                "fees_description": service.fees,
                "eligibility_description": service.eligibility,
                "minimum_age": service.minimum_age,
                "maximum_age": service.maximum_age,
                "assured_date": (
                    service.last_assured.isoformat() if service.last_assured else None
                ),
                "last_modified": (
                    _datetime(service.last_modified) if service.last_modified else None
                ),
                "phones": _phones(sid, service.phones),
                "schedules": [_schedule(sid, i, s) for i, s in enumerate(service.schedules)],
                "service_areas": [
                    _service_area(sid, i, a) for i, a in enumerate(service.service_areas)
                ],
                "service_at_locations": [
                    self.service_at_location(sid, source, location)
                    for location in service.locations
                ],
                "organization": (self.organization(organization, source) if organization else None),
                "contacts": [_contact(sid, i, c) for i, c in enumerate(service.contacts)],
                "attributes": self.service_attributes(sid, source, service),
            }
        )

    def organization(self, organization: Organization, source: str) -> JsonObject:
        oid = _uid("organization", source, organization.id)
        return _compact(
            {
                "id": oid,
                "name": organization.name,
                "description": organization.description or "",
                "email": organization.email,
                "website": organization.url,
                "phones": _phones(oid, organization.phones),
                "attributes": [_source_id_attribute(oid, "organization", source, organization.id)],
            }
        )

    def service_at_location(self, sid: str, source: str, location: Location) -> JsonObject:
        lid = _uid("location", source, location.id)
        return {
            "id": _uid("service_at_location", sid, lid),
            "location": _location(lid, source, location),
        }

    def service_attributes(self, sid: str, source: str, service: Service) -> list[JsonObject]:
        attributes: list[JsonObject] = []
        if service.lgsl_code and service.lgsl_code.strip():
            attributes.append(_attribute(sid, "service", self.lgsl_term(service.lgsl_code)))
        for term_id in service.taxonomy_term_ids:
            attributes.append(_attribute(sid, "service", self.term(term_id, source)))
        keywords = (k.strip() for k in service.keywords)
        attributes.extend(_attribute(sid, "service", _keyword_term(k)) for k in keywords if k)
        attributes.append(_source_id_attribute(sid, "service", source, service.id))
        return _unique(attributes)

    def lgsl_term(self, code: str) -> JsonObject:
        code = code.strip()
        known = self.lgsl_terms.get(code)
        return _compact(
            {
                "id": _uid("taxonomy_term", LGSL_TAXONOMY, code),
                "code": code,
                "name": known.name if known else f"LGSL {code}",
                "description": (known.description if known else None) or "",
                "taxonomy": LGSL_TAXONOMY,
                "term_uri": LGSL_TERM_URI + code,
            }
        )

    def term(self, term_id: str, source: str) -> JsonObject:
        term = self.terms.get(term_id)
        if term is None:
            # A dangling reference still says something; keep it rather than drop it.
            term = TaxonomyTerm(id=term_id, name=term_id)
        if _is_lgsl(term.vocabulary) and term.code:
            return self.lgsl_term(term.code)
        return _compact(
            {
                "id": _uid("taxonomy_term", source, term.id),
                "code": term.code or term.id,
                "name": term.name,
                "description": term.description or "",
                "parent_id": (
                    _uid("taxonomy_term", source, term.parent_id) if term.parent_id else None
                ),
                "taxonomy": term.vocabulary,
            }
        )


def _unique(attributes: Iterable[JsonObject]) -> list[JsonObject]:
    seen: set[str] = set()
    out: list[JsonObject] = []
    for attribute in attributes:
        if attribute["id"] not in seen:
            seen.add(attribute["id"])
            out.append(attribute)
    return out


def _source_id_term() -> JsonObject:
    return {
        "id": _uid("taxonomy_term", "frontdesk", SOURCE_ID_TAXONOMY),
        "code": SOURCE_ID_TAXONOMY,
        "name": "Source identifier",
        "description": "The record's id in the feed frontdesk imported it from, as source:id.",
        "taxonomy": SOURCE_ID_TAXONOMY,
    }


def _keyword_term(keyword: str) -> JsonObject:
    return {
        "id": _uid("taxonomy_term", KEYWORD_TAXONOMY, keyword),
        "code": keyword,
        "name": keyword,
        "description": "",
        "taxonomy": KEYWORD_TAXONOMY,
    }


def _attribute(
    link_id: str, link_entity: str, term: JsonObject, value: str | None = None
) -> JsonObject:
    return _compact(
        {
            "id": _uid("attribute", link_id, term["id"], value or ""),
            "link_id": link_id,
            "link_entity": link_entity,
            "taxonomy_term_id": term["id"],
            "value": value,
            "taxonomy_term": term,
        }
    )


def _source_id_attribute(link_id: str, link_entity: str, source: str, record_id: str) -> JsonObject:
    value = catalogue_id(source, record_id) if source else record_id
    return _attribute(link_id, link_entity, _source_id_term(), value)


def _phones(parent_id: str, phones: Iterable[Phone]) -> list[JsonObject]:
    return [
        _compact(
            {
                "id": _uid("phone", parent_id, str(index)),
                "number": phone.number,
                "type": phone.type,
                "description": phone.description,
            }
        )
        for index, phone in enumerate(phones)
    ]


def _contact(sid: str, index: int, contact: Contact) -> JsonObject:
    cid = _uid("contact", sid, str(index))
    return _compact(
        {
            "id": cid,
            "name": contact.name,
            "title": contact.title,
            "email": contact.email,
            "phones": _phones(cid, contact.phones),
        }
    )


def _schedule(sid: str, index: int, schedule: Schedule) -> JsonObject:
    days = [day.strip().upper() for day in schedule.byday if day.strip()]
    return _compact(
        {
            "id": _uid("schedule", sid, str(index)),
            "freq": "WEEKLY" if days else None,
            "byday": ",".join(days) or None,
            "opens_at": _time(schedule.opens_at),
            "closes_at": _time(schedule.closes_at),
            "description": schedule.description,
        }
    )


def _service_area(sid: str, index: int, area: ServiceArea) -> JsonObject:
    gss = area.gss_code.strip() if area.gss_code else None
    return _compact(
        {
            "id": _uid("service_area", sid, str(index)),
            "name": area.name,
            "description": area.description,
            "uri": GSS_URI + gss if gss else None,
        }
    )


def _location(lid: str, source: str, location: Location) -> JsonObject:
    return _compact(
        {
            "id": lid,
            "location_type": "physical",
            "name": location.name,
            "description": location.description,
            "latitude": location.latitude,
            "longitude": location.longitude,
            "addresses": [_address(lid, location.address)] if location.address else [],
            "attributes": [_source_id_attribute(lid, "location", source, location.id)],
        }
    )


def _address(lid: str, address: Address) -> JsonObject:
    # address_1, city, state_province, postal_code and country are required by HSDS.
    return _compact(
        {
            "id": _uid("address", lid),
            "address_1": address.address_1 or "",
            "address_2": address.address_2,
            "city": address.city or "",
            "region": address.region,
            "state_province": address.region or "",
            "postal_code": address.postal_code or "",
            "country": _country(address.country),
            "address_type": "physical",
        }
    )
