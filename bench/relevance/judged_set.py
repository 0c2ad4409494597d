"""Reading a judged query set: queries as callers say them, each with graded services.

Two file shapes are accepted.

TSV (`queries.tsv`): lines starting `#` are comments; the first other line is the header
`qid, catalogue, kind, query, judgements`; `catalogue` names the import the query is
judged against (see `CATALOGUES` in evaluate.py), `kind` the way the caller put it
(`KINDS`); `judgements` is space-separated `source_id=grade` pairs, for example
`524=2 526=1`. The older header `qid, segment, query, judgements` is still read: such a
file was judged against the Bristol + LGSL import, so its catalogue is `bristol+lgsl`
and its kind is empty.

JSON: a list of objects `{"qid": ..., "catalogue": ..., "kind": ..., "query": ...,
"judgements": {"524": 2, "526": 1}}` (`catalogue` and `kind` optional).

Grades are 1 (useful) or 2 (the right service); every query needs at least one grade 2.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADER = ("qid", "catalogue", "kind", "query", "judgements")
OLD_HEADER = ("qid", "segment", "query", "judgements")
OLD_CATALOGUE = "bristol+lgsl"
GRADES = (1, 2)
KINDS = (
    "plain",  # the need in ordinary words, some shared with the record
    "misspelling",  # typing slips and phonetic spellings
    "colloquial",  # nicknames and slang with no word in common with the record
    "need",  # an everyday need ("need food", "can't afford", "lost my")
    "report",  # reporting a problem, as against finding out about it
    "crisis",  # safety and crisis: the right answer is a crisis line or safeguarding
    "life-event",  # retiring, bereavement, leaving care: several right answers
    "welsh",  # Welsh words for the service, judged against the English catalogue
)


class JudgedSetError(ValueError):
    """The file is not a valid judged query set."""


@dataclass(frozen=True, slots=True)
class JudgedQuery:
    qid: str
    catalogue: str
    kind: str
    query: str
    judgements: dict[str, int]


def load_judged_set(path: Path) -> list[JudgedQuery]:
    """Parse and validate a judged set; raises JudgedSetError with the line at fault."""
    text = path.read_text(encoding="utf-8")
    queries = _from_json(text, path) if path.suffix.lower() == ".json" else _from_tsv(text, path)
    _validate(queries, path)
    return queries


def _from_tsv(text: str, path: Path) -> list[JudgedQuery]:
    queries: list[JudgedQuery] = []
    header: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = tuple(c.strip().lower() for c in cells)
            if header not in (HEADER, OLD_HEADER):
                raise JudgedSetError(f"{path}:{number}: header must be {', '.join(HEADER)}")
            continue
        if len(cells) != len(header):
            raise JudgedSetError(f"{path}:{number}: expected {len(header)} tab-separated columns")
        if header == OLD_HEADER:
            qid, _segment, query, judged = (c.strip() for c in cells)
            catalogue, kind = OLD_CATALOGUE, ""
        else:
            qid, catalogue, kind, query, judged = (c.strip() for c in cells)
        judgements: dict[str, int] = {}
        for pair in judged.split():
            source_id, sep, grade = pair.rpartition("=")
            if not sep or not source_id:
                raise JudgedSetError(f"{path}:{number}: bad judgement {pair!r}")
            if source_id in judgements:
                raise JudgedSetError(f"{path}:{number}: {source_id} judged twice")
            judgements[source_id] = _grade(grade, f"{path}:{number}")
        queries.append(JudgedQuery(qid, catalogue, kind, query, judgements))
    return queries


def _from_json(text: str, path: Path) -> list[JudgedQuery]:
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise JudgedSetError(f"{path}: not JSON ({error})") from error
    if not isinstance(data, list):
        raise JudgedSetError(f"{path}: expected a JSON list of queries")
    queries: list[JudgedQuery] = []
    for index, item in enumerate(data):
        where = f"{path}[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("judgements"), dict):
            raise JudgedSetError(f"{where}: needs qid, query and a judgements object")
        judgements = {str(k): _grade(v, where) for k, v in item["judgements"].items()}
        queries.append(
            JudgedQuery(
                qid=str(item.get("qid", f"q{index + 1:03d}")),
                catalogue=str(item.get("catalogue", OLD_CATALOGUE)),
                kind=str(item.get("kind", "")),
                query=str(item.get("query", "")),
                judgements=judgements,
            )
        )
    return queries


def _grade(value: object, where: str) -> int:
    try:
        grade = int(str(value))
    except ValueError:
        raise JudgedSetError(f"{where}: grade {value!r} is not a number") from None
    if grade not in GRADES:
        raise JudgedSetError(f"{where}: grade {grade} is not one of {GRADES}")
    return grade


def _validate(queries: list[JudgedQuery], path: Path) -> None:
    if not queries:
        raise JudgedSetError(f"{path}: no queries")
    seen: set[str] = set()
    for q in queries:
        if not q.query or "\n" in q.query:
            raise JudgedSetError(f"{path}: query {q.qid} is empty or spans lines")
        if q.qid in seen:
            raise JudgedSetError(f"{path}: query id {q.qid} used twice")
        seen.add(q.qid)
        if q.kind and q.kind not in KINDS:
            raise JudgedSetError(f"{path}: query {q.qid} has unknown kind {q.kind!r}")
        if not q.catalogue:
            raise JudgedSetError(f"{path}: query {q.qid} names no catalogue")
        if 2 not in q.judgements.values():
            raise JudgedSetError(f"{path}: query {q.qid} has no grade-2 service")
