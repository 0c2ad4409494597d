"""The desk and PostgreSQL's commit order: a change that took a lower sequence number but
commits later still reaches the desk, and a rolled-back transaction's sequence gap is
stepped over (DESIGN.md, "Pull")."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from frontdesk.hub.catalogue.imports import apply_feed as import_in_transaction
from frontdesk.hub.catalogue.imports import import_feeds
from tests.helpers.hub import small_feed
from tests.helpers.hub_process import HubProcess, assert_converged

pytestmark = pytest.mark.postgres


@pytest.fixture
def hub_db(pg_url: str) -> str:
    return pg_url


def test_out_of_order_commits_during_a_pull(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    slow = hub_engine.connect()
    slow_tx = slow.begin()
    import_in_transaction(slow, "late", small_feed(services=5))  # lower seq, not committed
    try:
        import_feeds(hub_engine, [("early", small_feed(services=7))], actor="t")  # commits first
        held = desk.sync()
        # The feed holds "early" back while "late" (older) runs, so the cursor cannot pass
        # the place "late" will appear at.
        assert held.pull.changes == 0
    finally:
        slow_tx.commit()
        slow.close()
    assert_converged(hub_engine, [desk])
    services = desk.catalogue()["services"]
    assert sum(s.startswith("late:") for s in services) == 5
    assert sum(s.startswith("early:") for s in services) == 7


def test_rolled_back_transactions_leave_gaps_the_desk_steps_over(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    for attempt in range(3):
        doomed = hub_engine.connect()
        tx = doomed.begin()
        import_in_transaction(doomed, f"gone{attempt}", small_feed(services=4))
        tx.rollback()  # its sequence numbers are used up and never committed
        doomed.close()
        import_feeds(hub_engine, [(f"kept{attempt}", small_feed(services=2))], actor="t")
        desk.sync(page_size=3)
    assert_converged(hub_engine, [desk])
    assert not any(s.startswith("gone") for s in desk.catalogue()["services"])
