"""`frontdesk hub report`: the supervisor's period report as data — counts, the
first-contact-resolution rate, handling-time percentiles and referral ageing — for London
calendar days. Registered into the `hub` group by `frontdesk.cli.hub_commands`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from frontdesk.cli.common import CommandError, hub_engine, print_json, report_period

Leaf = Callable[[Any, str, str, Any], argparse.ArgumentParser]


def register(sub: Any, leaf: Leaf) -> None:
    """Adds `report` to the `hub` commands."""
    p = leaf(sub, "report", "a period's enquiry figures (London calendar days)", run_report)
    p.add_argument("--since", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--until", required=True, metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--org", metavar="ID", help="one organisation (default: all)")
    p.add_argument(
        "--stale-hours",
        type=int,
        default=24,
        metavar="H",
        help="flag desks not heard from for H hours (default 24)",
    )
    p.add_argument("--json", action="store_true", help="print as JSON")


def run_report(args: argparse.Namespace) -> int:
    from frontdesk.hub.enquiries.monthly_report import monthly_report

    since, until = report_period(args)
    if args.stale_hours < 1:
        raise CommandError("--stale-hours must be at least 1")
    engine = hub_engine(args)
    try:
        figures = monthly_report(engine, since, until, args.org, stale_hours=args.stale_hours)
    finally:
        engine.dispose()
    if args.json:
        print_json(figures)
        return 0
    print(f"{figures['enquiries']} enquiries, {figures['since']} to {figures['until']}")
    for name in ("by_outcome", "by_channel", "by_reason", "by_service", "referrals_by_agency"):
        counts = ", ".join(f"{k}: {n}" for k, n in sorted(figures[name].items()))
        print(f"{name.replace('_', ' ')}: {counts or '-'}")
    fcr = figures["first_contact_resolution"]
    print(f"resolved at first contact: {fcr['resolved']} of {fcr['with_outcome']}")
    for name in ("duration_seconds", "wrap_up_seconds"):
        p = figures[name]
        print(f"{name.replace('_', ' ')}: p50 {p['p50']}, p90 {p['p90']} ({p['calls']} calls)")
    ages = figures["open_referrals_by_age_days"]
    print(
        "open referrals by days waited: "
        + ", ".join(f"{k}: {ages[k]}" for k in ages if k != "as_at")
    )
    _print_supervisor_view(figures)
    return 0


def _calls(by_channel: dict[str, int]) -> int:
    return sum(by_channel.values())


def _print_supervisor_view(figures: dict[str, Any]) -> None:
    hours = figures["by_hour"]
    print("calls by hour: " + (", ".join(f"{h}: {_calls(hours[h])}" for h in hours) or "-"))
    days = figures["by_weekday"]
    names = dict(zip("1234567", ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True))
    print("calls by weekday: " + (", ".join(f"{names[d]}: {_calls(days[d])}" for d in days) or "-"))
    for week in figures["fcr_by_week"]:
        print(
            f"week of {week['week_start']}: resolved at first contact "
            f"{week['resolved']} of {week['with_outcome']}"
        )
    if figures["by_adviser"] is not None:
        advisers = figures["by_adviser"]
        print("by adviser: " + (", ".join(f"{k}: {advisers[k]}" for k in sorted(advisers)) or "-"))
    repeat = figures["repeat_callers"]
    print(f"repeat callers: {repeat['callers']} ({repeat['enquiries']} enquiries)")
    for channel, counts in figures["messages"].items():
        print(f"{channel}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    estate = figures["estate"]
    stale = [desk["device_id"] for desk in estate["desks"] if desk["stale"]]
    print(
        f"desks: {len(estate['desks'])}, not heard from for {estate['stale_after_hours']} "
        f"hours: {len(stale)}" + (f" ({', '.join(stale)})" if stale else "")
    )
