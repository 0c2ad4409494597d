"""catalogue.db: open it, apply imports to it, and read services back as dataclasses.

An import run is one SQLite transaction: every file is parsed before the first write, and
a failure anywhere rolls the whole run back, so the catalogue is never half-updated (how
each feed is applied: `catalogue_import`; a hub's change feed: `catalogue_changes`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select

from frontdesk.core.catalogue import Organization, Service, ServiceStatus, TaxonomyTerm
from frontdesk.core.codec import organization_from_dict, service_from_dict
from frontdesk.core.feed import ParsedFeed
from frontdesk.store import catalogue_schema as t
from frontdesk.store.catalogue_changes import ChangeApplier, IndexFeed
from frontdesk.store.catalogue_import import SourceReport, apply_feed
from frontdesk.store.catalogue_rows import write_meta
from frontdesk.store.engine import sqlite_engine, writer
from frontdesk.store.guidance import add_guidance_column


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
            add_guidance_column(conn)
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
