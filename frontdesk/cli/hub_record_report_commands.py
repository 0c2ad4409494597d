"""`frontdesk hub record-reports`: the reports advisers made that catalogue records are
wrong — the ones no agency owns yet (their record's organisation is not linked), and the
data-quality figures. Registered into the `hub` group by `frontdesk.cli.hub_commands`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from frontdesk.cli.common import hub_engine, print_json
from frontdesk.hub.catalogue.read import Paging
from frontdesk.hub.record_reports.queries import GroupFilter, list_groups
from frontdesk.hub.record_reports.stats import record_report_stats

Leaf = Callable[[Any, str, str, Any], argparse.ArgumentParser]


def register(sub: Any, leaf: Leaf) -> None:
    """Adds the `record-reports` group to the `hub` commands."""
    group = sub.add_parser("record-reports", help="advisers' reports of wrong catalogue records")
    group_sub = group.add_subparsers(title="record-report commands", metavar="COMMAND")
    group_sub.required = True
    p = leaf(group_sub, "unrouted", "open reports on records no agency is linked to", run_unrouted)
    p.add_argument("--json", action="store_true", help="print as JSON")
    p = leaf(
        group_sub, "stats", "open reports by agency and age, time to fix, most reported", run_stats
    )
    p.add_argument("--json", action="store_true", help="print as JSON")


def run_unrouted(args: argparse.Namespace) -> int:
    engine = hub_engine(args)
    try:
        page = list_groups(engine, GroupFilter(None, unrouted=True), Paging(1, 200))
    finally:
        engine.dispose()
    if args.json:
        print_json(page["contents"])
        return 0
    for group in page["contents"]:
        print(
            f"{group['id']}  {group['service_id']}  {group['field']}  "
            f"{group['confirmations']} adviser(s) since {group['first_reported_at'][:10]}"
        )
    if not page["contents"]:
        print("no open reports wait for an agency")
    else:
        print("link each record's organisation with `frontdesk hub org link` to route them")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    engine = hub_engine(args)
    try:
        figures = record_report_stats(engine)
    finally:
        engine.dispose()
    if args.json:
        print_json(figures)
        return 0
    for row in figures["open_by_agency"]:
        print(
            f"{row['agency']}: {row['open']} open ({row['under_7_days']} under 7 days, "
            f"{row['from_7_to_30_days']} 7–30 days, {row['over_30_days']} over 30 days)"
        )
    fix = figures["time_to_fix_days"]
    if fix["fixed"]:
        print(f"fixed: {fix['fixed']}, {fix['mean']} days on average, longest {fix['longest']}")
    for row in figures["most_reported"]:
        name = row["service_name"] or row["service_id"]
        print(f"{row['reports']} reports ({row['open']} open): {name}")
    return 0
