"""Applying the hub's change feed to catalogue.db, one page per transaction.

A page's upserts and deletes and the `meta` entries the caller passes (the new sync
cursor) commit together, so a desk killed at any moment resumes from the last page it
stored, never past a page it did not. Every change carries the whole record, so only the
last change per record in a page matters and applying a page twice is harmless.

Rows are built by the same code an import uses (`catalogue_rows.RowContext`), so a service
looks the same in catalogue.db and in the search index whichever way it arrived. A
service may come as a `Service` or as its codec dict: the feed passes the dict it
received (checked by `check_service_dict`), which spares a dataclass round trip per
service on a 200,000-service first sync. The
search index's triggers on `services` keep it in step; a fresh catalogue without the
index takes rows faster, and is indexed afterwards: in one pass, or by an `IndexFeed`
told of every row as it is written, which builds the index in another process.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from frontdesk.core.catalogue import Organization, Service, TaxonomyTerm, catalogue_id
from frontdesk.core.codec import JSON, service_to_dict
from frontdesk.store import catalogue_schema as t
from frontdesk.store.alerts import ALERT, apply_alerts
from frontdesk.store.catalogue_rows import (
    RowContext,
    bulk_insert,
    chunks,
    driver_connection,
    insert_links,
    next_service_rowid,
    organization_row,
    taxonomy_term_row,
    write_meta,
)
from frontdesk.store.engine import writer
from frontdesk.store.guidance import GUIDANCE, apply_guidance, guidance_texts
from frontdesk.store.safeguarding import SAFEGUARDING, apply_safeguarding

SERVICE, ORGANIZATION, TAXONOMY_TERM = "service", "organization", "taxonomy_term"
KINDS = (SERVICE, ORGANIZATION, TAXONOMY_TERM, GUIDANCE, SAFEGUARDING, ALERT)
#: What `sources.format` says for a source that reached the desk through a hub.
HUB_FORMAT = "hub"

#: A service may be its codec dict (`service_to_dict`'s shape), as the feed delivers it.
Record = Service | Organization | TaxonomyTerm | JSON


@dataclass(frozen=True, slots=True)
class CatalogueChange:
    """One record's new state: `record` None deletes the record with catalogue id `id`."""

    kind: str
    id: str
    source: str = ""
    record: Record | None = None


@dataclass(slots=True)
class ChangeCounts:
    upserted: int = 0
    deleted: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def add(self, other: ChangeCounts) -> None:
        self.upserted += other.upserted
        self.deleted += other.deleted
        for kind, n in other.by_kind.items():
            self.by_kind[kind] = self.by_kind.get(kind, 0) + n


class IndexFeed(Protocol):
    """Something building a search index while a catalogue fills, told of the searchable
    text of every service row as it is written (see `frontdesk.search.index_build`)."""

    #: The `services` columns it indexes.
    @property
    def columns(self) -> Sequence[str]: ...

    def replace(self, removed: list[tuple[Any, ...]], added: list[tuple[Any, ...]]) -> None:
        """`removed`: (rowid, *columns) as they were, of rows deleted or about to change;
        `added`: (rowid, *columns) of rows just inserted or changed. Removals come first."""


#: Applies one page's changes and sets its meta, inside `ChangeApplier.transaction`.
ApplyPage = Callable[[Sequence[CatalogueChange], dict[str, str | None]], ChangeCounts]


class PageWriter(Protocol):
    """What applies a pull's pages: a `ChangeApplier`, or another process doing the same
    (`search.fill`)."""

    def transaction(self) -> contextlib.AbstractContextManager[ApplyPage]: ...


class ChangeApplier:
    """Applies pages to one catalogue, remembering organisation and term names between
    pages so a 200,000-service first sync reads them from the database only once.

    `filling`: this applier is the only writer of a catalogue being filled from a feed (a
    rebuild's staging file), so it keeps the ids of the services there in memory and looks
    up only those a page repeats, instead of every id of every page (`_Filled`). `index` is told of
    every row written (`IndexFeed`)."""

    def __init__(
        self, engine: Engine, origin: str, *, filling: bool = False, index: IndexFeed | None = None
    ) -> None:
        self._engine = engine
        self._origin = origin
        self._filling = filling
        self._index = index
        self._context: RowContext | None = None
        self._filled: _Filled | None = None
        self._seeded = False

    def apply(
        self, changes: Sequence[CatalogueChange], meta: dict[str, str | None]
    ) -> ChangeCounts:
        """Apply one page and set `meta` (the cursor) in one transaction."""
        with self.transaction() as apply:
            return apply(changes, meta)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[ApplyPage]:
        """One transaction for several pages: each page applied with the function this
        yields, which also sets that page's `meta` (its cursor), so whatever commits is
        rows and the cursor that covers exactly them. A first sync groups pages this way
        to spend less of its time committing."""
        try:
            with writer(self._engine).begin() as conn:
                if self._context is None:
                    self._context = RowContext.from_catalogue(conn)
                if self._filling and self._filled is None:
                    rows = driver_connection(conn).execute("SELECT id FROM services")
                    ids = {row[0] for row in rows}
                    self._filled = _Filled(ids, next_service_rowid(conn))
                    if self._index is not None and not self._seeded:
                        _seed(conn, self._index)
                    self._seeded = True
                context, filled, index = self._context, self._filled, self._index
                ensured: set[str] = set()  # sources recorded in this transaction

                def apply(
                    changes: Sequence[CatalogueChange], meta: dict[str, str | None]
                ) -> ChangeCounts:
                    page = _Page(conn, context, self._origin, filled, index, ensured)
                    counts = page.apply(latest_changes(changes))
                    write_meta(conn, meta)
                    return counts

                yield apply
        except BaseException:
            # Both may hold names or ids from the pages that rolled back.
            self._context, self._filled = None, None
            raise


def latest_changes(changes: Sequence[CatalogueChange]) -> list[CatalogueChange]:
    """The last change of each record, of the kinds a catalogue holds: every change
    carries the whole record, so the earlier ones in a page change nothing."""
    return list({(c.kind, c.id): c for c in changes if c.kind in KINDS}.values())


def count_changes(changes: Sequence[CatalogueChange]) -> ChangeCounts:
    counts = ChangeCounts()
    for change in changes:
        if change.record is not None:
            counts.upserted += 1
        else:
            counts.deleted += 1
        counts.by_kind[change.kind] = counts.by_kind.get(change.kind, 0) + 1
    return counts


@dataclass(slots=True)
class _Filled:
    """What a filling applier keeps in memory of the catalogue only it writes: the ids
    of its services, and the rowid the next new one gets (asking SQLite for the largest
    rowid on every page cost a first sync about 0.4 s)."""

    ids: set[str]
    next_rowid: int


@dataclass(slots=True)
class _Page:
    conn: Connection
    context: RowContext
    origin: str
    filled: _Filled | None = None
    index: IndexFeed | None = None
    ensured_sources: set[str] = field(default_factory=set)
    renamed_orgs: set[str] = field(default_factory=set)
    renamed_terms: set[str] = field(default_factory=set)
    source_delta: dict[str, int] = field(default_factory=dict)

    def apply(self, changes: list[CatalogueChange]) -> ChangeCounts:
        of = {kind: [c for c in changes if c.kind == kind] for kind in KINDS}
        self._ensure_sources({c.source for c in changes if c.record is not None and c.source})
        self._organizations(of[ORGANIZATION])
        self._terms(of[TAXONOMY_TERM])
        # Notes first, so services written below index their current notes.
        noted = apply_guidance(self.conn, of[GUIDANCE])
        apply_safeguarding(self.conn, of[SAFEGUARDING])
        apply_alerts(self.conn, of[ALERT])
        upserted = self._services(of[SERVICE])
        self._refresh_names(exclude=upserted, noted=noted)
        self._count_sources()
        return count_changes(changes)

    def _ensure_sources(self, names: Iterable[str]) -> None:
        """Each source a page brings, recorded once per transaction (not once per page: a
        first sync commits ten pages at a time, mostly of one source)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        for name in sorted(set(names) - self.ensured_sources):
            self.ensured_sources.add(name)
            values = {"format": HUB_FORMAT, "location": self.origin, "imported_at": now}
            stmt = insert(t.sources).prefix_with("OR IGNORE")
            self.conn.execute(stmt.values(name=name, records=0, services=0, **values))
            self.conn.execute(update(t.sources).where(t.sources.c.name == name).values(**values))

    def _organizations(self, changes: list[CatalogueChange]) -> None:
        rows = [
            organization_row(c.source, c.record)
            for c in changes
            if isinstance(c.record, Organization)
        ]
        self._replace(t.organizations, changes, rows, self.context.org_names, self.renamed_orgs)

    def _terms(self, changes: list[CatalogueChange]) -> None:
        rows = [
            taxonomy_term_row(c.source, c.record)
            for c in changes
            if isinstance(c.record, TaxonomyTerm)
        ]
        self._replace(t.taxonomy_terms, changes, rows, self.context.term_names, self.renamed_terms)

    def _replace(
        self,
        table: Any,
        changes: list[CatalogueChange],
        rows: list[dict[str, Any]],
        names: dict[str, str],
        renamed: set[str],
    ) -> None:
        """Delete every changed record and insert the upserted ones, in bulk statements
        (a page is deduplicated by id, so each id appears once)."""
        for chunk in chunks([c.id for c in changes], 500):
            self.conn.execute(delete(table).where(table.c.id.in_(chunk)))
        if rows:
            self.conn.execute(insert(table), rows)
        upserted = {row["id"]: row["name"] for row in rows}
        for change in changes:
            name = upserted.get(change.id)
            if name is None:
                names.pop(change.id, None)
                continue
            if change.id in names and names[change.id] != name:
                renamed.add(change.id)
            names[change.id] = name

    def _services(self, changes: list[CatalogueChange]) -> set[str]:
        s = t.services.c
        ids = [c.id for c in changes]
        if self.filled is not None:  # only ids already written can be there
            ids = [i for i in ids if i in self.filled.ids]
        existing = _stored_services(self.conn, ids)
        doomed = [c.id for c in changes if c.record is None and c.id in existing]
        for cid in doomed:
            self._delta(existing[cid][1], -1)
        self._unindex([existing[cid][0] for cid in doomed])
        for chunk in chunks(doomed, 500):
            self.conn.execute(delete(t.services).where(s.id.in_(chunk)))
        if self.filled is not None:
            self.filled.ids.difference_update(doomed)
        upserts = [(c.source, _service_doc(c.record)) for c in changes if c.record is not None]
        self._write_services(upserts, existing)
        return {c.id for c in changes if c.record is not None}

    def _write_services(
        self,
        upserts: list[tuple[str, JSON]],
        existing: dict[str, tuple[int, str, str]],
        *,
        force: bool = False,
    ) -> None:
        new_rows: list[dict[str, Any]] = []
        changed_rows: list[dict[str, Any]] = []
        touched: dict[str, dict[str, tuple[int, JSON]]] = {}
        filled = self.filled
        if filled is not None:
            next_rowid = filled.next_rowid
        else:
            next_rowid = next_service_rowid(self.conn) if upserts else 0
        # (A generator: asked only when the catalogue holds notes at all.)
        notes = guidance_texts(self.conn, (catalogue_id(src, doc["id"]) for src, doc in upserts))
        for source, doc in upserts:
            row = self.context.row(source, doc)
            row["guidance"] = notes.get(row["id"], "")
            previous = existing.get(row["id"])
            if previous is None:
                rowid = row["rowid"] = next_rowid
                next_rowid += 1
                new_rows.append(row)
                self._delta(source, +1)
            elif force or previous[2] != row["content_hash"]:
                # (A catalogue id names its source, so an existing row keeps its source.)
                rowid = previous[0]
                changed_rows.append({**row, "_rowid": rowid})
            else:
                continue
            touched.setdefault(source, {})[row["source_id"]] = (rowid, doc)
        self._unindex([r["_rowid"] for r in changed_rows])
        if changed_rows:
            s = t.services.c
            self.conn.execute(
                update(t.services).where(s.rowid == bindparam("_rowid")), changed_rows
            )
            for chunk in chunks([r["_rowid"] for r in changed_rows], 500):
                links = (t.service_areas.c.service_rowid, t.service_taxonomy.c.service_rowid)
                self.conn.execute(delete(t.service_areas).where(links[0].in_(chunk)))
                self.conn.execute(delete(t.service_taxonomy).where(links[1].in_(chunk)))
        bulk_insert(self.conn, t.services, new_rows)
        for source, services in touched.items():
            insert_links(self.conn, source, services)
        if filled is not None:
            filled.ids.update(row["id"] for row in new_rows)
            filled.next_rowid = next_rowid
        if self.index is not None and (new_rows or changed_rows):
            get = operator.itemgetter(*self.index.columns)
            added = [(r["_rowid"], *get(r)) for r in changed_rows]
            added += [(r["rowid"], *get(r)) for r in new_rows]
            self.index.replace([], added)

    def _unindex(self, rowids: list[int]) -> None:
        """Tell the index the searchable text of these rows as it is now, before they are
        deleted or rewritten (an index without content needs it to remove them)."""
        if self.index is None or not rowids:
            return
        names = ", ".join(f'"{c}"' for c in self.index.columns)
        removed: list[tuple[Any, ...]] = []
        for chunk in chunks(rowids, 500):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT rowid, {names} FROM services WHERE rowid IN ({marks})"
            removed.extend(driver_connection(self.conn).execute(query, chunk))
        self.index.replace(removed, [])

    def _refresh_names(self, exclude: set[str], noted: AbstractSet[str] = frozenset()) -> None:
        """Services keep their organisation's and terms' names, and their guidance notes, in
        searchable columns; a renamed organisation or term, or a changed note, rewrites the
        services that show it."""
        if not (self.renamed_orgs or self.renamed_terms or noted):
            return
        s = t.services.c
        ids: set[str] = set(noted)
        if self.renamed_orgs:
            query = select(s.id).where(s.organization_id.in_(self.renamed_orgs))
            ids.update(self.conn.scalars(query))
        if self.renamed_terms:
            linked = select(t.service_taxonomy.c.service_rowid).where(
                t.service_taxonomy.c.term_id.in_(self.renamed_terms)
            )
            ids.update(self.conn.scalars(select(s.id).where(s.rowid.in_(linked))))
        stale = sorted(ids - exclude)
        for chunk in chunks(stale, 500):
            rows = self.conn.execute(
                select(s.id, s.rowid, s.source, s.content_hash, s.document).where(s.id.in_(chunk))
            ).all()
            existing = {r.id: (r.rowid, r.source, r.content_hash) for r in rows}
            services = [(r.source, json.loads(r.document)) for r in rows]
            self._write_services(services, existing, force=True)

    def _delta(self, source: str, n: int) -> None:
        self.source_delta[source] = self.source_delta.get(source, 0) + n

    def _count_sources(self) -> None:
        src = t.sources.c
        for name, n in self.source_delta.items():
            if n:
                self.conn.execute(
                    update(t.sources).where(src.name == name).values(services=src.services + n)
                )


def _seed(conn: Connection, index: IndexFeed) -> None:
    """Tell `index` of every row already in the catalogue: a fill can hand the writing to
    another process part-way (`search.fill`), whose index starts from what is there.
    (Once per applier: those rows stay even if this transaction rolls back.)"""
    names = ", ".join(f'"{c}"' for c in index.columns)
    rows = driver_connection(conn).execute(f"SELECT rowid, {names} FROM services ORDER BY rowid")
    while chunk := rows.fetchmany(5000):
        index.replace([], chunk)


def _stored_services(conn: Connection, ids: list[str]) -> dict[str, tuple[int, str, str]]:
    """(rowid, source, content_hash) of the services among `ids` that catalogue.db holds.

    Asked of the driver directly: a first sync asks this for every service it receives,
    and building, expanding and reading 500-id IN queries through SQLAlchemy took several
    times as long as SQLite needed to answer them (about 13 µs per service)."""
    found: dict[str, tuple[int, str, str]] = {}
    driver = driver_connection(conn)
    for chunk in chunks(ids, 500):
        marks = ",".join("?" * len(chunk))
        rows = driver.execute(
            f"SELECT id, rowid, source, content_hash FROM services WHERE id IN ({marks})", chunk
        )
        found.update((r[0], (r[1], r[2], r[3])) for r in rows)
    return found


def _service_doc(record: Record) -> JSON:
    if isinstance(record, Service):
        return service_to_dict(record)
    if isinstance(record, dict):
        return record
    raise TypeError(f"a service change carries a {type(record).__name__}")
