"""The period report at a million enquiries on PostgreSQL: a month and a whole year, for
one organisation and for the whole hub, without and then with the report's indexes
(revision 0009), in the same run on the same data.

`python bench/hub/report.py [--enquiries 1000000] [--rounds 5]` makes a throwaway
database on 127.0.0.1:5432 (dropped afterwards), migrates it, and fills it with set-based
SQL (generate_series), not the push API: 20 organisations (one holds a quarter of the
calls), 5 advisers and desks each, enquiries spread over 2024–2025 with their created,
reason, outcome, service-link and wrap-up events, consented callers drawn from a pool
(so some ring again), referrals and texts/e-mails. The seed goes into a database at
revision 0010; the upgrade to head that follows is timed, since revision 0011 fills each
enquiry's reason, duration and wrap-up from its events. Prints medians as a table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import secrets
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from alembic import command
from sqlalchemy import Engine, event

from frontdesk.hub import schema as t
from frontdesk.hub.db import create_hub_engine, writing
from frontdesk.hub.enquiries.monthly_report import monthly_report
from frontdesk.hub.migrate import _config, upgrade

PG_SERVER = os.environ.get("FRONTDESK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
BIG_ORG = "org-00"
CASES = (
    ("month, one organisation", dt.date(2025, 3, 1), dt.date(2025, 3, 31), BIG_ORG),
    ("month, whole hub", dt.date(2025, 3, 1), dt.date(2025, 3, 31), None),
    ("year, one organisation", dt.date(2025, 1, 1), dt.date(2025, 12, 31), BIG_ORG),
    ("year, whole hub", dt.date(2025, 1, 1), dt.date(2025, 12, 31), None),
)
#: The report's indexes (revision 0009), dropped for the "before" measurement.
REPORT_INDEXES = [
    index
    for table in t.metadata.tables.values()
    for index in table.indexes
    if index.name is not None and index.name.startswith("ix_report_")
]

SEED_SQL = [
    """INSERT INTO organizations (id, name, created_at)
       SELECT 'org-' || lpad(o::text, 2, '0'), 'Organisation ' || o, now()
       FROM generate_series(0, 19) o""",
    """INSERT INTO accounts (name, role, organization_id, password_hash, created_at)
       SELECT 'adviser-' || o || '-' || a, 'adviser', 'org-' || lpad(o::text, 2, '0'), 'x', now()
       FROM generate_series(0, 19) o, generate_series(0, 4) a""",
    """INSERT INTO devices (id, organization_id, account_id, last_seq, created_at, last_push_at)
       SELECT 'desk-' || id, organization_id, id, 0, now(), now() - (id % 48) * interval '1 hour'
       FROM accounts""",
    # n -> organisation: a quarter to org-00, the rest spread; start: uniform over 2 years.
    """CREATE TEMP TABLE gen AS
       SELECT n,
              CASE WHEN n % 4 = 0 THEN 0 ELSE 1 + n % 19 END AS o,
              timestamptz '2024-01-01 00:00+00'
                + (hashint4(n)::bigint & 2147483647) % (731 * 86400) * interval '1 second'
                AS started,
              (hashint4(n + 7)::bigint & 2147483647) AS h
       FROM generate_series(1, %(count)s) n""",
    """INSERT INTO enquiries (id, organization_id, account_id, device_id, channel, started_at,
                              outcome, created_at, updated_at)
       SELECT 'e' || g.n, 'org-' || lpad(g.o::text, 2, '0'), a.id, 'desk-' || a.id,
              (ARRAY['phone','face to face','email','web chat','letter'])[1 + g.h % 5],
              g.started,
              (ARRAY[NULL,'resolved at first contact','resolved at first contact',
                     'advice given','signposted','referred','transferred'])[1 + g.h % 7],
              g.started, g.started
       FROM gen g
       JOIN accounts a ON a.name = 'adviser-' || g.o || '-' || (g.h / 7 % 5)""",
    """INSERT INTO enquiry_events (id, enquiry_id, kind, at, data, op_id, account_id,
                                   received_at)
       SELECT 'c' || g.n, 'e' || g.n, 'created', g.started,
              '{"channel": "phone", "duration_seconds": ' || (30 + g.h % 1800) || '}',
              'op-c' || g.n, 1, g.started
       FROM gen g""",
    """INSERT INTO enquiry_events (id, enquiry_id, kind, at, data, op_id, account_id,
                                   received_at)
       SELECT 'r' || g.n, 'e' || g.n, 'reason set', g.started + interval '1 minute',
              '{"reason": "reason-' || (g.h / 3 % 12) || '"}', 'op-r' || g.n, 1, g.started
       FROM gen g WHERE g.h % 2 = 0""",
    """INSERT INTO enquiry_events (id, enquiry_id, kind, at, data, op_id, account_id,
                                   received_at)
       SELECT 's' || g.n, 'e' || g.n, 'service linked', g.started + interval '2 minutes',
              '{"service_id": "synthetic:svc-' || (g.h / 11 % 400) || '"}', 'op-s' || g.n, 1,
              g.started
       FROM gen g WHERE g.h % 3 <> 0""",
    """INSERT INTO enquiry_events (id, enquiry_id, kind, at, data, op_id, account_id,
                                   received_at)
       SELECT 'w' || g.n, 'e' || g.n, 'wrap-up done', g.started + interval '9 minutes',
              '{"wrap_up_seconds": ' || (g.h / 13 % 600) || '}', 'op-w' || g.n, 1, g.started
       FROM gen g WHERE g.h % 5 <> 0""",
    # A third of the calls leave consented details; callers come from a pool of 200,000.
    """INSERT INTO enquiry_callers (enquiry_id, phone, phone_key, postcode, updated_at)
       SELECT 'e' || g.n, '07700' || (g.h / 17 % 200000), '+447700' || (g.h / 17 % 200000),
              'HD1 2TG', g.started
       FROM gen g WHERE g.h % 3 = 0""",
    """INSERT INTO referrals (id, enquiry_id, service_id, from_organization_id,
                              to_organization_id, status, created_at, updated_at)
       SELECT 'ref' || g.n, 'e' || g.n, 'synthetic:svc-1', 'org-' || lpad(g.o::text, 2, '0'),
              'org-19', (ARRAY['sent','acknowledged','closed – resolved'])[1 + g.h % 3],
              g.started, g.started
       FROM gen g WHERE g.h % 10 = 0""",
    """INSERT INTO enquiry_events (id, enquiry_id, kind, at, data, op_id, account_id,
                                   received_at)
       SELECT 'm' || g.n, 'e' || g.n, 'details sent', g.started + interval '5 minutes',
              '{"service_id": "synthetic:svc-1", "channel": "sms"}', 'op-m' || g.n, 1,
              g.started
       FROM gen g WHERE g.h % 20 = 1""",
    """INSERT INTO outbound_messages (id, enquiry_id, organization_id, service_id, channel,
                                      status, attempts, next_attempt_at, created_at,
                                      updated_at)
       SELECT 'm' || g.n, 'e' || g.n, 'org-' || lpad(g.o::text, 2, '0'), 'synthetic:svc-1',
              (ARRAY['sms','email'])[1 + g.h / 20 % 2],
              (ARRAY['delivered','delivered','sending','permanent-failure'])[1 + g.h / 40 % 4],
              1, g.started, g.started, g.started
       FROM gen g WHERE g.h % 20 = 1""",
]


@contextmanager
def throwaway_database() -> Iterator[str]:
    name = f"frontdesk_bench_{secrets.token_hex(4)}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed(url: str, count: int) -> float:
    started = time.perf_counter()
    with psycopg.connect(url) as conn:
        conn.execute("SET synchronous_commit = off")
        for sql in SEED_SQL:
            conn.execute(sql.replace("%(count)s", str(int(count))).encode())
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def timed(work: Callable[[], Any], rounds: int) -> tuple[float, Any]:
    work()  # warm the cache: every round then reads the same pages
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def measure(engine: Engine, rounds: int) -> dict[str, tuple[float, int]]:
    found = {}
    for label, since, until, org in CASES:

        def work(since: dt.date = since, until: dt.date = until, org: Any = org) -> Any:
            return monthly_report(engine, since, until, org)

        seconds, figures = timed(work, rounds)
        found[label] = (seconds, int(figures["enquiries"]))
        print(f"  {label}: {seconds:.2f} s ({figures['enquiries']:,} enquiries)", flush=True)
    return found


def statements(engine: Engine) -> None:
    """The slowest statements of one report of a year of the whole hub (warm)."""
    label, since, until, org = CASES[-1]
    monthly_report(engine, since, until, org)
    spent: list[tuple[float, str]] = []
    began: dict[int, float] = {}

    def before(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        began[id(cursor)] = time.perf_counter()

    def after(conn: Any, cursor: Any, sql: str, *args: Any) -> None:
        spent.append((time.perf_counter() - began.pop(id(cursor)), " ".join(sql.split())))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        monthly_report(engine, since, until, org)
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    print(f"statements of one report, {label}: {sum(s for s, _ in spent):.2f} s in all")
    for seconds, sql in sorted(spent, reverse=True)[:8]:
        print(f"  {seconds:.2f} s  {sql[:150]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enquiries", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--statements", action="store_true", help="then time each statement of a year, whole hub"
    )
    args = parser.parse_args()
    with throwaway_database() as url:
        engine = create_hub_engine(url)
        try:
            with writing(engine) as conn:
                command.upgrade(_config(conn), "0010")
            print(f"seeded {args.enquiries:,} enquiries in {seed(url, args.enquiries):.0f} s")
            started = time.perf_counter()
            upgrade(engine)
            print(f"migrated to head (0011's backfill) in {time.perf_counter() - started:.0f} s")
            with engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            with engine.begin() as conn:
                for index in REPORT_INDEXES:
                    index.drop(conn)
                conn.exec_driver_sql("ANALYZE")
            print("without the report's indexes:", flush=True)
            before = measure(engine, args.rounds)
            with engine.begin() as conn:
                for index in REPORT_INDEXES:
                    index.create(conn)
                conn.exec_driver_sql("ANALYZE")
            engine.dispose()  # new connections: no statement prepared before the indexes
            print("with them:", flush=True)
            after = measure(engine, args.rounds)
            if args.statements:
                statements(engine)
        finally:
            engine.dispose()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nPython {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"load average at the end (1, 5, 15 min): {load}")
    print("| report | enquiries | without indexes | with indexes | ratio |")
    print("|---|---|---|---|---|")
    for label, (seconds, count) in before.items():
        with_ = after[label][0]
        print(f"| {label} | {count:,} | {seconds:.2f} s | {with_:.2f} s | {seconds / with_:.1f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
