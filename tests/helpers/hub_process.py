"""Real hub processes (`frontdesk hub serve`) for the sync and GUI tests, on SQLite and
on the real PostgreSQL server; desks with their own data folders, a file keyring (or none
at all), and the checks every fault scenario ends with (exactly once on the hub, equal
catalogues, cursors never back).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import functools
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from keyring.backends.fail import Keyring as FailKeyring
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import Engine, func, select

from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome
from frontdesk.formats.demo import read_demo_catalogue
from frontdesk.hub import schema as h
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.migrate import upgrade
from frontdesk.search.fill import FillProcess
from frontdesk.search.index import ensure_index
from frontdesk.store import catalogue_schema as c
from frontdesk.store import desk_schema as d
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync import CatalogueFile, Syncer, SyncReport, sign_in
from frontdesk.sync.backoff import Backoff
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.pull import CURSOR
from tests.helpers.child_output import wait_for_line
from tests.helpers.hub import PASSWORD, pg_template, pg_url, small_feed
from tests.helpers.proxy import FaultProxy

__all__ = ["pg_template", "pg_url"]  # fixtures, re-exported for this folder

CLI = "import sys; from frontdesk.cli import main; sys.exit(main())"
ORG = "kirklees"
DEMO_SERVICES = len(read_demo_catalogue().catalogue.services)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class HubProcess:
    """`frontdesk hub serve` in a child process, restartable on the same port."""

    def __init__(self, db_url: str, log: Path) -> None:
        self.db_url = db_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if k != "FRONTDESK_HUB_DB"}
        command = [sys.executable, "-c", CLI, "hub", "serve", "--db", self.db_url]
        with open(self._log, "ab") as log:
            self.process = subprocess.Popen(
                [*command, "--port", str(self.port)], env=env, stdout=log, stderr=log
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"hub exited: {self._log.read_text()[-2000:]}")
            try:
                if requests.get(self.url + "/", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise AssertionError("the hub did not start")

    def stop(self, *, graceful: bool = True) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        if graceful:
            self.process.terminate()
            try:
                self.process.wait(15)
                return
            except subprocess.TimeoutExpired:
                pass
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def restart(self, *, graceful: bool = True) -> None:
        self.stop(graceful=graceful)
        self.start()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hub_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def pg_hub_db(pg_url: str) -> str:
    return pg_url


@pytest.fixture
def proxy(hub: HubProcess) -> Iterator[FaultProxy]:
    """Our fault-injecting proxy (`tests.helpers.proxy`) between the desks and `hub`."""
    p = FaultProxy([hub.url])
    yield p
    p.close()


def prepare_hub(db_url: str, services: int = 30) -> Engine:
    engine = create_hub_engine(db_url)
    upgrade(engine)
    add_organization(engine, ORG, "Kirklees Council", actor="test")
    add_organization(engine, "leeds", "Leeds City Council", actor="test")
    for name in ("alice", "bob", "carol"):
        add_account(engine, name, Role.ADVISER, ORG, PASSWORD, actor="test")
    add_account(engine, "lena", Role.ADVISER, "leeds", PASSWORD, actor="test")
    import_feeds(engine, [(ORG, small_feed(services=services))], actor="test")
    return engine


@pytest.fixture
def hub_engine(hub_db: str) -> Iterator[Engine]:
    engine = prepare_hub(hub_db)
    yield engine
    engine.dispose()


@pytest.fixture
def hub(hub_db: str, hub_engine: Engine, tmp_path: Path) -> Iterator[HubProcess]:
    process = HubProcess(hub_db, tmp_path / "hub.log")
    process.start()
    yield process
    process.stop(graceful=False)


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TokenStore:
    """keyrings.alt's plaintext file keyring in this test's folder, chosen explicitly as a
    test box would (subprocess desks inherit the same environment)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    return TokenStore(PlaintextKeyring())


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No keyring at all, as on a headless box or a library kiosk: keyring's fail backend,
    in this process and in every process it starts."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    yield
    keyring.set_keyring(previous)


def spawn_demo(
    env: dict[str, str], root: Path, timeout: float = 120.0
) -> tuple[subprocess.Popen[str], str]:
    """`frontdesk demo` in a child process (Qt offscreen), once it has synced; with the
    embedded hub's address. The caller ends it."""
    env = {**env, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen"}
    demo = subprocess.Popen(
        [sys.executable, "-c", CLI, "demo", "--data-dir", str(root)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = wait_for_line(demo, "frontdesk demo:", timeout)
    if f"{DEMO_SERVICES} services synced" not in line:
        demo.kill()
        raise AssertionError(line)
    return demo, line.split("demo hub at ")[1].split(";")[0]


def cursor_position(cursor: str | None) -> tuple[int, int, int]:
    """(epoch, xid, seq) inside the hub's opaque cursor, to check it never goes backwards
    (a rebuild after 410 starts a new walk in a newer epoch)."""
    if not cursor:
        return (-1, -1, -1)
    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    _, epoch, xid, seq = raw.split(":")
    return int(epoch), int(xid), int(seq)


@dataclass
class Desk:
    root: Path
    tokens: TokenStore
    store: DeskStore = field(init=False)
    log: EnquiryLog = field(init=False)
    cursors: list[str | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.store = DeskStore.open(self.root / "desk.db", self.root / "backups")
        self.log = EnquiryLog(self.store)

    def close(self) -> None:
        self.store.close()

    def sign_in(self, url: str, user: str = "alice") -> None:
        sign_in(self.store, url, user, PASSWORD, tokens=self.tokens)

    def syncer(self, **options: Any) -> Syncer:
        options.setdefault("backoff", Backoff(first=0.05, cap=0.5))
        catalogue = CatalogueFile(self.root / "catalogue.db")
        options.setdefault("fill_process", FILL_BESIDE)
        return Syncer(self.store, catalogue, tokens=self.tokens, prepare=ensure_index, **options)

    def sync(self, **options: Any) -> SyncReport:
        syncer = self.syncer(**options)
        try:
            return syncer.run_once(retry_blocked=True)
        finally:
            syncer.stop()
            self.note_cursor()

    def note_cursor(self) -> None:
        path = self.root / "catalogue.db"
        if path.exists():
            self.cursors.append(_catalogue_meta(path, CURSOR))

    def log_enquiries(
        self, n: int, *, now: dt.datetime | None = None, brief: bool = False
    ) -> list[str]:
        """`n` saved enquiries; `brief` ones are one op each, others one to three."""
        ids = []
        for i in range(n):
            draft = EnquiryDraft(
                id=str(uuid.uuid4()),
                channel=Channel.PHONE,
                started_at=now or dt.datetime.now(dt.UTC),
                notes=f"caller {i} asked about council tax" if i % 2 and not brief else "",
                outcome=Outcome.ADVICE_GIVEN if i % 3 == 0 and not brief else None,
            )
            ids.append(self.log.save(draft, now=now).id)
        return ids

    def event_ids(self) -> set[str]:
        with self.store.engine.connect() as conn:
            return set(conn.scalars(select(d.enquiry_events.c.id)))

    def catalogue(self) -> dict[str, Any]:
        return catalogue_snapshot(self.root / "catalogue.db")

    def env(self) -> dict[str, str]:
        return {**os.environ, "FRONTDESK_HOME": str(self.root)}

    def spawn_sync(self, *extra: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-c", CLI, "sync", *extra],
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", CLI, *args],
            env=self.env(),
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )


@pytest.fixture
def make_desk(tmp_path: Path, file_keyring: TokenStore) -> Iterator[Any]:
    desks: list[Desk] = []

    def make(name: str = "desk") -> Desk:
        desk = Desk(tmp_path / name, file_keyring)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.close()


def _catalogue_meta(path: Path, key: str) -> str | None:
    import sqlite3

    with sqlite3.connect(path) as db:
        # A desk killed while opening catalogue.db for the first time leaves the file
        # without tables (its creating transaction never committed): no cursor yet.
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is None:
            return None
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


#: Every rebuild of more than one page handed to a fill process, its index built beside
#: however small, so the scenarios exercise them.
FILL_BESIDE = functools.partial(FillProcess, index_start_after=0)


def assert_index_whole(path: Path) -> None:
    """The search index agrees with `services` row for row (FTS5's own check, which also
    reads the content back), and no index build was left behind beside the catalogue."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("INSERT INTO services_fts(services_fts, rank) VALUES ('integrity-check', 1)")
    assert not list(path.parent.glob("*.index*")), "an index build was left behind"


def catalogue_snapshot(path: Path) -> dict[str, Any]:
    """Services, organisations and taxonomy terms by catalogue id, comparable with the hub."""
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return {
                "services": {
                    r.id: json.loads(r.document) for r in conn.execute(select(c.services))
                },
                "organizations": {
                    r.id: json.loads(r.document) for r in conn.execute(select(c.organizations))
                },
                "terms": {r.id: r.name for r in conn.execute(select(c.taxonomy_terms))},
                "fts_ok": _fts_matches(conn),
            }
    finally:
        engine.dispose()


def _fts_matches(conn: Any) -> bool:
    """The search index agrees with `services` (an external-content FTS5 check)."""
    from sqlalchemy import text

    exists = conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name='services_fts'"))
    if not exists:
        return True
    try:
        conn.exec_driver_sql(
            "INSERT INTO services_fts(services_fts, rank) VALUES ('integrity-check', 1)"
        )
    except Exception:
        return False
    return True


def hub_snapshot(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        return {
            "services": {r.id: json.loads(r.document) for r in conn.execute(select(h.services))},
            "organizations": {
                r.id: json.loads(r.document)
                for r in conn.execute(select(h.catalogue_organizations))
            },
            "terms": {r.id: r.name for r in conn.execute(select(h.taxonomy_terms))},
            "fts_ok": True,
        }


def hub_event_count(engine: Engine, event_ids: set[str], devices: set[str]) -> tuple[int, int]:
    """(events on the hub from `devices`, of `event_ids` how many the hub has)."""
    ev, e = h.enquiry_events.c, h.enquiries.c
    with engine.connect() as conn:
        from_devices = select(e.id).where(e.device_id.in_(sorted(devices)))
        total = conn.scalar(select(func.count()).where(ev.enquiry_id.in_(from_devices))) or 0
        found = 0
        ids = sorted(event_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found += conn.scalar(select(func.count()).where(ev.id.in_(chunk))) or 0
    return int(total), int(found)


def drain(engine: Engine, desks: list[Desk], *, timeout: float = 120.0) -> None:
    """Sync every desk until its outbox is empty and its catalogue equals the hub's (on
    PostgreSQL the feed holds back commits while any older transaction runs anywhere on
    the server, so this may take more than one round)."""
    deadline = time.monotonic() + timeout
    while True:
        for desk in desks:
            desk.sync()
        want = hub_snapshot(engine)
        if all(desk.log.outbox_size() == 0 and desk.catalogue() == want for desk in desks):
            return
        if time.monotonic() > deadline:
            raise AssertionError("desks did not converge with the hub")
        time.sleep(0.2)


def assert_converged(engine: Engine, desks: list[Desk]) -> None:
    """The invariants every scenario ends with."""
    drain(engine, desks)
    every_event: set[str] = set()
    devices = {desk.log.device_id() for desk in desks}
    for desk in desks:
        assert desk.log.outbox_size() == 0
        assert desk.catalogue() == hub_snapshot(engine)
        assert_index_whole(desk.root / "catalogue.db")
        positions = [cursor_position(x) for x in desk.cursors if x is not None]
        assert positions == sorted(positions), "a cursor went backwards"
        every_event |= desk.event_ids()
    total, found = hub_event_count(engine, every_event, devices)
    assert found == len(every_event), "an enquiry event never reached the hub"
    assert total == len(every_event), "the hub holds events no desk wrote (or twice)"
