"""The relevance bench's metrics on hand-worked examples, and its judged set against the data.

Hand arithmetic used below (gain 2**grade - 1, discount 1/log2(rank + 1)):
log2(2) = 1, log2(3) = 1.5849625, log2(4) = 2.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest

from bench.relevance.judged_set import JudgedSetError, load_judged_set
from bench.relevance.metrics import (
    ndcg_at_k,
    reciprocal_rank,
    score_query,
    success_at_k,
    summarise,
)

QUERIES = Path(__file__).resolve().parents[2] / "bench" / "relevance" / "queries.tsv"

JUDGED = {"a": 2, "b": 1, "c": 2}


# ------------------------------------------------------------------ success@5


def test_success_at_5_counts_only_grade_two_in_the_first_five() -> None:
    assert success_at_k(["x", "y", "z", "w", "a"], JUDGED, 5) == 1.0
    assert success_at_k(["x", "y", "z", "w", "v", "a"], JUDGED, 5) == 0.0
    assert success_at_k(["b", "b2", "x"], JUDGED, 5) == 0.0  # grade 1 is not enough
    assert success_at_k([], JUDGED, 5) == 0.0


# ------------------------------------------------------------------ MRR


def test_reciprocal_rank_of_first_grade_two() -> None:
    assert reciprocal_rank(["a", "x"], JUDGED) == 1.0
    assert reciprocal_rank(["b", "x", "c"], JUDGED) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"] * 9 + ["c"], JUDGED) == pytest.approx(0.1)
    assert reciprocal_rank(["b", "x"], JUDGED) == 0.0


def test_mean_over_queries() -> None:
    scores = [
        score_query(["a"], JUDGED),  # rr 1, success 1
        score_query(["x", "c"], JUDGED),  # rr 0.5, success 1
        score_query(["x"], JUDGED),  # rr 0, success 0
        score_query(["x", "x", "x", "a"], JUDGED),  # rr 0.25, success 1
    ]
    summary = summarise(scores)
    assert summary.queries == 4
    assert summary.mrr == pytest.approx((1 + 0.5 + 0 + 0.25) / 4)
    assert summary.success_at_5 == pytest.approx(0.75)
    assert summarise([]).queries == 0


# ------------------------------------------------------------------ nDCG@10


def test_ndcg_is_one_for_the_ideal_order() -> None:
    assert ndcg_at_k(["a", "c", "b"], JUDGED, 10) == pytest.approx(1.0)
    assert ndcg_at_k(["c", "a", "b", "x"], JUDGED, 10) == pytest.approx(1.0)


def test_ndcg_hand_computed() -> None:
    # ranking b, x, a: DCG = 1/1 + 0 + 3/2 = 2.5
    # ideal a, c, b:   IDCG = 3/1 + 3/log2(3) + 1/2 = 3.5 + 1.8927893 = 5.3927893
    idcg = 3 + 3 / math.log2(3) + 0.5
    assert idcg == pytest.approx(5.3927893)
    assert ndcg_at_k(["b", "x", "a"], JUDGED, 10) == pytest.approx(2.5 / idcg)
    assert ndcg_at_k(["b", "x", "a"], JUDGED, 10) == pytest.approx(0.4635821)


def test_ndcg_cuts_at_k_and_credits_a_repeat_once() -> None:
    one = {"a": 2}
    assert ndcg_at_k(["x"] * 10 + ["a"], one, 10) == 0.0
    # a at rank 3: 3/log2(4) / 3 = 0.5
    assert ndcg_at_k(["x", "y", "a"], one, 10) == pytest.approx(0.5)
    # the repeat of "a" earns nothing, so the ideal is not exceeded
    assert ndcg_at_k(["a", "a"], {"a": 2, "b": 2}, 10) == pytest.approx(3 / (3 + 3 / math.log2(3)))


def test_ndcg_ideal_is_truncated_at_k() -> None:
    many = {str(i): 2 for i in range(12)}
    ranked = [str(i) for i in range(10)]
    assert ndcg_at_k(ranked, many, 10) == pytest.approx(1.0)


# ------------------------------------------------------------------ the judged set


def test_judged_set_parses_with_enough_queries() -> None:
    queries = load_judged_set(QUERIES)
    assert len(queries) >= 80
    segments = {q.segment for q in queries}
    assert segments == {"council", "community"}
    council = sum(q.segment == "council" for q in queries) / len(queries)
    assert 0.3 <= council <= 0.5


def test_judged_set_rejects_bad_files(tmp_path: Path) -> None:
    header = "qid\tsegment\tquery\tjudgements\n"
    no_right = tmp_path / "no_right.tsv"
    no_right.write_text(header + "q1\tcouncil\tbins\t524=1\n", encoding="utf-8")
    with pytest.raises(JudgedSetError, match="no grade-2"):
        load_judged_set(no_right)
    bad_grade = tmp_path / "bad_grade.tsv"
    bad_grade.write_text(header + "q1\tcouncil\tbins\t524=3\n", encoding="utf-8")
    with pytest.raises(JudgedSetError, match="grade 3"):
        load_judged_set(bad_grade)
    as_json = tmp_path / "set.json"
    as_json.write_text(json.dumps([{"qid": "j1", "query": "bins", "judgements": {"524": 2}}]))
    assert load_judged_set(as_json)[0].judgements == {"524": 2}


def test_every_judged_source_id_exists_in_the_shared_data(shared_data: Path) -> None:
    bristol = json.loads(
        (shared_data / "oruk-v1-bristol-services" / "bristol_services.json").read_text("utf-8")
    )
    bristol_ids = {record["id"] for record in bristol}
    with (shared_data / "lgsl-esd-services-2015" / "services.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        lgsl_codes = {row["Identifier"].strip() for row in csv.DictReader(handle)}
    known = bristol_ids | lgsl_codes
    missing = sorted(
        f"{q.qid}:{source_id}"
        for q in load_judged_set(QUERIES)
        for source_id in q.judgements
        if source_id not in known
    )
    assert missing == []
