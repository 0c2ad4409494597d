"""The catalogue side of the desk app's background work: everything here runs on the
database worker and returns plain frozen dataclasses for the GUI thread (no Qt, no ORM
objects).

Another process (`frontdesk sync`, while this app does not sync the desk) may rebuild
catalogue.db and swap a new file in under the same name. SQLite connections keep reading
the file they opened, unlinked or not, so every read here first compares the file's
identity with the one it opened and reopens it if it changed: one stat per call.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Engine, func, select

from frontdesk.core.alert import ServiceAlert
from frontdesk.core.catalogue import Organization, Service, ServiceStatus, TaxonomyTerm
from frontdesk.core.feed import ParsedFeed
from frontdesk.core.guidance import Guidance
from frontdesk.core.hours import OpenState, is_stale, open_state
from frontdesk.search.api import SearchEngine, SearchResult
from frontdesk.search.coverage import Place, find_place
from frontdesk.search.filters import Filters
from frontdesk.search.index import ensure_index
from frontdesk.store import catalogue_schema as tables
from frontdesk.store.alerts import live_alert, live_alerts, next_expiry
from frontdesk.store.catalogue import CatalogueStats, CatalogueStore
from frontdesk.store.catalogue_file import FileIdentity, carry_reference, file_identity
from frontdesk.store.catalogue_import import SourceReport
from frontdesk.store.guidance import notes_for

# The app's catalogue work: its log lines keep the logger name they have always had.
log = logging.getLogger("frontdesk.gui.catalogue")

# The taxonomy whose terms the demo (and frontdesk's own tooling) uses as categories.
CATEGORY_VOCABULARY = "frontdesk-category"
RESULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class SearchRequest:
    text: str
    postcode: str = ""
    organization_id: str | None = None
    category_id: str | None = None
    # The desk's most used services, most used first: listed while nothing is typed.
    most_used: tuple[str, ...] = ()

    def filtered(self) -> bool:
        """Whether a filter the engine applies narrows this search."""
        return bool(self.postcode.strip() or self.organization_id or self.category_id)


@dataclass(frozen=True, slots=True)
class ResultRow:
    """What one line of the results list shows."""

    id: str
    name: str
    organization: str | None
    snippet: str
    covers: bool | None
    open_now: bool | None
    stale: bool
    alert: ServiceAlert | None = None  # live when the search ran; the list hides it later


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    request: SearchRequest
    rows: tuple[ResultRow, ...]
    corrected_query: str | None
    unknown_postcode: bool
    messages: tuple[str, ...]
    has_more: bool = False  # more services match than were fetched
    most_used: bool = False  # the rows are the desk's most used services (nothing typed)
    # With no rows, how many services the same words find without the filters (a lower
    # bound when `hidden_more`); None when no filter was on.
    hidden: int | None = None
    hidden_more: bool = False

    relaxed: str | None = None  # how the search was relaxed (search/relax.py), if it was


@dataclass(frozen=True, slots=True)
class Responsible:
    """Who delivers a council service at the caller's postcode."""

    postcode: str
    council: str | None
    two_tier: bool


@dataclass(frozen=True, slots=True)
class ServiceDetail:
    id: str
    source: str
    organization: str | None
    service: Service
    open_now: OpenState
    stale: bool
    responsible: Responsible | None
    postcode_unknown: bool
    guidance: tuple[Guidance, ...] = ()  # the notes advisers see, own organisation's first
    alert: ServiceAlert | None = None  # the live alert, shown first


@dataclass(frozen=True, slots=True)
class FilterChoices:
    organizations: tuple[tuple[str, str], ...]  # (id, name)
    categories: tuple[tuple[str, str], ...]


def _is_category(term: TaxonomyTerm) -> bool:
    return term.vocabulary == CATEGORY_VOCABULARY


class CatalogueAccess:
    """catalogue.db and its search engine, used only from the database worker."""

    def __init__(
        self,
        store: CatalogueStore,
        engine: SearchEngine,
        path: Path | None = None,
        identity: FileIdentity | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self.path = path
        self._identity = identity
        self._replaced = False  # reopened after a swap the window has not yet been told of

    @classmethod
    def open(cls, path: Path) -> CatalogueAccess:
        """Open (creating if need be) and index catalogue.db. Raises CatalogueSchemaError or
        sqlalchemy's DatabaseError when the file is from elsewhere or damaged."""
        # Seen before opening: a swap in between then looks like a swap after, and is
        # followed at the next read; seen after, it would pass unnoticed.
        identity = file_identity(path)
        store = CatalogueStore.open(path)
        try:
            ensure_index(store.engine)
            return cls(store, SearchEngine(store), path, identity or file_identity(path))
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self.store.close()

    def reopen(self) -> None:
        """Open catalogue.db again after sync swapped a rebuilt file in (on the worker).
        Ids, names and filter choices may all have changed: the caller refreshes views."""
        if self.path is None:
            return
        identity = file_identity(self.path)
        store = CatalogueStore.open(self.path)
        self.store, self.engine = store, SearchEngine(store)
        self._identity = identity or file_identity(self.path)

    def follow_replacement(self) -> bool:
        """Reopen catalogue.db if another process swapped a new file in since it was
        opened; returns whether it did. (A missing file is left alone: reopening would
        create an empty catalogue, and `os.replace` never leaves the name missing.)"""
        if self.path is None or self._identity is None:
            return False
        now = file_identity(self.path)
        if now is None or now == self._identity:
            return False
        log.info("catalogue.db was replaced by another process; reopening it")
        self.store.close()
        self.reopen()
        self._replaced = True
        return True

    def take_replaced(self) -> bool:
        """Whether catalogue.db was reopened after another process replaced it, checking
        now too, since the last call: the window then refreshes filters and results."""
        self.follow_replacement()
        replaced, self._replaced = self._replaced, False
        return replaced

    def stats(self) -> CatalogueStats:
        """Every count the store keeps: a scan of all services, so not for start-up."""
        self.follow_replacement()
        return self.store.stats()

    def has_services(self) -> bool:
        self.follow_replacement()
        with self.store.engine.connect() as conn:
            return conn.scalar(select(tables.services.c.rowid).limit(1)) is not None

    def last_import(self) -> str | None:
        """When a source was last imported (ISO 8601), without counting services."""
        self.follow_replacement()
        with self.store.engine.connect() as conn:
            found: str | None = conn.scalar(select(func.max(tables.sources.c.imported_at)))
            return found

    def import_feeds(self, feeds: Sequence[tuple[str, ParsedFeed]]) -> list[SourceReport]:
        """Import parsed feeds (the bundled demo catalogue and its routing data, say) in
        one transaction."""
        self.follow_replacement()
        return self.store.apply_imports(feeds)

    def filter_choices(self) -> FilterChoices:
        self.follow_replacement()
        orgs: list[Organization] = self.store.organizations()
        terms = [t for t in self.store.taxonomy_terms() if _is_category(t)]
        return FilterChoices(
            organizations=tuple((o.id, o.name) for o in orgs),
            categories=tuple(sorted({(t.id, t.name) for t in terms}, key=lambda x: x[1])),
        )

    def search(self, request: SearchRequest, now: dt.datetime) -> SearchOutcome:
        self.follow_replacement()
        filters = Filters(
            organization_id=request.organization_id,
            taxonomy_term_id=request.category_id,
            status=ServiceStatus.ACTIVE,
            postcode=request.postcode.strip() or None,
        )
        most_used = bool(request.most_used) and not request.text.strip()
        if most_used:
            result: SearchResult = self.engine.search(
                "", replace(filters, service_ids=request.most_used), limit=RESULT_LIMIT
            )
            rank = {service_id: n for n, service_id in enumerate(request.most_used)}
            hits = sorted(result.hits, key=lambda h: rank.get(h.id, len(rank)))
            result = replace(result, hits=tuple(hits), has_more=False)
            # None of them passes the filters: the A-Z list, honestly labelled.
            most_used = bool(hits)
        if not most_used:
            result = self.engine.search(request.text, filters, limit=RESULT_LIMIT)
        hidden, hidden_more = None, False
        if not result.hits and request.filtered():
            everywhere = self.engine.search(
                request.text, Filters(status=ServiceStatus.ACTIVE), limit=RESULT_LIMIT
            )
            hidden, hidden_more = len(everywhere.hits), everywhere.has_more
        stored = {s.catalogue_id: s for s in self.store.get_many(h.id for h in result.hits)}
        alerts = live_alerts(self.store.engine, stored, _utc(now))
        rows = []
        for hit in result.hits:
            service = stored[hit.id].service if hit.id in stored else None
            rows.append(
                ResultRow(
                    id=hit.id,
                    name=hit.name,
                    organization=hit.organization,
                    snippet=hit.snippet,
                    covers=hit.covers,
                    open_now=open_state(service.schedules, now).is_open if service else None,
                    stale=is_stale(service.last_assured if service else None, now.date()),
                    alert=alerts.get(hit.id),
                )
            )
        unknown = filters.postcode is not None and result.place is None
        return SearchOutcome(
            request=request,
            rows=tuple(rows),
            corrected_query=result.corrected_query,
            unknown_postcode=unknown,
            # The unknown-postcode message is worded by the GUI, in the adviser's language.
            messages=tuple(m for m in result.messages if not unknown or "postcode" not in m),
            has_more=result.has_more,
            most_used=most_used,
            hidden=hidden,
            hidden_more=hidden_more,
            relaxed=result.relaxed,
        )

    def names_and_agencies(self, ids: tuple[str, ...]) -> dict[str, tuple[str, str | None]]:
        """Each service's name and the organisation that runs it (for linked services)."""
        self.follow_replacement()
        return {
            s.catalogue_id: (s.service.name, s.organization_name) for s in self.store.get_many(ids)
        }

    def linkable(self, ids: tuple[str, ...]) -> dict[str, tuple[str, str | None]]:
        """`names_and_agencies` of the services still offered (active): the ones a quick
        pick may link; a withdrawn service drops out of the picks as it does from search."""
        self.follow_replacement()
        return {
            s.catalogue_id: (s.service.name, s.organization_name)
            for s in self.store.get_many(ids)
            if s.service.status is ServiceStatus.ACTIVE
        }

    def names(self, ids: tuple[str, ...]) -> dict[str, str]:
        self.follow_replacement()
        return {s.catalogue_id: s.service.name for s in self.store.get_many(ids)}

    def detail(self, service_id: str, postcode: str, now: dt.datetime) -> ServiceDetail | None:
        self.follow_replacement()
        stored = self.store.get(service_id)
        if stored is None:
            return None
        responsible, unknown = None, False
        if postcode.strip():
            with self.store.engine.connect() as conn:
                place: Place | None = find_place(conn, postcode)
                # The stored tier: the feed's own or, for an LGSL code, GOV.UK's list's (an
                # HSDS document has no tier of its own; search filters on this same column).
                tier: str | None = conn.scalar(
                    select(tables.services.c.providing_tier).where(
                        tables.services.c.id == service_id
                    )
                )
            if place is None:
                unknown = True
            else:
                _, council = place.responsible_council(tier)
                responsible = Responsible(place.postcode, council, place.two_tier)
        return ServiceDetail(
            id=stored.catalogue_id,
            source=stored.source,
            organization=stored.organization_name,
            service=stored.service,
            open_now=open_state(stored.service.schedules, now),
            stale=is_stale(stored.service.last_assured, now.date()),
            responsible=responsible,
            postcode_unknown=unknown,
            guidance=tuple(notes_for(self.store.engine, service_id)),
            alert=live_alert(self.store.engine, service_id, _utc(now)),
        )

    def next_alert_expiry(self, now: dt.datetime) -> dt.datetime | None:
        """When the soonest live alert runs out, for the window's expiry timer."""
        self.follow_replacement()
        return next_expiry(self.store.engine, _utc(now))


def _utc(now: dt.datetime) -> dt.datetime:
    """`now` in UTC (the window passes local wall-clock time, without a zone)."""
    return now.astimezone(dt.UTC)


Feeds = Callable[[], Sequence[tuple[str, ParsedFeed]]]


def sync_prepare(live: Path, *, reference: Feeds | None = None) -> Callable[[Engine], None]:
    """What the syncer runs on a rebuilt catalogue before swapping it in: the reference
    tables of the catalogue.db being replaced are copied over, council services get their
    LGSL tier again, `reference` feeds are imported (the demo's own routing files, for the
    demo hub), then the search index is built."""

    def prepare(engine: Engine) -> None:
        carry_reference(engine, live)
        if reference is not None:
            CatalogueStore(engine).apply_imports(reference())
        ensure_index(engine)

    return prepare
