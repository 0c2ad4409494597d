"""The embedded hub's child process is started as the `frontdesk` command of this very
installation: `python -m frontdesk` from a Python install, the bundle's own executable
when frozen (a PyInstaller bundle has no interpreter that could run a code string)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk import __version__
from frontdesk.sync.embedded import frontdesk_command


def test_python_dash_m_frontdesk_is_the_frontdesk_command(tmp_path: Path) -> None:
    command = frontdesk_command("--version")
    assert command[:4] == [sys.executable, "-P", "-m", "frontdesk"]
    # From another folder, as the embedded hub runs (its cwd is the data folder).
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"frontdesk {__version__}"


def test_a_frozen_app_runs_its_own_executable_with_the_arguments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bundle = "/opt/frontdesk/frontdesk"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", bundle)
    command = frontdesk_command("hub-embedded", "--data-dir", "/data")
    assert command == [bundle, "hub-embedded", "--data-dir", "/data"]
    assert "-c" not in command and "-m" not in command


def test_the_command_and_the_hub_child_start_without_loading_qt(tmp_path: Path) -> None:
    """The bundle's one executable is also the hub child and the command: Qt (a large part
    of its start-up time, and absent on a server) is loaded only when a window opens."""
    probe = (
        "import sys; from frontdesk.cli import build_parser; "
        "build_parser().parse_args(['hub-embedded', '--port', '1', '--user', 'u']); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    command = [sys.executable, "-P", "-c", probe]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
