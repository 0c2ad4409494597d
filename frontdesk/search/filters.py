"""What the adviser can narrow a search by, and the SQL that narrows it.

Every value travels as a bound parameter; only fixed SQL text is assembled here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontdesk.core.catalogue import ServiceStatus, Tier
from frontdesk.search.coverage import Place


@dataclass(frozen=True, slots=True)
class Filters:
    """Leave a field None to not filter on it. `status` defaults to active services only."""

    organization_id: str | None = None
    taxonomy_term_id: str | None = None
    lgsl_code: str | None = None
    status: ServiceStatus | None = ServiceStatus.ACTIVE
    age: int | None = None
    postcode: str | None = None
    # Only these services (catalogue ids): the desk's most used, listed when nothing is typed.
    service_ids: tuple[str, ...] | None = None


@dataclass(slots=True)
class Clause:
    """SQL conditions on `services AS s` (joined with AND) and their parameters, in order."""

    conditions: list[str]
    params: list[Any]

    def sql(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "1"


def filter_clause(filters: Filters, place: Place | None) -> Clause:
    clause = Clause([], [])
    if filters.status is not None:
        clause.conditions.append("s.status = ?")
        clause.params.append(filters.status.value)
    if filters.organization_id is not None:
        clause.conditions.append("s.organization_id = ?")
        clause.params.append(filters.organization_id)
    if filters.lgsl_code is not None:
        clause.conditions.append("s.lgsl_code = ?")
        clause.params.append(filters.lgsl_code)
    if filters.taxonomy_term_id is not None:
        clause.conditions.append(
            "EXISTS (SELECT 1 FROM service_taxonomy x WHERE x.service_rowid = s.rowid"
            " AND x.term_id = ?)"
        )
        clause.params.append(filters.taxonomy_term_id)
    if filters.age is not None:
        clause.conditions.append(
            "(s.minimum_age IS NULL OR s.minimum_age <= ?)"
            " AND (s.maximum_age IS NULL OR s.maximum_age >= ?)"
        )
        clause.params.extend([filters.age, filters.age])
    if filters.service_ids is not None:
        marks = ", ".join("?" * len(filters.service_ids)) or "NULL"
        clause.conditions.append(f"s.id IN ({marks})")
        clause.params.extend(filters.service_ids)
    if place is not None:
        covers = covers_expression(place)
        # Keep what covers the address and what says nothing about where it works.
        clause.conditions.append(f"coalesce({covers.sql()}, 1) = 1")
        clause.params.extend(covers.params)
    return clause


def covers_expression(place: Place) -> Clause:
    """1 when a service's areas cover `place`, 0 when they do not, NULL when it has none."""
    parts: list[str] = []
    params: list[Any] = []
    if place.two_tier:
        for tier in (Tier.COUNTY, Tier.DISTRICT):
            areas = sorted(place.areas_for(tier))
            parts.append(
                f"(s.lgsl_code IS NOT NULL AND s.providing_tier = ? AND a.gss IN ({_marks(areas)}))"
            )
            params.extend([tier.value, *areas])
        areas = sorted(place.areas())
        parts.append(
            "((s.lgsl_code IS NULL OR coalesce(s.providing_tier, '') NOT IN (?, ?))"
            f" AND a.gss IN ({_marks(areas)}))"
        )
        params.extend([Tier.COUNTY.value, Tier.DISTRICT.value, *areas])
    else:
        areas = sorted(place.areas())
        parts.append(f"a.gss IN ({_marks(areas)})")
        params.extend(areas)
    sql = (
        "(CASE WHEN EXISTS (SELECT 1 FROM service_areas a WHERE a.service_rowid = s.rowid"
        f" AND ({' OR '.join(parts)})) THEN 1"
        " WHEN EXISTS (SELECT 1 FROM service_areas a WHERE a.service_rowid = s.rowid) THEN 0"
        " END)"
    )
    return Clause([sql], params)


def _marks(values: list[str]) -> str:
    return ", ".join("?" for _ in values)
