"""`frontdesk hub alert set|clear|list`: an operator's alerts, with --until as a London
time or a span from now, and one-line refusals that change nothing — on SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from frontdesk.cli import main
from frontdesk.cli.hub_alert_commands import LONDON, parse_until
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.db import create_hub_engine
from tests.helpers.hub import small_feed

SERVICE = "kirklees:svc-1"


@pytest.fixture
def db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FRONTDESK_HUB_DB", db_url)
    assert main(["hub", "init-db"]) == 0
    engine = create_hub_engine(db_url)
    try:
        import_feeds(engine, [("kirklees", small_feed())], actor="test")
    finally:
        engine.dispose()
    return db_url


def test_set_list_and_clear(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hub", "alert", "list"]) == 0
    assert "no live alerts" in capsys.readouterr().out
    assert main(["hub", "alert", "set", SERVICE, "Closed today", "--until", "+4h"]) == 0
    assert f"alert on {SERVICE} until " in capsys.readouterr().out
    assert main(["hub", "alert", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert (listed["text"], listed["author"], listed["organization_id"]) == (
        "Closed today",
        "cli",
        None,
    )
    until = dt.datetime.fromisoformat(listed["until"])
    ahead = until - dt.datetime.now(dt.UTC)
    assert dt.timedelta(hours=3, minutes=58) < ahead <= dt.timedelta(hours=4)
    assert main(["hub", "alert", "clear", SERVICE]) == 0
    assert "cleared" in capsys.readouterr().out
    assert main(["hub", "alert", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["set", "kirklees:nope", "Closed", "--until", "+1h"], "no service"),
        (["set", SERVICE, "Closed", "--until", "2020-01-01T09:00"], "already passed"),
        (["set", SERVICE, "Closed", "--until", "teatime"], "is not a time"),
        (["set", SERVICE, "Closed", "--until", "25:00"], "not a time of day"),
        (["set", SERVICE, " ", "--until", "+1h"], "no text"),
        (["clear", SERVICE], "has no alert"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(
    db: str, args: list[str], reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "alert", *args]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and reason in err[0]
    assert main(["hub", "alert", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_until_without_an_offset_is_london_time() -> None:
    now = dt.datetime(2026, 7, 1, 9, tzinfo=dt.UTC)
    summer = parse_until("2026-07-01T17:00", now)
    assert summer.astimezone(dt.UTC).hour == 16  # BST: an hour ahead of UTC
    assert parse_until("2026-12-01T17:00", now).astimezone(dt.UTC).hour == 17
    assert parse_until("+90m", now) == now + dt.timedelta(minutes=90)
    assert parse_until("17:30", now) == dt.datetime(2026, 7, 1, 16, 30, tzinfo=dt.UTC)
    assert parse_until("2026-07-01T17:00Z", now).tzinfo is not LONDON
