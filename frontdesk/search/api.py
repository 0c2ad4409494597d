"""The one entry point the GUI and the CLI use: `SearchEngine.search(text, filters)`.

The typed text is planned into concepts (query.py), the concepts are matched with OR
and ranked by how much of the query each service answers and how well (scoring.py).
Common concepts are checked on candidates rather than ranked across the catalogue, and a
query made only of common words (every first keystroke) takes a bounded path: names
starting with the text, then a capped sample ranked by where the words occur, so no
keystroke costs more than a few milliseconds on a 200k catalogue.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, Engine

from frontdesk.search.coverage import Place, find_place
from frontdesk.search.filters import Filters, covers_expression, filter_clause
from frontdesk.search.index import ensure_index
from frontdesk.search.query import QueryPlan, plan
from frontdesk.search.ranking import Ranking
from frontdesk.search.relax import ANY_WORD, NOTES, PARTIAL_WORDS, SOME_WORDS, partial_words
from frontdesk.search.rerank import Audiences, rerank
from frontdesk.search.scoring import (
    RANKED_SHARE,
    NameFactor,
    coordination,
    final_score,
    ranked_hits,
    sampled_hits,
    split,
)
from frontdesk.search.situations import CRISIS, LIFE, MOST, Situation, Situations
from frontdesk.search.snippets import Marker
from frontdesk.search.spelling import Speller
from frontdesk.search.synonyms import Synonyms
from frontdesk.search.tokens import MAX_INPUT, MAX_WORDS, STOPWORDS, WEAKWORDS
from frontdesk.search.vocabulary import Vocabulary, fingerprint
from frontdesk.store.catalogue import CatalogueStore

_NO_SYNONYMS = Synonyms()
# Candidates fetched per hit wanted, for the final ordering in Python.
_OVERFETCH = 2
TRIM = 0.1
MAX_LIMIT = 500
NO_FILTERS = Filters()  # active services anywhere


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One service found. `covers` is None when no postcode was given or the service
    does not say where it works; `match` is how it was found (words, synonyms, some
    words, name)."""

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
        self._lexicon: tuple[Vocabulary, Speller] | None = None

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
            vocabulary, speller = self._current_lexicon(conn)
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
            )
            found = _Collector(limit + 1)
            _run(conn, query, ranking, found, typed_name)
            partly = not found.whole or _unmatched(query)
            relaxed = SOME_WORDS if found.rows and partly else None
            shown = [query]
            if not found.rows and not query.browse:
                found, relaxed, shown = self._relaxed(conn, query, ranking, limit, typing)
            situated = _Situated(self, conn, vocabulary, speller, ranking)
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

    def _relaxed(
        self,
        conn: Connection,
        query: QueryPlan,
        ranking: Ranking,
        limit: int,
        typing: bool,
    ) -> tuple[_Collector, str | None, list[QueryPlan]]:
        """The relaxation steps of relax.py, in order, until one finds something."""
        vocabulary, speller = self._current_lexicon(conn)
        words = " ".join(query.typed.words)
        attempts = [(ANY_WORD, words)]
        partial = partial_words(query.typed, vocabulary)
        if partial is not None:
            attempts.append((PARTIAL_WORDS, partial))
        for step, text in attempts:
            loose = plan(text, vocabulary, speller, _NO_SYNONYMS, typing=typing)
            found = _Collector(limit + 1)
            _run(conn, loose, ranking, found, "")
            if found.rows:
                return found, step, [loose]
        return _Collector(limit + 1), None, [query]

    def _current_lexicon(self, conn: Connection) -> tuple[Vocabulary, Speller]:
        mark = fingerprint(conn)
        with self._lock:
            if self._lexicon is None or mark != self._mark:
                vocabulary = Vocabulary.load(conn)
                self._lexicon = (vocabulary, Speller(vocabulary))
                self._mark = mark
            return self._lexicon


@dataclass(slots=True)
class _Collector:
    """Rows gathered across levels, without repeats, up to what the page needs."""

    want: int
    rows: list[tuple[Any, str, float]] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    whole: bool = False  # some row matches every concept of the query

    @property
    def need(self) -> int:
        return self.want - len(self.rows)

    def add(self, rows: list[Any], kind: str) -> None:
        self.whole = self.whole or bool(rows)
        for row in rows:
            if row.rowid not in self.seen and self.need > 0:
                self.seen.add(row.rowid)
                self.rows.append((row, kind, 0.0))

    def add_ranked(self, scored: list[tuple[Any, float]], kind: Callable[[Any], str]) -> None:
        """Rows with their final scores: best first, ties by name then id."""
        scored.sort(key=lambda pair: (-pair[1], pair[0].name.casefold(), pair[0].id))
        for row, score in scored:
            if row.rowid not in self.seen and self.need > 0:
                self.seen.add(row.rowid)
                self.rows.append((row, kind(row), score))


class _Situated:
    """Puts the services a crisis or a life event calls for where the adviser looks
    first (situations.py): crisis services at the top, a life event's set right after the
    best answer to the caller's words."""

    def __init__(
        self,
        engine: SearchEngine,
        conn: Connection,
        vocabulary: Vocabulary,
        speller: Speller,
        ranking: Ranking,
    ) -> None:
        self._engine, self._conn, self._ranking = engine, conn, ranking
        self._vocabulary, self._speller = vocabulary, speller
        self.plans: list[QueryPlan] = []

    def order(
        self, query: QueryPlan, rows: list[tuple[Any, str, float]], want: int
    ) -> list[tuple[Any, str, float]]:
        found = Situations.bundled().find(query.typed.spoken, query.typed.prefix)
        if not found:
            return rows
        crisis = self._best([s for s in found if s.kind == CRISIS], MOST[CRISIS])
        life = self._best([s for s in found if s.kind == LIFE], MOST[LIFE])
        ordered = crisis + rows[:1] + life + rows[1:] if life else crisis + rows
        out: list[tuple[Any, str, float]] = []
        seen: set[int] = set()
        for row in ordered:
            if row[0].rowid not in seen:
                seen.add(row[0].rowid)
                out.append(row)
        return out[:want]

    def _best(self, situations: list[Situation], most: int) -> list[tuple[Any, str, float]]:
        """The best whole match of each situation's searches, taking the first search of
        every situation before the second of any."""
        out: list[tuple[Any, str, float]] = []
        seen: set[int] = set()
        depth = max((len(s.searches) for s in situations), default=0)
        for k in range(depth):
            for situation in situations:
                if len(out) >= most or k >= len(situation.searches):
                    continue
                target = situation.searches[k]
                wanted = plan(
                    target, self._vocabulary, self._speller, self._engine._synonyms, typing=False
                )
                collected = _Collector(3)
                _run(self._conn, wanted, self._ranking, collected, target.lower())
                # The search's own words before its synonyms: "children's social care"
                # must not settle for a grant that safeguards children.
                best = next((r for r in collected.rows if r[1] in ("words", "name")), None)
                if best is not None and best[0].rowid not in seen:
                    seen.add(best[0].rowid)
                    out.append((best[0], "situation", best[2]))
                    self.plans.append(wanted)
        return out


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


def _run(
    conn: Connection, query: QueryPlan, ranking: Ranking, found: _Collector, typed: str
) -> None:
    if query.browse:
        # Nothing typed lists services A-Z; a single letter lists names starting with it.
        found.add(ranking.by_name(conn, " ".join(query.typed.words), found.need), "name")
        return
    if not query.concepts:
        return  # words, but none the catalogue (or the synonym list) knows
    name = NameFactor(query, typed)
    total = query.total_mass
    parts = split(query)
    if parts.branches and parts.ranked_mass >= RANKED_SHARE * total:
        rows = ranking.candidates(
            conn,
            ranked_hits(parts.branches),
            total,
            found.need * _OVERFETCH,
            checks=parts.checks,
        )
        scored = [(row, final_score(row, total, parts.check_masses, name)) for row in rows]
        scored = rerank(scored, query, Audiences.bundled())
        whole = {row.rid for row in rows if coordination(row, total, parts.check_masses) >= 1}
        found.whole = found.whole or bool(whole)
        found.add_ranked(
            _trim(scored, whole),
            lambda row: (
                "some words" if row.rid not in whole else ("words" if row.literal else "synonyms")
            ),
        )
    if found.need > 0 and (parts.checks or not found.rows):
        _sampled(conn, query, ranking, found, name, typed)


def _sampled(
    conn: Connection,
    query: QueryPlan,
    ranking: Ranking,
    found: _Collector,
    name: NameFactor,
    typed: str,
) -> None:
    """The bounded path for common words: names starting with the text, then services
    matching all the concepts (failing that, any), sampled by column group."""
    if not found.rows and typed:
        found.add(ranking.by_name(conn, typed, found.need), "name")
    total = query.total_mass
    # The caller's own words only (synonyms when a concept has none): a long OR of
    # phrases is slow to test row by row, and this path is for vague queries anyway.
    parts = [f"({c.literal() if c.words else c.synonym()})" for c in query.concepts]
    expressions = [(" AND ".join(parts), total, "words")]
    if len(parts) > 1:
        expressions.append((" OR ".join(parts), total / 2, "some words"))
    for expression, mass, kind in expressions:
        if found.need <= 0:
            return
        rows = ranking.candidates(
            conn,
            sampled_hits(expression, mass),
            total,
            found.need * _OVERFETCH,
            exclude=_seen(found),
        )
        scored = [(row, final_score(row, total, (), name) * _short(row.name)) for row in rows]
        scored = rerank(scored, query, Audiences.bundled())
        found.whole = found.whole or (kind == "words" and bool(scored))
        found.add_ranked(scored, _const(kind))


def _const(kind: str) -> Callable[[Any], str]:
    return lambda _row: kind


def _trim(scored: list[tuple[Any, float]], whole: set[int]) -> list[tuple[Any, float]]:
    """Leave out services that match only part of the query and score a small fraction
    of the best: with OR matching they share a minor word with it, listed just to fill."""
    best = max((score for _, score in scored), default=0.0)
    return [(row, s) for row, s in scored if row.rid in whole or s >= TRIM * best]


def _short(name: str) -> float:
    """Without bm25 to say how focused a service is, a shorter name is the better bet."""
    return 20.0 / (20.0 + len(name))


def _seen(found: _Collector) -> tuple[int, ...]:
    return tuple(sorted(found.seen))


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
