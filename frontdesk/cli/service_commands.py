"""`frontdesk service show ID`: one service from the desk's catalogue with its live alert
and the guidance notes advisers see for it, as text or as JSON (the service's fields,
`"alert"` an object or null, `"guidance"` a list);
`frontdesk service print ID --pdf FILE`: its one-page hand-out for the caller; and
`service report` / `service reports` (cli.record_report_commands)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import Any

import frontdesk.cli.record_report_commands as record_report_commands
import frontdesk.cli.search_commands as search_commands
from frontdesk.cli.common import CommandError, add_data_dir_option, open_catalogue, print_json
from frontdesk.core.catalogue import Service
from frontdesk.core.codec import service_to_dict
from frontdesk.store.alerts import live_alert
from frontdesk.store.catalogue import StoredService
from frontdesk.store.guidance import notes_for


def register(commands: Any) -> None:
    service = commands.add_parser(
        "service", help="one service from the catalogue: show, print, report it wrong"
    )
    sub = service.add_subparsers(title="service commands", metavar="COMMAND", required=True)
    show = sub.add_parser("show", help="a service's details and its guidance notes")
    show.add_argument("id", metavar="ID", help="catalogue id (source:id), as search prints it")
    show.add_argument("--json", action="store_true", help="print as JSON")
    add_data_dir_option(show)
    show.set_defaults(run=run_show)
    printing = sub.add_parser(
        "print",
        help="a one-page hand-out for the caller, saved as PDF",
        description="Write a one-page hand-out (name, agency, phones, hours, address, web "
        "address with a QR code, what to bring, date) to a PDF file for printing.",
    )
    printing.add_argument("id", metavar="ID", help="catalogue id (source:id)")
    printing.add_argument("--pdf", required=True, type=Path, metavar="FILE")
    printing.add_argument("--lang", choices=("en", "cy"), default="en", help="English or Welsh")
    printing.add_argument("--large", action="store_true", help="large print (18 pt)")
    printing.add_argument("--a5", action="store_true", help="A5 paper (default A4)")
    add_data_dir_option(printing)
    printing.set_defaults(run=run_print)
    record_report_commands.register(sub)


def run_show(args: argparse.Namespace) -> int:
    store = open_catalogue(args)
    try:
        stored = store.get(args.id)
        notes = notes_for(store.engine, args.id) if stored else []
        alert = live_alert(store.engine, args.id, dt.datetime.now(dt.UTC)) if stored else None
    finally:
        store.close()
    if stored is None:
        raise CommandError(f"no service {args.id!r} in the catalogue; search prints the ids")
    if args.json:
        print_json(
            {
                **service_to_dict(stored.service),
                "catalogue_id": stored.catalogue_id,
                "organization": stored.organization_name,
                "alert": alert.as_dict() if alert else None,
                "guidance": [n.as_dict() for n in notes],
            }
        )
        return 0
    if alert is not None:  # first, as the desk shows it
        print(f"⚠ ALERT {search_commands.alert_until(alert)}: {alert.text}\n")
    print("\n".join(_lines(stored)))
    for n in notes:
        whose = "your organisation" if n.organization_id else "shared"
        print(f"\nGuidance ({whose}, version {n.version}, {n.updated_at[:10]} by {n.author}):")
        print(n.body)
    return 0


def _lines(stored: StoredService) -> list[str]:
    s: Service = stored.service
    lines = [s.name, f"id: {stored.catalogue_id}"]
    if stored.organization_name:
        lines.append(f"agency: {stored.organization_name}")
    if s.description:
        lines.append(s.description)
    for phone in list(s.phones) + [p for c in s.contacts for p in c.phones]:
        lines.append(
            f"phone: {phone.number}" + (f" ({phone.description})" if phone.description else "")
        )
    if s.email:
        lines.append(f"e-mail: {s.email}")
    if s.url:
        lines.append(f"web: {s.url}")
    for schedule in s.schedules:
        if schedule.opens_at and schedule.closes_at:
            lines.append(
                f"hours: {' '.join(schedule.byday)} {schedule.opens_at}-{schedule.closes_at}"
            )
        elif schedule.description:
            lines.append(f"hours: {schedule.description}")
    for loc in s.locations:
        where = loc.address.one_line() if loc.address else ""
        lines.append("address: " + " — ".join(x for x in (loc.name, where) if x))
    return lines


def run_print(args: argparse.Namespace) -> int:
    store = open_catalogue(args)
    try:
        stored = store.get(args.id)
        notes = tuple(notes_for(store.engine, args.id)) if stored else ()
    finally:
        store.close()
    if stored is None:
        raise CommandError(f"no service {args.id!r} in the catalogue; search prints the ids")
    # Qt is needed only here, for its text layout and PDF writer; no window ever opens,
    # so it runs on a machine without a display too.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from frontdesk.gui.handout.content import Handout
    from frontdesk.gui.handout.render import ensure_application, write_pdf

    _app = ensure_application()
    handout = Handout(
        stored.service,
        stored.organization_name,
        notes,
        language=args.lang,
        large=args.large,
        a5=args.a5,
    )
    try:
        pages = write_pdf(handout, args.pdf)
    except OSError as error:
        raise CommandError(str(error)) from error
    size = "A5" if args.a5 else "A4"
    print(f"wrote {args.pdf} ({pages} page{'s' if pages != 1 else ''}, {size})")
    return 0
