"""The hub announces, at GET /sync/v1/desk-versions, the oldest desk release it accepts and
the newest available, as its operator set them in the environment of `frontdesk hub
serve`; nulls when not set; and a bad setting stops `hub serve` with one line. A real hub
process on loopback, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from frontdesk.sync.client import PROTOCOL_HEADER
from tests.helpers.hub_process import HubProcess, hub_db, prepare_hub

__all__ = ["hub_db"]  # a fixture, used here by name


def serve(hub_db: str, tmp_path: Path) -> HubProcess:
    prepare_hub(hub_db, services=1).dispose()
    process = HubProcess(hub_db, tmp_path / "hub.log")
    process.start()
    return process


def test_the_hub_announces_the_desk_releases_its_operator_set(
    hub_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTDESK_MIN_DESK_VERSION", "0.1.0")
    monkeypatch.setenv("FRONTDESK_LATEST_DESK_VERSION", "0.3.1")
    hub = serve(hub_db, tmp_path)
    try:
        answer = requests.get(f"{hub.url}/sync/v1/desk-versions", timeout=10)
    finally:
        hub.stop()
    assert answer.status_code == 200
    assert answer.json() == {"minimum": "0.1.0", "latest": "0.3.1"}
    assert answer.headers[PROTOCOL_HEADER] == "1"


def test_a_hub_that_was_told_nothing_answers_nulls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FRONTDESK_MIN_DESK_VERSION", raising=False)
    monkeypatch.delenv("FRONTDESK_LATEST_DESK_VERSION", raising=False)
    hub = serve(f"sqlite:///{tmp_path / 'hub.db'}", tmp_path)
    try:
        answer = requests.get(f"{hub.url}/sync/v1/desk-versions", timeout=10)
        bad_token = requests.get(
            f"{hub.url}/sync/v1/desk-versions",
            headers={"Authorization": "Bearer not-a-token"},
            timeout=10,
        )
    finally:
        hub.stop()
    assert answer.json() == {"minimum": None, "latest": None}
    assert bad_token.status_code == 401  # public, but a bad credential is still refused


@pytest.mark.parametrize(
    ("minimum", "latest", "says"),
    [
        ("one", "", "FRONTDESK_MIN_DESK_VERSION: 'one' is not a frontdesk version"),
        ("0.5.0", "0.4.0", "FRONTDESK_LATEST_DESK_VERSION (0.4.0) is older than"),
    ],
)
def test_a_bad_setting_stops_hub_serve_with_one_line(
    tmp_path: Path, minimum: str, latest: str, says: str
) -> None:
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    prepare_hub(db, services=1).dispose()
    env = os.environ | {
        "FRONTDESK_MIN_DESK_VERSION": minimum,
        "FRONTDESK_LATEST_DESK_VERSION": latest,
    }
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", "hub", "serve", "--db", db, "--port", "9"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("frontdesk: ") and says in lines[0]
