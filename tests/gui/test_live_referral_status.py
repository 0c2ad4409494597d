"""The app signed in to real hub processes on PostgreSQL: when the agency moves a referral
on, today's list shows the new status by itself — no F5, no timed round (the window's
syncer rounds only hourly here) — because the desk long-polls the hub's change feed."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome, ReferralStatus
from frontdesk.gui.enquiry.vocabulary import referral_labels
from frontdesk.gui.settings import Settings
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.store.paths import DataPaths
from frontdesk.sync import sign_in
from frontdesk.sync.credentials import TokenStore
from tests.gui.with_hub import WAIT, app_window, statuses
from tests.helpers.hub import PASSWORD, pg_template, pg_url
from tests.helpers.hub_process import ORG, HubProcess, file_keyring, prepare_hub
from tests.sync.test_live import AGENCY, agency_moves_on

__all__ = ["file_keyring", "pg_template", "pg_url"]  # fixtures, used here by name

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


@pytest.fixture
def hub_engine(pg_url: str) -> Iterator[Engine]:
    engine = prepare_hub(pg_url)
    add_organization(engine, AGENCY, "Kirklees Housing", actor="test")
    add_account(engine, "ada", Role.AGENCY, AGENCY, PASSWORD, actor="test")
    yield engine
    engine.dispose()


@pytest.fixture
def hubs(pg_url: str, hub_engine: Engine, tmp_path: Path) -> Iterator[list[HubProcess]]:
    processes = [HubProcess(pg_url, tmp_path / f"hub-{i}.log") for i in range(2)]
    try:
        for process in processes:
            process.start()
        yield processes
    finally:
        for process in processes:
            process.stop(graceful=False)


def test_an_agencys_status_change_appears_in_todays_list_without_f5(
    qtbot: QtBot,
    hubs: list[HubProcess],
    hub_engine: Engine,
    paths: DataPaths,
    settings: Settings,
    file_keyring: TokenStore,
) -> None:
    desk = DeskStore.open(paths.desk_db, paths.backups)
    try:
        sign_in(desk, hubs[0].url, "alice", PASSWORD, tokens=file_keyring)
        EnquiryLog(desk).save(
            EnquiryDraft(
                id=str(uuid.uuid4()),
                channel=Channel.PHONE,
                started_at=dt.datetime.now(dt.UTC),
                outcome=Outcome.REFERRED,
                referral_service_id=f"{ORG}:svc-1",
            )
        )
    finally:
        desk.close()
    in_progress = referral_labels()[ReferralStatus.IN_PROGRESS]
    sent = referral_labels()[ReferralStatus.SENT]
    with app_window(qtbot, paths, settings, file_keyring) as (window, _):
        qtbot.waitUntil(lambda: statuses(window) == [f"Sent to the hub · {sent}"], timeout=WAIT)
        qtbot.wait(1000)  # the round is over: the desk holds a long-poll
        agency_moves_on(hubs[1].url, hub_engine, ReferralStatus.IN_PROGRESS)
        started = time.monotonic()
        qtbot.waitUntil(lambda: in_progress in statuses(window)[0], timeout=30_000)
        took = time.monotonic() - started
        print(f"today's list showed the agency's status {took * 1000:.0f} ms after it was set")
        assert statuses(window) == [f"Sent to the hub · {in_progress}"]
