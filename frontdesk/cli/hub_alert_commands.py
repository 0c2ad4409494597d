"""The `frontdesk hub alert` commands: set a service's alert until a time, clear it, and
list the live ones.

Registered into the `hub` group by `frontdesk.cli.hub_commands`. The operator ("cli") is
recorded as the author; an alert set here has no organisation. `--until` takes a time today
(`17:00`), an ISO 8601 time (without an offset it is London time, as an operator in a UK
council reads a clock) or a span from now: `+90m`, `+4h`, `+2d`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.cli.common import CommandError, hub_engine, print_json
from frontdesk.cli.hub_referral_commands import Leaf
from frontdesk.core.alert import AlertError
from frontdesk.hub.accounts.audit import CLI_ACTOR

LONDON = ZoneInfo("Europe/London")
_SPAN = re.compile(r"^\+(\d{1,5})([mhd])$")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def register(sub: Any, leaf: Leaf) -> None:
    """Adds `alert set|clear|list` to the `hub` group."""
    alert = sub.add_parser("alert", help="urgent notices on a service, with an expiry")
    a_sub = alert.add_subparsers(title="alert commands", metavar="COMMAND")
    a_sub.required = True
    p = leaf(a_sub, "set", "put an alert on a service until a time (replaces any)", run_set)
    p.add_argument("service_id", metavar="SERVICE_ID", help="catalogue id, source:id")
    p.add_argument("text", metavar="TEXT", help="the notice, up to 280 characters")
    p.add_argument(
        "--until",
        required=True,
        metavar="TIME",
        help="17:00 (today), ISO 8601 (London time without an offset), or +90m, +4h, +2d",
    )
    p = leaf(a_sub, "clear", "remove a service's alert now", run_clear)
    p.add_argument("service_id", metavar="SERVICE_ID")
    p = leaf(a_sub, "list", "the live alerts, soonest expiry first", run_list)
    p.add_argument("--json", action="store_true", help="print as JSON")


def parse_until(text: str, now: dt.datetime) -> dt.datetime:
    """`--until` as an aware time; CommandError if it is not one."""
    span = _SPAN.match(text.strip())
    if span:
        return now + dt.timedelta(**{_UNITS[span.group(2)]: int(span.group(1))})
    clock = _CLOCK.match(text.strip())
    if clock:  # a time today, in London
        today = now.astimezone(LONDON).date()
        try:
            at = dt.time(int(clock.group(1)), int(clock.group(2)))
        except ValueError:
            raise CommandError(f"--until {text!r} is not a time of day") from None
        return dt.datetime.combine(today, at, tzinfo=LONDON)
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise CommandError(
            f"--until {text!r} is not a time: give e.g. 2026-12-08T17:00 or +4h"
        ) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=LONDON)


def run_set(args: argparse.Namespace) -> int:
    from frontdesk.hub.alerts.records import set_alert

    now = dt.datetime.now(dt.UTC)
    until = parse_until(args.until, now)
    engine = hub_engine(args)
    try:
        alert = set_alert(
            engine, args.service_id, args.text, until, author=CLI_ACTOR, organization_id=None
        )
    except AlertError as error:
        raise CommandError(f"{error}; nothing was changed") from error
    finally:
        engine.dispose()
    local = alert.until.astimezone(LONDON).strftime("%Y-%m-%d %H:%M %Z")
    print(f"alert on {alert.service_id} until {local}: {alert.text}")
    return 0


def run_clear(args: argparse.Namespace) -> int:
    from frontdesk.hub.alerts.records import clear_alert

    engine = hub_engine(args)
    try:
        clear_alert(engine, args.service_id, author=CLI_ACTOR, organization_id=None)
    except AlertError as error:
        raise CommandError(f"{error}; nothing was changed") from error
    finally:
        engine.dispose()
    print(f"alert on {args.service_id} cleared")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from frontdesk.hub.alerts.records import live_alerts

    engine = hub_engine(args)
    try:
        found = live_alerts(engine)
    finally:
        engine.dispose()
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("no live alerts")
    for a in found:
        print(f"{a['service_id']}\tuntil {a['until']}\t{a['author']}\t{a['text']}")
    return 0
