"""The `frontdesk hub` commands for referrals and enquiry data: linking catalogue
organisations to hub organisations, API keys for Open311 clients, exporting enquiries,
retention (`purge`) and subject access (`subject export|erase`).

Registered into the `hub` group by `frontdesk.cli.hub_commands`; every action that touches
personal data is audited with the operator ("cli") as actor.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from frontdesk.cli.common import CommandError, hub_engine
from frontdesk.hub.accounts.audit import CLI_ACTOR
from frontdesk.hub.accounts.registry import AccountError
from frontdesk.hub.enquiries.callers import SubjectQuery

Leaf = Callable[[Any, str, str, Any], argparse.ArgumentParser]


def register(sub: Any, org_sub: Any, user_sub: Any, leaf: Leaf) -> None:
    """Adds these commands to the `hub`, `hub org` and `hub user` groups."""
    p = leaf(org_sub, "link", "route referrals for a catalogue organisation to ID", run_link)
    p.add_argument("id", metavar="ID", help="hub organisation, e.g. kirklees-housing")
    p.add_argument("catalogue_org", metavar="CATALOGUE_ID", help="catalogue id, source:id")
    p = leaf(org_sub, "unlink", "stop routing a catalogue organisation's referrals", run_unlink)
    p.add_argument("catalogue_org", metavar="CATALOGUE_ID")
    leaf(org_sub, "links", "list which catalogue organisations route where", run_links)

    p = leaf(user_sub, "api-key", "make a new Open311 API key (replaces the old)", run_api_key)
    p.add_argument("name", metavar="NAME")

    enquiries = sub.add_parser("enquiries", help="enquiry data desks pushed to the hub")
    enquiries_sub = enquiries.add_subparsers(title="enquiry commands", metavar="COMMAND")
    enquiries_sub.required = True
    p = leaf(enquiries_sub, "export", "write enquiries as JSON or CSV", run_export)
    p.add_argument("out", metavar="OUT", help="file to write, or - for standard output")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--org", metavar="ID", help="one organisation (default: all)")
    p.add_argument("--since", metavar="DATE", help="started on or after (ISO 8601)")
    p.add_argument("--until", metavar="DATE", help="started before (ISO 8601)")
    p.add_argument("--include-caller", action="store_true", help="add caller details held")

    p = leaf(sub, "purge", "remove caller details older than N days (keeps statistics)", run_purge)
    p.add_argument("--older-than-days", type=int, required=True, metavar="N")

    subject = sub.add_parser("subject", help="subject access: one caller's data")
    subject_sub = subject.add_subparsers(title="subject commands", metavar="COMMAND")
    subject_sub.required = True
    p = leaf(subject_sub, "export", "write everything held about a caller", run_subject_export)
    _subject_options(p)
    p.add_argument("out", metavar="OUT", nargs="?", default="-", help="file, or - (default)")
    p = leaf(subject_sub, "erase", "erase a caller's details and notes", run_subject_erase)
    _subject_options(p)


def _subject_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--email", metavar="ADDRESS")
    parser.add_argument("--phone", metavar="NUMBER")
    parser.add_argument("--postcode", metavar="POSTCODE", help="broad: pair it with another")


def _call(args: argparse.Namespace, call: Callable[..., Any], *extra: Any, **kw: Any) -> Any:
    engine = hub_engine(args)
    try:
        return call(engine, *extra, **kw)
    except (AccountError, ValueError) as error:
        raise CommandError(str(error)) from error
    finally:
        engine.dispose()


def link_catalogue_orgs(args: argparse.Namespace, org_id: str, catalogue_ids: list[str]) -> None:
    """For `org add --catalogue-org`: link each, saying how many waiting referrals moved."""
    from frontdesk.hub.referrals.routing import link

    for catalogue_id in catalogue_ids:
        addressed = _call(args, link, org_id, catalogue_id, actor=CLI_ACTOR)
        print(f"referrals for {catalogue_id} now go to {org_id} ({addressed} waiting addressed)")


def run_link(args: argparse.Namespace) -> int:
    link_catalogue_orgs(args, args.id, [args.catalogue_org])
    return 0


def run_unlink(args: argparse.Namespace) -> int:
    from frontdesk.hub.referrals.routing import unlink

    _call(args, unlink, args.catalogue_org, actor=CLI_ACTOR)
    print(f"new referrals for {args.catalogue_org} are no longer routed")
    return 0


def run_links(args: argparse.Namespace) -> int:
    from frontdesk.hub.referrals.routing import links

    for org_id, catalogue_ids in _call(args, links).items():
        for catalogue_id in catalogue_ids:
            print(f"{catalogue_id}\t{org_id}")
    return 0


def run_api_key(args: argparse.Namespace) -> int:
    from frontdesk.hub.accounts.api_keys import create_key

    key = _call(args, create_key, args.name, actor=CLI_ACTOR)
    print(key)
    print(
        f"the API key for {args.name}; shown once, any older key stopped working", file=sys.stderr
    )
    return 0


def _date(text: str | None, option: str) -> Any:
    import datetime as dt

    if text is None:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} must be an ISO 8601 date or date and time") from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _write(out: str, text: str) -> None:
    if out == "-":
        sys.stdout.write(text)
        return
    try:
        Path(out).write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise CommandError(f"cannot write {out}: {error.strerror or error}") from error


def run_export(args: argparse.Namespace) -> int:
    from frontdesk.hub.enquiries.reports import EnquiryFilter, export, record_export, to_csv

    where = EnquiryFilter(args.org, _date(args.since, "--since"), _date(args.until, "--until"))
    include_caller = args.include_caller
    items = _call(args, export, where, include_caller=include_caller)
    if args.format == "csv":
        text = to_csv(items, include_caller=include_caller)
    else:
        text = json.dumps(items, ensure_ascii=False) + "\n"
    # Audited before anything is written: an export that cannot be audited is not made.
    _call(
        args,
        record_export,
        where,
        fmt=args.format,
        count=len(items),
        include_caller=include_caller,
        actor=CLI_ACTOR,
    )
    _write(args.out, text)
    if args.out != "-":
        print(f"wrote {len(items)} enquiries to {args.out}")
    return 0


def run_purge(args: argparse.Namespace) -> int:
    from frontdesk.hub.enquiries.admin import purge

    count = _call(args, purge, args.older_than_days, actor=CLI_ACTOR)
    print(f"removed caller details from {count} enquiries older than {args.older_than_days} days")
    return 0


def _subject(args: argparse.Namespace) -> SubjectQuery:
    query = SubjectQuery(args.email, args.phone, args.postcode)
    if query.is_empty():
        raise CommandError("name the caller with --email, --phone or --postcode")
    return query


def run_subject_export(args: argparse.Namespace) -> int:
    from frontdesk.hub.enquiries.admin import subject_export

    found = _call(args, subject_export, _subject(args), actor=CLI_ACTOR)
    _write(args.out, json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    if args.out != "-":
        print(f"wrote {len(found['enquiries'])} enquiries to {args.out}")
    return 0


def run_subject_erase(args: argparse.Namespace) -> int:
    from frontdesk.hub.enquiries.admin import subject_erase

    count = _call(args, subject_erase, _subject(args), actor=CLI_ACTOR)
    print(f"erased the caller's details and notes from {count} enquiries")
    return 0
