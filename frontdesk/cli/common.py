"""Pieces every command shares: the data-folder option, opening the stores, the error type."""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import sqlite3
import sys
from typing import TYPE_CHECKING, Any

from frontdesk.store.catalogue import CatalogueSchemaError, CatalogueStore
from frontdesk.store.desk import DeskStore, write_problem
from frontdesk.store.desk_migrations import DeskTooNewError
from frontdesk.store.paths import DataPaths, data_paths

if TYPE_CHECKING:
    from sqlalchemy import Engine


class CommandError(Exception):
    """A failure the user can act on; printed as one line, exit status 1."""


def add_data_dir_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """`--data-dir` before or after the command name; the later one wins."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None if top_level else argparse.SUPPRESS,
        help="folder for catalogue.db and desk.db (default: $FRONTDESK_HOME, else the "
        "platform's user data folder)",
    )


def paths_from(args: argparse.Namespace) -> DataPaths:
    return data_paths(getattr(args, "data_dir", None))


def open_catalogue(args: argparse.Namespace) -> CatalogueStore:
    paths = paths_from(args)
    try:
        paths.ensure()
        return CatalogueStore.open(paths.catalogue_db)
    except CatalogueSchemaError as error:
        raise CommandError(str(error)) from error
    except OSError as error:
        raise CommandError(f"cannot open the catalogue in {paths.root}: {error}") from error


def open_desk(args: argparse.Namespace) -> DeskStore:
    """desk.db in the data folder, migrated (after a backup) if an older frontdesk made it."""
    paths = paths_from(args)
    try:
        paths.ensure()
        return DeskStore.open(paths.desk_db, paths.backups)
    except DeskTooNewError as error:
        raise CommandError(str(error)) from error
    except sqlite3.OperationalError as error:
        if write_problem(error) is None:
            raise
        raise CommandError(f"cannot open {paths.desk_db}: {error}") from error
    except OSError as error:
        raise CommandError(f"cannot open desk.db in {paths.root}: {error}") from error


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def hub_engine(args: argparse.Namespace, *, current: bool = True) -> Engine:
    """The hub database `--db` (or the environment) names; with `current`, refused unless
    its schema is the one this frontdesk needs. The hub modules are imported here, not at
    the top, so desk commands work without the hub extra."""
    from sqlalchemy.exc import OperationalError

    from frontdesk.hub.db import DatabaseUrlError, create_hub_engine, database_url
    from frontdesk.hub.migrate import SchemaNotCurrent, check_current

    try:
        engine = create_hub_engine(database_url(args.db))
        if current:
            check_current(engine)
    except (DatabaseUrlError, SchemaNotCurrent) as error:
        raise CommandError(str(error)) from error
    except OperationalError as error:
        raise CommandError(f"cannot reach the hub database: {error.orig or error}") from error
    return engine


def vocabulary(kind: type[enum.StrEnum]) -> Any:
    """An argparse type accepting a value as written ("advice given") or in command-line
    style (advice-given)."""

    def parse(text: str) -> enum.StrEnum:
        wanted = text.strip().lower().replace("-", " ").replace("_", " ")
        for member in kind:
            if member.value == wanted:
                return member
        choices = ", ".join(m.value.replace(" ", "-") for m in kind)
        raise argparse.ArgumentTypeError(f"'{text}' is not one of: {choices}")

    return parse


def report_period(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    """`--since` and `--until` as dates (YYYY-MM-DD), the first not after the second."""
    since, until = _day(args.since, "--since"), _day(args.until, "--until")
    if until < since:
        raise CommandError("--until is before --since")
    return since, until


def _day(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} must be a date as YYYY-MM-DD, not {text!r}") from None
