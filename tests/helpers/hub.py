"""The hub's test fixtures, shared by the hub, sync, GUI and security tests: a fresh,
migrated database on SQLite and on the real PostgreSQL server (each test module's tests
run against both), accounts, and an in-process client.

PostgreSQL tests create their own database (`frontdesk_test_<random>`) on the server at
127.0.0.1:5432 and drop it afterwards; they never skip: a missing server is a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine

with warnings.catch_warnings():
    # Starlette's TestClient warns that it will move to httpx2, which is not released on
    # the registries we use; the warning is about the test tool, not the hub.
    warnings.simplefilter("ignore", UserWarning)
    from starlette.testclient import TestClient

from frontdesk.core.catalogue import (
    Catalogue,
    Location,
    Organization,
    Service,
    TaxonomyTerm,
)
from frontdesk.core.feed import ParsedFeed
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.http.app import create_app
from frontdesk.hub.http.endpoint import HubConfig
from frontdesk.hub.migrate import upgrade

PG_SERVER = os.environ.get("FRONTDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432")
PASSWORD = "correct horse battery"
PROTOCOL = {"Frontdesk-Protocol": "1"}


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated database, made once per run, that each test's database is copied from
    (copying is several times faster than migrating)."""
    name = f"frontdesk_test_tpl_{secrets.token_hex(6)}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        engine = create_hub_engine(f"{PG_SERVER}/{name}")
        upgrade(engine)
        engine.dispose()
        yield name
    finally:
        _drop(name)


def _drop(name: str) -> None:
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """A new, migrated PostgreSQL database, dropped (with any open sessions) afterwards."""
    name = f"frontdesk_test_{secrets.token_hex(6)}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        _drop(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = create_hub_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@dataclass
class Hub:
    """An in-process hub with helpers to set up organisations and signed-in accounts."""

    engine: Engine
    client: TestClient

    def org(self, org_id: str) -> str:
        add_organization(self.engine, org_id, org_id.title(), actor="test")
        return org_id

    def user(self, name: str, org: str, role: Role = Role.ADVISER) -> str:
        add_account(self.engine, name, role, org, PASSWORD, actor="test")
        return name

    def login(self, name: str, password: str = PASSWORD) -> dict[str, str]:
        response = self.client.post(
            "/auth/v1/login", json={"username": name, "password": password}, headers=PROTOCOL
        )
        assert response.status_code == 200, response.text
        return {**PROTOCOL, "Authorization": f"Bearer {response.json()['token']}"}

    def adviser(self, name: str, org: str) -> dict[str, str]:
        """A new adviser in `org` (created if needed), signed in: returns request headers."""
        from frontdesk.hub.accounts.registry import list_organizations

        if org not in {o for o, _ in list_organizations(self.engine)}:
            self.org(org)
        self.user(name, org)
        return self.login(name)


@pytest.fixture
def hub(engine: Engine) -> Iterator[Hub]:
    config = HubConfig(token_ttl=dt.timedelta(hours=1))
    with TestClient(create_app(engine, config), client=("198.51.100.7", 5000)) as client:
        yield Hub(engine, client)


def small_feed(path: str = "feed.json", *, services: int = 3, name_suffix: str = "") -> ParsedFeed:
    """A catalogue with `services` services of one organisation, one term, one location."""
    org = Organization(id="org-1", name="Kirklees Council", url="https://www.kirklees.gov.uk")
    term = TaxonomyTerm(id="t-money", name="Money", vocabulary="frontdesk-demo")
    place = Location(id="loc-1", name="Civic Centre")
    catalogue = Catalogue(
        services=[
            Service(
                id=f"svc-{i}",
                name=f"Service {i}{name_suffix}",
                organization_id="org-1",
                description=f"Help number {i} with council tax",
                taxonomy_term_ids=("t-money",),
                locations=(place,),
            )
            for i in range(services)
        ],
        organizations=[org],
        taxonomy_terms=[term],
    )
    return ParsedFeed(path=Path(path), format="hsds3", records_read=services, catalogue=catalogue)


def eventually(check: Callable[[], Any], timeout: float = 10.0) -> Any:
    """Retry `check` until it returns something truthy. On PostgreSQL the feed serves a
    commit once no older write transaction is running anywhere on the server, which a
    neighbouring test on the same server can delay by a moment."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)


def event_op(
    seq: int,
    *,
    op_id: str | None = None,
    enquiry: str = "enq-1",
    event: str | None = None,
    kind: str = "created",
    data: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "op_id": op_id or f"op-{seq}",
        "device_seq": seq,
        "schema_v": 1,
        "kind": "enquiry_event",
        "payload": {
            "enquiry_id": enquiry,
            "event_id": event or f"ev-{seq}",
            "kind": kind,
            "at": "2025-03-01T10:00:00+00:00",
            "data": {"channel": "phone"} if data is None else data,
        },
    }
