"""The `frontdesk hub notify` commands: an organisation's GOV.UK Notify templates, and
the sender that delivers queued texts and e-mails and fetches their delivery status.

The API key is read from the environment (`FRONTDESK_NOTIFY_API_KEY`, or
`FRONTDESK_NOTIFY_API_KEY_<ORG>`), never from the command line or the database.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from frontdesk.cli.common import CommandError, hub_engine
from frontdesk.cli.hub_referral_commands import Leaf
from frontdesk.hub.accounts.audit import CLI_ACTOR


def register(sub: Any, leaf: Leaf) -> None:
    notify = sub.add_parser("notify", help="texts and e-mails to callers via GOV.UK Notify")
    n_sub = notify.add_subparsers(title="notify commands", metavar="COMMAND")
    n_sub.required = True
    p = leaf(n_sub, "set", "an organisation's Notify template ids", run_set)
    p.add_argument("org", metavar="ORG")
    p.add_argument("--sms-template", metavar="ID", help="template for texts")
    p.add_argument("--email-template", metavar="ID", help="template for e-mails")
    p = leaf(n_sub, "run", "send queued messages and fetch delivery statuses", run_sender)
    p.add_argument("--once", action="store_true", help="one round, then exit")
    p.add_argument("--interval", type=float, default=15.0, metavar="SECONDS")


def run_set(args: argparse.Namespace) -> int:
    from frontdesk.hub.notify.templates import NotifyConfigError, set_templates

    if not (args.sms_template or args.email_template):
        raise CommandError("give --sms-template, --email-template or both")
    engine = hub_engine(args)
    try:
        chosen = set_templates(
            engine, args.org, sms=args.sms_template, email=args.email_template, actor=CLI_ACTOR
        )
    except NotifyConfigError as error:
        raise CommandError(f"{error}; nothing was changed") from error
    finally:
        engine.dispose()
    print(f"{args.org}: texts use {chosen.sms or '(none)'}, e-mails use {chosen.email or '(none)'}")
    return 0


def run_sender(args: argparse.Namespace) -> int:
    from frontdesk.hub.notify.sender import deliver_due, refresh_statuses

    engine = hub_engine(args)
    try:
        while True:
            sent = deliver_due(engine)
            statuses = refresh_statuses(engine)
            print(
                f"sent {sent.sent}, found already sent {sent.adopted}, rejected {sent.rejected}, "
                f"retrying {sent.retrying}, waiting for configuration {sent.unconfigured}; "
                f"{statuses.updated} statuses updated",
                flush=True,
            )
            for problem in sorted(set(sent.problems + statuses.problems)):
                print(f"  {problem}", flush=True)
            if args.once:
                return 0
            time.sleep(args.interval)
    except KeyboardInterrupt:
        return 0
    finally:
        engine.dispose()
