"""Sign-in limits: how many passwords one address may have checked, for one account and
for all accounts together, before it is refused (429) without a check.

The check and the record are one step. A sign-in first *reserves* its attempt — counted
as a failure — in a short transaction that holds a lock on the client's address (a
PostgreSQL advisory lock, shared by every hub process on the database; SQLite's writer
lock already serialises), and only then runs the KDF; a right password turns the
reservation into a success afterwards. Guesses sent all at once therefore queue for the
lock, and only as many as the limit allows ever reach the password check.
"""

from __future__ import annotations

import datetime as dt
import math

from sqlalchemy import Connection, delete, func, insert, select, text, update

from frontdesk.hub import schema as t
from frontdesk.hub.db import is_postgres

#: Failures for one username from one address (reset by a success for that username).
MAX_FAILURES = 5
#: Failures for any usernames from one address: password spraying across accounts. Not
#: reset by a success, which an attacker could earn with an account of their own.
MAX_CLIENT_FAILURES = 20
FAILURE_WINDOW = dt.timedelta(minutes=5)
ATTEMPTS_KEPT = dt.timedelta(days=1)


class Limited(Exception):
    """Too many failures from this address; `retry_after` seconds until one expires."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def reserve(conn: Connection, username: str, client: str, now: dt.datetime) -> int:
    """Record a sign-in attempt as failed, unless the limits refuse it (Limited); its id.
    Call inside a write transaction, and commit before checking the password."""
    if is_postgres(conn):
        # Held to the end of the transaction: the count and the insert are one step.
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
            {"key": f"frontdesk.login:{client}"},
        )
    la = t.login_attempts.c
    window = (la.client == client, la.at > now - FAILURE_WINDOW, ~la.succeeded)
    count, oldest = conn.execute(select(func.count(), func.min(la.at)).where(*window)).one()
    if count >= MAX_CLIENT_FAILURES:
        raise Limited("too many failed sign-ins from here; try again later", _wait(oldest, now))
    mine = (la.username == username, la.client == client, la.at > now - FAILURE_WINDOW)
    last_success = conn.scalar(select(func.max(la.at)).where(*mine, la.succeeded))
    since = [la.at > last_success] if last_success is not None else []
    count, oldest = conn.execute(
        select(func.count(), func.min(la.at)).where(*mine, ~la.succeeded, *since)
    ).one()
    if count >= MAX_FAILURES:
        raise Limited(
            "too many failed sign-ins for this account from here; try again later",
            _wait(oldest, now),
        )
    conn.execute(delete(t.login_attempts).where(la.at < now - ATTEMPTS_KEPT))
    attempt: int = conn.execute(
        insert(t.login_attempts)
        .values(username=username, client=client, at=now, succeeded=False)
        .returning(la.id)
    ).scalar_one()
    return attempt


def succeeded(conn: Connection, attempt: int) -> None:
    """The reserved attempt had the right password."""
    conn.execute(
        update(t.login_attempts).where(t.login_attempts.c.id == attempt).values(succeeded=True)
    )


def _wait(oldest: dt.datetime, now: dt.datetime) -> int:
    return max(1, math.ceil((oldest + FAILURE_WINDOW - now).total_seconds()))
