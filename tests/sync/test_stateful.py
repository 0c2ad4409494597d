"""Random interleavings of what desks and the hub do — log, push, pull, a desk killed
mid-sync, the hub restarted or changing its catalogue — checked against the invariants
after each run (Hypothesis, bounded: a few short runs against a real PostgreSQL hub)."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import Engine

from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.search.index import ensure_index
from frontdesk.sync.errors import SyncError
from frontdesk.sync.pull import PAGE
from frontdesk.sync.push import push_outbox
from frontdesk.sync.rebuild import CatalogueFile, pull_catalogue
from frontdesk.sync.session import connect
from tests.helpers.hub import small_feed
from tests.helpers.hub_process import (
    FILL_BESIDE,
    ORG,
    Desk,
    HubProcess,
    assert_converged,
)

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DESKS = ("alice", "bob", "carol")


def test_random_interleavings(
    hub: HubProcess, hub_engine: Engine, tmp_path: Path, file_keyring: Any
) -> None:
    runs = iter(range(1000))

    class Interleavings(RuleBasedStateMachine):
        @initialize()
        def desks_sign_in(self) -> None:
            run = next(runs)
            self.desks = [Desk(tmp_path / f"run{run}-{name}", file_keyring) for name in DESKS]
            for desk, name in zip(self.desks, DESKS, strict=True):
                desk.sign_in(hub.url, user=name)

        @rule(who=st.integers(0, 2), n=st.integers(1, 15))
        def log(self, who: int, n: int) -> None:
            self.desks[who].log_enquiries(n)

        @rule(who=st.integers(0, 2))
        def push(self, who: int) -> None:
            desk = self.desks[who]
            try:
                _, client = connect(desk.store, desk.tokens)
                with client:
                    push_outbox(desk.log, client, batch=7)
            except SyncError:
                pass  # the hub may be restarting; the invariants say whether it mattered

        @rule(who=st.integers(0, 2), page=st.integers(1, PAGE))
        def pull(self, who: int, page: int) -> None:
            desk = self.desks[who]
            catalogue = CatalogueFile(desk.root / "catalogue.db")
            try:
                account, client = connect(desk.store, desk.tokens)
                with client:
                    pull_catalogue(
                        catalogue,
                        desk.log,
                        client,
                        account.feed_id,
                        limit=page,
                        prepare=ensure_index,
                        fill_process=FILL_BESIDE,
                    )
            except SyncError:
                pass
            finally:
                catalogue.close()
                desk.note_cursor()

        @rule(who=st.integers(0, 2), after=st.floats(0.05, 0.8))
        def kill_mid_sync(self, who: int, after: float) -> None:
            desk = self.desks[who]
            child = desk.spawn_sync("--once", "--page-size", "5", "--batch-size", "3")
            time.sleep(after)
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
            child.wait()
            desk.note_cursor()

        @rule(graceful=st.booleans())
        def restart_hub(self, graceful: bool) -> None:
            hub.restart(graceful=graceful)

        @rule(services=st.integers(20, 40), seed=st.integers(0, 9))
        def hub_catalogue_changes(self, services: int, seed: int) -> None:
            suffix = f" r{random.Random(seed).randint(0, 3)}"
            feed = small_feed(services=services, name_suffix=suffix)
            import_feeds(hub_engine, [(ORG, feed)], actor="test")

        def teardown(self) -> None:
            try:
                assert_converged(hub_engine, self.desks)
            finally:
                for desk in self.desks:
                    desk.close()

    run_state_machine_as_test(
        Interleavings,
        settings=settings(
            max_examples=4,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        ),
    )
