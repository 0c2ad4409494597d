"""catalogue.db: open it, apply imports to it, and read services back as dataclasses.

An import run is one SQLite transaction: every file is parsed before the first write, and
a failure anywhere rolls the whole run back, so the catalogue is never half-updated. Each
source is diffed against what it gave last time: new services are added, changed ones
updated, vanished ones removed — only ever within that source. (A hub's change feed is
applied by `catalogue_changes`.)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update

from frontdesk.core.areas import LocalAuthority, PostcodeArea, Ward
from frontdesk.core.catalogue import Organization, Service, ServiceStatus, TaxonomyTerm
from frontdesk.core.codec import JSON, organization_from_dict, service_from_dict, service_to_dict
from frontdesk.core.feed import LgslTier, ParsedFeed, RecordNote
from frontdesk.store import catalogue_schema as t
from frontdesk.store.catalogue_changes import ChangeApplier, IndexFeed
from frontdesk.store.catalogue_rows import (
    RowContext,
    bulk_insert,
    chunks,
    insert_links,
    next_service_rowid,
    organization_row,
    taxonomy_term_row,
    write_meta,
)
from frontdesk.store.engine import sqlite_engine, writer


class CatalogueSchemaError(Exception):
    """catalogue.db was written by a different version of frontdesk and must be rebuilt."""


@dataclass(frozen=True, slots=True)
class CatalogueStats:
    services: int
    active_services: int
    organizations: int
    sources: tuple[tuple[str, str, int], ...]  # (name, imported_at, services)
    last_import: str | None
    local_authorities: int
    postcodes: int


@dataclass(frozen=True, slots=True)
class StoredService:
    """A service as the desk shows it: the record plus where it came from."""

    catalogue_id: str
    source: str
    source_id: str
    organization_name: str | None
    service: Service


class CatalogueStore:
    """catalogue.db. Safe to share across threads: each call opens its own connection."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, path: Path) -> CatalogueStore:
        engine = sqlite_engine(path, durable=False)
        with writer(engine).begin() as conn:
            t.metadata.create_all(conn)
            found = conn.scalar(select(t.meta.c.value).where(t.meta.c.key == "schema_version"))
            if found is None:
                conn.execute(
                    insert(t.meta).values(key="schema_version", value=str(t.SCHEMA_VERSION))
                )
            elif int(found) != t.SCHEMA_VERSION:
                raise CatalogueSchemaError(
                    f"{path} has catalogue schema {found}; this frontdesk needs "
                    f"{t.SCHEMA_VERSION}. Delete the file and import again (it holds no enquiries)."
                )
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- small facts about the catalogue (a sync cursor, say) -----------------------

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            value: str | None = conn.scalar(select(t.meta.c.value).where(t.meta.c.key == key))
        return value

    def set_meta(self, values: dict[str, str | None]) -> None:
        """Set (or, for None, remove) `meta` entries in one transaction."""
        with writer(self.engine).begin() as conn:
            write_meta(conn, values)

    def change_applier(
        self, origin: str, *, filling: bool = False, index: IndexFeed | None = None
    ) -> ChangeApplier:
        """Something to apply a change feed's pages with: see `catalogue_changes`."""
        return ChangeApplier(self.engine, origin, filling=filling, index=index)

    # -- writing -----------------------------------------------------------------

    def apply_imports(self, feeds: Sequence[tuple[str, ParsedFeed]]) -> list[SourceReport]:
        """Apply parsed feeds, each under its source name, in one all-or-nothing transaction."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with writer(self.engine).begin() as conn:
            return [apply_feed(conn, source, feed, now) for source, feed in feeds]

    # -- reading -----------------------------------------------------------------

    def get(self, service_catalogue_id: str) -> StoredService | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                _stored_query().where(t.services.c.id == service_catalogue_id)
            ).first()
        return None if row is None else _stored(row)

    def get_many(self, ids: Iterable[str]) -> list[StoredService]:
        """Services in the order asked for; ids not in the catalogue are left out."""
        wanted = list(ids)
        with self.engine.connect() as conn:
            rows = conn.execute(_stored_query().where(t.services.c.id.in_(wanted))).all()
        found = {row.id: _stored(row) for row in rows}
        return [found[i] for i in wanted if i in found]

    def iter_services(self, batch: int = 2000) -> Iterator[StoredService]:
        with self.engine.connect() as conn:
            result = conn.execution_options(yield_per=batch).execute(
                _stored_query().order_by(t.services.c.rowid)
            )
            for row in result:
                yield _stored(row)

    def organizations(self) -> list[Organization]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.organizations.c.id, t.organizations.c.document).order_by(
                    t.organizations.c.name, t.organizations.c.id
                )
            )
            # Keyed by catalogue id, like taxonomy terms, so sources never clash.
            return [replace(organization_from_dict(json.loads(r.document)), id=r.id) for r in rows]

    def taxonomy_terms(self) -> list[TaxonomyTerm]:
        c = t.taxonomy_terms.c
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(c.id, c.name, c.vocabulary, c.code, c.parent_id).order_by(c.name)
            )
            return [TaxonomyTerm(r.id, r.name, r.vocabulary, r.code, r.parent_id) for r in rows]

    def stats(self) -> CatalogueStats:
        s = t.services.c
        with self.engine.connect() as conn:
            total = conn.scalar(select(func.count()).select_from(t.services)) or 0
            active = (
                conn.scalar(select(func.count()).where(s.status == ServiceStatus.ACTIVE.value)) or 0
            )
            orgs = conn.scalar(select(func.count()).select_from(t.organizations)) or 0
            src = conn.execute(
                select(t.sources.c.name, t.sources.c.imported_at, t.sources.c.services).order_by(
                    t.sources.c.name
                )
            ).all()
            las = conn.scalar(select(func.count()).select_from(t.local_authorities)) or 0
            pcs = conn.scalar(select(func.count()).select_from(t.postcodes)) or 0
        last = max((r.imported_at for r in src), default=None)
        return CatalogueStats(
            services=total,
            active_services=active,
            organizations=orgs,
            sources=tuple((r.name, r.imported_at, r.services) for r in src),
            last_import=last,
            local_authorities=las,
            postcodes=pcs,
        )


def _stored_query() -> Any:
    s = t.services.c
    return select(s.id, s.source, s.source_id, s.organization_name, s.document)


def _stored(row: Any) -> StoredService:
    return StoredService(
        catalogue_id=row.id,
        source=row.source,
        source_id=row.source_id,
        organization_name=row.organization_name,
        service=service_from_dict(json.loads(row.document)),
    )


# -- applying one feed ------------------------------------------------------------


@dataclass(slots=True)
class SourceReport:
    """What one import did to one source, for the adviser or operator to read."""

    source: str
    path: Path
    format: str
    records_read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    reference_rows: int = 0
    skipped: list[RecordNote] = field(default_factory=list)
    duplicates: list[RecordNote] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "path": str(self.path),
            "format": self.format,
            "records_read": self.records_read,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "reference_rows": self.reference_rows,
            "skipped": [n.as_dict() for n in self.skipped],
            "duplicates": [n.as_dict() for n in self.duplicates],
        }


# -- applying one feed ------------------------------------------------------------


def apply_feed(conn: Connection, source: str, feed: ParsedFeed, now: str) -> SourceReport:
    report = SourceReport(
        source=source,
        path=feed.path,
        format=feed.format,
        records_read=feed.records_read,
        skipped=list(feed.skipped),
        duplicates=list(feed.duplicates),
    )
    report.reference_rows = _apply_reference(conn, feed)
    has_catalogue = bool(feed.catalogue.services or feed.catalogue.organizations)
    if not has_catalogue and report.reference_rows:
        return report  # a reference file (councils, postcodes, tiers) is not a service source
    _upsert_source(conn, source, feed, now)
    _replace_organizations(conn, source, feed.catalogue.organizations)
    _replace_taxonomy(conn, source, feed.catalogue.taxonomy_terms)
    _diff_services(conn, source, feed, report)
    conn.execute(
        update(t.sources)
        .where(t.sources.c.name == source)
        .values(services=report.added + report.updated + report.unchanged)
    )
    return report


def _apply_reference(conn: Connection, feed: ParsedFeed) -> int:
    rows = 0
    if feed.authorities:
        _upsert(conn, t.local_authorities, [_authority_row(a) for a in feed.authorities])
        rows += len(feed.authorities)
    if feed.wards:
        _upsert(conn, t.wards, [_ward_row(w) for w in feed.wards])
        rows += len(feed.wards)
    if feed.postcodes:
        _upsert(conn, t.postcodes, [_postcode_row(p) for p in feed.postcodes])
        rows += len(feed.postcodes)
    if feed.lgsl_tiers:
        _upsert(conn, t.lgsl_tiers, [_tier_row(x) for x in feed.lgsl_tiers])
        relabel_lgsl_services(conn, [x.code for x in feed.lgsl_tiers])
        rows += len(feed.lgsl_tiers)
    return rows


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert or replace by primary key: reference files refresh, never remove, rows."""
    conn.execute(insert(table).prefix_with("OR REPLACE"), rows)


def _authority_row(a: LocalAuthority) -> dict[str, Any]:
    return {
        "gss": a.gss,
        "name": a.name,
        "tier": a.tier.value,
        "slug": a.slug,
        "parent_gss": a.parent_gss,
        "country": a.country,
        "homepage_url": a.homepage_url,
    }


def _ward_row(w: Ward) -> dict[str, Any]:
    return {"gss": w.gss, "name": w.name, "la_gss": w.la_gss, "la_name": w.la_name}


def _postcode_row(p: PostcodeArea) -> dict[str, Any]:
    return {
        "postcode": p.postcode,
        "la_gss": p.la_gss,
        "ward_gss": p.ward_gss,
        "ward_name": p.ward_name,
        "la_name": p.la_name,
        "latitude": p.latitude,
        "longitude": p.longitude,
    }


def _tier_row(x: LgslTier) -> dict[str, Any]:
    return {"code": x.code, "label": x.label, "tier": x.tier.value if x.tier else None}


def relabel_lgsl_services(conn: Connection, codes: Sequence[str] | None = None) -> None:
    """Give council services GOV.UK's plain-English label and providing tier for their LGSL
    code, as `lgsl_tiers` now holds them: for the `codes` given (a tiers file just
    imported), or for every code the table knows (a rebuilt catalogue given its reference
    tables back). A tier overrides the one a service's own feed gave."""
    s, x = t.services.c, t.lgsl_tiers.c
    label = select(x.label).where(x.code == s.lgsl_code).scalar_subquery()
    tier = select(x.tier).where(x.code == s.lgsl_code).scalar_subquery()
    relabel = update(t.services).values(lgsl_labels=func.coalesce(label, ""), providing_tier=tier)
    if codes is None:
        conn.execute(relabel.where(s.lgsl_code.in_(select(x.code))))
        return
    for chunk in chunks(list(codes), 500):
        conn.execute(relabel.where(s.lgsl_code.in_(chunk)))


def _upsert_source(conn: Connection, source: str, feed: ParsedFeed, now: str) -> None:
    values = {
        "format": feed.format,
        "location": str(feed.path),
        "imported_at": now,
        "records": feed.records_read,
        "services": 0,
    }
    changed = conn.execute(update(t.sources).where(t.sources.c.name == source).values(**values))
    if changed.rowcount == 0:
        conn.execute(insert(t.sources).values(name=source, **values))


def _replace_organizations(conn: Connection, source: str, orgs: list[Organization]) -> None:
    conn.execute(delete(t.organizations).where(t.organizations.c.source == source))
    if orgs:
        conn.execute(insert(t.organizations), [organization_row(source, o) for o in orgs])


def _replace_taxonomy(conn: Connection, source: str, terms: list[TaxonomyTerm]) -> None:
    conn.execute(delete(t.taxonomy_terms).where(t.taxonomy_terms.c.source == source))
    if terms:
        conn.execute(insert(t.taxonomy_terms), [taxonomy_term_row(source, x) for x in terms])


def _diff_services(conn: Connection, source: str, feed: ParsedFeed, report: SourceReport) -> None:
    """Bring one source's services in line with its feed, in bulk statements."""
    s = t.services.c
    existing = {
        r.source_id: (r.rowid, r.content_hash)
        for r in conn.execute(
            select(s.rowid, s.source_id, s.content_hash).where(s.source == source)
        )
    }
    context = RowContext.load(conn, feed, source)
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    touched: dict[str, tuple[int, JSON]] = {}
    next_rowid = next_service_rowid(conn)
    for service in feed.catalogue.services:
        doc = service_to_dict(service)
        row = context.row(source, doc)
        previous = existing.get(service.id)
        if previous is None:
            rowid = row["rowid"] = next_rowid
            next_rowid += 1
            new_rows.append(row)
        elif previous[1] != row["content_hash"]:
            rowid = previous[0]
            changed_rows.append({**row, "_rowid": rowid})
        else:
            continue
        touched[service.id] = (rowid, doc)
    report.added, report.updated = len(new_rows), len(changed_rows)
    report.unchanged = len(feed.catalogue.services) - len(touched)
    in_feed = {service.id for service in feed.catalogue.services}
    vanished = [rowid for sid, (rowid, _) in existing.items() if sid not in in_feed]
    for chunk in chunks(vanished, 500):
        conn.execute(delete(t.services).where(s.rowid.in_(chunk)))
    report.removed = len(vanished)
    if changed_rows:
        stmt = update(t.services).where(s.rowid == bindparam("_rowid"))
        conn.execute(stmt, changed_rows)
        old = [r["_rowid"] for r in changed_rows]
        for chunk in chunks(old, 500):
            conn.execute(delete(t.service_areas).where(t.service_areas.c.service_rowid.in_(chunk)))
            conn.execute(
                delete(t.service_taxonomy).where(t.service_taxonomy.c.service_rowid.in_(chunk))
            )
    if new_rows:
        bulk_insert(conn, t.services, new_rows)
    if touched:
        insert_links(conn, source, touched)
