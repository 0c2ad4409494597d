"""The one entry point the GUI and the CLI use: `SearchEngine.search(text, filters)`.

The typed text is planned into concepts (query.py), the concepts are matched with OR
and ranked by how much of the query each service answers and how well (scoring.py,
collect.py). When that finds nothing the search is relaxed step by step (relax.py), and
a crisis or a life event brings the services it calls for to the top (situated.py).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Engine

from frontdesk.search.collect import Collector, run
from frontdesk.search.coverage import Place, find_place
from frontdesk.search.filters import Filters, covers_expression, filter_clause
from frontdesk.search.home import home_areas, home_expression
from frontdesk.search.index import ensure_index
from frontdesk.search.query import QueryPlan, plan
from frontdesk.search.ranking import Ranking
from frontdesk.search.relax import ANY_WORD, NOTES, PARTIAL_WORDS, SOME_WORDS, partial_words
from frontdesk.search.situated import Situated
from frontdesk.search.snippets import Marker
from frontdesk.search.spelling import Speller
from frontdesk.search.synonyms import Synonyms
from frontdesk.search.tokens import MAX_INPUT, MAX_WORDS, STOPWORDS, WEAKWORDS
from frontdesk.search.vocabulary import Vocabulary, fingerprint
from frontdesk.store.catalogue import CatalogueStore

_NO_SYNONYMS = Synonyms()
MAX_LIMIT = 500
NO_FILTERS = Filters()  # active services anywhere


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One service found. `covers` is None when no postcode was given or the service
    does not say where it works; `match` is how it was found (words, synonyms, some
    words, name, situation)."""

    id: str
    source_id: str
    name: str
    organization: str | None
    score: float
    snippet: str
    lgsl_code: str | None
    covers: bool | None
    match: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "name": self.name,
            "organization": self.organization,
            "score": self.score,
            "snippet": self.snippet,
            "lgsl_code": self.lgsl_code,
            "covers": self.covers,
            "match": self.match,
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of hits plus what the adviser should be told about how it was made."""

    query: str
    hits: tuple[SearchHit, ...]
    corrected_query: str | None = None
    applied_filters: Filters = field(default_factory=Filters)
    messages: tuple[str, ...] = ()
    has_more: bool = False
    place: Place | None = None
    relaxed: str | None = None  # relax.py's step when the words as said found nothing

    @property
    def relaxed_note(self) -> str | None:
        """One line saying what was relaxed, for a person (English)."""
        return NOTES.get(self.relaxed) if self.relaxed else None


class SearchEngine:
    """Searches one catalogue.db. Safe to call from any thread: each search opens its own
    connection, and the in-memory vocabulary is swapped under a lock when the index changes."""

    def __init__(self, source: CatalogueStore | Engine, synonyms: Synonyms | None = None) -> None:
        self._engine = source.engine if isinstance(source, CatalogueStore) else source
        ensure_index(self._engine)
        self._synonyms = Synonyms.bundled() if synonyms is None else synonyms
        self._lock = threading.Lock()
        self._mark: bytes | None = None
        self._lexicon: tuple[Vocabulary, Speller, frozenset[str]] | None = None

    def search(
        self,
        text: str,
        filters: Filters = NO_FILTERS,
        limit: int = 20,
        *,
        typing: bool = True,
    ) -> SearchResult:
        """Search as the adviser types (`typing`: a last word with no space after it is
        still being written, so it matches as a prefix) or for a finished query (the
        command line, a batch): then every word is whole."""
        limit = max(1, min(limit, MAX_LIMIT))
        with self._engine.connect() as conn:
            vocabulary, speller, home = self._current_lexicon(conn)
            query = plan(text, vocabulary, speller, self._synonyms, typing=typing)
            messages: list[str] = []
            place = None
            if filters.postcode is not None and filters.postcode.strip():
                place = find_place(conn, filters.postcode)
                if place is None:
                    messages.append(_unknown_postcode(filters.postcode))
                    filters = replace(filters, postcode=None)
            if query.typed.truncated:
                messages.append(
                    f"Only the first {MAX_WORDS} words ({MAX_INPUT} characters) were used."
                )
            typed_name = " ".join((query.corrected or text[:MAX_INPUT]).split()).lower()
            ranking = Ranking(
                where=filter_clause(filters, place),
                narrowing=replace(filters, status=NO_FILTERS.status) != NO_FILTERS,
                covers=covers_expression(place) if place else None,
                today=dt.date.today(),
                home=home_expression(home) if home and place is None else None,
            )
            found = Collector(limit + 1)
            run(conn, query, ranking, found, typed_name)
            partly = not found.whole or _unmatched(query)
            relaxed = SOME_WORDS if found.rows and partly else None
            shown = [query]
            if not found.rows and not query.browse:
                loose = _Loosened(conn, vocabulary, speller, ranking, limit, typing)
                found, relaxed, shown = loose.search(query)
            situated = Situated(conn, vocabulary, speller, self._synonyms, ranking)
            found.rows = situated.order(query, found.rows, limit + 1)
            shown += situated.plans
        marker = Marker(*_highlight(shown))
        hits = tuple(
            _hit(row, kind, score, place, marker) for row, kind, score in found.rows[:limit]
        )
        return SearchResult(
            query=text,
            hits=hits,
            corrected_query=query.corrected,
            applied_filters=filters,
            messages=tuple(messages),
            has_more=len(found.rows) > limit,
            place=place,
            relaxed=relaxed if hits else None,
        )

    def _current_lexicon(self, conn: Connection) -> tuple[Vocabulary, Speller, frozenset[str]]:
        """The index's words, the speller over them and the desk's own areas, reloaded
        when the catalogue changes."""
        mark = fingerprint(conn)
        with self._lock:
            if self._lexicon is None or mark != self._mark:
                vocabulary = Vocabulary.load(conn)
                self._lexicon = (vocabulary, Speller(vocabulary), home_areas(conn))
                self._mark = mark
            return self._lexicon


class _Loosened:
    """The relaxation steps of relax.py, tried in order until one finds something."""

    def __init__(
        self,
        conn: Connection,
        vocabulary: Vocabulary,
        speller: Speller,
        ranking: Ranking,
        limit: int,
        typing: bool,
    ) -> None:
        self._conn, self._vocabulary, self._speller = conn, vocabulary, speller
        self._ranking, self._limit, self._typing = ranking, limit, typing

    def search(self, query: QueryPlan) -> tuple[Collector, str | None, list[QueryPlan]]:
        attempts = [(ANY_WORD, " ".join(query.typed.words))]
        partial = partial_words(query.typed, self._vocabulary)
        if partial is not None:
            attempts.append((PARTIAL_WORDS, partial))
        for step, text in attempts:
            loose = plan(text, self._vocabulary, self._speller, _NO_SYNONYMS, typing=self._typing)
            found = Collector(self._limit + 1)
            run(self._conn, loose, self._ranking, found, "")
            if found.rows:
                return found, step, [loose]
        return Collector(self._limit + 1), None, [query]


def _unmatched(query: QueryPlan) -> bool:
    """Whether a word that names a need matched nothing at all (the catalogue lacks it)."""
    said = {w for c in query.concepts for w in c.said}
    spoken = (query.corrected or "").split() or query.typed.words
    return any(w not in said and w not in STOPWORDS and w not in WEAKWORDS for w in spoken)


def _highlight(plans: list[QueryPlan]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    whole: set[str] = set()
    prefixes: set[str] = set()
    for each in plans:
        w, p = each.highlight_words()
        whole.update(x for x in w if x not in STOPWORDS)
        prefixes.update(p)
    return tuple(sorted(whole)), tuple(sorted(prefixes))


def _hit(
    row: Any,
    kind: str,
    score: float,
    place: Place | None,
    marker: Marker,
) -> SearchHit:
    covers = None if place is None or row.covers is None else bool(row.covers)
    return SearchHit(
        id=row.id,
        source_id=row.source_id,
        name=row.name,
        organization=row.organization_name,
        score=round(score, 4),
        snippet=marker((row.description, row.keywords, row.lgsl_labels)),
        lgsl_code=row.lgsl_code,
        covers=covers,
        match=kind,
    )


def _unknown_postcode(postcode: str) -> str:
    return (
        f"Postcode {postcode.strip()!r} was not found in the postcode lookup, so the results "
        "are not limited to that address. Check the postcode or import the ONS lookup."
    )
