"""The service catalogue as the desk and the hub understand it, independent of any feed format.

Every record is keyed by the source it came from plus the id it had there, so two agencies
that happen to use the same id never collide and a re-import can tell what vanished.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class ServiceStatus(enum.StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"
    TEMPORARILY_CLOSED = "temporarily closed"


class Tier(enum.StrEnum):
    """Which tier of council provides a service (GOV.UK's Providing Tier) or a council is."""

    COUNTY = "county"
    DISTRICT = "district"
    UNITARY = "unitary"


def catalogue_id(source: str, source_id: str) -> str:
    """The catalogue-wide id of a record: unique across sources, stable across re-imports."""
    return f"{source}:{source_id}"


@dataclass(frozen=True, slots=True)
class Phone:
    number: str
    type: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    address_1: str | None = None
    address_2: str | None = None
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None

    def one_line(self) -> str:
        parts = (self.address_1, self.address_2, self.city, self.region, self.postal_code)
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Location:
    id: str
    name: str | None = None
    description: str | None = None
    address: Address | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None = None
    title: str | None = None
    email: str | None = None
    phones: tuple[Phone, ...] = ()


@dataclass(frozen=True, slots=True)
class Schedule:
    """One regular opening: days as RFC 5545 BYDAY codes (MO..SU), times as HH:MM local."""

    byday: tuple[str, ...] = ()
    opens_at: str | None = None
    closes_at: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ServiceArea:
    """Where a service is delivered. `gss_code` names an ONS area (ward, district, county...)
    when the feed or the publisher gives one; otherwise only the name is known."""

    name: str
    gss_code: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class TaxonomyTerm:
    id: str
    name: str
    vocabulary: str | None = None
    code: str | None = None
    parent_id: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    description: str | None = None
    url: str | None = None
    email: str | None = None
    phones: tuple[Phone, ...] = ()


@dataclass(frozen=True, slots=True)
class Service:
    """One service as published by one source. `id` is the source's own identifier."""

    id: str
    name: str
    organization_id: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: ServiceStatus = ServiceStatus.ACTIVE
    eligibility: str | None = None
    application_process: str | None = None
    fees: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    lgsl_code: str | None = None
    providing_tier: Tier | None = None
    keywords: tuple[str, ...] = ()
    phones: tuple[Phone, ...] = ()
    contacts: tuple[Contact, ...] = ()
    locations: tuple[Location, ...] = ()
    schedules: tuple[Schedule, ...] = ()
    service_areas: tuple[ServiceArea, ...] = ()
    taxonomy_term_ids: tuple[str, ...] = ()
    last_assured: dt.date | None = None
    last_modified: dt.datetime | None = None


@dataclass(slots=True)
class Catalogue:
    """What one import of one source yields: the records plus what happened to the rest."""

    services: list[Service] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    taxonomy_terms: list[TaxonomyTerm] = field(default_factory=list)
