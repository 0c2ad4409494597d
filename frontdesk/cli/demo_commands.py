"""`frontdesk demo`: the desktop app on the bundled demo catalogue, on a fresh machine."""

from __future__ import annotations

import argparse
from typing import Any

from frontdesk.cli.app_commands import add_app_options, run_app
from frontdesk.cli.common import add_data_dir_option


def register(commands: Any) -> None:
    p = commands.add_parser(
        "demo",
        help="open the app on the demo catalogue",
        description="Loads the bundled demo catalogue (about 300 services from two dozen "
        "agencies; all contact details fictional) into the data folder and opens the app.",
    )
    add_data_dir_option(p)
    add_app_options(p)
    p.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    return run_app(getattr(args, "data_dir", None), demo=True, lang=getattr(args, "lang", None))
