"""Sync throughput: a desk's first sync of a large catalogue, and pushing a day's outbox.

    python bench/sync/run.py [--services 200000] [--enquiries 10000] [--pg URL]

A hub (`frontdesk hub serve`, one worker) on a fresh PostgreSQL database is filled with a
synthetic catalogue (bench/search/synth.py). Then, timed:

- initial sync: an empty desk signs in and runs one sync round — pull every page, write
  catalogue.db, build the search index (in a worker process, as the app and the CLI do),
  swap it in. End to end, services per second; and the CPU seconds the desk, the hub
  process and everything else (PostgreSQL, the index worker) used meanwhile.
- baseline: the same catalogue fetched the way Open Referral consumers do it, paging
  `GET /services?page=N&per_page=200` (the HSDS API's maximum) and only parsing the JSON
  — it stores nothing and indexes nothing, so it flatters the baseline.
- push: a desk with `--enquiries` one-event enquiries queued pushes them all.

Prints one table. The database and the work folder are removed afterwards.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "search"))

from synth import synthetic_feed

from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.migrate import upgrade
from frontdesk.search.fill import FillProcess
from frontdesk.search.index import ensure_index
from frontdesk.store.desk import DeskStore
from frontdesk.sync import CatalogueFile, Syncer, sign_in
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.push import push_outbox
from frontdesk.sync.session import connect

CLI = "import sys; from frontdesk.cli import main; sys.exit(main())"
PASSWORD = "bench password 123"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=200_000)
    parser.add_argument("--enquiries", type=int, default=10_000)
    parser.add_argument(
        "--pg", default=os.environ.get("FRONTDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432")
    )
    args = parser.parse_args()
    name = f"frontdesk_bench_sync_{secrets.token_hex(4)}"
    with psycopg.connect(f"{args.pg}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    work = Path(tempfile.mkdtemp(prefix="frontdesk-bench-sync-"))
    os.environ["XDG_DATA_HOME"] = str(work / "xdg")
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    hub = None
    try:
        url = f"{args.pg}/{name}"
        print(f"filling the hub with {args.services:,} services…", file=sys.stderr)
        # In a child process: the desk's process should not carry the memory of building and
        # importing the catalogue, which slowed its sync by about 1 s of CPU (round 5).
        filler = multiprocessing.get_context("spawn").Process(
            target=fill, args=(url, args.services)
        )
        filler.start()
        filler.join()
        if filler.exitcode != 0:
            raise SystemExit("filling the hub failed")
        hub, base = serve(url, work)
        wait_until_visible(base, work)
        before = CpuSplit.now(hub.pid)
        first = initial_sync(base, work / "desk", args.services)
        split = CpuSplit.now(hub.pid).minus(before)
        rows = [
            first,
            paged_baseline(base, work / "desk" / "token", args.services),
            push(base, work / "pusher", args.enquiries),
        ]
    finally:
        if hub is not None:
            hub.terminate()
            hub.wait()
        with psycopg.connect(f"{args.pg}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(work, ignore_errors=True)
    report(rows, args, split)


def fill(url: str, services: int) -> None:
    engine = create_hub_engine(url)
    upgrade(engine)
    add_organization(engine, "bench", "Bench Council", actor="bench")
    add_account(engine, "adviser", Role.ADVISER, "bench", PASSWORD, actor="bench")
    import_feeds(engine, [("synthetic", synthetic_feed(services))], actor="bench")
    engine.dispose()
    settle(url)


def settle(url: str) -> None:
    """Leave PostgreSQL as a hub that has been running a while would be: the new feed rows
    vacuumed (their hint bits set, as autovacuum would) and the import's writes flushed by
    a checkpoint, which would otherwise run during the timed sync. Not timed."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE) changes")
        conn.execute("CHECKPOINT")


def serve(url: str, work: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = 8790 + secrets.randbelow(200)
    env = {k: v for k, v in os.environ.items() if k != "FRONTDESK_HUB_DB"}
    log = open(work / "hub.log", "wb")  # noqa: SIM115 — the child writes to it until the end
    hub = subprocess.Popen(
        [sys.executable, "-c", CLI, "hub", "serve", "--db", url, "--port", str(port)],
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            requests.get(base + "/", timeout=1)
            return hub, base
        except requests.RequestException:
            time.sleep(0.1)
    raise SystemExit("the hub did not start")


def wait_until_visible(base: str, work: Path) -> None:
    """On PostgreSQL the feed serves a commit once every older transaction on the server
    has ended; a long transaction elsewhere on a shared server delays it. Not timed."""
    desk, _ = _desk(base, work / "probe")
    desk.close()
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {(work / 'probe' / 'token').read_text()}"
    session.headers["Frontdesk-Protocol"] = "1"
    while not session.get(f"{base}/sync/v1/changes", params={"limit": 1}, timeout=60).json()[
        "changes"
    ]:
        time.sleep(0.5)


def _desk(base: str, root: Path) -> tuple[DeskStore, TokenStore]:
    tokens = TokenStore()
    desk = DeskStore.open(root / "desk.db", root / "backups")
    sign_in(desk, base, "adviser", PASSWORD, tokens=tokens)
    (root / "token").write_text(tokens.load(base, "adviser") or "")  # for the baseline only
    return desk, tokens


def initial_sync(base: str, root: Path, services: int) -> tuple[str, int, float, str]:
    desk, tokens = _desk(base, root)
    catalogue = CatalogueFile(root / "catalogue.db")
    syncer = Syncer(desk, catalogue, tokens=tokens, prepare=ensure_index, fill_process=FillProcess)
    started = time.perf_counter()
    report = syncer.run_once()
    seconds = time.perf_counter() - started
    syncer.stop()
    desk.close()
    assert report.pull.rebuilt
    stored = report.pull.upserted
    assert stored >= services, stored
    return ("initial sync (pull + catalogue.db + index)", services, seconds, "services")


def paged_baseline(base: str, token_file: Path, services: int) -> tuple[str, int, float, str]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token_file.read_text()}"
    got, page = 0, 1
    started = time.perf_counter()
    while True:
        body = session.get(
            f"{base}/services", params={"page": page, "per_page": 200}, timeout=60
        ).json()
        items = body.get("contents", body.get("items", []))
        got += len(items)
        if not items or body.get("last_page") is True or page >= int(body.get("total_pages", page)):
            break
        page += 1
    seconds = time.perf_counter() - started
    assert got >= services, got
    return ("baseline: paging /services (fetch + parse only)", got, seconds, "services")


def push(base: str, root: Path, enquiries: int) -> tuple[str, int, float, str]:
    import datetime as dt
    import uuid

    from frontdesk.core.enquiry import Channel, EnquiryDraft
    from frontdesk.store.enquiries import EnquiryLog

    desk, tokens = _desk(base, root)
    log = EnquiryLog(desk)
    now = dt.datetime.now(dt.UTC)
    for _ in range(enquiries):
        log.save(EnquiryDraft(id=str(uuid.uuid4()), channel=Channel.PHONE, started_at=now))
    ops = log.outbox_size()
    _, client = connect(desk, tokens)
    started = time.perf_counter()
    report = push_outbox(log, client)  # the push alone: no pull in the timing
    seconds = time.perf_counter() - started
    client.close()
    assert report.applied == ops and log.outbox_size() == 0
    desk.close()
    return ("push (queued enquiries, one op each)", ops, seconds, "ops")


@dataclass(frozen=True, slots=True)
class CpuSplit:
    """CPU seconds used by the desk (this process, every thread), its fill and index
    workers (waited-for children), the hub process, and everything else on the machine
    (PostgreSQL, mostly): where an end-to-end second goes."""

    desk: float
    workers: float
    hub: float
    machine: float

    @classmethod
    def now(cls, hub_pid: int) -> CpuSplit:
        own = os.times()
        return cls(
            own.user + own.system,
            own.children_user + own.children_system,
            _process_cpu(hub_pid),
            _machine_cpu(),
        )

    def minus(self, earlier: CpuSplit) -> CpuSplit:
        return CpuSplit(
            self.desk - earlier.desk,
            self.workers - earlier.workers,
            self.hub - earlier.hub,
            self.machine - earlier.machine,
        )

    @property
    def rest(self) -> float:
        return self.machine - self.desk - self.workers - self.hub


def _process_cpu(pid: int) -> float:
    """utime + stime of one process (Linux /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _machine_cpu() -> float:
    """Busy CPU seconds of the whole machine since boot: every state but idle and iowait."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(
        int, Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]
    )
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def report(
    rows: list[tuple[str, int, float, str]], args: argparse.Namespace, split: CpuSplit
) -> None:
    cpu = _cpu()
    print(f"\nfrontdesk sync benchmark — {args.services:,} services, {args.enquiries:,} enquiries")
    print(f"machine: {cpu}, {os.cpu_count()} CPUs; hub: one uvicorn worker on PostgreSQL")
    print("(hub, PostgreSQL and desk on the same machine)\n")
    print(f"{'measurement':<48} {'items':>9} {'seconds':>8} {'per second':>12}")
    for label, items, seconds, unit in rows:
        print(f"{label:<48} {items:>9,} {seconds:>8.1f} {items / seconds:>9,.0f} {unit}/s")
    initial, baseline = rows[0], rows[1]
    ratio = (initial[1] / initial[2]) / (baseline[1] / baseline[2])
    print(f"\ninitial sync vs paged baseline: {ratio:.1f}×")
    available = initial[2] * (os.cpu_count() or 1)
    print(
        f"CPU seconds during the initial sync: desk {split.desk:.1f}, its fill and index "
        f"workers {split.workers:.1f}, hub {split.hub:.1f}, PostgreSQL and the rest "
        f"{split.rest:.1f} (of {available:.1f} the machine had)"
    )


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    main()
