"""The token lives in a real OS keyring: a Secret Service (gnome-keyring-daemon on a
private D-Bus session, as on a Linux desktop) and keyrings.alt's file backend (a test box).
With no usable keyring, signing in fails with instructions and the hub is never asked.
The embedded demo hub's token never goes to the keyring, even when there is one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.sync.credentials import SERVICE, TokenStore, token_key
from tests.helpers.hub import PASSWORD
from tests.helpers.hub_process import CLI, HubProcess, spawn_demo

pytestmark = pytest.mark.slow


@pytest.fixture
def hub_db(tmp_path: Path) -> str:
    """The keyring is the subject here, so one hub database (SQLite) is enough."""
    return f"sqlite:///{tmp_path / 'hub.db'}"


@pytest.fixture
def secret_service(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A D-Bus session bus with an unlocked gnome-keyring-daemon on it; yields the
    environment a process needs to use it."""
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        assert shutil.which(tool), f"{tool} is missing: run scripts/system-packages"
    home = tmp_path / "home"
    for sub in (".cache", ".local/share/keyrings", "run"):
        (home / sub).mkdir(parents=True)
    (home / "run").chmod(0o700)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS")
    }
    env |= {
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "XDG_DATA_HOME": str(home / ".local/share"),
    }
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    daemon = subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
        input="test-keyring-password",
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert daemon.returncode == 0, daemon.stderr
    try:
        yield env
    finally:
        bus.terminate()
        bus.wait(10)


def _cli(
    env: dict[str, str], data: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args, "--data-dir", str(data)],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _secret_tool(env: dict[str, str], hub: str, user: str) -> str:
    found = subprocess.run(
        ["secret-tool", "lookup", "service", SERVICE, "username", token_key(hub, user)],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    return found.stdout.strip()


def test_login_sync_logout_with_a_real_secret_service(
    secret_service: dict[str, str], hub: HubProcess, tmp_path: Path
) -> None:
    data = tmp_path / "desk"
    login = _cli(secret_service, data, "login", hub.url, "--user", "alice", stdin=PASSWORD + "\n")
    assert login.returncode == 0, login.stderr
    token = _secret_tool(secret_service, hub.url, "alice")
    assert len(token) > 20  # in the Secret Service, under service "frontdesk"
    for place in data.rglob("*"):  # and nowhere in the data folder, logs included
        if place.is_file():
            assert token.encode() not in place.read_bytes(), place
    synced = _cli(secret_service, data, "sync", "--verbose")
    assert synced.returncode == 0, synced.stderr
    assert "received 32 changes" in synced.stdout
    assert token not in synced.stdout + synced.stderr  # not even in debug logs
    out = _cli(secret_service, data, "logout")
    assert out.returncode == 0, out.stderr
    assert _secret_tool(secret_service, hub.url, "alice") == ""


def test_the_file_backend_when_chosen_explicitly(
    hub: HubProcess,
    make_desk,
    file_keyring: TokenStore,  # type: ignore[no-untyped-def]
) -> None:
    desk = make_desk()
    login = desk.cli("login", hub.url, "--user", "alice", stdin=PASSWORD + "\n")
    assert login.returncode == 0, login.stderr
    assert file_keyring.load(hub.url, "alice")
    assert desk.cli("sync").returncode == 0


def test_no_keyring_says_how_to_get_one_and_never_asks_the_hub(
    hub: HubProcess, tmp_path: Path
) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS")
    }
    env |= {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = _cli(
        env, tmp_path / "desk", "login", hub.url, "--user", "alice", stdin=PASSWORD + "\n"
    )
    assert result.returncode == 1
    message = result.stderr.strip()
    assert message.count("\n") == 0
    assert "gnome-keyring" in message and "dbus-run-session" in message
    assert "PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring" in message


def test_the_demo_keeps_its_sign_in_out_of_an_available_keyring(
    secret_service: dict[str, str], tmp_path: Path
) -> None:
    demo, url = spawn_demo(secret_service, tmp_path / "demo")
    try:
        assert _secret_tool(secret_service, url, "demo-adviser") == ""
        found = subprocess.run(
            ["secret-tool", "search", "--all", "service", SERVICE],
            env=secret_service,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert "demo-adviser" not in found.stdout + found.stderr
    finally:
        demo.send_signal(signal.SIGTERM)
        demo.wait(30)
