"""`frontdesk enquiries history`: a consented caller's earlier enquiries, newest first —
this desk's own, and the organisation's from the hub when the desk is signed in and the
hub answers (otherwise the desk's own, with a note saying so on stderr)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_catalogue,
    open_desk,
    print_json,
)
from frontdesk.store.caller_history import (
    CallerQuery,
    PastEnquiry,
    desk_history,
    merged,
    recent_cutoff,
    to_json,
)
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiry_rules import CallerInvalidError
from frontdesk.sync.caller_lookup import hub_history, signed_in
from frontdesk.sync.errors import SyncError

_OPTIONS = {"phone": "--phone", "email": "--email", "postcode": "--postcode", "name": "--name"}


def register_history(sub: Any) -> None:
    history = sub.add_parser(
        "history",
        help="a consented caller's earlier enquiries, newest first",
        description="Name the caller by one of: --phone, --email, or --postcode with --name.",
    )
    history.add_argument("--phone", metavar="NUMBER", help="e.g. '0161 912 2000'")
    history.add_argument("--email", metavar="ADDRESS")
    history.add_argument("--postcode", metavar="PC", help="with --name")
    history.add_argument("--name", metavar="TEXT", help="with --postcode")
    history.add_argument("--days", type=int, metavar="N", help="only the last N days")
    history.add_argument(
        "--local", action="store_true", help="this desk's enquiries only; do not ask the hub"
    )
    history.add_argument("--json", action="store_true", help="print as JSON")
    add_data_dir_option(history)
    history.set_defaults(run=run_history)


def _query(args: argparse.Namespace) -> CallerQuery:
    given = [field for field in ("phone", "email", "postcode") if getattr(args, field)]
    if len(given) != 1:
        raise CommandError("name the caller by one of --phone, --email or --postcode with --name")
    if bool(args.postcode) != bool(args.name):
        raise CommandError("--postcode and --name go together: a name alone is not enough")
    try:
        return CallerQuery.typed(
            phone=args.phone, email=args.email, name=args.name, postcode=args.postcode
        )
    except CallerInvalidError as error:
        [(field, text)] = error.problems.items()
        raise CommandError(f"{_OPTIONS[field]}: {text}") from error


def run_history(args: argparse.Namespace) -> int:
    query = _query(args)
    if args.days is not None and args.days < 0:
        raise CommandError("--days cannot be negative")
    since = recent_cutoff(days=args.days) if args.days is not None else None
    desk = open_desk(args)
    try:
        own = desk_history(desk, query, since=since)
        from_hub = [] if args.local else _from_hub(desk, query, since)
    finally:
        desk.close()
    found = merged(own, from_hub)
    names = _service_names(args, {s for past in found for s in past.service_ids})

    def named(past: PastEnquiry) -> list[str]:
        return [names.get(s, s) for s in past.service_ids]

    if args.json:
        print_json([to_json(p) | {"service_names": named(p)} for p in found])
        return 0
    for past in found:
        print(_line(past, named(past)))
    if not found:
        print("no earlier enquiries for this caller (only consented callers are kept)")
    return 0


def _from_hub(desk: DeskStore, query: CallerQuery, since: Any) -> list[PastEnquiry]:
    if not signed_in(desk):
        return []
    try:
        return hub_history(desk, query, since=since)
    except SyncError as error:
        print(f"the hub's history is left out: {error}", file=sys.stderr)
        return []


def _service_names(args: argparse.Namespace, service_ids: set[str]) -> dict[str, str]:
    """Names from this desk's catalogue; an id it lacks is shown as it is."""
    catalogue = open_catalogue(args)
    try:
        return {s.catalogue_id: s.service.name for s in catalogue.get_many(sorted(service_ids))}
    finally:
        catalogue.close()


def _line(past: PastEnquiry, names: list[str]) -> str:
    started = past.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    parts = [
        started,
        past.reference or past.id,
        past.outcome.value if past.outcome else "no outcome",
        ", ".join(names) or "no services",
    ]
    if past.reason:
        parts.append(f"reason {past.reason}")
    if past.referral_status:
        parts.append(f"referral {past.referral_status.value}")
    if not past.on_this_desk:
        parts.append("(another desk)")
    return "  ".join(parts)
