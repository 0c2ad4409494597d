"""The reason the feed is ordered by transaction id: a change that took a lower sequence
number but commits later must still reach every desk (DESIGN.md, "Pull")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from frontdesk.hub.db import create_hub_engine, writing
from frontdesk.hub.migrate import upgrade
from frontdesk.hub.sync.changes import UPSERT, Change, read_changes, record_changes
from tests.helpers.hub import eventually

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = create_hub_engine(pg_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def _ids(engine: Engine, cursor: str | None) -> tuple[list[str], str]:
    page = read_changes(engine, cursor, 100, "kirklees")
    return [c["id"] for c in page.changes], page.cursor


def test_a_late_commit_below_the_cursor_is_never_skipped(pg_engine: Engine) -> None:
    with writing(pg_engine) as conn:
        record_changes(conn, [Change("service", "s:0", UPSERT, {})])
    first, cursor = eventually(lambda: (lambda r: r if r[0] else None)(_ids(pg_engine, None)))
    assert first == ["s:0"]

    slow = pg_engine.connect()
    slow_tx = slow.begin()
    record_changes(slow, [Change("service", "s:A", UPSERT, {})])  # lower seq, uncommitted
    try:
        with writing(pg_engine) as conn:  # higher seq, committed first
            record_changes(conn, [Change("service", "s:B", UPSERT, {})])
        # A is still running and older than B: B is held back, so the cursor cannot
        # move past A's position.
        held, held_cursor = _ids(pg_engine, cursor)
        assert held == []
        assert held_cursor == cursor
    finally:
        slow_tx.commit()
        slow.close()
    after = eventually(lambda: _ids(pg_engine, cursor)[0])
    assert after == ["s:A", "s:B"]


def test_a_rolled_back_transaction_does_not_hold_the_feed(pg_engine: Engine) -> None:
    slow = pg_engine.connect()
    slow_tx = slow.begin()
    record_changes(slow, [Change("service", "s:gone", UPSERT, {})])
    with writing(pg_engine) as conn:
        record_changes(conn, [Change("service", "s:kept", UPSERT, {})])
    slow_tx.rollback()
    slow.close()
    assert eventually(lambda: _ids(pg_engine, None)[0]) == ["s:kept"]
