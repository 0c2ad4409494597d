"""Search relevance bench: our engine against a plain FTS5 bm25 baseline, on judged queries.

    python bench/relevance/evaluate.py [--queries FILE ...] [--fresh-welsh] [--markdown]
                                       [--half odd|even] [--kind KIND] [--import PATH ...]

One run:

1. for each catalogue the judged set names (`CATALOGUES`: `bristol+lgsl`, `lgsl`,
   `oruk-v3`, `demo`), makes a fresh temporary data folder and imports that catalogue's
   feeds into it with the real CLI, `frontdesk --data-dir TMP import PATH...`;
2. sends that catalogue's queries through `frontdesk --data-dir TMP search --batch FILE --json
   --limit 10` (one JSON array of results per input line, same order);
3. runs the baseline: SQLite FTS5 over the `name` and `description` columns of the same
   imported `services` table, copied into a separate temporary SQLite file (default
   `unicode61` tokeniser, no stemming, no synonyms, both columns weighted equally). Each
   query is split into word tokens (`\\w+`, lower-cased), each token double-quoted, joined
   with OR, ranked by `bm25()`, top 10;
4. prints success@1, success@5, MRR, nDCG@10 and the zero-result rate for both, overall,
   per half (odd- and even-numbered query ids: tune on the odd half, hold the even half
   out), per catalogue and per kind, and the queries our engine failed (no grade-2
   service in its top five) with what it put first. `--half odd|even` keeps only that
   half throughout; `--catalogue NAME` only that catalogue's queries, `--kind KIND` only
   that kind's. `--import PATH` replaces the catalogues: every query is run against that
   one import. `--queries` may be given more than once; `--fresh-welsh` adds the held-back
   Welsh set.

Exit status is 0 whatever the scores; 1 when something went wrong (the CLI failed, its
output was malformed, the judged set is invalid); 2 for bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench.relevance` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.relevance.judged_set import JudgedQuery, JudgedSetError, load_judged_set
from bench.relevance.metrics import QueryScore, Summary, score_query, summarise

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_QUERIES = HERE / "queries.tsv"
# The held-back set's Welsh part (queries_fresh.tsv is the rest); `--fresh-welsh` adds it.
FRESH_WELSH = HERE / "queries_fresh_welsh.tsv"
LIMIT = 10
_LGSL = (
    "lgsl-esd-services-2015/services.csv",
    "govuk-local-services-lgsl-tiers/local_services.csv",
)
# Catalogue name -> feeds imported for it. `shared:` paths are in the shared data folder,
# `repo:` paths in this repository.
CATALOGUES: dict[str, tuple[str, ...]] = {
    "bristol+lgsl": (
        "shared:oruk-v1-bristol-services/bristol_services.json",
        *(f"shared:{p}" for p in _LGSL),
    ),
    "lgsl": tuple(f"shared:{p}" for p in _LGSL),
    "oruk-v3": (
        "shared:oruk-v3-bristol-fixtures/bristol-service-1625ip.json",
        "shared:oruk-v3-bristol-fixtures/bristol-services-page1.json",
    ),
    # What the desk's own demo imports (frontdesk/formats/demo.py), reference data first.
    "demo": tuple(
        f"repo:resources/demo/{name}"
        for name in ("councils.csv", "postcodes.csv", "lgsl_tiers.csv", "catalogue.json")
    ),
}
_TOKEN = re.compile(r"\w+")


class BenchError(Exception):
    """The bench could not run; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Hit:
    source_id: str
    name: str


@dataclass(frozen=True, slots=True)
class EngineRun:
    label: str
    results: list[list[Hit]]
    scores: list[QueryScore]
    seconds: float


# --------------------------------------------------------------------------- the CLI


def frontdesk_command(explicit: str | None) -> list[str]:
    """The `frontdesk` program: --frontdesk, else the one beside this Python, else PATH."""
    if explicit:
        return explicit.split()
    beside = Path(sys.executable).with_name("frontdesk")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("frontdesk")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from frontdesk.cli import main; sys.exit(main())"]


def _run_cli(command: list[str], what: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BenchError(f"could not start {command[0]}: {error}") from error
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        last = detail[-1] if detail else "(no output)"
        raise BenchError(f"{what} failed (exit {done.returncode}): {last}")
    return done.stdout


def import_feeds(cli: list[str], data_dir: Path, feeds: Sequence[Path]) -> None:
    _run_cli([*cli, "--data-dir", str(data_dir), "import", *map(str, feeds)], "frontdesk import")


def search_ours(
    cli: list[str], data_dir: Path, queries: Sequence[str], work: Path
) -> list[list[Hit]]:
    batch = work / "queries.txt"
    batch.write_text("".join(q + "\n" for q in queries), encoding="utf-8")
    command = [*cli, "--data-dir", str(data_dir), "search", "--batch", str(batch)]
    out = _run_cli([*command, "--json", "--limit", str(LIMIT)], "frontdesk search --batch")
    lines = [line for line in out.splitlines() if line.strip()]
    if len(lines) != len(queries):
        raise BenchError(
            f"frontdesk search --batch printed {len(lines)} result lines for {len(queries)} queries"
        )
    results: list[list[Hit]] = []
    for number, line in enumerate(lines, start=1):
        try:
            items = json.loads(line)
        except json.JSONDecodeError as error:
            raise BenchError(f"search output line {number} is not JSON: {error}") from error
        if not isinstance(items, list):
            raise BenchError(f"search output line {number} is not a JSON array")
        hits: list[Hit] = []
        for item in items:
            if not isinstance(item, dict) or "source_id" not in item:
                raise BenchError(f"search output line {number}: an item has no source_id")
            hits.append(Hit(str(item["source_id"]), str(item.get("name", ""))))
        results.append(hits)
    return results


# --------------------------------------------------------------------------- baseline


def build_baseline(catalogue_db: Path, baseline_db: Path) -> sqlite3.Connection:
    """A separate SQLite file holding an FTS5 table over the catalogue's name + description."""
    if not catalogue_db.exists():
        raise BenchError(f"the import made no {catalogue_db}")
    source = sqlite3.connect(f"file:{catalogue_db}?mode=ro", uri=True)
    try:
        rows = source.execute(
            "SELECT source_id, name, coalesce(description, '') FROM services"
        ).fetchall()
    except sqlite3.Error as error:
        raise BenchError(f"cannot read services from {catalogue_db}: {error}") from error
    finally:
        source.close()
    db = sqlite3.connect(baseline_db)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(source_id UNINDEXED, name, description)")
    db.executemany("INSERT INTO docs (source_id, name, description) VALUES (?, ?, ?)", rows)
    db.commit()
    return db


def baseline_match(query: str) -> str:
    """`"bins" OR "not" OR "emptied"`: every word token quoted, so nothing is FTS syntax."""
    return " OR ".join(f'"{token}"' for token in _TOKEN.findall(query.lower()))


def search_baseline(db: sqlite3.Connection, queries: Sequence[str]) -> list[list[Hit]]:
    results: list[list[Hit]] = []
    for query in queries:
        match = baseline_match(query)
        if not match:
            results.append([])
            continue
        rows = db.execute(
            "SELECT source_id, name FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
            (match, LIMIT),
        ).fetchall()
        results.append([Hit(str(s), str(n)) for s, n in rows])
    return results


# --------------------------------------------------------------------------- report


def _timed(
    label: str, run: Callable[[], list[list[Hit]]], judged: Sequence[JudgedQuery]
) -> EngineRun:
    start = time.perf_counter()
    results = run()
    seconds = time.perf_counter() - start
    scores = [
        score_query([h.source_id for h in hits], q.judgements)
        for hits, q in zip(results, judged, strict=True)
    ]
    return EngineRun(label, results, scores, seconds)


def half_of(qid: str) -> str | None:
    """'odd' or 'even' by the number in the query id (q001 is odd), None without one."""
    digits = re.findall(r"\d+", qid)
    return None if not digits else ("odd" if int(digits[-1]) % 2 else "even")


def _groups(judged: Sequence[JudgedQuery]) -> list[tuple[str, str]]:
    """(column, value) rows of the table: all, each half, each catalogue, each kind."""
    halves = sorted({h for q in judged if (h := half_of(q.qid))}, reverse=True)
    catalogues = sorted({q.catalogue for q in judged})
    kinds = sorted({q.kind for q in judged if q.kind})
    return [
        ("all", "all"),
        *(("half", h) for h in (halves if len(halves) > 1 else [])),
        *(("catalogue", c) for c in (catalogues if len(catalogues) > 1 else [])),
        *(("kind", k) for k in (kinds if len(kinds) > 1 else [])),
    ]


def _in(group: tuple[str, str], query: JudgedQuery) -> bool:
    column, value = group
    if column == "half":
        return half_of(query.qid) == value
    if column == "catalogue":
        return query.catalogue == value
    if column == "kind":
        return query.kind == value
    return True


def _summary(run: EngineRun, judged: Sequence[JudgedQuery], group: tuple[str, str]) -> Summary:
    picked = [s for s, q in zip(run.scores, judged, strict=True) if _in(group, q)]
    return summarise(picked)


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return lines
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*header), fmt.format(*("-" * w for w in widths))] + [
        fmt.format(*r) for r in rows
    ]


def report(
    judged: Sequence[JudgedQuery],
    runs: Sequence[EngineRun],
    markdown: bool,
    failures_too: bool = True,
) -> str:
    header = [
        "engine",
        "group",
        "queries",
        "success@1",
        "success@5",
        "MRR",
        "nDCG@10",
        "zero results",
        "seconds",
    ]
    rows: list[list[str]] = []
    for group in _groups(judged):
        for run in runs:
            s = _summary(run, judged, group)
            seconds = f"{run.seconds:.2f}" if group[0] == "all" else ""
            rows.append(
                [
                    run.label,
                    group[1] if group[0] == "all" else f"{group[0]}: {group[1]}",
                    str(s.queries),
                    f"{s.success_at_1:.3f}",
                    f"{s.success_at_5:.3f}",
                    f"{s.mrr:.3f}",
                    f"{s.ndcg_at_10:.3f}",
                    f"{s.zero_result_rate:.3f}",
                    seconds,
                ]
            )
    out = ["## Search relevance" if markdown else "Search relevance", ""]
    out += _table(header, rows, markdown)
    if not failures_too:
        return "\n".join(out) + "\n"
    ours = runs[0]
    failures = [
        (q, hits)
        for q, hits, score in zip(judged, ours.results, ours.scores, strict=True)
        if score.success_at_5 == 0
    ]
    out += [
        "",
        f"{'### ' if markdown else ''}Failures of {ours.label}: {len(failures)} "
        f"of {len(judged)} queries have no grade-2 service in the top five",
        "",
    ]
    fail_rows: list[list[str]] = []
    for q, hits in failures:
        if hits:
            top = hits[0]
            grade = q.judgements.get(top.source_id, 0)
            first_top = f"{_clip(top.name)} [{top.source_id}] (grade {grade})"
        else:
            first_top = "(no results)"
        ranks = [i for i, h in enumerate(hits, 1) if q.judgements.get(h.source_id, 0) == 2]
        fail_rows.append(
            [q.qid, q.catalogue, _clip(q.query, 48), first_top, str(ranks[0]) if ranks else "-"]
        )
    if fail_rows:
        out += _table(
            ["qid", "catalogue", "query", "came top", "first grade-2 rank"], fail_rows, markdown
        )
    return "\n".join(out) + "\n"


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split()).replace("|", "/")
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- main


def shared_data_dir() -> Path:
    return Path(os.environ.get("FRONTDESK_SHARED_DATA", REPO.parent / "shared" / "data"))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Score frontdesk search against a plain FTS5 bm25 baseline on judged queries."
    )
    p.add_argument(
        "--queries",
        type=Path,
        action="append",
        metavar="FILE",
        help=f"judged query set, .tsv or .json; repeatable (default: {DEFAULT_QUERIES})",
    )
    p.add_argument(
        "--fresh-welsh",
        action="store_true",
        help=f"add the held-back Welsh set, {FRESH_WELSH.name}, to the queries",
    )
    p.add_argument(
        "--import",
        dest="feeds",
        type=Path,
        action="append",
        metavar="PATH",
        help="run every query against this import instead of its catalogue (repeatable)",
    )
    p.add_argument(
        "--catalogue",
        action="append",
        choices=sorted(CATALOGUES),
        help="score only this catalogue's queries (repeatable)",
    )
    p.add_argument("--kind", action="append", help="score only this kind's queries (repeatable)")
    p.add_argument("--markdown", action="store_true", help="print the tables as markdown")
    p.add_argument(
        "--half",
        choices=("odd", "even"),
        help="score only odd- or even-numbered query ids (development / held-out halves)",
    )
    p.add_argument(
        "--tables-only",
        action="store_true",
        help="leave out the per-query failure list (for the held-back fresh set)",
    )
    p.add_argument("--frontdesk", metavar="CMD", help="command that runs the frontdesk CLI")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder and say where")
    return p.parse_args(argv)


def catalogue_feeds(name: str) -> list[Path]:
    """The files imported for a catalogue, resolved against the shared data and the repo."""
    if name not in CATALOGUES:
        raise BenchError(f"unknown catalogue {name!r}: one of {', '.join(sorted(CATALOGUES))}")
    roots = {"shared": shared_data_dir(), "repo": REPO}
    return [roots[where] / rel for where, _, rel in (f.partition(":") for f in CATALOGUES[name])]


def run_catalogue(
    cli: list[str], feeds: Sequence[Path], judged: Sequence[JudgedQuery], work: Path
) -> tuple[EngineRun, EngineRun]:
    """Import the feeds into a fresh folder under `work`; run both engines on the queries."""
    missing = [str(f) for f in feeds if not f.exists()]
    if missing:
        raise BenchError(f"feed not found: {', '.join(missing)}")
    work.mkdir(parents=True)
    data_dir = work / "data"
    import_feeds(cli, data_dir, feeds)
    texts = [q.query for q in judged]
    ours = _timed("frontdesk", lambda: search_ours(cli, data_dir, texts, work), judged)
    baseline = build_baseline(data_dir / "catalogue.db", work / "baseline.db")
    try:
        base = _timed("fts5-bm25", lambda: search_baseline(baseline, texts), judged)
    finally:
        baseline.close()
    return ours, base


def _merge(label: str, parts: Sequence[tuple[list[int], EngineRun]], size: int) -> EngineRun:
    """One engine's runs over several catalogues, put back in the judged set's order."""
    results: list[list[Hit]] = [[] for _ in range(size)]
    scores: list[QueryScore | None] = [None] * size
    for positions, part in parts:
        for position, hits, score in zip(positions, part.results, part.scores, strict=True):
            results[position], scores[position] = hits, score
    done = [s for s in scores if s is not None]
    assert len(done) == size, "every query is run exactly once"
    return EngineRun(label, results, done, sum(p.seconds for _, p in parts))


def load_queries(args: argparse.Namespace) -> list[JudgedQuery]:
    """Every judged set the command line names, as one; a query id used twice is an error.
    `--fresh-welsh` alone scores the Welsh set alone."""
    files = list(args.queries or ([] if args.fresh_welsh else [DEFAULT_QUERIES]))
    if args.fresh_welsh:
        files.append(FRESH_WELSH)
    judged: list[JudgedQuery] = []
    seen: dict[str, Path] = {}
    for path in files:
        for q in load_judged_set(path):
            if q.qid in seen:
                raise JudgedSetError(f"{path}: query id {q.qid} is also in {seen[q.qid]}")
            seen[q.qid] = path
            judged.append(q)
    return judged


def run(args: argparse.Namespace) -> str:
    judged = load_queries(args)
    if args.half:
        judged = [q for q in judged if half_of(q.qid) == args.half]
    if args.catalogue:
        judged = [q for q in judged if q.catalogue in args.catalogue]
    if args.kind:
        judged = [q for q in judged if q.kind in args.kind]
    if not judged:
        raise BenchError("no queries left to score")
    if args.feeds:
        groups = {"--import": list(range(len(judged)))}
    else:
        groups = {}
        for position, q in enumerate(judged):
            groups.setdefault(q.catalogue, []).append(position)
    cli = frontdesk_command(args.frontdesk)
    work = Path(tempfile.mkdtemp(prefix="frontdesk-relevance-"))
    ours: list[tuple[list[int], EngineRun]] = []
    base: list[tuple[list[int], EngineRun]] = []
    try:
        for number, (name, positions) in enumerate(sorted(groups.items())):
            feeds = args.feeds or catalogue_feeds(name)
            subset = [judged[p] for p in positions]
            one, other = run_catalogue(cli, feeds, subset, work / f"catalogue-{number}")
            ours.append((positions, one))
            base.append((positions, other))
        runs = [_merge("frontdesk", ours, len(judged)), _merge("fts5-bm25", base, len(judged))]
        text = report(judged, runs, args.markdown, failures_too=not args.tables_only)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return text


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        sys.stdout.write(run(args))
    except (BenchError, JudgedSetError, OSError) as error:
        print(f"evaluate: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
