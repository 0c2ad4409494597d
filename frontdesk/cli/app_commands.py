"""Starting the desktop app from the command line: `frontdesk` (no command) and
`frontdesk demo` call `run_app`. Qt is imported only here, when the app really starts,
so the other commands stay quick and work on machines without a display."""

from __future__ import annotations

import argparse
from typing import Any

LANGUAGES = ("en_GB", "cy")


def register(commands: Any) -> None:
    """The app has no subcommand of its own; `frontdesk` with none opens it."""


def add_app_options(parser: Any, *, top_level: bool = False) -> None:
    """`--lang cy` (or en_GB) for the app's language, overriding the saved setting; like
    `--data-dir`, accepted before or after the command name."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None if top_level else argparse.SUPPRESS,
        help="language of the app window (default: the one chosen in Settings)",
    )


def run_app(data_dir: str | None, demo: bool, lang: str | None, *, demo_hub: bool = False) -> int:
    """Open the adviser's screen and run until it is closed; returns the exit status.

    `data_dir` overrides the data folder, `demo` imports the demo catalogue even if the
    catalogue already has services, `lang` overrides the language setting, `demo_hub` says
    the desk is signed in to `frontdesk demo`'s embedded hub (its routing files are kept
    in the catalogue across sync rebuilds).
    """
    from frontdesk.gui.app import run

    return run(data_dir, demo, lang, demo_hub=demo_hub)


def saved_data_folder() -> str | None:
    """The data folder chosen in the app's Settings, None for the default."""
    from frontdesk.gui.settings import Settings

    return Settings().data_folder or None
