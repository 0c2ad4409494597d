"""Harvesting a live feed over real HTTP (a loopback server serving Bristol's ORUK v1
records in pages), on SQLite and PostgreSQL: page shapes, retries, timeouts, malformed
pages, and the diff a second harvest writes to the change feed."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from frontdesk.cli import main
from frontdesk.formats.registry import read_feed
from frontdesk.hub import schema as t
from frontdesk.hub.catalogue.harvest import HarvestError, HarvestOptions, Profile, harvest
from frontdesk.hub.catalogue.harvest_http import USER_AGENT, HttpSettings
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.catalogue.sources import list_sources
from tests.helpers.feed_server import SHAPES, FeedScript, serve

FAST = HttpSettings(timeout=0.5, deadline=5, retries=2, backoff=0.01, max_wait=1)


def options(**changes: Any) -> HarvestOptions:
    values: dict[str, Any] = {
        "profile": Profile.ORUK_V1,
        "source": "bristol",
        "per_page": 100,
        "delay": 0.0,
        "http": FAST,
    }
    values.update(changes)
    return HarvestOptions(**values)


@pytest.fixture(scope="module")
def bristol_path(shared_data: Path) -> Path:
    return shared_data / "oruk-v1-bristol-services" / "bristol_services.json"


@pytest.fixture
def bristol(bristol_path: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(bristol_path.read_text(encoding="utf-8"))
    return records


def documents(engine: Engine, source: str) -> dict[str, str]:
    s = t.services.c
    with engine.connect() as conn:
        rows = conn.execute(select(s.source_id, s.document).where(s.source == source))
        return {r.source_id: r.document for r in rows}


def feed_state(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return (
            conn.scalar(select(func.count()).select_from(t.services)) or 0,
            conn.scalar(select(func.count()).select_from(t.changes)) or 0,
            conn.scalar(select(func.max(t.changes.c.seq))) or 0,
        )


def test_a_harvest_equals_importing_the_same_records_as_a_file(
    engine: Engine, bristol: list[dict[str, Any]], bristol_path: Path
) -> None:
    script = FeedScript(bristol, shape="spring")
    with serve(script) as url:
        report = harvest(engine, url, options(), actor="test")
    import_feeds(engine, [("file", read_feed(bristol_path, "oruk1"))], actor="test")
    assert report.pages == 9 and report.records_read == 819
    assert report.added == 817 and report.removed == 0  # one nameless, one duplicate id
    assert len(report.duplicates) == 1 and len(report.skipped) == 1
    assert documents(engine, "bristol") == documents(engine, "file")
    assert script.user_agents == {USER_AGENT}
    assert all("per_page=100" in path for path in script.requests)


@pytest.mark.parametrize("shape", SHAPES)
def test_every_page_shape_is_walked_to_its_end(
    engine: Engine, bristol: list[dict[str, Any]], shape: str
) -> None:
    script = FeedScript(bristol[:250], shape=shape)
    with serve(script) as url:
        report = harvest(engine, url + "?status=active", options(profile=None), actor="test")
    assert report.format == "oruk1"  # told from the records' keys
    assert report.records_read == 250
    assert report.pages == (1 if shape == "array" else 3)
    assert all("status=active" in path for path in script.requests)


def test_a_503_is_retried_and_the_harvest_completes(
    engine: Engine, bristol: list[dict[str, Any]]
) -> None:
    script = FeedScript(bristol[:300], shape="hsds3", fail_once={2: 503, 3: 429})
    with serve(script) as url:
        report = harvest(engine, url, options(), actor="test")
    assert report.records_read == 300
    assert [p.split("page=")[1][:1] for p in script.requests] == ["1", "2", "2", "3", "3"]


def test_a_page_that_never_answers_fails_the_harvest_and_changes_nothing(
    engine: Engine, bristol: list[dict[str, Any]]
) -> None:
    script = FeedScript(bristol, shape="spring")
    with serve(script) as url:
        harvest(engine, url, options(), actor="test")
        before = feed_state(engine)
        script.records = bristol[:-5]
        script.hang = {4}
        with pytest.raises(HarvestError) as failure:
            harvest(engine, url, options(), actor="test")
    message = str(failure.value)
    assert "page 4" in message and "no answer within 0.5 s" in message
    assert "nothing was changed" in message
    assert feed_state(engine) == before
    [info] = list_sources(engine)
    assert info.services == 817
    assert info.last_harvest is not None and not info.last_harvest.succeeded
    assert "page 4" in (info.last_harvest.error or "")


def test_a_malformed_page_fails_the_harvest_naming_the_page(
    engine: Engine, bristol: list[dict[str, Any]]
) -> None:
    script = FeedScript(bristol[:300], shape="hsda-v1", malformed={3})
    with serve(script) as url, pytest.raises(HarvestError, match="page 3: the answer is not JSON"):
        harvest(engine, url, options(), actor="test")
    assert feed_state(engine)[:2] == (0, 0)


def test_a_bad_record_is_named_by_page_and_position(
    engine: Engine, bristol: list[dict[str, Any]]
) -> None:
    records = copy.deepcopy(bristol[:300])
    records[205]["organization"] = ["not", "an", "object"]
    with serve(FeedScript(records)) as url, pytest.raises(HarvestError) as failure:
        harvest(engine, url, options(), actor="test")
    assert f"page 3, record 5 (id {records[205]['id']}), field 'organization'" in str(failure.value)
    assert feed_state(engine)[:2] == (0, 0)


def test_the_page_cap_is_a_failure_not_an_end(
    engine: Engine, bristol: list[dict[str, Any]]
) -> None:
    with serve(FeedScript(bristol)) as url, pytest.raises(HarvestError, match="more than 3 pages"):
        harvest(engine, url, options(max_pages=3), actor="test")
    assert feed_state(engine)[:2] == (0, 0)


def test_an_empty_feed_does_not_empty_a_source(
    engine: Engine, bristol: list[dict[str, Any]]
) -> None:
    script = FeedScript(bristol[1:51])
    with serve(script) as url:
        harvest(engine, url, options(), actor="test")
        before = feed_state(engine)
        script.records = []
        with pytest.raises(HarvestError, match="the feed gave no services; nothing was changed"):
            harvest(engine, url, options(), actor="test")
    assert feed_state(engine) == before


def test_a_second_harvest_sends_desks_one_tombstone_and_one_update(
    engine: Engine, bristol: list[dict[str, Any]]
) -> None:
    script = FeedScript(copy.deepcopy(bristol), shape="spring")
    with serve(script) as url:
        first = harvest(engine, url, options(), actor="test")
        _, _, high_water = feed_state(engine)
        # Remove a service whose organisation other services share, so only services move.
        orgs = [r.get("organization", {}).get("id") for r in script.records]
        gone = next(
            r
            for r in script.records[1:]
            if r.get("organization") and orgs.count(r["organization"]["id"]) > 1 and r["name"]
        )
        script.records.remove(gone)
        changed = script.records[10]
        changed["description"] = "<p>Now open on Saturdays too.</p>"
        second = harvest(engine, url, options(), actor="test")
    assert (second.added, second.updated, second.removed) == (0, 1, 1)
    assert second.unchanged == first.added - 2
    with engine.connect() as conn:
        rows = conn.execute(
            select(t.changes.c.kind, t.changes.c.entity_id, t.changes.c.op, t.changes.c.payload)
            .where(t.changes.c.seq > high_water)
            .order_by(t.changes.c.seq)
        ).all()
    assert [(r.kind, r.entity_id, r.op) for r in rows] == [
        ("service", f"bristol:{changed['id']}", "upsert"),
        ("service", f"bristol:{gone['id']}", "delete"),
    ]
    assert "Now open on Saturdays too." in rows[0].payload
    [info] = list_sources(engine)
    assert info.last_harvest is not None and info.last_harvest.succeeded
    assert (info.last_harvest.added, info.last_harvest.updated, info.last_harvest.removed) == (
        0,
        1,
        1,
    )


def test_the_harvest_and_sources_commands(
    tmp_path: Path, bristol: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    assert main(["hub", "init-db", "--db", db]) == 0
    script = FeedScript(bristol[:120], shape="hsds3")
    with serve(script) as url:
        args = ["hub", "harvest", url, "--db", db, "--profile", "oruk-v1", "--delay", "0"]
        assert main([*args, "--per-page", "50", "--source", "bristol"]) == 0
        assert "3 pages, 120 records; 119 added" in capsys.readouterr().out
        script.hang = {1}
        assert main([*args, "--source", "bristol", "--timeout", "0.3", "--retries", "0"]) == 1
        assert "harvest failed" in capsys.readouterr().err
    assert main(["hub", "sources", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "bristol\toruk1\t119 services" in out and "FAILED" in out and "page 1" in out
    assert main(["hub", "sources", "--db", db, "--json"]) == 0
    [info] = json.loads(capsys.readouterr().out)
    assert info["location"] == url and info["last_harvest"]["succeeded"] is False
