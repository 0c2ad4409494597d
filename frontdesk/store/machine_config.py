"""The machine-wide configuration council IT deploys: `/etc/frontdesk/config.toml` on Linux,
`%ProgramData%\\frontdesk\\config.toml` on Windows (`FRONTDESK_MACHINE_CONFIG` names another
file, for tests and unusual layouts).

It gives defaults for the hub address, the CA bundle, the proxy, the language and the text
size; a default never overrides what the adviser set (in Settings, at sign-in, in their
environment) unless the file also locks it. A file that cannot be used is ignored whole,
with one line saying why, so a half-read file never unlocks or half-applies anything and
frontdesk still starts. Stdlib only: the app, the command and the sync client all read it.
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

log = logging.getLogger("frontdesk.store.machine_config")

PATH_VARIABLE = "FRONTDESK_MACHINE_CONFIG"
LANGUAGES = ("en_GB", "cy")
TEXT_SIZES = range(100, 201)

#: Each setting the file may give, with what people call it (in `frontdesk status`).
NAMES: dict[str, str] = {
    "hub_url": "hub address",
    "ca_bundle": "CA bundle",
    "proxy": "proxy",
    "language": "language",
    "text_size": "text size (%)",
}


class Source(Enum):
    """Where a setting's value came from, strongest first."""

    LOCKED = "locked by the machine-wide configuration"
    ADVISER = "set on this desk"
    MACHINE = "machine-wide configuration"
    DEFAULT = "default"


def default_path() -> Path:
    """Where IT puts the file on this platform (or where the variable points)."""
    named = os.environ.get(PATH_VARIABLE)
    if named:
        return Path(named).expanduser()
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(program_data) / "frontdesk" / "config.toml"
    return Path("/etc/frontdesk/config.toml")


@dataclass(frozen=True, slots=True)
class MachineConfig:
    """What the file says; `problem` says why a file was ignored ("" when it was not)."""

    path: Path
    values: dict[str, str | int] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    problem: str = ""

    @property
    def problem_line(self) -> str:
        """The one line that tells IT what is wrong, or ""."""
        return (
            f"the machine-wide configuration {self.path} is ignored: {self.problem}"
            if (self.problem)
            else ""
        )

    def value(self, name: str) -> str | int | None:
        return self.values.get(name)

    def is_locked(self, name: str) -> bool:
        return name in self.locked

    def resolve(
        self, name: str, own: str | int | None, default: str | int
    ) -> tuple[str | int, Source]:
        """The value in force for `name` and its source, given the desk's own value (None
        or "" when the adviser has set nothing) and the built-in default."""
        machine = self.values.get(name)
        if machine is not None and name in self.locked:
            return machine, Source.LOCKED
        if own is not None and own != "":
            return own, Source.ADVISER
        if machine is not None:
            return machine, Source.MACHINE
        return default, Source.DEFAULT


def load(path: Path | None = None) -> MachineConfig:
    """Read the file; a missing file is an empty configuration, a bad one is ignored with
    its `problem` set (and logged once)."""
    path = path or default_path()
    try:
        with open(path, "rb") as file:
            document = tomllib.load(file)
        values, locked = _check(document)
    except FileNotFoundError:
        return MachineConfig(path)
    except (OSError, tomllib.TOMLDecodeError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        config = MachineConfig(path, problem=str(reason))
        _warn_once(config.problem_line)
        return config
    return MachineConfig(path, values, locked)


def _check(document: dict[str, object]) -> tuple[dict[str, str | int], frozenset[str]]:
    """Every key known and of its type, or ValueError naming the first that is not."""
    values: dict[str, str | int] = {}
    locked: frozenset[str] = frozenset()
    for key, value in document.items():
        if key == "locked":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError('"locked" must be a list of setting names')
            unknown = sorted(set(value) - set(NAMES))
            if unknown:
                raise ValueError(f'"locked" names an unknown setting: {unknown[0]}')
            locked = frozenset(value)
        elif key == "text_size":
            if type(value) is not int or value not in TEXT_SIZES:
                raise ValueError('"text_size" must be a whole number from 100 to 200')
            values[key] = value
        elif key in NAMES:
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f'"{key}" must be a non-empty string')
            values[key] = _text(key, value.strip())
        else:
            raise ValueError(f'unknown setting "{key}" (known: {", ".join(NAMES)}, locked)')
    missing = sorted(locked - set(values))
    if missing:
        raise ValueError(f'"locked" names {missing[0]}, which the file does not set')
    return values, locked


def _text(key: str, value: str) -> str:
    if key == "language" and value not in LANGUAGES:
        raise ValueError(f'"language" must be one of {", ".join(LANGUAGES)}')
    if key in ("hub_url", "proxy") and "://" not in value:
        raise ValueError(f'"{key}" must be an address such as https://hub.example.gov.uk')
    if key == "ca_bundle" and not Path(value).is_absolute():
        raise ValueError('"ca_bundle" must be an absolute path to a PEM file')
    return value


_warned: set[str] = set()


def _warn_once(problem: str) -> None:
    if problem not in _warned:
        _warned.add(problem)
        log.warning("%s", problem)
