"""Bring the hub's catalogue in line with parsed feeds, writing every difference to the feed.

Each source is diffed against what it gave last time, exactly as the desk does locally:
services, organisations and taxonomy terms that are new or changed (by content hash) are
upserted, those that vanished from the source are deleted, and each of those is one entry
in the change feed. Unchanged records write nothing, so re-importing the same file sends
desks nothing. One run is one transaction: all of it reaches desks, or none of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update

from frontdesk.core.catalogue import Organization, Service, TaxonomyTerm, catalogue_id
from frontdesk.core.codec import organization_to_dict, service_to_dict, taxonomy_term_to_dict
from frontdesk.core.feed import ParsedFeed, RecordNote
from frontdesk.formats.hsds_export import hsds_uid, taxonomy_term_to_hsds3, taxonomy_uid
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import writing
from frontdesk.hub.record_reports.source import close_changed_at_source
from frontdesk.hub.sync.changes import DELETE, UPSERT, Change, record_changes

_T = TypeVar("_T")
SERVICE, ORGANIZATION, TAXONOMY_TERM = "service", "organization", "taxonomy_term"


@dataclass(slots=True)
class ImportReport:
    source: str
    path: Path
    format: str
    records_read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    organizations_changed: int = 0
    terms_changed: int = 0
    reference_only: bool = False
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
            "organizations_changed": self.organizations_changed,
            "taxonomy_terms_changed": self.terms_changed,
            "reference_only": self.reference_only,
            "skipped": [n.as_dict() for n in self.skipped],
            "duplicates": [n.as_dict() for n in self.duplicates],
        }


def import_feeds(
    engine: Engine, feeds: Sequence[tuple[str, ParsedFeed]], *, actor: str
) -> list[ImportReport]:
    with writing(engine) as conn:
        reports = [apply_feed(conn, source, feed) for source, feed in feeds]
        audit.record(
            conn,
            "catalogue.import",
            actor=actor,
            detail={"sources": [r.source for r in reports if not r.reference_only]},
        )
    refresh_statistics(engine)
    return reports


# What a catalogue write fills, for `refresh_statistics`.
_WRITTEN = (
    t.changes,
    t.services,
    t.catalogue_organizations,
    t.taxonomy_terms,
    t.service_terms,
    t.service_at_locations,
)


def refresh_statistics(engine: Engine) -> None:
    """Have PostgreSQL look again at the tables an import or harvest has just written.

    Why: the change feed's page query is an ordered scan of the (xid, seq) index only when
    the planner knows how big `changes` is. On a table it had never analyzed it guessed a
    few hundred rows, and for each page sorted every row after the cursor: 130 ms a page
    at 200,000 changes, against 0.4 ms (bench/sync, round 5). Autovacuum would analyze the
    tables in time, if it is on; the desks' first syncs should not wait for it. A no-op on
    SQLite, whose plans here do not depend on statistics.
    """
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        for table in _WRITTEN:
            conn.exec_driver_sql(f'ANALYZE "{table.name}"')
        conn.commit()


def apply_feed(conn: Connection, source: str, feed: ParsedFeed) -> ImportReport:
    """Diff one source against `feed` inside the caller's transaction (imports and harvests
    share it, so a harvested feed is held to exactly the rules of an imported file)."""
    report = ImportReport(
        source,
        feed.path,
        feed.format,
        feed.records_read,
        skipped=list(feed.skipped),
        duplicates=list(feed.duplicates),
    )
    cat = feed.catalogue
    if not (cat.services or cat.organizations or cat.taxonomy_terms):
        # Councils, postcodes, tiers: the hub does not serve reference data (yet).
        report.reference_only = True
        return report
    _upsert_source(conn, source, feed)
    org_names = {o.id: o.name for o in cat.organizations}
    _, changed_orgs, _, removed_orgs = _diff(
        conn,
        t.catalogue_organizations,
        source,
        ORGANIZATION,
        {catalogue_id(source, o.id): _organization_row(source, o) for o in cat.organizations},
    )
    report.organizations_changed = len(changed_orgs) + removed_orgs
    _, changed_terms, _, removed_terms = _diff(
        conn,
        t.taxonomy_terms,
        source,
        TAXONOMY_TERM,
        {catalogue_id(source, x.id): _term_row(source, x) for x in cat.taxonomy_terms},
    )
    report.terms_changed = len(changed_terms) + removed_terms
    by_id = {catalogue_id(source, s.id): s for s in cat.services}
    added, touched, unchanged, removed = _diff(
        conn,
        t.services,
        source,
        SERVICE,
        {cid: _service_row(source, s, org_names) for cid, s in by_id.items()},
    )
    _insert_links(conn, source, [by_id[cid] for cid in touched])
    report.added, report.updated = added, len(touched) - added
    report.unchanged, report.removed = unchanged, removed
    conn.execute(
        update(t.catalogue_sources)
        .where(t.catalogue_sources.c.name == source)
        .values(services=len(by_id))
    )
    # Reports on a part this feed changed are answered by the source itself.
    close_changed_at_source(conn, source)
    return report


def _upsert_source(conn: Connection, source: str, feed: ParsedFeed) -> None:
    values = {
        "format": feed.format,
        "location": str(feed.path),
        "imported_at": utcnow(),
        "records": feed.records_read,
        "services": 0,
    }
    s = t.catalogue_sources
    if conn.execute(update(s).where(s.c.name == source).values(**values)).rowcount == 0:
        conn.execute(insert(s).values(name=source, **values))


def _diff(
    conn: Connection, table: Table, source: str, kind: str, rows: dict[str, dict[str, Any]]
) -> tuple[int, list[str], int, int]:
    """Apply one source's rows of one kind; returns (added, ids touched, unchanged, removed).

    A changed row is deleted and inserted again, which also clears its link rows (they
    cascade) so `_insert_links` can write them afresh."""
    c = table.c
    existing = {
        r.id: r.content_hash
        for r in conn.execute(select(c.id, c.content_hash).where(c.source == source))
    }
    new = [i for i in rows if i not in existing]
    changed = [i for i in rows if i in existing and existing[i] != rows[i]["content_hash"]]
    vanished = [i for i in existing if i not in rows]
    for chunk in _chunks(changed + vanished, 500):
        conn.execute(delete(table).where(c.id.in_(chunk)))
    touched = new + changed
    if touched:
        conn.execute(insert(table), [rows[i] for i in touched])
    entries = [Change(kind, i, UPSERT, _payload(kind, source, rows[i])) for i in touched]
    entries += [Change(kind, i, DELETE) for i in vanished]
    record_changes(conn, entries)
    return len(new), touched, len(rows) - len(touched), len(vanished)


def _payload(kind: str, source: str, row: dict[str, Any]) -> dict[str, Any]:
    """What a desk receives: the record in the core codec, with the source's own ids."""
    return {"source": source, kind: json.loads(row["document"])}


def _hashed(document: dict[str, Any]) -> tuple[str, str]:
    encoded = json.dumps(document, sort_keys=True, ensure_ascii=False)
    return encoded, hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _service_row(source: str, service: Service, org_names: dict[str, str]) -> dict[str, Any]:
    document, digest = _hashed(service_to_dict(service))
    org = service.organization_id
    words = [service.name, service.description, *service.keywords, org_names.get(org or "")]
    return {
        "id": catalogue_id(source, service.id),
        "source": source,
        "source_id": service.id,
        "hsds_id": hsds_uid(SERVICE, source, service.id),
        "organization_id": catalogue_id(source, org) if org else None,
        "name": service.name,
        "status": service.status.value,
        "search_text": " ".join(w for w in words if w).casefold(),
        "document": document,
        "content_hash": digest,
        "updated_at": utcnow(),
    }


def _organization_row(source: str, org: Organization) -> dict[str, Any]:
    document, digest = _hashed(organization_to_dict(org))
    return {
        "id": catalogue_id(source, org.id),
        "source": source,
        "source_id": org.id,
        "hsds_id": hsds_uid(ORGANIZATION, source, org.id),
        "name": org.name,
        "document": document,
        "content_hash": digest,
    }


def _term_row(source: str, term: TaxonomyTerm) -> dict[str, Any]:
    document, digest = _hashed(taxonomy_term_to_dict(term))
    return {
        "id": catalogue_id(source, term.id),
        "source": source,
        "source_id": term.id,
        "hsds_id": taxonomy_term_to_hsds3(term, source)["id"],
        "taxonomy_id": taxonomy_uid(term.vocabulary) if term.vocabulary else None,
        "vocabulary": term.vocabulary,
        "parent_id": catalogue_id(source, term.parent_id) if term.parent_id else None,
        "name": term.name,
        "document": document,
        "content_hash": digest,
    }


def _insert_links(conn: Connection, source: str, services: list[Service]) -> None:
    terms: list[dict[str, Any]] = []
    places: dict[str, dict[str, Any]] = {}
    for service in services:
        cid = catalogue_id(source, service.id)
        sid = hsds_uid(SERVICE, source, service.id)
        for term_id in dict.fromkeys(service.taxonomy_term_ids):
            terms.append({"service_id": cid, "term_id": catalogue_id(source, term_id)})
        for position, location in enumerate(service.locations):
            lid = hsds_uid("location", source, location.id)
            sal = hsds_uid("service_at_location", sid, lid)
            places.setdefault(sal, {"id": sal, "service_id": cid, "position": position})
    if terms:
        conn.execute(insert(t.service_terms), terms)
    if places:
        conn.execute(insert(t.service_at_locations), list(places.values()))


def _chunks(items: list[_T], size: int) -> Iterator[list[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
