"""Applying parsed feeds to catalogue.db: each source diffed against what it gave last
time (new services added, changed ones updated, vanished ones removed, only ever within
that source), and reference files (councils, wards, postcodes, LGSL tiers) upserted.

The caller (`CatalogueStore.apply_imports`) runs every feed of one import in a single
transaction, so a failure anywhere leaves the catalogue as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from frontdesk.core.areas import LocalAuthority, PostcodeArea, Ward
from frontdesk.core.catalogue import Organization, TaxonomyTerm
from frontdesk.core.codec import JSON, service_to_dict
from frontdesk.core.feed import LgslTier, ParsedFeed, RecordNote
from frontdesk.store import catalogue_schema as t
from frontdesk.store.catalogue_rows import (
    RowContext,
    bulk_insert,
    chunks,
    insert_links,
    next_service_rowid,
    organization_row,
    taxonomy_term_row,
)


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
