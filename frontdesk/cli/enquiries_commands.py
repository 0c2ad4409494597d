"""The `enquiries` commands: list and export the desk's enquiries, and add one from a script.

`add` is for integrations (a telephony system logging a call, a test harness): it saves an
enquiry exactly as the desktop app would, with the same checks, and prints its reference.
`show` and `amend` (in `enquiry_case_commands`) find an enquiry by that reference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import frontdesk.cli.enquiries_send as enquiries_send
from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_catalogue,
    open_desk,
    paths_from,
    print_json,
    vocabulary,
)
from frontdesk.cli.enquiry_case_commands import find as find_by_reference
from frontdesk.cli.enquiry_case_commands import register as register_case_commands
from frontdesk.cli.enquiry_history_commands import register_history
from frontdesk.core.enquiry import Caller, Channel, Enquiry, EnquiryDraft, Outcome
from frontdesk.store.desk import DeskStore, DeskWriteError
from frontdesk.store.details_sent import sent_for
from frontdesk.store.enquiries import CallerInvalidError, EnquiryInvalidError, EnquiryLog
from frontdesk.store.enquiry_export import enquiry_record, write_export
from frontdesk.store.enquiry_rules import caller_values
from frontdesk.store.reasons import load_reasons
from frontdesk.sync.account import SyncState

_FORMATS: dict[str, Literal["csv", "json"]] = {".csv": "csv", ".json": "json"}
_OPTIONS = {"name": "--name", "phone": "--phone", "email": "--email", "postcode": "--postcode"}


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
    exp.add_argument(
        "--format", choices=["csv", "json"], help="by default, from OUT's extension (.csv, .json)"
    )
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
    register_history(sub)
    register_case_commands(sub)
    enquiries_send.register(sub, _enquiry_log)


def _register_add(sub: Any) -> None:
    add = sub.add_parser(
        "add",
        help="log an enquiry in one go and print its id",
        description="Every --service must be in the catalogue. Outcomes: "
        + ", ".join(o.value for o in Outcome),
    )
    add.add_argument("--service", action="append", required=True, metavar="ID")
    add.add_argument("--outcome", type=vocabulary(Outcome), required=True)
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--channel", type=vocabulary(Channel), default=Channel.PHONE)
    add.add_argument("--referral-service", metavar="ID", help="needed when --outcome referred")
    add.add_argument("--name", metavar="TEXT", help="the caller's name (needs --consent)")
    add.add_argument(
        "--phone", metavar="NUMBER", help="the caller's telephone, e.g. '0161 912 2000'"
    )
    add.add_argument("--email", metavar="ADDRESS", help="the caller's e-mail address")
    add.add_argument("--postcode", metavar="PC", help="the caller's postcode")
    add.add_argument(
        "--consent", action="store_true", help="the caller agreed to their details being kept"
    )
    add.add_argument(
        "--reason",
        metavar="R",
        help="what the call was about, a code from the reason list (e.g. missed-collection)",
    )
    add.add_argument(
        "--follows", metavar="REF", help="the reference of an earlier enquiry this call is about"
    )
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


@contextmanager
def _opened_desk(args: argparse.Namespace) -> Iterator[DeskStore]:
    desk = open_desk(args)
    try:
        yield desk
    except DeskWriteError as error:
        raise CommandError(str(error)) from error
    finally:
        desk.close()


@contextmanager
def _enquiry_log(args: argparse.Namespace) -> Iterator[EnquiryLog]:
    with _opened_desk(args) as desk:
        yield EnquiryLog(desk)


def run_list(args: argparse.Namespace) -> int:
    with _enquiry_log(args) as log:
        found = log.list(since=args.since, limit=args.limit)
        sent = sent_for(log, [e.id for e in found])
    if args.json:
        print_json([enquiry_record(e, include_caller=False) for e in found])
        return 0
    for enquiry in found:
        print(_line(enquiry))
        for message in sent.get(enquiry.id, []):
            how = "text" if message.channel == "sms" else "e-mail"
            reason = f" ({message.reason})" if message.reason else ""
            print(f"    {how} of {message.service_id}: {message.status}{reason}")
    if not found:
        print("no enquiries logged" + (f" since {args.since}" if args.since else ""))
    return 0


def _line(e: Enquiry) -> str:
    saved = e.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    services = f"{len(e.service_ids)} service{'s' if len(e.service_ids) != 1 else ''}"
    outcome = e.outcome.value if e.outcome else "no outcome"
    what = f"{e.channel.value}, {outcome}, {services}, {e.sync_state.value}"
    line = f"{saved}  {e.reference or e.id}  {what}"
    return line + (f" ({e.rejection_reason})" if e.rejection_reason else "")


def run_export(args: argparse.Namespace) -> int:
    fmt = args.format or _FORMATS.get(args.out.suffix.lower())
    if fmt is None:
        raise CommandError(
            f"cannot tell the format of {args.out.name}: name it .csv or .json, "
            "or give --format csv or --format json"
        )
    with _opened_desk(args) as desk:
        found = EnquiryLog(desk).list(since=args.since)
        adviser = _adviser(desk)
    used = {s for e in found for s in (*e.service_ids, e.referral_service_id) if s}
    try:
        count = write_export(
            found,
            args.out,
            fmt,
            include_caller=args.include_caller,
            service_names=_service_names(args, used),
            adviser=adviser,
        )
    except OSError as error:
        raise CommandError(f"could not write {args.out}: {error.strerror or error}") from error
    print(f"wrote {count} enquiries to {args.out}")
    return 0


def _adviser(desk: DeskStore) -> str | None:
    """Who the export is for: the hub account the desk signs in with, else the OS user."""
    account = SyncState(desk).account()
    if account is not None:
        return account.user
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment or the user database
        return None


def _service_names(args: argparse.Namespace, service_ids: set[str]) -> dict[str, str]:
    catalogue = open_catalogue(args)
    try:
        found = catalogue.get_many(sorted(service_ids))
    finally:
        catalogue.close()
    return {
        s.catalogue_id: f"{s.service.name} ({s.organization_name})"
        if s.organization_name
        else s.service.name
        for s in found
    }


def run_add(args: argparse.Namespace) -> int:
    details = {field: getattr(args, field) for field in _OPTIONS}
    given = [option for field, option in _OPTIONS.items() if details[field]]
    if given and not args.consent:
        raise CommandError(
            f"a caller's details are kept only with their consent; add --consent, "
            f"or leave out {', '.join(given)}"
        )
    try:
        caller_values(details)
    except CallerInvalidError as error:
        named = [f"{_OPTIONS[field]}: {text}" for field, text in error.problems.items()]
        raise CommandError("; ".join(named) + "; nothing was saved") from error
    reason = _checked_reason(args)
    _check_services_exist(args, [*args.service, *filter(None, [args.referral_service])])
    follows = find_by_reference(args, args.follows).id if args.follows else None
    draft = EnquiryDraft(
        id=str(uuid.uuid4()),
        channel=args.channel,
        started_at=dt.datetime.now(dt.UTC),
        caller=Caller(**details, consent=args.consent),
        service_ids=tuple(args.service),
        notes=args.note,
        outcome=args.outcome,
        referral_service_id=args.referral_service,
        reason=reason,
        follows_id=follows,
    )
    with _enquiry_log(args) as log:
        try:
            saved = log.save(draft)
        except EnquiryInvalidError as error:
            raise CommandError(f"{error}; nothing was saved") from error
    sys.stdout.write(f"{saved.reference}\n")
    return 0


def _checked_reason(args: argparse.Namespace) -> str | None:
    """The --reason code, checked against this desk's list (built in plus the
    organisation's reasons.toml in the data folder)."""
    if args.reason is None:
        return None
    try:  # a broken reasons.toml (ReasonsFileError) or a reason not on the list
        return load_reasons(paths_from(args).root).check(args.reason)
    except ValueError as error:
        raise CommandError(f"{error}; nothing was saved") from error


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
