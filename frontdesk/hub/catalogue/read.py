"""The catalogue as an Open Referral HSDS 3.0 API: queries and paging.

Rendering is `frontdesk.formats.hsds_export`'s, one service at a time, so the hub's API
and `frontdesk export --format hsds3` can never disagree about what a service looks like.
Ids in the API are those UUIDs; a service may also be fetched by its catalogue id
(`source:id`), which is what desks and logs use.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, or_, select, true

from frontdesk.core.catalogue import catalogue_id
from frontdesk.core.codec import (
    organization_from_dict,
    service_from_dict,
    taxonomy_term_from_dict,
)
from frontdesk.formats.hsds_export import (
    organization_to_hsds3,
    service_to_hsds3,
    taxonomy_term_to_hsds3,
    taxonomy_uid,
)
from frontdesk.hub import schema as t
from frontdesk.hub.db import reading

JsonObject = dict[str, Any]
HSDS_VERSION = "3.0"
HSDS_PROFILE = "https://github.com/openreferral/specification/tree/3.0"
ORGANIZATION_LIST_FIELDS = ("id", "name", "alternate_name", "description", "email", "website")


@dataclass(frozen=True, slots=True)
class Paging:
    page: int = 1
    per_page: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True, slots=True)
class ServiceFilter:
    search: str | None = None
    taxonomy_term_id: str | None = None
    organization_id: str | None = None
    modified_after: dt.datetime | None = None


def envelope(contents: list[JsonObject], total: int, paging: Paging) -> JsonObject:
    """The HSDS paging wrapper around one page of results."""
    pages = max(1, math.ceil(total / paging.per_page))
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": paging.page,
        "size": len(contents),
        "first_page": paging.page == 1,
        "last_page": paging.page >= pages,
        "empty": not contents,
        "contents": contents,
    }


def _like_all(column: Any, text: str | None) -> list[Any]:
    """Every word of `text` must appear; LIKE wildcards typed by the user match literally."""
    if not text:
        return []
    words = text.casefold().split()[:10]
    escaped = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words)
    return [func.lower(column).like(f"%{w}%", escape="\\") for w in escaped]


def _page(conn: Connection, query: Select[Any], paging: Paging) -> tuple[list[Any], int]:
    total = conn.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = conn.execute(query.limit(paging.per_page).offset(paging.offset)).all()
    return list(rows), int(total)


# -- services ------------------------------------------------------------------------


def _service_columns() -> Select[Any]:
    s = t.services.c
    return select(s.id, s.hsds_id, s.source, s.organization_id, s.document)


def list_services(engine: Engine, where: ServiceFilter, paging: Paging) -> JsonObject:
    s = t.services.c
    query = _service_columns().where(*_like_all(s.search_text, where.search))
    if where.modified_after is not None:
        query = query.where(s.updated_at > where.modified_after)
    if where.organization_id:
        o = t.catalogue_organizations.c
        query = query.where(
            s.organization_id.in_(
                select(o.id).where(
                    or_(o.hsds_id == where.organization_id, o.id == where.organization_id)
                )
            )
        )
    if where.taxonomy_term_id:
        x, st = t.taxonomy_terms.c, t.service_terms.c
        terms = select(x.id).where(
            or_(x.hsds_id == where.taxonomy_term_id, x.id == where.taxonomy_term_id)
        )
        query = query.where(s.id.in_(select(st.service_id).where(st.term_id.in_(terms))))
    with reading(engine) as conn:
        total = _cached_total(conn, (engine.url, "services", where), query)
        # Ordered by the primary key (the catalogue id, `source:source_id`), so the page's
        # ids come from an index-only scan and only its 200 documents are read; ordering
        # by (source, source_id), which no index covers, sorted every service per page.
        page_ids = (
            select(s.id)
            .where(query.whereclause if query.whereclause is not None else true())
            .order_by(s.id)
            .limit(paging.per_page)
            .offset(paging.offset)
        )
        rows = conn.execute(query.where(s.id.in_(page_ids)).order_by(s.id)).all()
        contents = _render_services(conn, rows)
    return envelope(contents, total, paging)


#: Totals of catalogue listings, by (database, listing, filter, catalogue version). Only the
#: catalogue import writes services, and it stamps `catalogue_sources` in the same
#: transaction, so while those rows are unchanged so is every count; a page then costs
#: one tiny read instead of a COUNT(*) over the whole catalogue.
_TOTALS: dict[tuple[Any, ...], int] = {}
_TOTALS_KEPT = 256


def _cached_total(conn: Connection, listing: tuple[Any, ...], query: Select[Any]) -> int:
    c = t.catalogue_sources.c
    version = tuple(
        tuple(r) for r in conn.execute(select(c.name, c.imported_at, c.services).order_by(c.name))
    )
    key = (*listing, version)
    total = _TOTALS.get(key)
    if total is None:
        total = int(conn.scalar(select(func.count()).select_from(query.subquery())) or 0)
        if len(_TOTALS) >= _TOTALS_KEPT:  # searches are unbounded: start afresh
            _TOTALS.clear()
        _TOTALS[key] = total
    return total


def get_service(engine: Engine, service_id: str) -> JsonObject | None:
    s = t.services.c
    query = _service_columns().where(or_(s.hsds_id == service_id, s.id == service_id))
    with reading(engine) as conn:
        rows = conn.execute(query).all()
        rendered = _render_services(conn, rows)
    return rendered[0] if rendered else None


def _render_services(conn: Connection, rows: Sequence[Any]) -> list[JsonObject]:
    """Render a page of services, fetching the organisations and terms they refer to in
    two queries rather than two per service."""
    services = [(row.source, service_from_dict(json.loads(row.document))) for row in rows]
    org_ids = {row.organization_id for row in rows if row.organization_id}
    term_ids = {catalogue_id(src, tid) for src, svc in services for tid in svc.taxonomy_term_ids}
    o, x = t.catalogue_organizations.c, t.taxonomy_terms.c
    orgs = {
        r.id: organization_from_dict(json.loads(r.document))
        for r in conn.execute(select(o.id, o.document).where(o.id.in_(org_ids)))
    }
    terms = {
        r.id: taxonomy_term_from_dict(json.loads(r.document))
        for r in conn.execute(select(x.id, x.document).where(x.id.in_(term_ids)))
    }
    rendered = []
    for row, (source, service) in zip(rows, services, strict=True):
        org = orgs.get(row.organization_id) if row.organization_id else None
        service_terms = [
            terms[cid]
            for cid in (catalogue_id(source, tid) for tid in service.taxonomy_term_ids)
            if cid in terms
        ]
        rendered.append(
            service_to_hsds3(
                service,
                source,
                organizations=[org] if org else [],
                taxonomy_terms=service_terms,
            )
        )
    return rendered


# -- organizations --------------------------------------------------------------------


def list_organizations(engine: Engine, search: str | None, paging: Paging) -> JsonObject:
    o = t.catalogue_organizations.c
    query = (
        select(o.source, o.document)
        .where(*_like_all(o.name, search))
        .order_by(o.source, o.source_id)
    )
    with reading(engine) as conn:
        rows, total = _page(conn, query, paging)
    contents = []
    for row in rows:
        full = organization_to_hsds3(organization_from_dict(json.loads(row.document)), row.source)
        contents.append({k: full[k] for k in ORGANIZATION_LIST_FIELDS if k in full})
    return envelope(contents, total, paging)


def get_organization(engine: Engine, org_id: str) -> JsonObject | None:
    o, s = t.catalogue_organizations.c, t.services.c
    with reading(engine) as conn:
        row = conn.execute(
            select(o.id, o.source, o.document).where(or_(o.hsds_id == org_id, o.id == org_id))
        ).first()
        if row is None:
            return None
        services = conn.execute(
            select(s.hsds_id, s.name).where(s.organization_id == row.id).order_by(s.source_id)
        ).all()
    document = organization_to_hsds3(organization_from_dict(json.loads(row.document)), row.source)
    document["services"] = [{"id": r.hsds_id, "name": r.name} for r in services]
    return document


# -- taxonomies and terms ----------------------------------------------------------------


def _taxonomy(vocabulary: str) -> JsonObject:
    return {"id": taxonomy_uid(vocabulary), "name": vocabulary, "description": vocabulary}


def list_taxonomies(engine: Engine, search: str | None, paging: Paging) -> JsonObject:
    x = t.taxonomy_terms.c
    query = (
        select(x.vocabulary)
        .distinct()
        .where(x.vocabulary.is_not(None), *_like_all(x.vocabulary, search))
        .order_by(x.vocabulary)
    )
    with reading(engine) as conn:
        rows, total = _page(conn, query, paging)
    return envelope([_taxonomy(r.vocabulary) for r in rows], total, paging)


def get_taxonomy(engine: Engine, taxonomy_id: str) -> JsonObject | None:
    x = t.taxonomy_terms.c
    with reading(engine) as conn:
        vocabulary = conn.scalar(select(x.vocabulary).where(x.taxonomy_id == taxonomy_id).limit(1))
    return _taxonomy(vocabulary) if vocabulary else None


@dataclass(frozen=True, slots=True)
class TermFilter:
    search: str | None = None
    taxonomy_id: str | None = None
    parent_id: str | None = None
    top_only: bool = False


def list_taxonomy_terms(engine: Engine, where: TermFilter, paging: Paging) -> JsonObject:
    x = t.taxonomy_terms.c
    query = select(x.source, x.document).where(*_like_all(x.name, where.search))
    if where.taxonomy_id:
        query = query.where(x.taxonomy_id == where.taxonomy_id)
    if where.top_only:
        query = query.where(x.parent_id.is_(None))
    if where.parent_id:
        parent = t.taxonomy_terms.alias("parent")
        query = query.where(
            x.parent_id.in_(
                select(parent.c.id).where(
                    or_(parent.c.hsds_id == where.parent_id, parent.c.id == where.parent_id)
                )
            )
        )
    with reading(engine) as conn:
        rows, total = _page(conn, query.order_by(x.source, x.source_id), paging)
    return envelope([_term(r) for r in rows], total, paging)


def get_taxonomy_term(engine: Engine, term_id: str) -> JsonObject | None:
    x = t.taxonomy_terms.c
    with reading(engine) as conn:
        row = conn.execute(
            select(x.source, x.document).where(or_(x.hsds_id == term_id, x.id == term_id)).limit(1)
        ).first()
    return _term(row) if row else None


def _term(row: Any) -> JsonObject:
    return taxonomy_term_to_hsds3(taxonomy_term_from_dict(json.loads(row.document)), row.source)


# -- services at locations ------------------------------------------------------------


def _service_at_locations() -> Any:
    """Each service-at-location row joined to the service document it renders from."""
    sal, s = t.service_at_locations.c, t.services.c
    return select(
        sal.id, sal.position, s.id.label("sid"), s.hsds_id, s.source, s.organization_id, s.document
    ).join_from(t.service_at_locations, t.services, sal.service_id == s.id)


def list_service_at_locations(engine: Engine, search: str | None, paging: Paging) -> JsonObject:
    sal, s = t.service_at_locations.c, t.services.c
    query = (
        _service_at_locations()
        .where(*_like_all(s.search_text, search))
        .order_by(s.source, s.source_id, sal.position)
    )
    with reading(engine) as conn:
        rows, total = _page(conn, query, paging)
        contents = [_sal(conn, row, nested_service=False) for row in rows]
    return envelope([c for c in contents if c], total, paging)


def get_service_at_location(engine: Engine, sal_id: str) -> JsonObject | None:
    sal = t.service_at_locations.c
    query = _service_at_locations().where(sal.id == sal_id)
    with reading(engine) as conn:
        row = conn.execute(query).first()
        return _sal(conn, row, nested_service=True) if row else None


def _sal(conn: Connection, row: Any, *, nested_service: bool) -> JsonObject | None:
    service = _render_services(conn, [row])[0]
    for item in service.get("service_at_locations", []):
        if item["id"] == row.id:
            location = item["location"]
            result: JsonObject = {
                "id": row.id,
                "service_id": service["id"],
                "location_id": location["id"],
                "location": location,
            }
            if nested_service:
                result["service"] = {
                    k: v for k, v in service.items() if k != "service_at_locations"
                }
            return result
    return None
