"""Services to and from plain JSON-able dicts: one encoding for the desk cache, the hub's
change feed and the sync payloads, so a record looks the same wherever it travels."""

from __future__ import annotations

import datetime as dt
from typing import Any

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
    Tier,
)

JSON = dict[str, Any]


def _drop_empty(data: JSON) -> JSON:
    return {k: v for k, v in data.items() if v not in (None, (), [], "")}


def phone_to_dict(phone: Phone) -> JSON:
    return _drop_empty(
        {"number": phone.number, "type": phone.type, "description": phone.description}
    )


def phone_from_dict(data: JSON) -> Phone:
    return Phone(number=data["number"], type=data.get("type"), description=data.get("description"))


def _address_to_dict(address: Address | None) -> JSON | None:
    if address is None:
        return None
    return _drop_empty(
        {
            "address_1": address.address_1,
            "address_2": address.address_2,
            "city": address.city,
            "region": address.region,
            "postal_code": address.postal_code,
            "country": address.country,
        }
    )


def _address_from_dict(data: JSON | None) -> Address | None:
    if not data:
        return None
    return Address(**{k: data.get(k) for k in Address.__slots__})


def _location_to_dict(location: Location) -> JSON:
    return _drop_empty(
        {
            "id": location.id,
            "name": location.name,
            "description": location.description,
            "address": _address_to_dict(location.address),
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    )


def _location_from_dict(data: JSON) -> Location:
    return Location(
        id=data["id"],
        name=data.get("name"),
        description=data.get("description"),
        address=_address_from_dict(data.get("address")),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
    )


def _contact_to_dict(contact: Contact) -> JSON:
    return _drop_empty(
        {
            "name": contact.name,
            "title": contact.title,
            "email": contact.email,
            "phones": [phone_to_dict(p) for p in contact.phones],
        }
    )


def _contact_from_dict(data: JSON) -> Contact:
    return Contact(
        name=data.get("name"),
        title=data.get("title"),
        email=data.get("email"),
        phones=tuple(phone_from_dict(p) for p in data.get("phones", ())),
    )


def _schedule_to_dict(schedule: Schedule) -> JSON:
    return _drop_empty(
        {
            "byday": list(schedule.byday),
            "opens_at": schedule.opens_at,
            "closes_at": schedule.closes_at,
            "description": schedule.description,
        }
    )


def _schedule_from_dict(data: JSON) -> Schedule:
    return Schedule(
        byday=tuple(data.get("byday", ())),
        opens_at=data.get("opens_at"),
        closes_at=data.get("closes_at"),
        description=data.get("description"),
    )


def _area_to_dict(area: ServiceArea) -> JSON:
    return _drop_empty(
        {"name": area.name, "gss_code": area.gss_code, "description": area.description}
    )


def _area_from_dict(data: JSON) -> ServiceArea:
    return ServiceArea(
        name=data["name"], gss_code=data.get("gss_code"), description=data.get("description")
    )


def service_to_dict(service: Service) -> JSON:
    """Every field of a service; empty values left out so equal services encode equally."""
    return _drop_empty(
        {
            "id": service.id,
            "name": service.name,
            "organization_id": service.organization_id,
            "description": service.description,
            "url": service.url,
            "email": service.email,
            "status": service.status.value,
            "eligibility": service.eligibility,
            "application_process": service.application_process,
            "fees": service.fees,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "lgsl_code": service.lgsl_code,
            "providing_tier": service.providing_tier.value if service.providing_tier else None,
            "keywords": list(service.keywords),
            "phones": [phone_to_dict(p) for p in service.phones],
            "contacts": [_contact_to_dict(c) for c in service.contacts],
            "locations": [_location_to_dict(loc) for loc in service.locations],
            "schedules": [_schedule_to_dict(s) for s in service.schedules],
            "service_areas": [_area_to_dict(a) for a in service.service_areas],
            "taxonomy_term_ids": list(service.taxonomy_term_ids),
            "last_assured": service.last_assured.isoformat() if service.last_assured else None,
            "last_modified": service.last_modified.isoformat() if service.last_modified else None,
        }
    )


def service_from_dict(data: JSON) -> Service:
    tier = data.get("providing_tier")
    assured = data.get("last_assured")
    modified = data.get("last_modified")
    return Service(
        id=data["id"],
        name=data["name"],
        organization_id=data.get("organization_id"),
        description=data.get("description"),
        url=data.get("url"),
        email=data.get("email"),
        status=ServiceStatus(data.get("status", ServiceStatus.ACTIVE.value)),
        eligibility=data.get("eligibility"),
        application_process=data.get("application_process"),
        fees=data.get("fees"),
        minimum_age=data.get("minimum_age"),
        maximum_age=data.get("maximum_age"),
        lgsl_code=data.get("lgsl_code"),
        providing_tier=Tier(tier) if tier else None,
        keywords=tuple(data.get("keywords", ())),
        phones=tuple(phone_from_dict(p) for p in data.get("phones", ())),
        contacts=tuple(_contact_from_dict(c) for c in data.get("contacts", ())),
        locations=tuple(_location_from_dict(loc) for loc in data.get("locations", ())),
        schedules=tuple(_schedule_from_dict(s) for s in data.get("schedules", ())),
        service_areas=tuple(_area_from_dict(a) for a in data.get("service_areas", ())),
        taxonomy_term_ids=tuple(data.get("taxonomy_term_ids", ())),
        last_assured=dt.date.fromisoformat(assured) if assured else None,
        last_modified=dt.datetime.fromisoformat(modified) if modified else None,
    )


def organization_to_dict(org: Organization) -> JSON:
    return _drop_empty(
        {
            "id": org.id,
            "name": org.name,
            "description": org.description,
            "url": org.url,
            "email": org.email,
            "phones": [phone_to_dict(p) for p in org.phones],
        }
    )


def organization_from_dict(data: JSON) -> Organization:
    return Organization(
        id=data["id"],
        name=data["name"],
        description=data.get("description"),
        url=data.get("url"),
        email=data.get("email"),
        phones=tuple(phone_from_dict(p) for p in data.get("phones", ())),
    )


def taxonomy_term_to_dict(term: TaxonomyTerm) -> JSON:
    return _drop_empty(
        {
            "id": term.id,
            "name": term.name,
            "vocabulary": term.vocabulary,
            "code": term.code,
            "parent_id": term.parent_id,
            "description": term.description,
        }
    )


def taxonomy_term_from_dict(data: JSON) -> TaxonomyTerm:
    return TaxonomyTerm(
        id=data["id"],
        name=data["name"],
        vocabulary=data.get("vocabulary"),
        code=data.get("code"),
        parent_id=data.get("parent_id"),
        description=data.get("description"),
    )
