"""The `frontdesk` command: argument parsing and dispatch to one module per command group.

Exit status: 0 success, 1 failure (one line on stderr saying what happened and what to
do), 2 bad usage (argparse's own convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from frontdesk import __version__
from frontdesk.cli import (
    app_commands,
    catalogue_commands,
    demo_commands,
    enquiries_commands,
    hub_commands,
    period_report_commands,
    search_commands,
    service_commands,
    sync_commands,
)
from frontdesk.cli.common import CommandError, add_data_dir_option

COMMAND_GROUPS = (
    catalogue_commands,
    search_commands,
    enquiries_commands,
    demo_commands,
    hub_commands,
    sync_commands,
    # Services one at a time: details, guidance, hand-outs.
    service_commands,
    # The supervisor's period report: JSON and the printable PDF.
    period_report_commands,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontdesk",
        description="Find the right service for a caller across every agency, and log the "
        "enquiry. With no command, opens the desktop app (on the demo catalogue if nothing "
        "is set up yet).",
    )
    parser.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    add_data_dir_option(parser, top_level=True)
    app_commands.add_app_options(parser, top_level=True)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        return app_commands.run_app(args.data_dir, demo=False, lang=args.lang)
    try:
        status: int = run(args)
    except CommandError as error:
        print(f"frontdesk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("frontdesk: interrupted", file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
