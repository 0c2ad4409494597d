"""The settings part of `frontdesk status`: each setting the machine-wide configuration can
give, the value in force and where it came from (locked by the machine-wide file, set on
this desk, the machine-wide file's default, or frontdesk's own default), so IT can see why
a desk behaves as it does.

The adviser's language, text size and hub address live in the app's settings (QSettings,
read through `frontdesk.gui.settings`, imported only here and only when asked); the CA
bundle is the one given at sign-in; the proxy is the environment's (HTTPS_PROXY…).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests

from frontdesk.store import machine_config
from frontdesk.store.machine_config import NAMES, MachineConfig, Source

#: How each source reads in `frontdesk status` and in its JSON.
SOURCE_WORDS = {
    Source.LOCKED: ("locked by the machine-wide configuration", "locked"),
    Source.ADVISER: ("set on this desk", "desk"),
    Source.MACHINE: ("machine-wide configuration", "machine"),
    Source.DEFAULT: ("default", "default"),
}
_PROBE_URL = "https://hub.invalid/"  # which proxy the environment gives a hub address


@dataclass(frozen=True, slots=True)
class SettingInForce:
    name: str  # as in the machine-wide file
    value: str | int
    source: Source


def settings_in_force(
    hub_url: str | None, ca_bundle: str | None, machine: MachineConfig | None = None
) -> tuple[MachineConfig, list[SettingInForce]]:
    """Every machine-wide setting as it stands for this desk (`hub_url` and `ca_bundle`:
    the signed-in account's, if any)."""
    machine = machine or machine_config.load()
    own: dict[str, str | int | None] = _app_settings()
    own["ca_bundle"] = ca_bundle
    proxies = requests.utils.get_environ_proxies(hub_url or _PROBE_URL)
    own["proxy"] = requests.utils.select_proxy(hub_url or _PROBE_URL, proxies)
    defaults: dict[str, str | int] = {"language": "en_GB", "text_size": 100}
    found = []
    for name in NAMES:
        value, source = machine.resolve(name, own.get(name), defaults.get(name, ""))
        found.append(SettingInForce(name, value, source))
    return machine, found


def _app_settings() -> dict[str, str | int | None]:
    """The adviser's own values from the app's settings; none if Qt cannot be loaded here
    (a server without its libraries), which the report then cannot tell apart from unset."""
    try:
        from frontdesk.gui import settings as app
    except ImportError:
        return {}
    stored = app.Settings()
    found: dict[str, str | int | None] = {}
    for setting in app.ALL:
        if setting.machine:
            value, source = stored.resolve(setting)
            found[setting.machine] = value if source is Source.ADVISER else None
    return found


def print_settings(machine: MachineConfig, settings: list[SettingInForce]) -> None:
    where = str(machine.path) if machine.values or machine.problem else f"{machine.path} (none)"
    print(f"machine-wide:   {where}")
    if machine.problem:
        print(f"  {machine.problem_line}")
    for setting in settings:
        shown = setting.value if setting.value != "" else "none"
        print(f"  {NAMES[setting.name] + ':':15} {shown} ({SOURCE_WORDS[setting.source][0]})")


def settings_json(machine: MachineConfig, settings: list[SettingInForce]) -> dict[str, Any]:
    return {
        "machine_config": str(machine.path),
        "machine_config_problem": machine.problem_line or None,
        "values": {
            s.name: {"value": s.value or None, "source": SOURCE_WORDS[s.source][1]}
            for s in settings
        },
    }
