"""A hub on loopback that answers `GET /supervisor/v1/report` with the agreed JSON (the
hub's endpoint is another change's; the desk is tested against the contract), and a desk
signed in to it as a supervisor."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from frontdesk.store.desk import DeskStore
from frontdesk.sync.account import HubAccount, SyncState
from frontdesk.sync.credentials import TokenStore

HUB_FIGURES = {
    "since": "2026-10-01",
    "until": "2026-10-31",
    "organization_id": "council",
    "enquiries": 1234,
    "by_hour": {"9": {"phone": 600}, "10": {"phone": 634}},
    "estate": {
        "as_at": "2026-11-01T09:00:00+00:00",
        "stale_after_hours": 24,
        "desks": [
            {
                "device_id": "desk-a",
                "organization_id": "council",
                "stale": False,
                "last_push_at": "2026-11-01T08:59:00+00:00",
                "outbox_waiting": 0,
            },
            {
                "device_id": "desk-b",
                "organization_id": "council",
                "stale": True,
                "last_push_at": "2026-10-20T08:00:00+00:00",
                "outbox_waiting": 12,
            },
        ],
    },
}


@pytest.fixture
def report_hub() -> Iterator[tuple[str, list[str]]]:
    """A hub on loopback that answers GET /supervisor/v1/report as the contract says."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body = json.dumps(HUB_FIGURES).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Frontdesk-Protocol", "1")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", asked
    server.shutdown()
    server.server_close()


def signed_in(folder: Path, url: str, tokens: TokenStore) -> DeskStore:
    desk = DeskStore.open(folder / "desk.db", folder / "backups")
    SyncState(desk).set_account(HubAccount(url=url, user="sam", organization_id="council"))
    tokens.save(url, "sam", "a-supervisors-token")
    return desk
