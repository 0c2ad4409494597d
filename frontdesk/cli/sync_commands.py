"""Commands that connect a desk to a hub: `login`, `logout`, `sync`, `status`.

Also the hidden `hub-embedded`, the child process `frontdesk.sync.embedded` starts for
the demo (a hub on SQLite in the data folder, serving loopback only, until its stdin
closes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from frontdesk.cli.common import (
    CommandError,
    add_data_dir_option,
    open_desk,
    paths_from,
    print_json,
)
from frontdesk.cli.settings_report import print_settings, settings_in_force, settings_json
from frontdesk.search.fill import fill_process
from frontdesk.search.index import ensure_index
from frontdesk.store import machine_config
from frontdesk.store.desk import DeskStore, DeskWriteError
from frontdesk.sync import (
    CatalogueFile,
    Syncer,
    SyncError,
    SyncMode,
    SyncReport,
    SyncStatus,
    read_status,
    sign_in,
    sign_out,
)
from frontdesk.sync.account import SyncState
from frontdesk.sync.lock import SyncBusy
from frontdesk.sync.pull import PAGE
from frontdesk.sync.push import BATCH
from frontdesk.sync.session import DEMO_ELSEWHERE


def register(commands: Any) -> None:
    p = commands.add_parser(
        "login",
        help="sign this desk in to a hub (the catalogue then comes from the hub)",
        description="Sign in to a hub. The password is read from a prompt, or from the first "
        "line of stdin when it is not a terminal; the token the hub gives is kept in the OS "
        "keyring, never in a file.",
    )
    p.add_argument(
        "hub_url",
        metavar="HUB_URL",
        nargs="?",
        help="e.g. https://hub.example.gov.uk (default: the machine-wide configuration's)",
    )
    p.add_argument("--user", required=True, metavar="NAME")
    p.add_argument("--ca-bundle", metavar="PEM", help="trust this CA bundle for the hub's TLS")
    add_data_dir_option(p)
    p.set_defaults(run=run_login)

    p = commands.add_parser("logout", help="sign out of the hub; the desk becomes standalone")
    add_data_dir_option(p)
    p.set_defaults(run=run_logout)

    p = commands.add_parser(
        "sync",
        help="send waiting enquiries to the hub and fetch catalogue and referral changes",
        description="Send waiting enquiries to the hub and fetch catalogue and referral "
        "changes. One frontdesk syncs a desk at a time: while the app or another `frontdesk "
        "sync` is syncing this data folder, this says so, changes nothing and exits with "
        "status 1.",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="one round, then exit (default)")
    mode.add_argument("--watch", action="store_true", help="keep syncing until interrupted")
    p.add_argument("--interval", type=float, default=30.0, help="--watch: seconds between rounds")
    p.add_argument("--page-size", type=int, default=PAGE, help=f"changes per pull (max {PAGE})")
    p.add_argument("--batch-size", type=int, default=BATCH, help=f"ops per push (max {BATCH})")
    p.add_argument("--verbose", action="store_true", help="log each request (never the token)")
    add_data_dir_option(p)
    p.set_defaults(run=run_sync)

    p = commands.add_parser("status", help="hub, sign-in, last sync, outbox and catalogue age")
    p.add_argument("--json", action="store_true", help="print as JSON")
    add_data_dir_option(p)
    p.set_defaults(run=run_status)

    p = commands.add_parser("hub-embedded")  # no help: internal, started by the demo
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--user", required=True)
    add_data_dir_option(p)
    p.set_defaults(run=run_embedded_hub)


def read_login_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise CommandError("no password on stdin; nothing was changed")
    return line


def run_login(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    try:
        ca = str(Path(args.ca_bundle).resolve()) if args.ca_bundle else None
        if ca and not Path(ca).is_file():
            raise CommandError(f"no CA bundle at {ca}")
        hub_url = args.hub_url or machine_config.load().value("hub_url")
        if not hub_url:
            raise CommandError("no HUB_URL given, and no machine-wide hub address to use")
        password = read_login_password()
        account = sign_in(desk, str(hub_url), args.user, password, ca_bundle=ca)
    except (SyncError, DeskWriteError) as error:
        raise CommandError(str(error)) from error
    finally:
        desk.close()
    print(
        f"signed in to {account.url} as {account.user} ({account.organization_id}); "
        "run `frontdesk sync` to fetch the catalogue"
    )
    return 0


def run_logout(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    catalogue = CatalogueFile(paths_from(args).catalogue_db)
    try:
        report = sign_out(desk, catalogue)
    except (SyncError, DeskWriteError) as error:
        raise CommandError(str(error)) from error
    finally:
        catalogue.close()
        desk.close()
    revoked = "" if report.revoked else " (the hub could not be reached to revoke the token)"
    print(f"signed out of {report.account.url}{revoked}; this desk is standalone now")
    if report.outbox:
        print(f"{report.outbox} changes are still waiting to be sent; they go after the next login")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    if not (1 <= args.page_size <= PAGE and 1 <= args.batch_size <= BATCH):
        raise CommandError(f"--page-size is 1–{PAGE} and --batch-size 1–{BATCH}")
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
    desk = open_desk(args)
    try:
        syncer = Syncer(
            desk,
            CatalogueFile(paths_from(args).catalogue_db),
            prepare=ensure_index,
            fill_process=fill_process(),
            on_status=_print_status_line if args.watch else None,
            poll_interval=args.interval,
            page_size=args.page_size,
            batch_size=args.batch_size,
            role="frontdesk sync --watch" if args.watch else "frontdesk sync",
        )
    except SyncBusy as error:
        raise CommandError(_busy_reason(desk, error)) from error
    except BaseException:
        desk.close()
        raise
    try:
        if args.watch:
            return _watch(syncer)
        try:
            report = syncer.run_once(retry_blocked=True)
        except (SyncError, DeskWriteError) as error:
            raise CommandError(f"{error} — nothing waiting was lost") from error
        _print_report(report)
        return 0
    finally:
        syncer.stop()
        desk.close()


def _busy_reason(desk: DeskStore, busy: SyncBusy) -> str:
    """Why this process does not sync (desk.db is closed here: nothing else happens)."""
    try:
        account = SyncState(desk).account()
    finally:
        desk.close()
    if account is not None and account.embedded:
        # The running demo holds both the lock and the only token: say where to sync.
        return f"{DEMO_ELSEWHERE} — nothing waiting was lost"
    return str(busy)


def _watch(syncer: Syncer) -> int:
    done = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: done.set())
    syncer.start()
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def _print_status_line(status: SyncStatus) -> None:
    if status.mode is SyncMode.SYNCING:
        return
    when = dt.datetime.now().strftime("%H:%M:%S")
    line = f"{when} {status.mode.value}: {_enquiries(status.waiting)} waiting to send"
    if status.message:
        line += f" — {status.message}"
    if status.next_attempt_at and status.mode is SyncMode.OFFLINE:
        line += f" (next try {status.next_attempt_at.astimezone():%H:%M:%S})"
    print(line, flush=True)


def _print_report(report: SyncReport) -> None:
    push, pull = report.push, report.pull
    line = f"sent {push.delivered} changes"
    if push.duplicate:
        line += f" ({push.duplicate} the hub already had)"
    if push.rejected:
        line += f"; {push.rejected} rejected by the hub"
    print(line)
    for enquiry_id, reason in push.rejections[:10]:
        what = f"enquiry {enquiry_id}" if enquiry_id else "a record report"
        print(f"  rejected: {what}: {reason}")
    if report.push_blocked:
        print(f"sending is stopped: {report.push_blocked}")
    how = " (catalogue rebuilt from the hub)" if pull.rebuilt else ""
    print(
        f"received {pull.changes} changes in {pull.pages} pages{how}: {pull.upserted} "
        f"added or updated, {pull.deleted} removed, {pull.referrals} referral updates, "
        f"{pull.record_reports} record report updates"
    )


def run_status(args: argparse.Namespace) -> int:
    desk = open_desk(args)
    catalogue = CatalogueFile(paths_from(args).catalogue_db)
    try:
        status = read_status(desk, catalogue.store)
        state = SyncState(desk)
        device, account = state.get("device_id"), state.account()
    finally:
        catalogue.close()
        desk.close()
    machine, settings = settings_in_force(status.hub_url, account.ca_bundle if account else None)
    if args.json:
        print_json(_status_json(status, device) | {"settings": settings_json(machine, settings)})
        return 0
    if status.mode is SyncMode.STANDALONE:
        print("hub:            none (standalone: the catalogue comes from local imports)")
    else:
        print(f"hub:            {status.hub_url}")
        print(f"signed in as:   {status.user} ({status.organization_id})")
    print(
        f"state:          {status.mode.value}" + (f" — {status.message}" if status.message else "")
    )
    print(f"device:         {device or 'not yet registered'}")
    print(f"last sync:      {_ago(status.last_sync_at)}")
    # Enquiries, as the app's status bar counts them: one save makes several ops.
    print(f"waiting to send: {_enquiries(status.waiting)}")
    print(f"catalogue:      synced {_ago(status.catalogue_synced_at)}")
    print(f"cursor:         {status.cursor or 'none'}")
    print_settings(machine, settings)
    return 0


def _status_json(status: SyncStatus, device: str | None) -> dict[str, Any]:
    def iso(moment: dt.datetime | None) -> str | None:
        return moment.isoformat() if moment else None

    return {
        "mode": status.mode.value,
        "hub": status.hub_url,
        "user": status.user,
        "organization": status.organization_id,
        "device_id": device,
        "message": status.message,
        "waiting": status.waiting,  # enquiries
        "outbox": status.outbox,  # the ops they make up
        "last_sync_at": iso(status.last_sync_at),
        "last_push_at": iso(status.last_push_at),
        "last_pull_at": iso(status.last_pull_at),
        "catalogue_synced_at": iso(status.catalogue_synced_at),
        "cursor": status.cursor,
    }


def _enquiries(count: int) -> str:
    return f"{count} enquir{'y' if count == 1 else 'ies'}"


def _ago(moment: dt.datetime | None) -> str:
    if moment is None:
        return "never"
    seconds = (dt.datetime.now(dt.UTC) - moment).total_seconds()
    if seconds < 90:
        age = f"{max(0, int(seconds))} s ago"
    elif seconds < 2 * 3600:
        age = f"{int(seconds // 60)} min ago"
    elif seconds < 2 * 86400:
        age = f"{int(seconds // 3600)} h ago"
    else:
        age = f"{int(seconds // 86400)} days ago"
    return f"{moment.astimezone():%Y-%m-%d %H:%M} ({age})"


def run_embedded_hub(args: argparse.Namespace) -> int:
    """The child process of `frontdesk.sync.embedded`: password on stdin, then serve."""
    import uvicorn

    from frontdesk.formats.demo import read_demo_feeds
    from frontdesk.hub.accounts.audit import CLI_ACTOR
    from frontdesk.hub.accounts.registry import (
        AccountError,
        Role,
        add_account,
        add_organization,
        list_organizations,
        set_password,
    )
    from frontdesk.hub.catalogue.imports import import_feeds
    from frontdesk.hub.db import create_hub_engine
    from frontdesk.hub.http.access_log import log_config
    from frontdesk.hub.http.app import create_app
    from frontdesk.hub.migrate import upgrade

    password = sys.stdin.readline().strip()
    if not password:
        raise CommandError("hub-embedded reads the demo password from stdin")
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()
    folder = paths_from(args).root / "hub"
    folder.mkdir(parents=True, exist_ok=True)
    engine = create_hub_engine(f"sqlite:///{folder / 'hub.db'}")
    upgrade(engine)
    if "demo" not in {org for org, _ in list_organizations(engine)}:
        add_organization(engine, "demo", "Demo Council contact centre", actor=CLI_ACTOR)
    try:
        add_account(engine, args.user, Role.ADVISER, "demo", password, actor=CLI_ACTOR)
    except AccountError:
        set_password(engine, args.user, password, actor=CLI_ACTOR)
    # The hub keeps the catalogue; it passes over the reference files (it serves none yet).
    import_feeds(engine, read_demo_feeds(), actor=CLI_ACTOR)
    uvicorn.run(
        create_app(engine, owns_engine=True),
        host="127.0.0.1",
        port=args.port,
        log_level="warning",
        log_config=log_config(),
    )
    return 0


def _exit_when_stdin_closes() -> None:
    """The rest of stdin ends only when the demo that started this hub closes its end or
    dies; the hub then goes with it, however the demo ended."""
    sys.stdin.read()
    os._exit(0)
