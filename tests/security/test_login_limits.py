"""The sign-in limits hold under real parallelism: many guesses sent at once, to real hub
processes (two on one PostgreSQL database), never get more passwords checked than the
limits allow. A 401 is a password that was checked; a 429 is a guess refused unchecked.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from frontdesk.hub.accounts.login_limits import MAX_CLIENT_FAILURES, MAX_FAILURES
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.migrate import upgrade
from tests.helpers.hub import PASSWORD, PROTOCOL
from tests.helpers.hub_process import HubProcess

GUESSES = 30


@pytest.fixture
def hub_urls(db_url: str, tmp_path: Path) -> Iterator[list[str]]:
    """One hub process on SQLite; two sharing the database on PostgreSQL, so the limit
    must hold across processes, not only inside one."""
    engine = create_hub_engine(db_url)
    upgrade(engine)
    add_organization(engine, "kirklees", "Kirklees Council", actor="test")
    add_account(engine, "alice", Role.ADVISER, "kirklees", PASSWORD, actor="test")
    engine.dispose()
    count = 2 if db_url.startswith("postgresql") else 1
    processes = [HubProcess(db_url, tmp_path / f"hub-{i}.log") for i in range(count)]
    try:
        for process in processes:
            process.start()
        yield [process.url for process in processes]
    finally:
        for process in processes:
            process.stop(graceful=False)


def _all_at_once(urls: list[str], logins: list[tuple[str, str]]) -> Counter[int]:
    """POST every (username, password) at the same moment, spread over the hubs; the
    count of answers by status."""
    start = threading.Barrier(len(logins))

    def attempt(index: int) -> int:
        username, password = logins[index]
        with requests.Session() as session:
            url = urls[index % len(urls)] + "/auth/v1/login"
            session.get(urls[index % len(urls)] + "/", timeout=30)  # connected before the race
            start.wait(timeout=30)
            body = {"username": username, "password": password}
            return session.post(url, json=body, headers=PROTOCOL, timeout=120).status_code

    with ThreadPoolExecutor(len(logins)) as pool:
        return Counter(pool.map(attempt, range(len(logins))))


def test_guesses_sent_at_once_at_one_account_are_checked_at_most_the_limit(
    hub_urls: list[str],
) -> None:
    answers = _all_at_once(hub_urls, [("alice", f"guess {i}") for i in range(GUESSES)])
    assert answers[401] == MAX_FAILURES, answers
    assert answers[429] == GUESSES - MAX_FAILURES, answers
    # The account stays shut from here, even to its own password, for the window.
    body = {"username": "alice", "password": PASSWORD}
    late = requests.post(hub_urls[0] + "/auth/v1/login", json=body, headers=PROTOCOL, timeout=30)
    assert late.status_code == 429


def test_spraying_many_accounts_from_one_address_is_checked_at_most_the_limit(
    hub_urls: list[str],
) -> None:
    names = ["alice", *(f"user{i}" for i in range(GUESSES - 1))]
    answers = _all_at_once(hub_urls, [(name, "Winter2025!") for name in names])
    assert answers[401] == MAX_CLIENT_FAILURES, answers
    assert answers[429] == GUESSES - MAX_CLIENT_FAILURES, answers
