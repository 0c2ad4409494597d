"""`frontdesk service report` and `service reports`: report that a catalogue record is
wrong, and see this desk's reports and the open reports every desk is warned about.

A report is saved on the desk with its outbox op, as the app saves it, so it works offline
and reaches the hub at the next sync.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_catalogue,
    open_desk,
    print_json,
)
from frontdesk.core.record_report import OwnReport, RecordWarning, ReportField
from frontdesk.store.desk import DeskWriteError
from frontdesk.store.record_reports import ReportInvalidError, ReportLog


def register(sub: Any) -> None:
    """Adds `report` and `reports` to the `service` command's subcommands."""
    report = sub.add_parser(
        "report",
        help="report that a service's record is wrong (sent to the agency that owns it)",
        description="Never put a caller's details in the problem: the hub removes what "
        "looks like a personal phone number or e-mail address.",
    )
    report.add_argument("service_id", metavar="ID", help="the service's id (see `search`)")
    report.add_argument(
        "--field",
        required=True,
        choices=[f.value for f in ReportField],
        help="which part of the record is wrong",
    )
    report.add_argument("--problem", required=True, metavar="TEXT", help="what you found")
    report.add_argument("--suggested", metavar="VALUE", help="the right value, if known")
    add_data_dir_option(report)
    report.set_defaults(run=run_report)

    reports = sub.add_parser(
        "reports", help="this desk's reports and the open reports on the catalogue"
    )
    reports.add_argument("--json", action="store_true", help="print as JSON")
    add_data_dir_option(reports)
    reports.set_defaults(run=run_reports)


def run_report(args: argparse.Namespace) -> int:
    catalogue = open_catalogue(args)
    try:
        found = catalogue.get(args.service_id)
    finally:
        catalogue.close()
    if found is None:
        raise CommandError(
            f"service {args.service_id} is not in the catalogue (find its id with "
            "`frontdesk search`); nothing was saved"
        )
    desk = open_desk(args)
    try:
        saved = ReportLog(desk).report(
            args.service_id,
            found.service.name,
            ReportField(args.field),
            args.problem,
            args.suggested,
        )
    except (ReportInvalidError, DeskWriteError) as error:
        raise CommandError(f"{error}; nothing was saved") from error
    finally:
        desk.close()
    sys.stdout.write(saved.id + "\n")
    return 0


def run_reports(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        log = ReportLog(desk)
        own, warnings = log.own(), log.warnings()
    finally:
        desk.close()
    if args.json:
        print_json(
            {
                "reports": [_own_json(r) for r in own],
                "warnings": [_warning_json(w) for ws in warnings.values() for w in ws],
            }
        )
        return 0
    for report in own:
        print(
            f"{report.reported_at:%Y-%m-%d %H:%M}  {report.service_name}: {report.field}  "
            f"{_state(report)}"
        )
    for found in warnings.values():
        for warning in found:
            print(
                f"reported: {warning.service_id}: {warning.field} may be wrong "
                f"({warning.advisers} advisers, since {warning.since:%Y-%m-%d})"
            )
    if not own and not warnings:
        print("no reports on this desk and no open reports on the catalogue")
    return 0


def _state(report: OwnReport) -> str:
    if report.rejection_reason:
        return f"rejected: {report.rejection_reason}"
    if report.waiting:
        return "saved on this desk"
    if report.status is None:
        return "sent to the hub"
    note = f" ({report.status_note})" if report.status_note else ""
    return f"{report.status}{note}"


def _own_json(report: OwnReport) -> dict[str, Any]:
    return {
        "id": report.id,
        "service_id": report.service_id,
        "field": report.field.value,
        "problem": report.problem,
        "suggested": report.suggested,
        "reported_at": report.reported_at.isoformat(),
        "state": _state(report),
        "status": report.status.value if report.status else None,
        "status_note": report.status_note,
    }


def _warning_json(warning: RecordWarning) -> dict[str, Any]:
    return {
        "service_id": warning.service_id,
        "field": warning.field.value,
        "advisers": warning.advisers,
        "since": warning.since.isoformat(),
    }
