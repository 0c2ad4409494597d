"""The desk reads the hub's announced releases and judges its own: current, an update
available, or too old to be accepted. A real hub process on loopback; a hub released
before the announcement existed (it answers 404) is played by a small HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from frontdesk.sync.client import PROTOCOL_HEADER
from frontdesk.sync.desk_versions import Standing, check, judge
from tests.helpers.hub_process import HubProcess, prepare_hub


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HubProcess]:
    monkeypatch.setenv("FRONTDESK_MIN_DESK_VERSION", "0.2.0")
    monkeypatch.setenv("FRONTDESK_LATEST_DESK_VERSION", "0.4.0")
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    prepare_hub(db, services=1).dispose()
    process = HubProcess(db, tmp_path / "hub.log")
    process.start()
    yield process
    process.stop(graceful=False)


def test_the_desk_judges_its_release_by_what_the_hub_announces(hub: HubProcess) -> None:
    too_old = check(hub.url, running="0.1.9")
    assert too_old.standing is Standing.TOO_OLD
    assert (too_old.minimum, too_old.latest) == ("0.2.0", "0.4.0")
    assert check(hub.url, running="0.3.0").standing is Standing.UPDATE_AVAILABLE
    assert check(hub.url, running="0.4.0").standing is Standing.CURRENT
    assert check(hub.url, running="0.10.0").standing is Standing.CURRENT


def test_nothing_announced_or_nonsense_announced_changes_nothing() -> None:
    assert judge({"minimum": None, "latest": None}, "0.1.0").standing is Standing.CURRENT
    assert judge({"minimum": "soon", "latest": 4}, "0.1.0").standing is Standing.CURRENT


def test_a_hub_from_before_the_announcement_leaves_the_desk_current() -> None:
    class OldHub(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            return

        def do_GET(self) -> None:
            body = b'{"error": {"code": "not_found", "message": "Not Found"}}'
            self.send_response(404)
            self.send_header(PROTOCOL_HEADER, "1")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), OldHub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        notice = check(f"http://127.0.0.1:{server.server_address[1]}", running="0.1.0")
    finally:
        server.shutdown()
        server.server_close()
    assert notice.standing is Standing.CURRENT and notice.minimum is None
