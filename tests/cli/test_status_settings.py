"""`frontdesk status` says, for each setting IT may give, the value in force and where it
came from; a machine-wide file that cannot be used is one line there, and status still
works. Run as a command in a child process, with its own home for the app's settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from frontdesk.gui import settings as s

MACHINE = """
hub_url = "https://hub.council.example.gov.uk"
proxy = "http://proxy.council.example:3128"
language = "cy"
text_size = 150
locked = ["language"]
"""


def status(tmp_path: Path, machine: str, *, json_out: bool = False, **env: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(machine, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    environ |= {"FRONTDESK_MACHINE_CONFIG": str(path), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    command = [sys.executable, "-m", "frontdesk", "status", "--data-dir", str(tmp_path / "d")]
    done = subprocess.run(
        command + (["--json"] if json_out else []),
        env=environ | env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def adviser_sets(tmp_path: Path, setting: s.Setting[int] | s.Setting[str], value: object) -> None:
    """What the app's Settings dialog stores, where the child will look for it."""
    folder = tmp_path / "cfg" / "frontdesk"
    folder.mkdir(parents=True, exist_ok=True)
    store = QSettings(str(folder / "frontdesk.conf"), QSettings.Format.IniFormat)
    store.setValue(setting.key, value)
    store.sync()


def test_status_names_the_source_of_each_setting(tmp_path: Path) -> None:
    adviser_sets(tmp_path, s.TEXT_SIZE, 175)
    adviser_sets(tmp_path, s.LANGUAGE, "en_GB")  # locked by IT: does not count
    out = status(tmp_path, MACHINE)
    assert f"machine-wide:   {tmp_path / 'config.toml'}" in out
    lines = {line.split(":")[0].strip(): line for line in out.splitlines()}
    assert lines["hub address"].endswith(
        "https://hub.council.example.gov.uk (machine-wide configuration)"
    )
    assert lines["language"].endswith("cy (locked by the machine-wide configuration)")
    assert lines["text size (%)"].endswith("175 (set on this desk)")
    assert lines["CA bundle"].endswith("none (default)")
    assert lines["proxy"].endswith("http://proxy.council.example:3128 (machine-wide configuration)")


def test_an_environment_proxy_is_the_desks_own(tmp_path: Path) -> None:
    out = status(tmp_path, MACHINE, json_out=True, HTTPS_PROXY="http://mine.example:8080")
    values = json.loads(out)["settings"]["values"]
    assert values["proxy"] == {"value": "http://mine.example:8080", "source": "desk"}
    assert values["language"] == {"value": "cy", "source": "locked"}
    assert values["ca_bundle"] == {"value": None, "source": "default"}


def test_a_bad_file_is_one_line_and_status_still_answers(tmp_path: Path) -> None:
    out = status(tmp_path, 'language = "klingon"\n')
    problem = [line for line in out.splitlines() if "is ignored" in line]
    assert problem == [
        f"  the machine-wide configuration {tmp_path / 'config.toml'} is ignored: "
        '"language" must be one of en_GB, cy'
    ]
    assert "language:       en_GB (default)" in out
