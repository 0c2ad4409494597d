"""The HSDS 3.0 objects of an export, built from catalogue records.

`Exporter` turns services (with their organisation, phones, contacts, schedules, service
areas, locations and taxonomy terms) into the nested objects the specification's
compiled `service.json` accepts, with stable UUID 5 ids. Why each choice was made is in
`hsds_export`'s docstring; this module is how.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Iterable
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


def export_uid(*parts: str) -> str:
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


class Exporter:
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
        sid = export_uid("service", source, service.id)
        organization = (
            self.organizations.get(service.organization_id) if service.organization_id else None
        )
        return _compact(
            {
                "id": sid,
                "organization_id": (
                    export_uid("organization", source, service.organization_id)
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
        oid = export_uid("organization", source, organization.id)
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
        lid = export_uid("location", source, location.id)
        return {
            "id": export_uid("service_at_location", sid, lid),
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
                "id": export_uid("taxonomy_term", LGSL_TAXONOMY, code),
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
                "id": export_uid("taxonomy_term", source, term.id),
                "code": term.code or term.id,
                "name": term.name,
                "description": term.description or "",
                "parent_id": (
                    export_uid("taxonomy_term", source, term.parent_id) if term.parent_id else None
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
        "id": export_uid("taxonomy_term", "frontdesk", SOURCE_ID_TAXONOMY),
        "code": SOURCE_ID_TAXONOMY,
        "name": "Source identifier",
        "description": "The record's id in the feed frontdesk imported it from, as source:id.",
        "taxonomy": SOURCE_ID_TAXONOMY,
    }


def _keyword_term(keyword: str) -> JsonObject:
    return {
        "id": export_uid("taxonomy_term", KEYWORD_TAXONOMY, keyword),
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
            "id": export_uid("attribute", link_id, term["id"], value or ""),
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
                "id": export_uid("phone", parent_id, str(index)),
                "number": phone.number,
                "type": phone.type,
                "description": phone.description,
            }
        )
        for index, phone in enumerate(phones)
    ]


def _contact(sid: str, index: int, contact: Contact) -> JsonObject:
    cid = export_uid("contact", sid, str(index))
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
            "id": export_uid("schedule", sid, str(index)),
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
            "id": export_uid("service_area", sid, str(index)),
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
            "id": export_uid("address", lid),
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
