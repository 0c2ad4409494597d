"""The sync client under the machine-wide configuration: its proxy is used where the
environment names none and over the environment's when locked, its CA bundle where the
sign-in gave none, and a locked hub address is the only one a desk may sign in to.
The "proxy" is a real HTTP server on loopback answering as a hub would."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from frontdesk.store.desk import DeskStore
from frontdesk.sync.client import PROTOCOL_HEADER, PROTOCOL_VERSION, HubClient, HubUrlError
from frontdesk.sync.reconnect import first_hop
from frontdesk.sync.session import sign_in
from tests.helpers.hub_process import free_port

PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY")


class AnsweringProxy:
    """Takes proxy requests (absolute URLs) and answers each as the hub would."""

    def __init__(self) -> None:
        seen = self.seen = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_GET(self) -> None:
                seen.append(self.path)
                body = json.dumps({"account": {"name": "alice"}}).encode()
                self.send_response(200)
                self.send_header(PROTOCOL_HEADER, PROTOCOL_VERSION)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[AnsweringProxy]:
    for name in (*PROXY_VARIABLES, "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    answering = AnsweringProxy()
    yield answering
    answering.close()


def machine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("FRONTDESK_MACHINE_CONFIG", str(path))


def test_the_machine_proxy_carries_requests_when_the_environment_names_none(
    proxy: AnsweringProxy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = f"http://127.0.0.1:{free_port()}"  # nothing listens there: only the proxy answers
    machine_file(tmp_path, monkeypatch, f'proxy = "{proxy.url}"\n')
    with HubClient(hub, "token") as client:
        assert client.session_info()["name"] == "alice"
    assert proxy.seen == [f"{hub}/auth/v1/session"]
    assert first_hop(hub) == ("127.0.0.1", int(proxy.url.rsplit(":", 1)[1]))


def test_the_environments_proxy_wins_unless_the_machine_proxy_is_locked(
    proxy: AnsweringProxy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = f"http://127.0.0.1:{free_port()}"
    other = AnsweringProxy()
    try:
        monkeypatch.setenv("HTTP_PROXY", other.url)
        machine_file(tmp_path, monkeypatch, f'proxy = "{proxy.url}"\n')
        with HubClient(hub, "token") as client:
            client.session_info()
        assert other.seen and not proxy.seen
        machine_file(tmp_path, monkeypatch, f'proxy = "{proxy.url}"\nlocked = ["proxy"]\n')
        with HubClient(hub, "token") as client:
            client.session_info()
        assert proxy.seen == [f"{hub}/auth/v1/session"] and len(other.seen) == 1
        assert first_hop(hub)[1] == int(proxy.url.rsplit(":", 1)[1])
    finally:
        other.close()


def test_the_machine_ca_bundle_applies_where_the_sign_in_gave_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    machine_file(tmp_path, monkeypatch, 'ca_bundle = "/etc/ssl/council.pem"\n')
    with HubClient("https://hub.example.gov.uk") as client:
        assert client._http.verify == "/etc/ssl/council.pem"
    with HubClient("https://hub.example.gov.uk", ca_bundle="/home/a/own.pem") as client:
        assert client._http.verify == "/home/a/own.pem"
    locked = 'ca_bundle = "/etc/ssl/council.pem"\nlocked = ["ca_bundle"]\n'
    machine_file(tmp_path, monkeypatch, locked)
    with HubClient("https://hub.example.gov.uk", ca_bundle="/home/a/own.pem") as client:
        assert client._http.verify == "/etc/ssl/council.pem"


def test_a_locked_hub_address_is_the_only_one_a_desk_signs_in_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = 'hub_url = "https://hub.council.example.gov.uk"\nlocked = ["hub_url"]\n'
    machine_file(tmp_path, monkeypatch, locked)
    desk = DeskStore.open(tmp_path / "desk.db", tmp_path / "backups")
    try:
        with pytest.raises(HubUrlError, match=r"only to https://hub\.council\.example\.gov\.uk"):
            sign_in(desk, "http://127.0.0.1:9", "alice", "secret")
    finally:
        desk.close()
