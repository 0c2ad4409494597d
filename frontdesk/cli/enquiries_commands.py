"""The `enquiries` commands: list and export the desk's enquiries, and add one from a script.

`add` is for integrations (a telephony system logging a call, a test harness): it saves an
enquiry exactly as the desktop app would, with the same checks, and prints its id.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_catalogue,
    open_desk,
    print_json,
)
from frontdesk.core.enquiry import Caller, Channel, Enquiry, EnquiryDraft, Outcome
from frontdesk.store.desk import DeskWriteError
from frontdesk.store.enquiries import EnquiryInvalidError, EnquiryLog
from frontdesk.store.enquiry_export import enquiry_record


def register(commands: Any) -> None:
    """Adds this group's commands to the `frontdesk` parser."""
    group = commands.add_parser("enquiries", help="list, export or add logged enquiries")
    sub = group.add_subparsers(title="enquiries commands", metavar="COMMAND", required=True)

    listing = sub.add_parser("list", help="the enquiries logged on this desk, newest first")
    _add_since(listing)
    listing.add_argument("--limit", type=int, metavar="N", help="show at most N")
    listing.add_argument("--json", action="store_true", help="print as JSON")
    add_data_dir_option(listing)
    listing.set_defaults(run=run_list)

    exp = sub.add_parser("export", help="write the enquiries to a CSV or JSON file")
    exp.add_argument("--format", choices=["csv", "json"], required=True)
    exp.add_argument("out", metavar="OUT", type=Path, help="file to write (replaced whole)")
    _add_since(exp)
    exp.add_argument(
        "--include-caller",
        action="store_true",
        help="include the caller details still held (left out by default)",
    )
    add_data_dir_option(exp)
    exp.set_defaults(run=run_export)

    _register_add(sub)


def _register_add(sub: Any) -> None:
    add = sub.add_parser(
        "add",
        help="log an enquiry in one go and print its id",
        description="Every --service must be in the catalogue. Outcomes: "
        + ", ".join(o.value for o in Outcome),
    )
    add.add_argument("--service", action="append", required=True, metavar="ID")
    add.add_argument("--outcome", type=_vocabulary(Outcome), required=True)
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--channel", type=_vocabulary(Channel), default=Channel.PHONE)
    add.add_argument("--referral-service", metavar="ID", help="needed when --outcome referred")
    add.add_argument("--postcode", metavar="PC", help="the caller's postcode (needs --consent)")
    add.add_argument("--consent", action="store_true", help="the caller agreed to it being kept")
    add_data_dir_option(add)
    add.set_defaults(run=run_add)


def _add_since(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since", type=_date, metavar="YYYY-MM-DD", help="only enquiries saved on or after"
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-03-31") from None


def _vocabulary(kind: type[Outcome] | type[Channel]) -> Any:
    """Accept a value as written ("advice given") or in command-line style (advice-given)."""

    def parse(text: str) -> Outcome | Channel:
        wanted = text.strip().lower().replace("-", " ").replace("_", " ")
        for member in kind:
            if member.value == wanted:
                return member
        choices = ", ".join(m.value.replace(" ", "-") for m in kind)
        raise argparse.ArgumentTypeError(f"'{text}' is not one of: {choices}")

    return parse


@contextmanager
def _enquiry_log(args: argparse.Namespace) -> Iterator[EnquiryLog]:
    desk = open_desk(args)
    try:
        yield EnquiryLog(desk)
    except DeskWriteError as error:
        raise CommandError(str(error)) from error
    finally:
        desk.close()


def run_list(args: argparse.Namespace) -> int:
    with _enquiry_log(args) as log:
        found = log.list(since=args.since, limit=args.limit)
    if args.json:
        print_json([enquiry_record(e, include_caller=False) for e in found])
        return 0
    for enquiry in found:
        print(_line(enquiry))
    if not found:
        print("no enquiries logged" + (f" since {args.since}" if args.since else ""))
    return 0


def _line(e: Enquiry) -> str:
    saved = e.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    services = f"{len(e.service_ids)} service{'s' if len(e.service_ids) != 1 else ''}"
    outcome = e.outcome.value if e.outcome else "no outcome"
    line = f"{saved}  {e.id}  {e.channel.value}, {outcome}, {services}, {e.sync_state.value}"
    return line + (f" ({e.rejection_reason})" if e.rejection_reason else "")


def run_export(args: argparse.Namespace) -> int:
    with _enquiry_log(args) as log:
        try:
            count = log.export(
                args.out, args.format, since=args.since, include_caller=args.include_caller
            )
        except OSError as error:
            raise CommandError(f"could not write {args.out}: {error.strerror or error}") from error
    print(f"wrote {count} enquiries to {args.out}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    if args.postcode and not args.consent:
        raise CommandError(
            "a caller's postcode is kept only with their consent; add --consent, "
            "or leave out --postcode"
        )
    _check_services_exist(args, [*args.service, *filter(None, [args.referral_service])])
    draft = EnquiryDraft(
        id=str(uuid.uuid4()),
        channel=args.channel,
        started_at=dt.datetime.now(dt.UTC),
        caller=Caller(postcode=args.postcode, consent=args.consent),
        service_ids=tuple(args.service),
        notes=args.note,
        outcome=args.outcome,
        referral_service_id=args.referral_service,
    )
    with _enquiry_log(args) as log:
        try:
            saved = log.save(draft)
        except EnquiryInvalidError as error:
            raise CommandError(f"{error}; nothing was saved") from error
    sys.stdout.write(saved.id + "\n")
    return 0


def _check_services_exist(args: argparse.Namespace, service_ids: list[str]) -> None:
    catalogue = open_catalogue(args)
    try:
        missing = [s for s in service_ids if catalogue.get(s) is None]
    finally:
        catalogue.close()
    if missing:
        raise CommandError(
            f"service {missing[0]} is not in the catalogue (ids look like 'demo:…'; "
            "find one with `frontdesk search`); nothing was saved"
        )
