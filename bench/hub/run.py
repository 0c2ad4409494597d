"""Load on a real hub: change-feed pull, enquiry push at 1/10/50 desks, HSDS paging.

    python bench/hub/run.py [--services 200000] [--workers 2] [--seconds 8]
                            [--client asyncio|threads] [--push-only]

Creates a throwaway PostgreSQL database (dropped at the end, even on failure), migrates
it, imports a synthetic catalogue (bench/search/synth.py) through the hub's own import,
starts `frontdesk hub serve` as a separate process on loopback and drives it from this
process over HTTP:

1. one desk's full initial pull of /sync/v1/changes (largest page), in rows/s;
2. enquiry ops pushed to /sync/v1/push by 1, 10 and 50 concurrent desks (each its own
   account, device and kept-alive connection), a few ops per request as a desk's outbox
   sends them, for a fixed time each: ops/s, p50/p99 latency per request, and the CPU
   each request cost this process, the hub's processes and PostgreSQL's (from /proc);
3. the baseline: paging /services (HSDS, fully nested) for a fixed time, in rows/s.

The push load comes from one asyncio event loop writing plain HTTP/1.1 on one socket per
desk (`--client asyncio`, the default), so that the load generator, which shares the
machine's CPUs with the hub and PostgreSQL, costs about what the sockets cost; `--client
threads` is the generator of rounds 1-3 (a thread per desk posting through requests).

Prints one table. Everything is bounded: fixed durations, fixed catalogue.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "search"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from synth import synthetic_feed

from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.migrate import upgrade

PG_SERVER = os.environ.get("FRONTDESK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
PASSWORD = "bench password 1"
PROTOCOL = {"Frontdesk-Protocol": "1"}
DESK_LEVELS = (1, 10, 50)


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


def seed(url: str, services: int, desks: int) -> float:
    """Migrate, import the synthetic catalogue, add one adviser per desk; returns the
    import's seconds."""
    engine = create_hub_engine(url)
    try:
        upgrade(engine)
        feed = synthetic_feed(services)
        started = time.perf_counter()
        import_feeds(engine, [("synthetic", feed)], actor="bench")
        seconds = time.perf_counter() - started
        add_organization(engine, "bench", "Bench Council", actor="bench")
        for desk in range(desks):
            add_account(engine, f"desk{desk}", Role.ADVISER, "bench", PASSWORD, actor="bench")
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()
    return seconds


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def process_cpu(hub_group: int) -> tuple[float, float]:
    """CPU seconds used so far by the hub's processes (its process group) and by every
    PostgreSQL server process on the machine (from /proc; zeros where it is missing)."""
    hub = postgres = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        # utime + stime, and cutime + cstime: the waited-for children's (PostgreSQL
        # backends that exit), so the sum never goes down.
        used = sum(int(field) for field in fields[11:15]) / tick
        if int(fields[2]) == hub_group:  # the process group
            hub += used
        elif comm == "postgres":
            postgres += used
    return hub, postgres


@contextmanager
def running_hub(url: str, workers: int, log: Path | None = None) -> Iterator[tuple[str, int]]:
    """`frontdesk hub serve` in a new session; its output goes to `log` if given."""
    port = free_port()
    code = (
        "import sys; from frontdesk.cli import main; "
        f"sys.exit(main(['hub', 'serve', '--db', {url!r}, '--port', '{port}', "
        f"'--workers', '{workers}']))"
    )
    output = open(log, "ab") if log is not None else subprocess.DEVNULL  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=output,
        stderr=output,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(base + "/", timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.2)
        yield base, server.pid  # the new session's process group is the server's pid
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        if log is not None:
            output.close()  # type: ignore[union-attr]


def sign_in(base: str, name: str) -> dict[str, str]:
    answer = requests.post(
        base + "/auth/v1/login",
        json={"username": name, "password": PASSWORD},
        headers=PROTOCOL,
        timeout=30,
    )
    answer.raise_for_status()
    return {**PROTOCOL, "Authorization": f"Bearer {answer.json()['token']}"}


@dataclass
class Rate:
    rows: int
    seconds: float
    requests: int

    @property
    def per_second(self) -> float:
        return self.rows / self.seconds


def pull_changes(base: str, headers: dict[str, str], limit: int) -> Rate:
    """One desk's initial pull: every page of the feed from no cursor."""
    session = requests.Session()
    cursor: str | None = None
    rows = pages = 0
    started = time.perf_counter()
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        answer = session.get(base + "/sync/v1/changes", params=params, headers=headers, timeout=60)
        answer.raise_for_status()
        page = answer.json()
        rows += len(page["changes"])
        pages += 1
        cursor = page["cursor"]
        if not page["has_more"]:
            return Rate(rows, time.perf_counter() - started, pages)


def page_services(base: str, seconds: float) -> Rate:
    session = requests.Session()
    rows = pages = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        answer = session.get(
            base + "/services", params={"page": pages + 1, "per_page": 200}, timeout=60
        )
        answer.raise_for_status()
        body = answer.json()
        rows += len(body["contents"])
        pages += 1
        if body["last_page"]:
            break
    return Rate(rows, time.perf_counter() - started, pages)


@dataclass
class PushResult:
    desks: int
    ops: int
    seconds: float
    latencies: list[float]
    errors: int
    client_cpu: float  # CPU seconds this (load-generating) process used during the level
    hub_cpu: float  # ... the hub's processes
    postgres_cpu: float  # ... PostgreSQL's processes
    load: str  # /proc/loadavg's 1-minute figure when the level started

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


class Desk:
    """A desk's outbox: enquiries of `ops_per_push` events, pushed one enquiry per request."""

    def __init__(self, base: str, headers: dict[str, str]) -> None:
        self.base = base
        self.headers = headers
        self.device = f"bench-{uuid.uuid4()}"
        self.seq = 0
        self.session = requests.Session()

    def ops(self, count: int) -> list[dict[str, Any]]:
        enquiry = str(uuid.uuid4())
        kinds = ["created"] + ["note"] * (count - 1)
        batch = []
        for kind in kinds:
            self.seq += 1
            data: dict[str, Any] = {"channel": "phone"} if kind == "created" else {"text": "x"}
            batch.append(
                {
                    "op_id": str(uuid.uuid4()),
                    "device_seq": self.seq,
                    "schema_v": 1,
                    "kind": "enquiry_event",
                    "payload": {
                        "enquiry_id": enquiry,
                        "event_id": str(uuid.uuid4()),
                        "kind": kind,
                        "at": "2025-06-01T10:00:00+00:00",
                        "data": data,
                    },
                }
            )
        return batch

    def push(self, count: int) -> tuple[float, bool]:
        """One push through requests (the `--client threads` load generator)."""
        body = {"device_id": self.device, "ops": self.ops(count)}
        started = time.perf_counter()
        answer = self.session.post(
            self.base + "/sync/v1/push", json=body, headers=self.headers, timeout=60
        )
        elapsed = time.perf_counter() - started
        return elapsed, answer.ok and applied(answer.json(), count)

    def request(self, count: int) -> bytes:
        """One push as the HTTP/1.1 request bytes (the `--client asyncio` generator)."""
        body = json.dumps({"device_id": self.device, "ops": self.ops(count)}).encode()
        host = self.base.removeprefix("http://")
        head = "".join(f"{name}: {value}\r\n" for name, value in self.headers.items())
        return (
            f"POST /sync/v1/push HTTP/1.1\r\nHost: {host}\r\n{head}"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode() + body


def applied(answer: Any, count: int) -> bool:
    results = answer.get("results", [])
    return len(results) == count and all(r["status"] == "applied" for r in results)


async def http_exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bytes]:
    """Send one request on a kept-alive connection; the status and body of the answer
    (the hub always sends Content-Length)."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    return status, await reader.readexactly(length)


def push_load_asyncio(
    desks: list[Desk], seconds: float, ops_per_push: int
) -> tuple[list[float], int]:
    """Every desk on its own kept-alive connection, all driven by one event loop in this
    process: the load costs the shared CPUs little more than the sockets themselves."""

    async def run(desk: Desk, stop: float, latencies: list[float]) -> int:
        host, port = desk.base.removeprefix("http://").rsplit(":", 1)
        reader, writer = await asyncio.open_connection(host, int(port))
        bad = 0
        try:
            while time.perf_counter() < stop:
                request = desk.request(ops_per_push)
                started = time.perf_counter()
                status, body = await http_exchange(reader, writer, request)
                latencies.append(time.perf_counter() - started)
                bad += not (status == 200 and applied(json.loads(body), ops_per_push))
        finally:
            writer.close()
        return bad

    async def everyone() -> tuple[list[float], int]:
        latencies: list[float] = []
        stop = time.perf_counter() + seconds
        errors = await asyncio.gather(*(run(desk, stop, latencies) for desk in desks))
        return latencies, sum(errors)

    return asyncio.run(everyone())


def push_load_threads(
    desks: list[Desk], seconds: float, ops_per_push: int
) -> tuple[list[float], int]:
    """A thread per desk, each posting through requests (the generator of rounds 1-3)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def run(desk: Desk) -> None:
        mine: list[float] = []
        bad = 0
        while time.perf_counter() < stop:
            elapsed, good = desk.push(ops_per_push)
            mine.append(elapsed)
            bad += not good
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=run, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def push_load(
    desks: list[Desk], seconds: float, ops_per_push: int, hub_group: int, client: str
) -> PushResult:
    load = loadavg()
    cpu_before = time.process_time()
    hub_before, postgres_before = process_cpu(hub_group)
    started = time.perf_counter()
    generator = push_load_asyncio if client == "asyncio" else push_load_threads
    latencies, errors = generator(desks, seconds, ops_per_push)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_before
    hub_after, postgres_after = process_cpu(hub_group)
    ops = len(latencies) * ops_per_push
    return PushResult(
        len(desks),
        ops,
        elapsed,
        latencies,
        errors,
        cpu,
        hub_after - hub_before,
        postgres_after - postgres_before,
        load,
    )


def loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}"
    )


def timed(label: str, action: Callable[[], Any]) -> Any:
    print(f"  {label}...", file=sys.stderr, flush=True)
    return action()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2, help="hub worker processes")
    parser.add_argument("--seconds", type=float, default=8.0, help="per push level")
    parser.add_argument("--ops-per-push", type=int, default=5)
    parser.add_argument("--limit", type=int, default=1000, help="changes per pull page")
    parser.add_argument(
        "--push-only", action="store_true", help="skip the change-feed pull and the paging"
    )
    parser.add_argument(
        "--client",
        choices=["asyncio", "threads"],
        default="asyncio",
        help="push load generator: one event loop (default) or a requests thread per desk",
    )
    args = parser.parse_args()

    with throwaway_database() as url:
        import_seconds = timed(
            f"importing {args.services:,} services", lambda: seed(url, args.services, 50)
        )
        with running_hub(url, args.workers) as (base, hub_group):
            desks = [Desk(base, sign_in(base, f"desk{i}")) for i in range(max(DESK_LEVELS))]
            pull = None
            if not args.push_only:
                pull = timed(
                    "pulling the change feed",
                    lambda: pull_changes(base, desks[0].headers, args.limit),
                )
            pushes = [
                timed(
                    f"pushing from {n} desks",
                    lambda n=n: push_load(
                        desks[:n], args.seconds, args.ops_per_push, hub_group, args.client
                    ),
                )
                for n in DESK_LEVELS
            ]
            paged = None
            if not args.push_only:
                paged = timed("paging /services", lambda: page_services(base, 20.0))

    print(
        f"\nhub bench: {args.services:,} services, {args.workers} hub workers, "
        f"push client {args.client}, {machine()}"
    )
    print(f"catalogue import (in-process, one transaction): {import_seconds:.1f} s\n")
    print("| measurement | result | detail |")
    print("|---|---|---|")
    if pull is not None:
        print(
            f"| change feed, one desk's initial pull | {pull.per_second:,.0f} rows/s | "
            f"{pull.rows:,} rows in {pull.seconds:.1f} s, {pull.requests} pages of {args.limit} |"
        )
    for r in pushes:
        print(
            f"| push, {r.desks} desk{'s' if r.desks > 1 else ''} | "
            f"{r.ops / r.seconds:,.0f} ops/s | p50 {r.percentile(0.5):.1f} ms, "
            f"p99 {r.percentile(0.99):.1f} ms per request of {args.ops_per_push} ops; "
            f"{len(r.latencies):,} requests, {r.errors} not applied; CPU per request: "
            f"bench {1000 * r.client_cpu / len(r.latencies):.2f} ms, "
            f"hub {1000 * r.hub_cpu / len(r.latencies):.2f} ms, "
            f"PostgreSQL {1000 * r.postgres_cpu / len(r.latencies):.2f} ms; load {r.load} |"
        )
    if paged is not None:
        print(
            f"| /services paging (HSDS, baseline) | {paged.per_second:,.0f} rows/s | "
            f"{paged.rows:,} rows in {paged.seconds:.1f} s, {paged.requests} pages of 200 |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
