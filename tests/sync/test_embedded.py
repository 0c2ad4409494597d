"""The embedded demo hub: SQLite in the data folder, the demo catalogue, a demo adviser;
the desk is signed in and its first sync brings the whole demo catalogue."""

from __future__ import annotations

from typing import Any

import pytest

from frontdesk.sync import start_embedded_hub
from frontdesk.sync.account import SyncState

pytestmark = pytest.mark.slow


def test_the_embedded_hub_serves_the_demo(make_desk: Any) -> None:
    desk = make_desk()
    url, stop = start_embedded_hub(desk.root, tokens=desk.tokens)
    try:
        account = SyncState(desk.store).account()
        assert account is not None and account.url == url and account.user == "demo-adviser"
        report = desk.sync()
        assert report.pull.rebuilt and len(desk.catalogue()["services"]) == 335
        desk.log_enquiries(3)
        assert desk.sync().push.applied >= 3
    finally:
        stop()
    assert (desk.root / "hub" / "hub.db").is_file()  # the hub lives in the data folder
