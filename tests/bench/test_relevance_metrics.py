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

from bench.relevance.evaluate import CATALOGUES
from bench.relevance.judged_set import KINDS, JudgedSetError, load_judged_set
from bench.relevance.metrics import (
    ndcg_at_k,
    reciprocal_rank,
    score_query,
    success_at_k,
    summarise,
)

BENCH = Path(__file__).resolve().parents[2] / "bench" / "relevance"
QUERIES = BENCH / "queries.tsv"
FRESH = BENCH / "queries_fresh.tsv"
FRESH_WELSH = BENCH / "queries_fresh_welsh.tsv"  # its Welsh part, held back with it
REPO = BENCH.parents[1]

JUDGED = {"a": 2, "b": 1, "c": 2}


# ------------------------------------------------------------------ success@5


def test_success_at_5_counts_only_grade_two_in_the_first_five() -> None:
    assert success_at_k(["x", "y", "z", "w", "a"], JUDGED, 5) == 1.0
    assert success_at_k(["x", "y", "z", "w", "v", "a"], JUDGED, 5) == 0.0
    assert success_at_k(["b", "b2", "x"], JUDGED, 5) == 0.0  # grade 1 is not enough
    assert success_at_k([], JUDGED, 5) == 0.0


def test_success_at_1_needs_a_grade_two_first() -> None:
    assert score_query(["a", "x"], JUDGED).success_at_1 == 1.0
    assert score_query(["b", "a"], JUDGED).success_at_1 == 0.0
    assert score_query([], JUDGED).success_at_1 == 0.0


def test_zero_results_counts_only_empty_result_lists() -> None:
    assert score_query([], JUDGED).zero_results == 1.0
    assert score_query(["x"], JUDGED).zero_results == 0.0  # wrong, but not empty
    summary = summarise([score_query([], JUDGED), score_query(["x"], JUDGED)] * 2)
    assert summary.zero_result_rate == pytest.approx(0.5)
    assert summarise([score_query(["a"], JUDGED)] * 3).zero_result_rate == 0.0


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
    assert summary.success_at_1 == pytest.approx(0.25)
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


def test_judged_sets_cover_the_catalogues_and_kinds() -> None:
    queries = load_judged_set(QUERIES)
    fresh = load_judged_set(FRESH) + load_judged_set(FRESH_WELSH)
    both = queries + fresh
    assert len(both) >= 250
    assert len({q.qid for q in both}) == len(both), "query ids are unique across the files"
    assert {q.catalogue for q in both} == set(CATALOGUES)
    assert {q.kind for q in both} == set(KINDS)


def test_the_held_back_set_is_large_enough_and_spread() -> None:
    """Only its format and coverage are checked here: its scores are for the next round.
    It is at least 60 queries (each spent set is folded into the development set, so a
    share of the growing whole would ask for ever more), on every catalogue and kind,
    with the everyday needs on the demo catalogue and Welsh that the targets name."""
    fresh = load_judged_set(FRESH) + load_judged_set(FRESH_WELSH)
    assert len(fresh) >= 60
    assert not {q.query.lower() for q in fresh} & {
        q.query.lower() for q in load_judged_set(QUERIES)
    }
    assert {q.catalogue for q in fresh} == set(CATALOGUES)
    assert set(KINDS) <= {q.kind for q in fresh}
    assert {q.kind for q in load_judged_set(FRESH_WELSH)} == {"welsh"}
    demo_needs = [q for q in fresh if (q.catalogue, q.kind) == ("demo", "need")]
    assert len(demo_needs) >= 15
    assert len([q for q in fresh if q.kind == "welsh"]) >= 10


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
    bad_kind = tmp_path / "bad_kind.tsv"
    bad_kind.write_text(
        "qid\tcatalogue\tkind\tquery\tjudgements\nq1\tlgsl\tshouting\tbins\t524=2\n",
        encoding="utf-8",
    )
    with pytest.raises(JudgedSetError, match="unknown kind"):
        load_judged_set(bad_kind)
    short = tmp_path / "short.tsv"
    short.write_text("qid\tcatalogue\tkind\tquery\tjudgements\nq1\tlgsl\tbins\t524=2\n")
    with pytest.raises(JudgedSetError, match="expected 5"):
        load_judged_set(short)
    as_json = tmp_path / "set.json"
    as_json.write_text(json.dumps([{"qid": "j1", "query": "bins", "judgements": {"524": 2}}]))
    assert load_judged_set(as_json)[0].judgements == {"524": 2}


def test_the_older_four_column_sets_still_load_as_bristol_plus_lgsl(tmp_path: Path) -> None:
    old = tmp_path / "old.tsv"
    old.write_text("qid\tsegment\tquery\tjudgements\nq1\tcouncil\tbins\t524=2 526=1\n")
    (query,) = load_judged_set(old)
    assert (query.catalogue, query.kind, query.query) == ("bristol+lgsl", "", "bins")
    assert query.judgements == {"524": 2, "526": 1}


def _catalogue_ids(shared_data: Path) -> dict[str, set[str]]:
    """Every service id each catalogue holds, read from the files it imports."""
    bristol = json.loads(
        (shared_data / "oruk-v1-bristol-services" / "bristol_services.json").read_text("utf-8")
    )
    with (shared_data / "lgsl-esd-services-2015" / "services.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        lgsl_codes = {row["Identifier"].strip() for row in csv.DictReader(handle)}
    v3 = shared_data / "oruk-v3-bristol-fixtures"
    page = json.loads((v3 / "bristol-services-page1.json").read_text("utf-8"))
    single = json.loads((v3 / "bristol-service-1625ip.json").read_text("utf-8"))
    demo = json.loads((REPO / "resources" / "demo" / "catalogue.json").read_text("utf-8"))
    return {
        "bristol+lgsl": {r["id"] for r in bristol} | lgsl_codes,
        "lgsl": lgsl_codes,
        "oruk-v3": {s["id"] for s in page["contents"]} | {single["id"]},
        "demo": {s["id"] for s in demo},
    }


def test_every_judged_source_id_exists_in_its_catalogue(shared_data: Path) -> None:
    known = _catalogue_ids(shared_data)
    assert set(known) == set(CATALOGUES)
    missing = sorted(
        f"{q.qid}:{source_id}"
        for path in (QUERIES, FRESH, FRESH_WELSH)
        for q in load_judged_set(path)
        for source_id in q.judgements
        if source_id not in known[q.catalogue]
    )
    assert missing == []
