"""A hub on this computer, for the demo: SQLite in the data folder, the demo catalogue, one
demo adviser account, served on loopback by a child process.

A child process rather than a thread: the sync package never imports the hub (DESIGN.md),
the hub's event loop stays out of the GUI's process, and stopping it is one signal. The
demo adviser's password is made afresh at every start and handed over on the child's
stdin, so it is never on a command line, in a file or in a log. The desk's token for it is
kept in this process's memory only (`credentials.EMBEDDED`), never in a keyring or a file.

The child keeps reading its stdin after the password and exits when it closes: however
the demo ends (closed, crashed, killed), its hub goes with it, so nothing answering on the
old port can be mistaken for a demo that still holds its sign-in.
"""

from __future__ import annotations

import importlib.util
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from frontdesk.store.desk import DeskStore
from frontdesk.sync.client import normalise_hub_url
from frontdesk.sync.credentials import EMBEDDED, TokenStore
from frontdesk.sync.errors import SyncError
from frontdesk.sync.session import sign_in

DEMO_USER = "demo-adviser"
HUB_EXTRA = ("starlette", "uvicorn", "alembic")


class HubExtraMissing(SyncError):
    """frontdesk was installed without the `hub` extra: the demo stays standalone."""


@dataclass(slots=True)
class EmbeddedHub:
    url: str
    user: str
    password: str
    process: subprocess.Popen[bytes]

    def stop(self, timeout: float = 10.0) -> None:
        EMBEDDED.release(self.url)  # its tokens are worthless from here on
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdin is not None:
            self.process.stdin.close()


def hub_extra_installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in HUB_EXTRA)


def launch_embedded_hub(data_dir: Path, *, timeout: float = 60.0) -> EmbeddedHub:
    """Start the hub child on a free loopback port and wait until it answers."""
    if not hub_extra_installed():
        raise HubExtraMissing(
            "the embedded hub needs frontdesk's hub extra (pip install 'frontdesk[hub]')"
        )
    port = _free_port()
    password = secrets.token_urlsafe(18)
    command = frontdesk_command("hub-embedded", "--data-dir", str(data_dir))
    log_path = data_dir / "logs" / "embedded-hub.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log_file:  # a file, not a pipe nobody reads
        process = subprocess.Popen(
            [*command, "--port", str(port), "--user", DEMO_USER],
            stdin=subprocess.PIPE,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            cwd=data_dir,
        )
    assert process.stdin is not None
    process.stdin.write(password.encode() + b"\n")
    process.stdin.flush()  # and kept open: closing it ends the hub
    url = normalise_hub_url(f"http://127.0.0.1:{port}")
    hub = EmbeddedHub(url, DEMO_USER, password, process)
    try:
        _wait_until_up(hub, timeout, log_path)
    except BaseException:
        hub.stop()
        raise
    EMBEDDED.hold(url)  # this process started it: its token stays in memory
    return hub


def start_embedded_hub(
    data_dir: Path, *, tokens: TokenStore | None = None
) -> tuple[str, Callable[[], None]]:
    """Start the embedded hub and sign this data folder's desk in to it as the demo
    adviser; returns (hub URL, stop). The token stays in this process's memory, so the
    caller syncs in this process (a Syncer); `stop` forgets it and ends the hub."""
    hub = launch_embedded_hub(data_dir)
    try:
        desk = DeskStore.open(data_dir / "desk.db", data_dir / "backups")
        try:
            sign_in(desk, hub.url, hub.user, hub.password, tokens=tokens)
        finally:
            desk.close()
    except BaseException:
        hub.stop()
        raise
    return hub.url, hub.stop


def frontdesk_command(*args: str) -> list[str]:
    """The command line that runs `frontdesk ARGS` with this very installation."""
    if getattr(sys, "frozen", False):  # a bundle: its executable is the frontdesk command
        return [sys.executable, *args]
    # -P: the child must import the installed frontdesk, never a source folder that
    # happens to be the current directory (it lacks the packaged resources).
    return [sys.executable, "-P", "-m", "frontdesk", *args]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_until_up(hub: EmbeddedHub, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            detail = log_path.read_text(errors="replace")[-500:]
            raise SyncError(f"the embedded hub stopped while starting ({log_path}): {detail}")
        try:
            if requests.get(hub.url + "/", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            time.sleep(0.1)
    raise SyncError(f"the embedded hub did not start within {timeout:.0f} s")
