"""What the window shows for each sync state, driven with the statuses the syncer sends:
words in the status bar (never colour alone), the message bar when the adviser must act,
and a rejected enquiry's reason on its row. Plus `frontdesk demo` without the hub extra."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.cli import demo_commands
from frontdesk.core.enquiry import Channel, Enquiry, Outcome, ReferralStatus, SyncState
from frontdesk.gui.enquiry.today import STATUS_COLUMN
from frontdesk.gui.main_window import MainWindow
from frontdesk.sync import HubExtraMissing, SyncMode, SyncStatus

HUB = "https://hub.example.gov.uk"


def status(mode: SyncMode, **facts: Any) -> SyncStatus:
    return SyncStatus(mode, hub_url=HUB, user="alice", organization_id="kirklees", **facts)


def test_the_status_bar_says_each_mode_in_words(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.status
    now = dt.datetime.now(dt.UTC)
    online = status(SyncMode.ONLINE, outbox=5, waiting=2, last_pull_at=now, catalogue_synced_at=now)
    window.sync_status(online)
    assert bar.mode.text() == "Online" and bar.mode.accessibleName() == "Online"
    assert bar.waiting.text() == "2 enquiries waiting to send"
    assert bar.sync.text().startswith("Last sync: ") and "never" not in bar.sync.text()
    assert bar.catalogue.text() == "Catalogue updated today"
    window.sync_status(status(SyncMode.SYNCING, outbox=5, waiting=2))
    assert bar.mode.text() == "Syncing…"
    retry = now + dt.timedelta(seconds=30)
    window.sync_status(status(SyncMode.OFFLINE, outbox=7, waiting=3, next_attempt_at=retry))
    assert bar.mode.text().startswith("Offline: enquiries are kept on this desk (retrying at ")
    assert bar.waiting.accessibleName() == "3 enquiries waiting to send"
    assert not window.message_bar.isVisible()  # offline needs nobody: sync retries itself


def test_signed_out_and_blocked_tell_the_adviser_what_to_do(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.sync_status(status(SyncMode.SIGNED_OUT, message="the token was revoked"))
    assert window.status.mode.text() == "Signed out: sign in again"
    assert window.message_bar.isVisible()
    text = window.message_bar.text.text()
    assert "the token was revoked" in text
    assert "Sign in again: File → Sign in (Ctrl+Shift+L)" in text
    window.sync_status(status(SyncMode.BLOCKED, message="op_id reused with another payload"))
    assert window.status.mode.text() == "Sync blocked: enquiries are kept on this desk"
    text = window.message_bar.text.text()
    assert "Nothing is lost" in text and "op_id reused" in text


def test_a_rejected_enquiry_shows_its_reason(qtbot: QtBot, window: MainWindow) -> None:
    now = dt.datetime.now(dt.UTC)
    common: dict[str, Any] = {"channel": Channel.PHONE, "started_at": now, "saved_at": now}
    rejected = Enquiry(
        id="e1",
        outcome=Outcome.ADVICE_GIVEN,
        sync_state=SyncState.REJECTED,
        rejection_reason="outcome missing",
        **common,
    )
    referred = Enquiry(
        id="e2",
        outcome=Outcome.REFERRED,
        sync_state=SyncState.SENT,
        referral_status=ReferralStatus.ACKNOWLEDGED,
        **common,
    )
    window._show_today((rejected, referred))
    model = window.today.model
    assert model.index(0, STATUS_COLUMN).data() == "Rejected by the hub: outcome missing"
    tip = model.index(0, STATUS_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "outcome missing" in tip
    assert model.index(0, STATUS_COLUMN).data(Qt.ItemDataRole.AccessibleDescriptionRole) == tip
    assert model.index(1, STATUS_COLUMN).data() == "Sent to the hub · Acknowledged"
    assert model.index(1, STATUS_COLUMN).data(Qt.ItemDataRole.ToolTipRole) is None
    assert window.message_bar.isVisible()  # the adviser is told once, with where to look


def test_demo_without_the_hub_extra_opens_standalone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[dict[str, Any]] = []

    def no_extra(_root: Any) -> Any:
        raise HubExtraMissing("the embedded hub needs frontdesk's hub extra")

    def fake_app(data_dir: Any, demo: bool, lang: Any, **options: Any) -> int:
        opened.append({"demo": demo, **options})
        return 0

    monkeypatch.setattr(demo_commands, "start_demo_hub", no_extra)
    monkeypatch.setattr(demo_commands, "run_app", fake_app)
    args = argparse.Namespace(data_dir=str(tmp_path / "data"), lang=None)
    assert demo_commands.run_demo(args) == 0
    assert opened == [{"demo": True}]  # the local demo catalogue, no hub
    assert "working standalone" in capsys.readouterr().err


def test_f5s_syncing_note_goes_once_the_round_has_ended(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Woken:
        """Stands in for the sync link: the round it starts is told by sync_status."""

        def wake(self) -> bool:
            return True

    monkeypatch.setattr(window, "sync", Woken())
    window.sync_status(status(SyncMode.ONLINE))
    window.sync_now()
    assert window.info_line.text() == "Syncing with the hub…"
    window.sync_status(status(SyncMode.SYNCING))
    assert window.info_line.isVisible()
    window.sync_status(status(SyncMode.OFFLINE))
    assert not window.info_line.isVisible()
    assert window.status.mode.text().startswith("Offline")
