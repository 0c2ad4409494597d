"""The machine-wide configuration IT deploys: where it is, what it may say, and how its
values give way to the adviser's own unless locked. A file that cannot be used is ignored
whole, with one line saying why."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from frontdesk.store import machine_config
from frontdesk.store.machine_config import MachineConfig, Source, default_path, load

GOOD = """
hub_url = "https://hub.council.example.gov.uk"
ca_bundle = "/etc/ssl/council.pem"
proxy = "http://proxy.council.example:3128"
language = "cy"
text_size = 150
locked = ["hub_url", "language"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_is_where_it_lives_on_each_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTDESK_MACHINE_CONFIG")
    monkeypatch.setattr(sys, "platform", "linux")
    assert default_path() == Path("/etc/frontdesk/config.toml")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\ProgramData")
    assert default_path() == Path(r"D:\ProgramData") / "frontdesk" / "config.toml"
    monkeypatch.delenv("PROGRAMDATA")
    assert default_path() == Path(r"C:\ProgramData") / "frontdesk" / "config.toml"


def test_the_variable_points_at_another_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, GOOD)
    monkeypatch.setenv("FRONTDESK_MACHINE_CONFIG", str(path))
    config = load()
    assert config.path == path
    assert config.value("hub_url") == "https://hub.council.example.gov.uk"
    assert config.value("text_size") == 150
    assert config.locked == {"hub_url", "language"}
    assert config.problem == ""


def test_no_file_is_an_empty_configuration(tmp_path: Path) -> None:
    config = load(tmp_path / "absent.toml")
    assert config.values == {} and config.locked == frozenset() and config.problem == ""


def test_the_advisers_value_wins_over_a_machine_default() -> None:
    config = MachineConfig(Path("c.toml"), {"text_size": 150, "language": "cy"})
    assert config.resolve("text_size", 120, 100) == (120, Source.ADVISER)
    assert config.resolve("text_size", None, 100) == (150, Source.MACHINE)
    assert config.resolve("proxy", None, "") == ("", Source.DEFAULT)
    assert config.resolve("proxy", "", "") == ("", Source.DEFAULT)  # empty is "not set"


def test_a_locked_value_wins_over_the_advisers() -> None:
    config = MachineConfig(Path("c.toml"), {"language": "cy"}, frozenset({"language"}))
    assert config.resolve("language", "en_GB", "en_GB") == ("cy", Source.LOCKED)
    assert config.is_locked("language")


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("hub_url = ", "(at line 2, column 11)"),  # not TOML: tomllib names the place
        ('hub_ur1 = "https://h.example"', 'unknown setting "hub_ur1"'),
        ("text_size = 300", '"text_size" must be a whole number from 100 to 200'),
        ('text_size = "125"', '"text_size" must be a whole number'),
        ('language = "fr"', '"language" must be one of en_GB, cy'),
        ("hub_url = 3", '"hub_url" must be a non-empty string'),
        ('hub_url = "hub.example"', '"hub_url" must be an address'),
        ('ca_bundle = "council.pem"', '"ca_bundle" must be an absolute path'),
        ('locked = "hub_url"', '"locked" must be a list'),
        ('locked = ["colour"]', "unknown setting: colour"),
        ('locked = ["language"]', '"locked" names language, which the file does not set'),
    ],
)
def test_a_bad_file_is_ignored_whole_with_one_line_saying_why(
    tmp_path: Path, text: str, says: str
) -> None:
    # A good line too: none of the file applies, not even what was right in it.
    path = write(tmp_path, f'proxy = "http://proxy.example:3128"\n{text}\n')
    config = load(path)
    assert config.values == {} and config.locked == frozenset()
    assert says in config.problem
    line = config.problem_line
    assert line.startswith(f"the machine-wide configuration {path} is ignored: ")
    assert "\n" not in line


def test_an_unreadable_file_is_ignored_and_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "config.toml"
    folder.mkdir()  # a folder where the file should be: reading it fails
    machine_config._warned.clear()
    with caplog.at_level(logging.WARNING, "frontdesk.store.machine_config"):
        first, second = load(folder), load(folder)
    assert first.problem and first.problem == second.problem
    assert [r.getMessage() for r in caplog.records] == [first.problem_line]
