"""The live change feed under 1,000 connected desks, against the 60 s timed poll.

    python bench/hub/live.py [--desks 1000] [--rounds 5] [--workers 2]
                             [--poll-seconds 60] [--services 2000]

Creates a throwaway PostgreSQL database (dropped at the end), imports a small synthetic
catalogue through the hub's own import, starts `frontdesk hub serve --workers N` on
loopback, and simulates the desks in this one process: one asyncio event loop, one
kept-alive HTTP/1.1 connection per desk (run.py's generator, so that 1,000 clients cost
the shared CPUs little more than their sockets).

1. live: every desk long-polls `GET /sync/v1/changes?wait=25` from the end of the feed.
   Once all are held, the bench commits a change through the hub's own code (a guidance
   note for the desks' organisation: `guidance.notes.set_note`, one transaction) and
   records when each desk receives it, from the moment the commit returned. Several
   rounds; per round p50/p95/max, medians over rounds. Also: held requests per minute
   while nothing changes, hub RSS and the CPU the hub and PostgreSQL used per round;
2. timed poll (today's desks): every desk polls every `--poll-seconds`, each at a random
   phase; one change is committed and each desk's delay until it sees it is recorded,
   with the requests per minute that polling costs.

Prints a table for bench/hub/README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import (
    PASSWORD,
    http_exchange,
    machine,
    process_cpu,
    running_hub,
    sign_in,
    throwaway_database,
)
from synth import synthetic_feed

from frontdesk.hub import schema as h
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.guidance.notes import set_note
from frontdesk.hub.migrate import upgrade

ORG = "bench"
ACCOUNTS = 10  # desks share these sign-ins (a login costs a memory-hard KDF)
WAIT = 25


def seed(url: str, services: int) -> str:
    """Migrate, import, add the advisers; returns a service id to write guidance for."""
    engine = create_hub_engine(url)
    try:
        upgrade(engine)
        import_feeds(engine, [("synthetic", synthetic_feed(services))], actor="bench")
        add_organization(engine, ORG, "Bench Council", actor="bench")
        for i in range(ACCOUNTS):
            add_account(engine, f"desk{i}", Role.ADVISER, ORG, PASSWORD, actor="bench")
        with engine.connect() as conn:
            service: str = conn.scalar(select(h.services.c.id).limit(1))
    finally:
        engine.dispose()
    return service


def hub_rss_mb(group: int) -> float:
    """Resident memory of the hub's processes (its process group), in MB."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat[stat.rindex(")") + 2 :].split()[2]) != group:
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return total / 1024


@dataclass
class Desks:
    """What the simulated desks saw: per change round, each desk's receive time."""

    base: str
    headers: list[dict[str, str]]
    cursor: str
    received: dict[int, list[float]] = field(default_factory=dict)
    requests: int = 0
    errors: int = 0
    round: int = 0

    def request(self, desk: int, cursor: str, wait: int | None) -> bytes:
        host = self.base.removeprefix("http://")
        headers = self.headers[desk % len(self.headers)]
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
        query = f"cursor={cursor}&limit=1000" + (f"&wait={wait}" if wait is not None else "")
        return f"GET /sync/v1/changes?{query} HTTP/1.1\r\nHost: {host}\r\n{head}\r\n".encode()


async def desk_loop(desks: Desks, desk: int, stop: asyncio.Event, poll: float | None) -> None:
    """One desk: long-polls (poll None) on one kept-alive connection, or polls every
    `poll` seconds from a random phase (a new connection each time, as the hub closes
    connections idle for 5 s, uvicorn's default)."""
    host, port = desks.base.removeprefix("http://").rsplit(":", 1)
    cursor = desks.cursor
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    try:
        if poll is not None:
            await asyncio.sleep(random.uniform(0, poll))
        while not stop.is_set():
            if connection is None:
                connection = await asyncio.open_connection(host, int(port))
            request = desks.request(desk, cursor, None if poll is not None else WAIT)
            desks.requests += 1
            try:
                status, body = await http_exchange(*connection, request)
            except (OSError, asyncio.IncompleteReadError):
                desks.errors += 1  # and reconnect, as a desk does
                connection[1].close()
                connection = None
                await asyncio.sleep(1)
                continue
            if status != 200:
                desks.errors += 1
                await asyncio.sleep(1)
                continue
            page = json.loads(body)
            if page["changes"]:
                desks.received.setdefault(desks.round, []).append(time.perf_counter())
            cursor = page["cursor"]
            if poll is not None:
                connection[1].close()
                connection = None
                await asyncio.sleep(poll)
    finally:
        if connection is not None:
            connection[1].close()


def explain_missing(engine: Any) -> None:
    """Why desks may not have had a change: the feed serves a commit only once every older
    transaction on the whole server has ended (changes.py), so name the oldest ones."""
    query = (
        "SELECT datname, state, round(extract(epoch FROM now() - xact_start)) AS seconds "
        "FROM pg_stat_activity WHERE backend_xid IS NOT NULL OR backend_xmin IS NOT NULL "
        "ORDER BY xact_start LIMIT 3"
    )
    with engine.connect() as conn:
        for row in conn.exec_driver_sql(query):
            print(f"  oldest transactions: {tuple(row)}", file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Round:
    p50: float
    p95: float
    worst: float
    mean: float
    missing: int
    hub_cpu: float
    postgres_cpu: float


async def live_rounds(
    desks: Desks, url: str, service: str, n: int, rounds: int, group: int
) -> tuple[list[Round], float, float, float]:
    """(rounds, held requests per minute at rest, hub RSS MB, hub CPU % at rest)."""
    stop = asyncio.Event()
    tasks = [asyncio.create_task(desk_loop(desks, i, stop, None)) for i in range(n)]
    await asyncio.sleep(5)  # every desk connected and held
    engine = create_hub_engine(url)
    results: list[Round] = []
    # At rest: held requests renewed every WAIT seconds, nothing else.
    before, (hub0, _) = desks.requests, process_cpu(group)
    rest = 2.0 * WAIT  # whole renewal cycles (the desks all started together)
    await asyncio.sleep(rest)
    at_rest = (desks.requests - before) * 60 / rest
    hub_rest = 100 * (process_cpu(group)[0] - hub0) / rest
    rss = hub_rss_mb(group)
    try:
        for r in range(1, rounds + 1):
            desks.round = r
            hub_before, pg_before = process_cpu(group)
            await asyncio.to_thread(
                set_note,
                engine,
                service,
                f"Guidance, version {r}",
                organization_id=ORG,
                author="bench",
            )
            committed = time.perf_counter()
            deadline = committed + 30
            while len(desks.received.get(r, [])) < n and time.perf_counter() < deadline:
                await asyncio.sleep(0.05)
            got = [t - committed for t in desks.received.get(r, [])]
            if len(got) < n:
                await asyncio.to_thread(explain_missing, engine)
            await asyncio.sleep(2)  # the desks hold again
            hub_after, pg_after = process_cpu(group)
            results.append(
                Round(
                    percentile(got, 0.5),
                    percentile(got, 0.95),
                    max(got, default=float("nan")),
                    statistics.fmean(got) if got else float("nan"),
                    n - len(got),
                    hub_after - hub_before,
                    pg_after - pg_before,
                )
            )
            print(
                f"  round {r}: p50 {1000 * results[-1].p50:.0f} ms, "
                f"p95 {1000 * results[-1].p95:.0f} ms, max {1000 * results[-1].worst:.0f} ms, "
                f"{results[-1].missing} missing, {desks.errors} errors so far",
                file=sys.stderr,
                flush=True,
            )
    finally:
        stop.set()
        engine.dispose()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results, at_rest, rss, hub_rest


async def timed_poll(
    desks: Desks, url: str, service: str, n: int, poll: float
) -> tuple[list[float], float]:
    """(each desk's delay until it saw the change, requests per minute)."""
    stop = asyncio.Event()
    desks.round = 0
    tasks = [asyncio.create_task(desk_loop(desks, i, stop, poll)) for i in range(n)]
    await asyncio.sleep(poll)  # every desk has polled once, at its own phase
    engine = create_hub_engine(url)
    try:
        desks.round = -1
        first = desks.requests
        await asyncio.to_thread(
            set_note, engine, service, "Guidance, timed", organization_id=ORG, author="bench"
        )
        committed = time.perf_counter()
        while len(desks.received.get(-1, [])) < n and time.perf_counter() < committed + 2 * poll:
            await asyncio.sleep(0.2)
        elapsed = time.perf_counter() - committed
        per_minute = (desks.requests - first) * 60 / elapsed
    finally:
        stop.set()
        engine.dispose()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return [t - committed for t in desks.received.get(-1, [])], per_minute


def end_of_feed(base: str, headers: dict[str, str]) -> str:
    import requests

    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
        page = requests.get(base + "/sync/v1/changes", params=params, headers=headers, timeout=60)
        body = page.json()
        cursor = body["cursor"]
        if not body["has_more"]:
            assert cursor is not None
            return cursor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desks", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--services", type=int, default=2000)
    parser.add_argument("--poll-seconds", type=float, default=60.0)
    parser.add_argument("--hub-log", type=Path, help="append the hub's output to this file")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 8192)), hard))

    with throwaway_database() as url:
        service = seed(url, args.services)
        with running_hub(url, args.workers, args.hub_log) as (base, group):
            headers = [sign_in(base, f"desk{i}") for i in range(ACCOUNTS)]
            cursor = end_of_feed(base, headers[0])
            rss_idle = hub_rss_mb(group)
            live = Desks(base, headers, cursor)
            print(f"  live: {args.desks} desks long-polling", file=sys.stderr, flush=True)
            rounds, at_rest, rss, hub_rest = asyncio.run(
                live_rounds(live, url, service, args.desks, args.rounds, group)
            )
            timed = Desks(base, headers, end_of_feed(base, headers[0]))
            print(f"  timed poll every {args.poll_seconds:.0f} s", file=sys.stderr, flush=True)
            delays, polled = asyncio.run(
                timed_poll(timed, url, service, args.desks, args.poll_seconds)
            )

    med = statistics.median
    print(f"\nlive feed bench: {args.desks} desks, {args.workers} hub workers, {machine()}\n")
    print("| | live feed (wait=25) | timed poll |")
    print("|---|---|---|")
    print(
        f"| delivery p50 | **{1000 * med(r.p50 for r in rounds):.0f} ms** | "
        f"{percentile(delays, 0.5):.1f} s |"
    )
    print(
        f"| delivery p95 | **{1000 * med(r.p95 for r in rounds):.0f} ms** | "
        f"{percentile(delays, 0.95):.1f} s |"
    )
    print(
        f"| delivery mean / max | {1000 * med(r.mean for r in rounds):.0f} ms / "
        f"{1000 * med(r.worst for r in rounds):.0f} ms | "
        f"{statistics.fmean(delays):.1f} s / {max(delays):.1f} s |"
    )
    print(
        f"| desks missing the change | {sum(r.missing for r in rounds)} of "
        f"{args.desks * len(rounds)} | {args.desks - len(delays)} of {args.desks} |"
    )
    print(f"| errors | {live.errors} | {timed.errors} |")
    print(f"| requests per minute at rest | {at_rest:,.0f} | {polled:,.0f} |")
    print(
        f"| CPU per change, until all desks are answered and held again | hub "
        f"{med(r.hub_cpu for r in rounds):.2f} s (all PostgreSQL processes on the machine "
        f"{med(r.postgres_cpu for r in rounds):.2f} s) | |"
    )
    print(
        f"| hub RSS | {rss:.0f} MB with {args.desks} held "
        f"({rss_idle:.0f} MB before); CPU at rest {hub_rest:.1f} % | |"
    )
    print(
        "\nper round (p50/p95/max ms): "
        + "; ".join(f"{1000 * r.p50:.0f}/{1000 * r.p95:.0f}/{1000 * r.worst:.0f}" for r in rounds)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
