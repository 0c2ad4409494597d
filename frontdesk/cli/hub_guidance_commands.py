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
from frontdesk.core.safeguarding import SafeguardingError
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
    safe = g_sub.add_parser("safeguarding", help="words of crisis and the prompt desks show")
    safe_sub = safe.add_subparsers(title="safeguarding commands", metavar="COMMAND")
    safe_sub.required = True
    p = leaf(safe_sub, "set", "set the words to watch for and the prompt to show", run_safe_set)
    p.add_argument("--words", required=True, type=Path, metavar="FILE", help="one per line")
    p.add_argument("--prompt", required=True, type=Path, metavar="FILE", help="the prompt text")
    p.add_argument("--org", metavar="ID", help="for this organisation (default: every one)")
    p = leaf(safe_sub, "show", "the current words and prompt of each organisation", run_safe_show)
    p.add_argument("--json", action="store_true", help="print as JSON")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read {path}: {error}; nothing was changed") from error


def run_set(args: argparse.Namespace) -> int:
    from frontdesk.hub.guidance.notes import set_note

    body = _read(args.file)
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


def run_safe_set(args: argparse.Namespace) -> int:
    from frontdesk.hub.guidance.safeguarding import set_prompt

    words, prompt = _read(args.words), _read(args.prompt)
    engine = hub_engine(args)
    try:
        saved = set_prompt(engine, words, prompt, organization_id=args.org, author=CLI_ACTOR)
    except SafeguardingError as error:
        raise CommandError(f"{error}; nothing was changed") from error
    finally:
        engine.dispose()
    whose = f"organisation {args.org}" if args.org else "every organisation"
    print(
        f"safeguarding prompt for {whose} is now version {saved['version']} "
        f"({len(saved['words'])} words or phrases)"
    )
    return 0


def run_safe_show(args: argparse.Namespace) -> int:
    from frontdesk.hub.guidance.safeguarding import current_prompts

    engine = hub_engine(args)
    try:
        prompts = current_prompts(engine)
    finally:
        engine.dispose()
    if args.json:
        print_json(prompts)
        return 0
    if not prompts:
        print("no safeguarding prompt set: desks use their built-in words and prompt")
    for p in prompts:
        print(f"## {p['organization_id'] or 'every organisation'}, version {p['version']}")
        print("words: " + ", ".join(p["words"]))
        print(p["prompt"])
        print()
    return 0
