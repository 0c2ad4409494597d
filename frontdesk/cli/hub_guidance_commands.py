"""The `frontdesk hub guidance` commands: write a service's guidance note from a Markdown
file, list the live notes, and show one service's notes with their history.

Registered into the `hub` group by `frontdesk.cli.hub_commands`. Without `--org` a note is
shared with every organisation; the operator ("cli") is recorded as its author.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from frontdesk.cli.common import CommandError, hub_engine, print_json
from frontdesk.cli.hub_referral_commands import Leaf
from frontdesk.core.guidance import Guidance, GuidanceError
from frontdesk.hub.accounts.audit import CLI_ACTOR


def register(sub: Any, leaf: Leaf) -> None:
    """Adds `guidance set|list|show` to the `hub` group."""
    guidance = sub.add_parser("guidance", help="guidance notes advisers see for a service")
    g_sub = guidance.add_subparsers(title="guidance commands", metavar="COMMAND")
    g_sub.required = True
    p = leaf(g_sub, "set", "add a new version of a service's note from a Markdown file", run_set)
    p.add_argument("service_id", metavar="SERVICE_ID", help="catalogue id, source:id")
    p.add_argument("--file", required=True, type=Path, metavar="FILE", help="Markdown (UTF-8)")
    p.add_argument("--org", metavar="ID", help="for this organisation only (default: shared)")
    p = leaf(g_sub, "list", "the live notes, newest version of each", run_list)
    p.add_argument("--org", metavar="ID", help="what this organisation sees (default: all)")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p = leaf(g_sub, "show", "a service's notes, every version, newest first", run_show)
    p.add_argument("service_id", metavar="SERVICE_ID")
    p.add_argument("--org", metavar="ID", help="what this organisation sees (default: all)")
    p.add_argument("--json", action="store_true", help="print as JSON")


def run_set(args: argparse.Namespace) -> int:
    from frontdesk.hub.guidance.notes import set_note

    try:
        body = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read {args.file}: {error}; nothing was changed") from error
    engine = hub_engine(args)
    try:
        note = set_note(engine, args.service_id, body, organization_id=args.org, author=CLI_ACTOR)
    except GuidanceError as error:
        raise CommandError(f"{error}; nothing was changed") from error
    finally:
        engine.dispose()
    whose = f"organisation {note.organization_id}" if note.organization_id else "every organisation"
    state = "withdrawn" if not note.body else f"{len(note.body)} characters"
    print(f"guidance for {note.service_id} is now version {note.version} for {whose} ({state})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from frontdesk.hub.guidance.notes import latest_notes

    engine = hub_engine(args)
    try:
        notes = latest_notes(engine, None if args.org is None else [args.org])
    finally:
        engine.dispose()
    if args.json:
        print_json([n.as_dict() for n in notes])
        return 0
    for n in notes:
        print(f"{n.service_id}\t{_owner(n)}\tv{n.version}\t{n.updated_at}\t{n.author}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from frontdesk.hub.guidance.notes import note_history

    engine = hub_engine(args)
    try:
        notes = note_history(engine, args.service_id, None if args.org is None else [args.org])
    finally:
        engine.dispose()
    if not notes:
        raise CommandError(f"no guidance for {args.service_id}")
    if args.json:
        print_json([n.as_dict() for n in notes])
        return 0
    for n in notes:
        print(f"## {_owner(n)}, version {n.version}, {n.updated_at} by {n.author}\n")
        print(n.body or "(withdrawn)")
        print()
    return 0


def _owner(note: Guidance) -> str:
    return note.organization_id or "shared"
