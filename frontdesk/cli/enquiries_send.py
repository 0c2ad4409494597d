"""`frontdesk enquiries send`: text or e-mail a service's details to the caller.

Recorded on the desk as an event of the enquiry (so it works offline); the hub sends it
through GOV.UK Notify once the desk has synced, and its delivery status comes back to
`frontdesk enquiries list`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from frontdesk.cli.common import CommandError, add_data_dir_option, open_catalogue
from frontdesk.core import reference
from frontdesk.store.desk import DeskWriteError
from frontdesk.store.details_sent import EMAIL, SMS, RecipientError, send_details
from frontdesk.store.enquiries import EnquiryLog, UnknownEnquiryError
from frontdesk.sync.notify_status import HubSends, hub_sends

OpenLog = Callable[[argparse.Namespace], AbstractContextManager[EnquiryLog]]


def register(sub: Any, open_log: OpenLog) -> None:
    send = sub.add_parser(
        "send",
        help="text or e-mail a service's details to the caller (sent by the hub)",
        description="Needs the caller's agreement to be contacted for this (--consent). "
        "Texts go to UK mobile numbers only.",
    )
    send.add_argument("enquiry", metavar="REF", help="the enquiry's reference (or its id)")
    send.add_argument("--service", required=True, metavar="ID", help="catalogue id")
    to = send.add_mutually_exclusive_group(required=True)
    to.add_argument("--sms", metavar="PHONE", help="a UK mobile number")
    to.add_argument("--email", metavar="ADDRESS")
    send.add_argument("--consent", action="store_true", help="the caller agreed to this")
    add_data_dir_option(send)
    send.set_defaults(run=lambda args: run_send(args, open_log))


def run_send(args: argparse.Namespace, open_log: OpenLog) -> int:
    if not args.consent:
        raise CommandError(
            "details are sent only with the caller's agreement; add --consent; nothing was sent"
        )
    catalogue = open_catalogue(args)
    try:
        known = catalogue.get(args.service) is not None
    finally:
        catalogue.close()
    if not known:
        raise CommandError(f"service {args.service} is not in the catalogue; nothing was sent")
    channel, recipient = (SMS, args.sms) if args.sms else (EMAIL, args.email)
    try:
        with open_log(args) as log:
            found = log.find(args.enquiry) if reference.normalise(args.enquiry) else None
            enquiry_id = found.id if found is not None else args.enquiry
            sent = send_details(log, enquiry_id, args.service, channel, recipient)
            # Asked once the request is safely recorded: the answer only informs.
            sends = hub_sends(log.desk, channel)
    except (RecipientError, UnknownEnquiryError, DeskWriteError) as error:
        raise CommandError(f"{error}; nothing was sent") from error
    how = "a text to" if channel == SMS else "an e-mail to"
    print(f"{how} {sent.recipient} is recorded; the hub sends it once this desk has synced")
    warning = hub_warning(sends, channel)
    if warning:
        print(warning, file=sys.stderr)
    return 0


def hub_warning(sends: HubSends, channel: str) -> str | None:
    """The line that stops an adviser promising a text the hub cannot send yet."""
    what = "texts" if channel == SMS else "e-mails"
    if sends is HubSends.NOT_SET_UP:
        return (
            f"This hub cannot send {what} yet: ask your supervisor to set up GOV.UK Notify; "
            "the request is kept and sent once it can"
        )
    if sends is HubSends.UNKNOWN:
        return (
            f"The hub cannot be asked now whether it can send {what}: the request is kept "
            "and goes to the hub when this desk is back online"
        )
    if sends is HubSends.NO_HUB:
        return (
            "This desk is not signed in to a hub: the request is kept and sent once the "
            "desk signs in and syncs"
        )
    return None
