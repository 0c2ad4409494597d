"""The `frontdesk hub` commands: set up the hub database, manage organisations and
accounts, import or harvest the catalogue, compact the change feed, and run the server.

Every command takes `--db URL` (or FRONTDESK_HUB_DB): `postgresql://user@host/db` in
production, `sqlite:///path/hub.db` for the embedded demo.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from sqlalchemy.exc import OperationalError

import frontdesk.cli.hub_alert_commands as hub_alert_commands
import frontdesk.cli.hub_guidance_commands as hub_guidance_commands
import frontdesk.cli.hub_notify_commands as hub_notify_commands
import frontdesk.cli.hub_record_report_commands as hub_record_report_commands
import frontdesk.cli.hub_referral_commands as hub_referral_commands
import frontdesk.cli.hub_report_commands as hub_report_commands
from frontdesk.cli.catalogue_commands import read_all
from frontdesk.cli.common import CommandError, print_json
from frontdesk.cli.common import hub_engine as _engine
from frontdesk.formats.registry import format_names
from frontdesk.hub.accounts import registry as accounts
from frontdesk.hub.accounts.audit import CLI_ACTOR
from frontdesk.hub.accounts.registry import AccountError, Role
from frontdesk.hub.db import ENV_VAR
from frontdesk.hub.migrate import upgrade

TOKEN_HOURS_ENV = "FRONTDESK_HUB_TOKEN_HOURS"


def register(commands: Any) -> None:
    """Adds this group's commands to the `frontdesk` parser."""
    hub = commands.add_parser("hub", help="run and manage the hub server desks sync with")
    sub = hub.add_subparsers(title="hub commands", metavar="COMMAND", required=True)

    p = _leaf(sub, "init-db", "create the hub database's tables, or upgrade them", run_init_db)

    p = _leaf(sub, "serve", "run the hub's HTTP API", run_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default loopback)")
    p.add_argument("--port", type=int, default=8700)
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--token-hours", type=int, default=24 * 7, help="sign-in lifetime (7 days)")

    p = _leaf(sub, "import", "import agency feeds into the hub's catalogue", run_import)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=format_names(), help="skip detection and read as FMT")
    p.add_argument("--source", metavar="NAME", help="source name (default: from the file name)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = _leaf(sub, "harvest", "fetch a live Open Referral feed into the catalogue", run_harvest)
    p.add_argument("url", metavar="URL", help="the feed's /services URL")
    p.add_argument("--profile", choices=["oruk-v1", "oruk-v3", "hsds3"], help="default: detect")
    p.add_argument("--source", metavar="NAME", help="source name (default: from the host name)")
    p.add_argument("--per-page", type=int, default=100, metavar="N", help="records per request")
    p.add_argument("--delay", type=float, default=1.0, metavar="SECONDS", help="between pages")
    p.add_argument("--max-pages", type=int, default=1000, metavar="N", help="safety stop")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS", help="per request")
    p.add_argument("--retries", type=int, default=4, metavar="N", help="per page, with backoff")
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = _leaf(sub, "sources", "catalogue sources, last import and last harvest", run_sources)
    p.add_argument("--json", action="store_true", help="print as JSON")

    p = _leaf(sub, "prune-changes", "compact change-feed history older than N days", run_prune)
    p.add_argument("--keep-days", type=int, required=True, metavar="N")

    org = sub.add_parser("org", help="organisations (councils, one-stop shops, agencies)")
    org_sub = org.add_subparsers(title="org commands", metavar="COMMAND", required=True)
    p = _leaf(org_sub, "add", "add an organisation", run_org_add)
    p.add_argument("id", metavar="ID", help="short id, e.g. kirklees")
    p.add_argument("name", metavar="NAME")
    p.add_argument(
        "--catalogue-org",
        action="append",
        default=[],
        metavar="CATALOGUE_ID",
        help="route referrals for this catalogue organisation (source:id) here; repeatable",
    )
    _leaf(org_sub, "list", "list organisations", run_org_list)

    user = sub.add_parser("user", help="accounts that sign in to the hub")
    user_sub = user.add_subparsers(title="user commands", metavar="COMMAND", required=True)
    p = _leaf(user_sub, "add", "add an account (password from a prompt or stdin)", run_user_add)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--org", metavar="ID", help="its organisation (needed when there are several)")
    p = _leaf(user_sub, "passwd", "set an account's password; signs it out", run_user_passwd)
    p.add_argument("name", metavar="NAME")
    p = _leaf(user_sub, "disable", "stop an account signing in; signs it out", run_user_disable)
    p.add_argument("name", metavar="NAME")
    p = _leaf(user_sub, "enable", "let a disabled account sign in again", run_user_enable)
    p.add_argument("name", metavar="NAME")
    _leaf(user_sub, "list", "list accounts", run_user_list)
    hub_referral_commands.register(sub, org_sub, user_sub, _leaf)
    hub_record_report_commands.register(sub, _leaf)
    hub_guidance_commands.register(sub, _leaf)
    hub_alert_commands.register(sub, _leaf)
    hub_notify_commands.register(sub, _leaf)
    hub_report_commands.register(sub, _leaf)


def _leaf(sub: Any, name: str, help_text: str, run: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--db", metavar="URL", help=f"hub database URL (default: ${ENV_VAR})")
    parser.set_defaults(run=run)
    return parser


def run_init_db(args: argparse.Namespace) -> int:
    engine = _engine(args, current=False)
    try:
        before, after = upgrade(engine)
    except OperationalError as error:
        raise CommandError(f"cannot reach the hub database: {error.orig or error}") from error
    finally:
        engine.dispose()
    if before == after:
        print(f"hub database already at schema {after}")
    else:
        print(f"hub database upgraded from {before or 'empty'} to schema {after}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from frontdesk.hub.http.access_log import log_config
    from frontdesk.hub.http.app import max_wait_from_environment
    from frontdesk.hub.http.desk_versions import from_environment
    from frontdesk.hub.http.serving import GRACEFUL_SHUTDOWN, NoDelayH11Protocol

    try:
        from_environment()  # checked once here, not by each worker as it starts
        max_wait_from_environment()
    except ValueError as error:
        raise CommandError(str(error)) from None
    engine = _engine(args)
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    if args.workers < 1 or args.token_hours < 1:
        raise CommandError("--workers and --token-hours must be at least 1")
    # Workers are fresh processes: they find the database and settings in the environment.
    os.environ[ENV_VAR] = url
    os.environ[TOKEN_HOURS_ENV] = str(args.token_hours)
    uvicorn.run(
        "frontdesk.hub.http.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        log_config=log_config(),  # no api_key or other secret in the access log
        http=NoDelayH11Protocol,  # see frontdesk/hub/http/serving.py: ~40 ms per request otherwise
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN,  # held long-polls: serving.py
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from frontdesk.hub.catalogue.imports import import_feeds

    feeds = read_all([Path(p) for p in args.paths], args.format, args.source)
    engine = _engine(args)
    try:
        reports = import_feeds(engine, feeds, actor=CLI_ACTOR)
    finally:
        engine.dispose()
    if args.json:
        print_json([r.as_dict() for r in reports])
        return 0
    for r in reports:
        if r.reference_only:
            print(f"{r.path} ({r.format}): reference data; the hub does not serve it yet — skipped")
            continue
        print(
            f"{r.path} ({r.format}) → source '{r.source}': {r.records_read} records read; "
            f"{r.added} added, {r.updated} updated, {r.unchanged} unchanged, {r.removed} removed, "
            f"{len(r.skipped)} skipped; {r.organizations_changed} organisations and "
            f"{r.terms_changed} taxonomy terms changed"
        )
    return 0


def run_harvest(args: argparse.Namespace) -> int:
    from frontdesk.hub.catalogue.harvest import HarvestError, HarvestOptions, Profile, harvest
    from frontdesk.hub.catalogue.harvest_http import HttpSettings

    if min(args.per_page, args.max_pages) < 1 or min(args.delay, args.retries) < 0:
        raise CommandError("--per-page and --max-pages must be at least 1, --delay 0 or more")
    if args.timeout <= 0:
        raise CommandError("--timeout must be more than 0 seconds")
    options = HarvestOptions(
        profile=Profile(args.profile) if args.profile else None,
        source=args.source,
        per_page=args.per_page,
        delay=args.delay,
        max_pages=args.max_pages,
        http=HttpSettings(
            timeout=args.timeout, deadline=max(120.0, args.timeout * 4), retries=args.retries
        ),
    )
    engine = _engine(args)
    try:
        report = harvest(engine, args.url, options, actor=CLI_ACTOR)
    except HarvestError as error:
        raise CommandError(f"harvest failed: {error}") from error
    finally:
        engine.dispose()
    if args.json:
        print_json(report.as_dict())
        return 0
    print(
        f"{report.url} ({report.format}) → source '{report.source}': {report.pages} pages, "
        f"{report.records_read} records; {report.added} added, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.removed} removed, "
        f"{len(report.skipped)} skipped, {len(report.duplicates)} duplicates"
    )
    return 0


def run_sources(args: argparse.Namespace) -> int:
    from frontdesk.hub.catalogue.sources import list_sources

    engine = _engine(args)
    try:
        found = list_sources(engine)
    finally:
        engine.dispose()
    if args.json:
        print_json([info.as_dict() for info in found])
        return 0
    if not found:
        print("no sources yet: `frontdesk hub import` or `frontdesk hub harvest` adds one")
    for info in found:
        when = f"{info.imported_at:%Y-%m-%d %H:%M} UTC" if info.imported_at else "never"
        print(f"{info.name}\t{info.format}\t{info.services} services\tupdated {when}")
        print(f"\t{info.location}")
        last = info.last_harvest
        if last is None:
            continue
        at = f"{last.finished_at:%Y-%m-%d %H:%M} UTC"
        if last.succeeded:
            print(
                f"\tlast harvest {at}: {last.pages} pages, {last.records} records; "
                f"+{last.added} added, ~{last.updated} updated, -{last.removed} removed"
            )
        else:
            print(f"\tlast harvest {at} FAILED: {last.error}")
    return 0


def run_prune(args: argparse.Namespace) -> int:
    from frontdesk.hub.sync.changes import prune

    if args.keep_days < 0:
        raise CommandError("--keep-days must be 0 or more")
    engine = _engine(args)
    try:
        report = prune(engine, args.keep_days)
    finally:
        engine.dispose()
    print(
        f"removed {report.superseded} superseded changes and {report.tombstones} old tombstones; "
        f"cursors before {report.floor.xid}:{report.floor.seq} now get 410 (cursor_expired)"
    )
    return 0


def _accounts_call(args: argparse.Namespace, call: Any, *extra: Any, **kw: Any) -> Any:
    engine = _engine(args)
    try:
        return call(engine, *extra, **kw)
    except AccountError as error:
        raise CommandError(str(error)) from error
    finally:
        engine.dispose()


def run_org_add(args: argparse.Namespace) -> int:
    _accounts_call(args, accounts.add_organization, args.id, args.name, actor=CLI_ACTOR)
    print(f"added organisation {args.id} ({args.name})")
    hub_referral_commands.link_catalogue_orgs(args, args.id, args.catalogue_org)
    return 0


def run_org_list(args: argparse.Namespace) -> int:
    for org_id, name in _accounts_call(args, accounts.list_organizations):
        print(f"{org_id}\t{name}")
    return 0


def read_password() -> str:
    """From a prompt (asked twice) on a terminal, else the first line of stdin, so scripts
    can pipe a password in without it appearing in the process list."""
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != first:
            raise CommandError("the passwords do not match; nothing was changed")
        return first
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise CommandError("no password on stdin; nothing was changed")
    return line


def run_user_add(args: argparse.Namespace) -> int:
    engine = _engine(args)
    engine.dispose()  # fail on a bad --db before asking for a password
    password = read_password()
    org = _accounts_call(
        args, accounts.add_account, args.name, Role(args.role), args.org, password, actor=CLI_ACTOR
    )
    print(f"added {args.role} {args.name} in {org}")
    return 0


def run_user_passwd(args: argparse.Namespace) -> int:
    password = read_password()
    _accounts_call(args, accounts.set_password, args.name, password, actor=CLI_ACTOR)
    print(f"password changed for {args.name}; their sessions and API key were revoked")
    return 0


def run_user_disable(args: argparse.Namespace) -> int:
    _accounts_call(args, accounts.set_disabled, args.name, True, actor=CLI_ACTOR)
    print(f"{args.name} can no longer sign in; their sessions and API key were revoked")
    return 0


def run_user_enable(args: argparse.Namespace) -> int:
    _accounts_call(args, accounts.set_disabled, args.name, False, actor=CLI_ACTOR)
    print(f"{args.name} can sign in again; make a new API key if they need one")
    return 0


def run_user_list(args: argparse.Namespace) -> int:
    for info in _accounts_call(args, accounts.list_accounts):
        state = "  (disabled)" if info.disabled else ""
        print(f"{info.name}\t{info.role.value}\t{info.organization_id}{state}")
    return 0
