"""Ranking metrics for the relevance bench: success@k, reciprocal rank, graded nDCG@k and
the zero-result rate.

Every function takes one query's ranked result list (service `source_id`s, best first) and
its judgements (`source_id` -> grade; 2 = the right service, 1 = useful; anything not
judged counts as 0). A `source_id` repeated in the ranking is credited only the first time,
so an engine cannot score twice by returning the same service twice.

nDCG uses the exponential gain `2**grade - 1` (grade 2 -> 3, grade 1 -> 1) and the
discount `1 / log2(rank + 1)`; the ideal ranking is every judged service sorted by grade.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

RIGHT = 2
USEFUL = 1


def _first_occurrences(ranked: Iterable[str]) -> list[str | None]:
    """The ranking with later repeats of a source_id replaced by None (no credit)."""
    seen: set[str] = set()
    out: list[str | None] = []
    for source_id in ranked:
        if source_id in seen:
            out.append(None)
        else:
            seen.add(source_id)
            out.append(source_id)
    return out


def first_rank(ranked: Sequence[str], judgements: Mapping[str, int], grade: int = RIGHT) -> int:
    """1-based rank of the first result judged at least `grade`, or 0 when there is none."""
    for rank, source_id in enumerate(ranked, start=1):
        if judgements.get(source_id, 0) >= grade:
            return rank
    return 0


def success_at_k(ranked: Sequence[str], judgements: Mapping[str, int], k: int = 5) -> float:
    """1.0 when a grade-2 service is among the first `k` results, else 0.0."""
    rank = first_rank(ranked[:k], judgements)
    return 1.0 if rank else 0.0


def reciprocal_rank(ranked: Sequence[str], judgements: Mapping[str, int]) -> float:
    """1 / rank of the first grade-2 service in the list; 0.0 when none was returned."""
    rank = first_rank(ranked, judgements)
    return 1.0 / rank if rank else 0.0


def gain(grade: int) -> float:
    return float(2**grade - 1)


def dcg_at_k(grades: Sequence[int], k: int = 10) -> float:
    """Discounted cumulative gain of grades listed in rank order."""
    return sum(gain(g) / math.log2(rank + 1) for rank, g in enumerate(grades[:k], start=1))


def ndcg_at_k(ranked: Sequence[str], judgements: Mapping[str, int], k: int = 10) -> float:
    """Graded nDCG@k; 0.0 for a query with no positive judgements."""
    ideal = dcg_at_k(sorted((g for g in judgements.values() if g > 0), reverse=True), k)
    if ideal == 0:
        return 0.0
    credited = _first_occurrences(ranked[:k])
    grades = [judgements.get(s, 0) if s is not None else 0 for s in credited]
    return dcg_at_k(grades, k) / ideal


@dataclass(frozen=True, slots=True)
class QueryScore:
    """One query's scores for one engine."""

    success_at_1: float
    success_at_5: float
    reciprocal_rank: float
    ndcg_at_10: float
    zero_results: float  # 1.0 when the engine returned nothing at all


def score_query(ranked: Sequence[str], judgements: Mapping[str, int]) -> QueryScore:
    return QueryScore(
        success_at_1=success_at_k(ranked, judgements, 1),
        success_at_5=success_at_k(ranked, judgements, 5),
        reciprocal_rank=reciprocal_rank(ranked, judgements),
        ndcg_at_10=ndcg_at_k(ranked, judgements, 10),
        zero_results=0.0 if ranked else 1.0,
    )


@dataclass(frozen=True, slots=True)
class Summary:
    """Means over a set of queries."""

    queries: int
    success_at_1: float
    success_at_5: float
    mrr: float
    ndcg_at_10: float
    zero_result_rate: float


def summarise(scores: Sequence[QueryScore]) -> Summary:
    n = len(scores)
    if n == 0:
        return Summary(0, 0.0, 0.0, 0.0, 0.0, 0.0)
    return Summary(
        queries=n,
        success_at_1=sum(s.success_at_1 for s in scores) / n,
        success_at_5=sum(s.success_at_5 for s in scores) / n,
        mrr=sum(s.reciprocal_rank for s in scores) / n,
        ndcg_at_10=sum(s.ndcg_at_10 for s in scores) / n,
        zero_result_rate=sum(s.zero_results for s in scores) / n,
    )
