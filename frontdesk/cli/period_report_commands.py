"""`frontdesk report`: the supervisor's period report from this desk — the hub's figures
when the desk is signed in with a supervisor's account, otherwise the desk's own log —
as JSON (`--json`) and as an A4 PDF for management (`--pdf`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_catalogue,
    open_desk,
    print_json,
    report_period,
)


def register(commands: Any) -> None:
    p = commands.add_parser(
        "report",
        help="a period's enquiry figures and charts (the hub's for a supervisor, else "
        "this desk's), as JSON or an A4 PDF",
        description="London calendar days SINCE to UNTIL inclusive. Signed in to a hub as a "
        "supervisor: the organisation's figures from the hub; otherwise (or offline) this "
        "desk's own log, and the command says so on stderr.",
    )
    p.add_argument("--since", required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    p.add_argument("--until", required=True, metavar="DATE", help="last day, YYYY-MM-DD")
    p.add_argument("--pdf", type=Path, metavar="FILE", help="write the printable report here")
    p.add_argument("--org", metavar="ID", help="one organisation (an admin's hub account)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    add_data_dir_option(p)
    p.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    from frontdesk.sync.period_report import DESK, fetch_report

    since, until = report_period(args)
    desk, catalogue = open_desk(args), open_catalogue(args)
    try:
        report = fetch_report(desk, since, until, catalogue=catalogue, org=args.org)
    finally:
        catalogue.close()
        desk.close()
    if report.why:
        print(f"frontdesk: {report.note()}", file=sys.stderr)
    elif report.source == DESK and args.org:
        print("frontdesk: --org needs a hub; this desk's own figures", file=sys.stderr)
    if args.pdf is not None:
        pages = _write_pdf(report, args.pdf)
        # With --json, stdout is the JSON alone.
        print(
            f"wrote {args.pdf} ({pages} page{'s' if pages != 1 else ''}, A4)",
            file=sys.stderr if args.json else sys.stdout,
        )
    if args.json:
        print_json(report.figures)
    elif args.pdf is None:
        _print_text(report.figures)
    return 0


def _write_pdf(report: Any, path: Path) -> int:
    # Qt is needed only here, for its PDF writer and charts; no window ever opens, so it
    # runs on a machine without a display too.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from frontdesk.gui.handout.render import ensure_application
    from frontdesk.gui.supervisor.pdf import write_report_pdf
    from frontdesk.sync.period_report import HUB

    _app = ensure_application()
    org = report.figures.get("organization_id")
    if report.source == HUB:
        organisation = str(org) if org else "every organisation"
    else:
        organisation = "this desk"
    try:
        return write_report_pdf(report, path, organisation=organisation)
    except OSError as error:
        raise CommandError(str(error)) from error


def _print_text(figures: dict[str, Any]) -> None:
    print(f"{figures['enquiries']} enquiries, {figures['since']} to {figures['until']}")
    for name in ("by_outcome", "by_channel", "by_reason", "by_service", "referrals_by_agency"):
        counts = ", ".join(f"{k}: {n}" for k, n in sorted(figures.get(name, {}).items()))
        print(f"{name.replace('_', ' ')}: {counts or '-'}")
    fcr = figures.get("first_contact_resolution", {})
    print(f"resolved at first contact: {fcr.get('resolved')} of {fcr.get('with_outcome')}")
