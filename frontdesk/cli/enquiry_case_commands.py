"""`frontdesk enquiries show REF` and `enquiries amend REF`: one enquiry found by the
reference the caller quotes, with its history, and corrected as the app corrects it (an
amendment event through the outbox, so the hub hears of it once, offline or not)."""

from __future__ import annotations

import argparse
from typing import Any

from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_desk,
    print_json,
    vocabulary,
)
from frontdesk.core import reference
from frontdesk.core.enquiry import Enquiry, EnquiryEvent, EventKind, Outcome, without_caller
from frontdesk.store.desk import DeskWriteError
from frontdesk.store.enquiries import (
    Amendment,
    EnquiryInvalidError,
    EnquiryLog,
    UnknownEnquiryError,
)
from frontdesk.store.enquiry_export import enquiry_record


def register(sub: Any) -> None:
    """Adds `show` and `amend` to the `enquiries` group."""
    show = sub.add_parser("show", help="one enquiry, found by its reference, with its history")
    show.add_argument("reference", metavar="REF", help="as the caller quotes it, e.g. K7M-22223-X")
    show.add_argument("--json", action="store_true", help="print as JSON")
    add_data_dir_option(show)
    show.set_defaults(run=run_show)

    amend = sub.add_parser(
        "amend",
        help="correct a saved enquiry: a note, the outcome, the referral, follow-up done",
        description="Outcomes: " + ", ".join(o.value for o in Outcome),
    )
    amend.add_argument("reference", metavar="REF")
    amend.add_argument("--outcome", type=vocabulary(Outcome), help="the corrected outcome")
    amend.add_argument("--note", default="", metavar="TEXT", help="a note to add")
    amend.add_argument(
        "--referral-service", metavar="ID", help="refer (or redirect the referral) to this service"
    )
    amend.add_argument(
        "--no-referral", action="store_true", help="withdraw the referral (with a new --outcome)"
    )
    amend.add_argument(
        "--follow-up-done", action="store_true", help="the follow-up promised has been done"
    )
    add_data_dir_option(amend)
    amend.set_defaults(run=run_amend)


def find(args: argparse.Namespace, typed: str) -> Enquiry:
    """The enquiry with the reference `typed`, or a one-line CommandError."""
    if reference.normalise(typed) is None:
        raise CommandError(
            f"'{typed}' is not an enquiry reference (9 or 10 letters and digits, "
            "its last one a check character); check it with the caller"
        )
    desk = open_desk(args)
    try:
        found = EnquiryLog(desk).find(typed)
    finally:
        desk.close()
    if found is None:
        raise CommandError(f"no enquiry on this desk has the reference {typed.strip()}")
    return found


def run_show(args: argparse.Namespace) -> int:
    enquiry = find(args, args.reference)
    desk = open_desk(args)
    try:
        log = EnquiryLog(desk)
        history = log.history(enquiry.id)
        earlier = log.get(enquiry.follows_id) if enquiry.follows_id else None
    finally:
        desk.close()
    follows = earlier.reference if earlier is not None else enquiry.follows_id
    if args.json:
        record = enquiry_record(enquiry, include_caller=False)
        record["follows_reference"] = follows
        record["history"] = [
            {
                "at": e.at.isoformat(),
                "kind": e.kind.value,
                "data": without_caller(e.data, "(changed)"),
            }
            for e in history
        ]
        print_json(record)
        return 0
    outcome = enquiry.outcome.value if enquiry.outcome else "no outcome"
    print(f"{enquiry.reference}  {enquiry.channel.value}, {outcome}, {enquiry.sync_state.value}")
    print(f"services:   {', '.join(enquiry.service_ids) or 'none'}")
    if enquiry.referral_service_id:
        status = enquiry.referral_status.value if enquiry.referral_status else "not sent"
        print(f"referred:   {enquiry.referral_service_id} ({status})")
    if follows:
        print(f"follows:    {follows}")
    if enquiry.follow_up_done_at:
        print(f"follow-up:  done {enquiry.follow_up_done_at.astimezone():%Y-%m-%d %H:%M}")
    for note in enquiry.notes:
        print(f"note:       {note}")
    print("history:")
    for event in history:
        print(f"  {event.at.astimezone():%Y-%m-%d %H:%M}  {describe(event)}")
    return 0


def describe(event: EnquiryEvent) -> str:
    """One history line in words."""
    data = event.data
    if event.kind is EventKind.AMENDED:
        changes = data.get("changes", {})
        parts = []
        if "notes" in changes:
            parts.append(f"note added: {changes['notes']}")
        if "outcome" in changes:
            parts.append(f"outcome changed to {changes['outcome'] or 'none'}")
        if "referral_service_id" in changes:
            target = changes["referral_service_id"]
            parts.append(f"referral redirected to {target}" if target else "referral withdrawn")
        if "service_ids" in changes:
            parts.append("linked services changed")
        if "caller" in changes:
            parts.append("caller details changed")
        if "channel" in changes:
            parts.append(f"channel changed to {changes['channel']}")
        return "amended: " + "; ".join(parts)
    details: dict[EventKind, str] = {
        EventKind.CREATED: f"created ({data.get('channel', '')})",
        EventKind.SERVICE_LINKED: f"service linked: {data.get('service_id')}",
        EventKind.NOTE: f"note: {data.get('text')}",
        EventKind.OUTCOME_SET: f"outcome: {data.get('outcome')}",
        EventKind.REFERRAL_SENT: f"referral sent to {data.get('service_id')}",
        EventKind.FOLLOW_UP_DONE: "follow-up done",
    }
    return details[event.kind]


def run_amend(args: argparse.Namespace) -> int:
    amendment = Amendment(
        note=args.note,
        outcome=args.outcome,
        referral_service_id=args.referral_service,
        withdraw_referral=args.no_referral,
        follow_up_done=args.follow_up_done,
    )
    if amendment.is_empty():
        raise CommandError(
            "say what to correct: --outcome, --note, --referral-service, --no-referral "
            "or --follow-up-done"
        )
    enquiry = find(args, args.reference)
    desk = open_desk(args)
    try:
        log = EnquiryLog(desk)
        waiting_before = log.outbox_size()
        amended = log.amend(enquiry.id, amendment)
        added = log.outbox_size() - waiting_before
    except (EnquiryInvalidError, UnknownEnquiryError) as error:
        raise CommandError(f"{error}; nothing was changed") from error
    except DeskWriteError as error:
        raise CommandError(str(error)) from error
    finally:
        desk.close()
    if added <= 0:
        print(f"{amended.reference}: nothing to change")
    else:
        print(f"{amended.reference}: amended on this desk; it goes to the hub at the next sync")
    return 0
