"""The relevance bench's evaluator: one import per catalogue, tables per catalogue and kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.relevance.evaluate import (
    CATALOGUES,
    DEFAULT_QUERIES,
    FRESH_WELSH,
    BenchError,
    EngineRun,
    Hit,
    _merge,
    catalogue_feeds,
    load_queries,
    parse_args,
    report,
)
from bench.relevance.judged_set import JudgedQuery, JudgedSetError, load_judged_set
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


def _write_set(path: Path, *rows: str) -> Path:
    header = "qid\tcatalogue\tkind\tquery\tjudgements\n"
    path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_several_judged_sets_are_scored_as_one(tmp_path: Path) -> None:
    first = _write_set(tmp_path / "a.tsv", "q1\tdemo\tplain\tbins\tx=2")
    second = _write_set(tmp_path / "b.tsv", "w1\tdemo\twelsh\tbiniau\tx=2")
    args = parse_args(["--queries", str(first), "--queries", str(second)])
    assert [q.qid for q in load_queries(args)] == ["q1", "w1"]


def test_a_query_id_in_two_sets_is_refused(tmp_path: Path) -> None:
    first = _write_set(tmp_path / "a.tsv", "q1\tdemo\tplain\tbins\tx=2")
    second = _write_set(tmp_path / "b.tsv", "q1\tdemo\twelsh\tbiniau\tx=2")
    with pytest.raises(JudgedSetError, match="also in"):
        load_queries(parse_args(["--queries", str(first), "--queries", str(second)]))


def test_fresh_welsh_adds_the_held_back_welsh_set() -> None:
    alone = load_queries(parse_args(["--fresh-welsh"]))
    assert alone == load_judged_set(FRESH_WELSH)
    assert {q.kind for q in alone} == {"welsh"}
    with_dev = load_queries(parse_args(["--fresh-welsh", "--queries", str(DEFAULT_QUERIES)]))
    assert len(with_dev) == len(load_judged_set(DEFAULT_QUERIES)) + len(alone)
    assert load_queries(parse_args([])) == load_judged_set(DEFAULT_QUERIES)
