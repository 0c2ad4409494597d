"""Commands that fill and read the catalogue: `import`, `catalogue stats`, `export`."""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_catalogue,
    open_desk,
    print_json,
)
from frontdesk.core.catalogue import Catalogue, catalogue_id
from frontdesk.core.feed import ParsedFeed
from frontdesk.formats.base import FeedError
from frontdesk.formats.hsds_export import write_hsds3
from frontdesk.formats.registry import format_names, read_feed
from frontdesk.search.index import ensure_index
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_import import SourceReport
from frontdesk.sync.account import SyncState

# How many skipped/duplicate records the human report lists before summarising.
NOTES_SHOWN = 10


def register(commands: Any) -> None:
    p = commands.add_parser(
        "import",
        help="import agency feeds (ORUK, HSDS, LGSL, councils, postcodes) into the catalogue",
        description="Import one or more files. Every file is read before anything is written: "
        "if one cannot be read, the catalogue is left exactly as it was.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    p.add_argument("--format", choices=format_names(), help="skip detection and read as FMT")
    p.add_argument(
        "--source",
        metavar="NAME",
        help="name of the source the file's services belong to (default: from the file name); "
        "a newer snapshot imported under the same name replaces that source's services",
    )
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    add_data_dir_option(p)
    p.set_defaults(run=run_import)

    cat = commands.add_parser("catalogue", help="look at the catalogue")
    cat_commands = cat.add_subparsers(title="catalogue commands", metavar="COMMAND", required=True)
    stats = cat_commands.add_parser("stats", help="services, organisations, sources, last import")
    stats.add_argument("--json", action="store_true", help="print as JSON")
    add_data_dir_option(stats)
    stats.set_defaults(run=run_stats)

    exp = commands.add_parser("export", help="write the catalogue in an open standard")
    exp.add_argument("--format", choices=["hsds3"], required=True)
    exp.add_argument("out", metavar="OUT", type=Path)
    add_data_dir_option(exp)
    exp.set_defaults(run=run_export)


def source_name(path: Path, feed_format: str) -> str:
    """A source name from the file: LGSL is one list wherever it is kept."""
    if feed_format == "lgsl":
        return "lgsl"
    stem = path.name if path.is_dir() else path.stem
    if stem == "datapackage":
        stem = path.parent.name
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "feed"


def read_all(
    paths: list[Path], fmt: str | None, source: str | None
) -> list[tuple[str, ParsedFeed]]:
    """Every file parsed, or a CommandError naming the first that cannot be."""
    if source and len(paths) > 1:
        raise CommandError("--source names the source of one file; import files one at a time")
    feeds: list[tuple[str, ParsedFeed]] = []
    for path in paths:
        try:
            feed = read_feed(path, fmt)
        except FeedError as error:
            raise CommandError(f"{error} — nothing was imported") from error
        feeds.append((source or source_name(path, feed.format), feed))
    names = [name for name, feed in feeds if feed.catalogue.services]
    clash = {n for n in names if names.count(n) > 1}
    if clash:
        raise CommandError(
            f"two files would both be source '{sorted(clash)[0]}'; import them separately "
            "with different --source names — nothing was imported"
        )
    return feeds


def run_import(args: argparse.Namespace) -> int:
    _refuse_if_signed_in(args)
    feeds = read_all(args.paths, args.format, args.source)
    store = open_catalogue(args)
    try:
        reports = store.apply_imports(feeds)
        # An existing index was kept in step by its triggers during the import; a missing
        # one is built now in one pass, far faster than row by row.
        ensure_index(store.engine)
    except OSError as error:
        raise CommandError(
            f"could not write the catalogue ({error}); nothing was imported"
        ) from error
    finally:
        store.close()
    if args.json:
        print_json([r.as_dict() for r in reports])
    else:
        for report in reports:
            _print_report(report)
    return 0


def _refuse_if_signed_in(args: argparse.Namespace) -> None:
    """Signed in to a hub, the hub is the catalogue's only source (DESIGN.md)."""
    desk = open_desk(args)
    try:
        account = SyncState(desk).account()
    finally:
        desk.close()
    if account is not None:
        raise CommandError(
            f"this desk takes its catalogue from the hub at {account.url}; local imports are "
            "disabled while signed in (frontdesk logout to go standalone)"
        )


def _print_report(r: SourceReport) -> None:
    out = sys.stdout
    if r.added or r.updated or r.unchanged or r.removed or not r.reference_rows:
        out.write(
            f"{r.path} ({r.format}) → source '{r.source}': {r.records_read} records read; "
            f"{r.added} added, {r.updated} updated, {r.unchanged} unchanged, "
            f"{r.removed} removed, {len(r.skipped)} skipped, {len(r.duplicates)} duplicate ids\n"
        )
    else:
        out.write(f"{r.path} ({r.format}): {r.reference_rows} reference rows imported\n")
    for label, notes in (("skipped", r.skipped), ("duplicate", r.duplicates)):
        for note in notes[:NOTES_SHOWN]:
            where = f"record {note.index}" if note.index is not None else "record"
            ident = f" (id {note.record_id})" if note.record_id else ""
            out.write(f"  {label}: {where}{ident}: {note.reason}\n")
        if len(notes) > NOTES_SHOWN:
            out.write(f"  … and {len(notes) - NOTES_SHOWN} more {label} (see --json)\n")


def run_stats(args: argparse.Namespace) -> int:
    store = open_catalogue(args)
    try:
        stats = store.stats()
    finally:
        store.close()
    if args.json:
        print_json(
            {
                "services": stats.services,
                "active_services": stats.active_services,
                "organizations": stats.organizations,
                "sources": [
                    {"name": n, "imported_at": at, "services": count}
                    for n, at, count in stats.sources
                ],
                "last_import": stats.last_import,
                "local_authorities": stats.local_authorities,
                "postcodes": stats.postcodes,
            }
        )
        return 0
    print(f"services:       {stats.services} ({stats.active_services} active)")
    print(f"organisations:  {stats.organizations}")
    print(f"councils:       {stats.local_authorities}")
    print(f"postcodes:      {stats.postcodes}")
    print(f"last import:    {stats.last_import or 'never'}")
    print(f"sources:        {len(stats.sources)}")
    for name, at, count in stats.sources:
        print(f"  {name}: {count} services, imported {at}")
    return 0


def whole_catalogue(store: CatalogueStore) -> Catalogue:
    """Every service keyed by its catalogue id, so ids from different sources never clash."""
    services = []
    for stored in store.iter_services():
        s = stored.service
        services.append(
            replace(
                s,
                id=stored.catalogue_id,
                organization_id=(
                    catalogue_id(stored.source, s.organization_id) if s.organization_id else None
                ),
                taxonomy_term_ids=tuple(
                    catalogue_id(stored.source, x) for x in s.taxonomy_term_ids
                ),
            )
        )
    return Catalogue(
        services=services,
        organizations=store.organizations(),
        taxonomy_terms=store.taxonomy_terms(),
    )


def run_export(args: argparse.Namespace) -> int:
    store = open_catalogue(args)
    try:
        catalogue = whole_catalogue(store)
    finally:
        store.close()
    try:
        count = write_hsds3(catalogue, args.out)
    except OSError as error:
        raise CommandError(f"could not write {args.out}: {error.strerror or error}") from error
    print(f"wrote {count} services to {args.out} (HSDS 3.0)")
    return 0
