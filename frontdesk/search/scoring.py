"""How a plan's concepts become FTS5 queries, and how their matches become one score.

A service's score is

    relevance x coordination^2 x boosts x name factor

- *relevance*: per concept, the best bm25 of its literal forms or (at SYNONYM of the
  weight) its synonyms, times the concept's weight; summed over concepts. Literal words
  therefore beat synonyms for the same concept, and a concept cannot win twice.
- *coordination*: the share of the query's mass the service matches. The query is read
  with OR, so a long sentence still finds services, but a service that answers more of
  what the caller said (and especially its telling words) comes first. Squared, so a
  short typed query keeps nearly AND-like precision: half the mass is a quarter score.
- *name factor*: the service's name is what was typed, or is made only of the forms of
  the caller's own words, or starts with what was typed. (Names made of synonyms get no
  lift: they would outrank services that use the caller's own word.)

Cost is bounded by never asking FTS5's bm25 about a common word: bm25 reads the whole
posting list of every phrase in its query to weigh it and costs microseconds per
matching row, which for a word in most of a 200k catalogue is more than everything
else. Concepts are ranked rarest first while their estimated cost fits RANK_BUDGET; the
rest are checked on the fetched candidates only (one index probe per row). When the
ranked concepts are not most of the query (the first keystrokes, "advice") a cheaper
rank stands in: names, then titles, then any text matching all of it, a capped sample
of each, shorter names first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontdesk.search import ranking
from frontdesk.search.query import QueryPlan
from frontdesk.search.ranking import BM25, Hits
from frontdesk.search.stemming import stem
from frontdesk.search.tokens import STOPWORDS, words

SYNONYM = 0.5
# Rows ranked (bm25, grouping and fetching a service cost a few microseconds each) plus a
# tenth of the postings read: this much keeps a search within a few milliseconds.
RANK_BUDGET = 1000
# Rank on the rarer concepts only when they are at least this share of the query.
RANKED_SHARE = 0.5
SAMPLE = 300
EXACT_NAME, NAME_OF_WORDS, NAME_STARTS = 3.0, 2.0, 1.5
# Column groups for the cheaper rank, best first.
_TIERS = ((3.0, "{name} : "), (2.0, "{keywords taxonomy lgsl_labels} : "), (1.0, ""))


@dataclass(frozen=True, slots=True)
class Branch:
    """One ranked FTS5 query: a concept's literal forms or its synonyms."""

    concept: int
    mass: float
    literal: bool
    weight: float
    expression: str


@dataclass(frozen=True, slots=True)
class Split:
    """Ranked branches, and the common concepts to check on candidates instead."""

    branches: tuple[Branch, ...]
    checks: tuple[tuple[str, ...], ...]
    check_masses: tuple[float, ...]
    ranked_mass: float


def split(plan: QueryPlan) -> Split:
    """Rank the most telling concepts while their matches fit RANK_BUDGET rows; the rest
    are checked on the candidates those find."""
    order = sorted(
        range(len(plan.concepts)),
        key=lambda i: plan.concepts[i].cost,
    )
    branches: list[Branch] = []
    checks: list[tuple[str, ...]] = []
    masses: list[float] = []
    spent = 0.0
    ranked = 0.0
    for i in order:
        concept = plan.concepts[i]
        if spent + concept.cost > RANK_BUDGET:
            checks.append(concept.probes())
            masses.append(concept.mass)
            continue
        spent += concept.cost
        ranked += concept.mass
        if concept.words:
            branches.append(Branch(i, concept.mass, True, concept.weight, concept.literal()))
        if concept.synonyms:
            weight = concept.weight * SYNONYM
            branches.append(Branch(i, concept.mass, False, weight, concept.synonym()))
    return Split(tuple(branches), tuple(checks), tuple(masses), ranked)


def ranked_hits(branches: tuple[Branch, ...]) -> Hits:
    arm = (
        f"SELECT rowid, ? AS concept, ? AS mass, ? AS literal, ? * -{BM25} AS score"
        " FROM services_fts WHERE services_fts MATCH ?"
    )
    sql = "hits(rid, concept, mass, literal, score) AS MATERIALIZED (" + " UNION ALL ".join(
        arm for _ in branches
    )
    params: list[Any] = []
    for b in branches:
        params += [b.concept, b.mass, int(b.literal), b.weight, b.expression]
    return Hits(sql + ")", tuple(params))


def sampled_hits(expression: str, mass: float) -> Hits:
    """Matches of `expression` by column group, a capped sample of each, no bm25."""
    arm = (
        "SELECT rowid, 0 AS concept, ? AS mass, 1 AS literal, ? AS score FROM"
        " (SELECT rowid FROM services_fts WHERE services_fts MATCH ? LIMIT ?)"
    )
    sql = "hits(rid, concept, mass, literal, score) AS MATERIALIZED (" + " UNION ALL ".join(
        arm for _ in _TIERS
    )
    params: list[Any] = []
    for tier, columns in _TIERS:
        params += [mass, tier, f"{columns}({expression})" if columns else expression, SAMPLE]
    return Hits(sql + ")", tuple(params))


class NameFactor:
    """How well a service's name answers the query on its own."""

    def __init__(self, plan: QueryPlan, typed_text: str) -> None:
        self._typed = " ".join(w for w in words(typed_text) if w not in STOPWORDS)
        self._literal = frozenset(stem(w) for w in plan.literal_words())

    def __call__(self, name: str) -> float:
        content = [w for w in words(name) if w not in STOPWORDS]
        if not content or not self._typed:
            return 1.0
        joined = " ".join(content)
        if joined == self._typed:
            return EXACT_NAME
        stems = {stem(w) for w in content}
        if stems <= self._literal:
            return NAME_OF_WORDS
        return NAME_STARTS if joined.startswith(self._typed) else 1.0


def coordination(row: Any, total_mass: float, check_masses: tuple[float, ...]) -> float:
    """The share of the query's mass a fetched service matches, checks included."""
    matched = float(row.matched) + sum(
        m for i, m in enumerate(check_masses) if getattr(row, f"check{i}")
    )
    return min(1.0, matched / total_mass) if total_mass > 0 else 1.0


def final_score(
    row: Any, total_mass: float, check_masses: tuple[float, ...], name: NameFactor
) -> float:
    share = coordination(row, total_mass, check_masses)
    relevance = float(row.relevance)
    # with no postcode, a service only for other areas than the desk's own (home.py)
    elsewhere = ranking.ELSEWHERE if row.home == 0 else 1.0
    return relevance * share * share * float(row.boost) * elsewhere * name(row.name)
