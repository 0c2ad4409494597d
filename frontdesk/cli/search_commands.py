"""`frontdesk search`: find services from the command line (first version)."""

from __future__ import annotations

import argparse
from typing import Any

from frontdesk.cli.common import add_data_dir_option


def register(commands: Any) -> None:
    p = commands.add_parser("search", help="find services in the catalogue")
    add_data_dir_option(p)
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    return 0
