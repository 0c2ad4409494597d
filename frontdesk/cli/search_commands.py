"""`frontdesk search`: find services the way the desk does, from a terminal or a script.

`--json` prints the hits as one JSON array of objects (id, source_id, name, organization,
score, snippet, lgsl_code, covers, match, and alert: the service's live alert or null), so
scripts can read it without knowing about anything else; what a person should be told (a
correction, an unknown postcode) goes to stderr. `--batch FILE` reads one query per line
(`-` for stdin) and writes one such array per line in the same order, loading the
vocabulary and synonyms once for the whole run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from frontdesk.cli.common import CommandError, add_data_dir_option, open_catalogue, print_json
from frontdesk.core.alert import ServiceAlert
from frontdesk.core.catalogue import ServiceStatus
from frontdesk.search.api import MAX_LIMIT, SearchEngine, SearchResult
from frontdesk.search.filters import Filters
from frontdesk.store.alerts import live_alerts
from frontdesk.store.catalogue import CatalogueStore

Alerts = dict[str, ServiceAlert]

EMPTY_CATALOGUE = (
    "The catalogue is empty: there are no services to search yet. Fill it with "
    "`frontdesk import FILE` (an Open Referral feed or an LGSL list), or, for a hub, "
    "`frontdesk login` then `frontdesk sync`."
)


def register(commands: Any) -> None:
    p = commands.add_parser(
        "search",
        help="find services in the catalogue, in the caller's words",
        description="Search the catalogue as the desk does: typos corrected, synonyms "
        "understood, and with --postcode only services covering that address.",
    )
    add_data_dir_option(p)
    p.add_argument("query", nargs="?", default="", help="what the caller asked for")
    p.add_argument("--postcode", metavar="PC", help="only services covering this address")
    p.add_argument("--org", metavar="ID", help="only this organisation's services")
    p.add_argument("--lgsl", metavar="CODE", help="only services with this LGSL code")
    p.add_argument("--taxonomy", metavar="ID", help="only services with this taxonomy term")
    p.add_argument("--age", type=int, metavar="YEARS", help="only services open to this age")
    p.add_argument("--all-statuses", action="store_true", help="include inactive services")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="hits to show (20)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a list")
    p.add_argument("--batch", metavar="FILE", help="one query per line ('-' for stdin)")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CommandError(f"--limit must be between 1 and {MAX_LIMIT}")
    if args.batch and args.query:
        raise CommandError("give either a QUERY or --batch FILE, not both")
    filters = Filters(
        organization_id=args.org,
        taxonomy_term_id=args.taxonomy,
        lgsl_code=args.lgsl,
        status=None if args.all_statuses else ServiceStatus.ACTIVE,
        age=args.age,
        postcode=args.postcode,
    )
    store = open_catalogue(args)
    try:
        empty = store.stats().services == 0
        engine = SearchEngine(store)
        if empty:
            # Exit 0 like the other "nothing there" answers (no enquiries, no services found).
            print(EMPTY_CATALOGUE, file=sys.stderr if args.json or args.batch else sys.stdout)
        if args.batch:
            for line in _lines(args.batch):
                result = engine.search(line, filters, args.limit, typing=False)
                alerts = _alerts(store, result)
                print(json.dumps(_as_json(result, alerts), ensure_ascii=False))
            return 0
        result = engine.search(args.query, filters, args.limit, typing=False)
        alerts = _alerts(store, result)
    finally:
        store.close()
    if empty and not args.json:
        return 0
    if args.json:
        _print_notes(result, sys.stderr)
        print_json(_as_json(result, alerts))
    else:
        _print_human(result, alerts, sys.stdout)
    return 0


def _lines(name: str) -> Iterator[str]:
    if name == "-":
        for line in sys.stdin:
            yield line.rstrip("\r\n")
        return
    try:
        with Path(name).open(encoding="utf-8") as handle:
            for line in handle:
                yield line.rstrip("\r\n")
    except OSError as error:
        raise CommandError(f"cannot read the query file {name}: {error.strerror}") from error


def _alerts(store: CatalogueStore, result: SearchResult) -> Alerts:
    """The live alerts on the hits (expired ones are left out)."""
    return live_alerts(store.engine, (h.id for h in result.hits), dt.datetime.now(dt.UTC))


def _as_json(result: SearchResult, alerts: Alerts) -> list[dict[str, Any]]:
    out = []
    for h in result.hits:
        alert = alerts.get(h.id)
        out.append({**h.as_dict(), "alert": alert.as_dict() if alert else None})
    return out


def _print_notes(result: SearchResult, out: TextIO) -> None:
    for message in result.messages:
        print(message, file=out)
    if result.corrected_query:
        print(f"Showing results for “{result.corrected_query}”", file=out)
    if result.relaxed_note:
        print(result.relaxed_note, file=out)


def _print_human(result: SearchResult, alerts: Alerts, out: TextIO) -> None:
    _print_notes(result, out)
    if not result.hits:
        print("No services found.", file=out)
        return
    for number, hit in enumerate(result.hits, 1):
        where = ""
        if result.place is not None:
            where = "covers this address" if hit.covers else "area not stated"
        org = f" — {hit.organization}" if hit.organization else ""
        print(f"{number:>3}. {hit.name}{org}", file=out)
        details = "  ".join(
            x for x in (hit.id, hit.lgsl_code and f"LGSL {hit.lgsl_code}", where) if x
        )
        print(f"     {details}", file=out)
        alert = alerts.get(hit.id)
        if alert is not None:
            print(f"     ⚠ ALERT {alert_until(alert)}: {alert.text}", file=out)
        if hit.snippet:
            print(f"     {hit.snippet}", file=out)
    if result.has_more:
        print("More services match: add words or filters to narrow the list.", file=out)


def alert_until(alert: ServiceAlert) -> str:
    """ "until 17:00" today, else "until 8 Dec 17:00", in the terminal's local time."""
    until = alert.until.astimezone()
    if until.date() == dt.datetime.now().astimezone().date():
        return f"until {until:%H:%M}"
    return f"until {until.day} {until:%b %H:%M}"
