"""The relevance bench's evaluator: one import per catalogue, tables per catalogue and kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.relevance.evaluate import (
    CATALOGUES,
    BenchError,
    EngineRun,
    Hit,
    _merge,
    catalogue_feeds,
    report,
)
from bench.relevance.judged_set import JudgedQuery
from bench.relevance.metrics import score_query


def _query(qid: str, catalogue: str, kind: str, right: str) -> JudgedQuery:
    return JudgedQuery(qid, catalogue, kind, f"query {qid}", {right: 2})


def _run(label: str, queries: list[JudgedQuery], ranked: list[list[str]]) -> EngineRun:
    hits = [[Hit(s, s.upper()) for s in r] for r in ranked]
    scores = [score_query(r, q.judgements) for r, q in zip(ranked, queries, strict=True)]
    return EngineRun(label, hits, scores, 0.0)


def test_every_catalogue_resolves_to_files_that_exist(shared_data: Path) -> None:
    for name in CATALOGUES:
        feeds = catalogue_feeds(name)
        assert feeds and all(f.exists() for f in feeds), name
    with pytest.raises(BenchError, match="unknown catalogue"):
        catalogue_feeds("atlantis")


def test_runs_per_catalogue_are_put_back_in_the_judged_order() -> None:
    a = [_query("q1", "demo", "plain", "x"), _query("q3", "demo", "welsh", "z")]
    b = [_query("q2", "lgsl", "plain", "y")]
    merged = _merge(
        "frontdesk",
        [([0, 2], _run("frontdesk", a, [["x"], []])), ([1], _run("frontdesk", b, [["n", "y"]]))],
        3,
    )
    assert [[h.source_id for h in r] for r in merged.results] == [["x"], ["n", "y"], []]
    assert [s.reciprocal_rank for s in merged.scores] == [1.0, 0.5, 0.0]


def test_the_report_has_a_row_per_catalogue_and_per_kind_with_zero_results() -> None:
    judged = [
        _query("q1", "demo", "plain", "x"),
        _query("q2", "lgsl", "welsh", "y"),
        _query("q3", "demo", "welsh", "z"),
    ]
    ranked = [["x"], [], ["n"]]
    text = report(judged, [_run("frontdesk", judged, ranked)], markdown=True)
    rows = {line.split(" | ")[1]: line for line in text.splitlines() if line.startswith("| ")}
    assert "catalogue: demo" in rows and "catalogue: lgsl" in rows
    assert "kind: welsh" in rows and "kind: plain" in rows
    # welsh: q2 returned nothing, q3 something wrong -> zero-result rate 0.5, success 0
    assert "| 0.000 | 0.000 | 0.000 | 0.000 | 0.500 |" in rows["kind: welsh"]
    assert "| 1.000 | 1.000 | 1.000 | 1.000 | 0.000 |" in rows["kind: plain"]
    assert "Failures of frontdesk: 2 of 3" in text
    assert "Failures" not in report(
        judged, [_run("frontdesk", judged, ranked)], markdown=True, failures_too=False
    )
