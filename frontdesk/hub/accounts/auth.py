"""Signing in: opaque bearer tokens, stored only as their SHA-256, and login rate limiting.

A token is 32 random bytes (URL-safe base64) handed out once at login; the hub keeps its
hash, so a copy of the database cannot be replayed as sessions. Repeated failures for one
username, or for any usernames, from one client are refused for a while (429) before the
password is even checked (login_limits.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from psycopg.rows import namedtuple_row
from sqlalchemy import Connection, Engine, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql

from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit, login_limits
from frontdesk.hub.accounts.passwords import DUMMY_HASH, verify_password
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import is_postgres, writing

TOKEN_BYTES = 32


class AuthError(Exception):
    """Why a request is refused: `status` 401 (who are you?), 403 (not allowed) or 429."""

    def __init__(self, status: int, code: str, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in account behind a request."""

    account_id: int
    name: str
    role: Role
    organization_id: str
    token_id: int


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    expires_at: dt.datetime
    principal: Principal


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def login(
    engine: Engine, username: str, password: str, client: str, ttl: dt.timedelta
) -> IssuedToken:
    now = utcnow()
    a = t.accounts.c
    with writing(engine) as conn:
        try:
            attempt = login_limits.reserve(conn, username, client, now)
        except login_limits.Limited as limited:
            raise AuthError(
                429, "too_many_attempts", limited.message, retry_after=limited.retry_after
            ) from None
        row = conn.execute(
            select(a.id, a.name, a.role, a.organization_id, a.password_hash, a.disabled_at).where(
                a.name == username
            )
        ).first()
    # Always run the KDF, so an unknown name costs the same time as a wrong password.
    ok = verify_password(password, row.password_hash if row else DUMMY_HASH)
    ok = ok and row is not None and row.disabled_at is None
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with writing(engine) as conn:
        if not ok or row is None:
            audit.record(conn, "login.failed", actor=username[:100], client=client)
            failed = True
        else:
            failed = False
            login_limits.succeeded(conn, attempt)
            token_id = conn.execute(
                insert(t.tokens)
                .values(
                    token_hash=token_hash(token),
                    account_id=row.id,
                    created_at=now,
                    expires_at=now + ttl,
                )
                .returning(t.tokens.c.id)
            ).scalar_one()
            audit.record(
                conn, "login", actor=row.name, organization_id=row.organization_id, client=client
            )
    if failed or row is None:
        raise AuthError(401, "login_failed", "wrong username or password")
    principal = Principal(row.id, row.name, Role(row.role), row.organization_id, token_id)
    return IssuedToken(token, now + ttl, principal)


def authenticate(engine: Engine, token: str) -> Principal:
    """The account a bearer token belongs to, or AuthError 401 saying why not.

    Nothing is cached: a revoked token or a disabled account is refused from the next
    request on. On PostgreSQL the one SELECT runs on its own (autocommit: a single
    statement sees one snapshot anyway), so it is one round trip, not BEGIN, SELECT and
    COMMIT."""
    with engine.connect() as conn:
        return authenticate_on(conn, token)


def authenticate_on(conn: Connection, token: str) -> Principal:
    """`authenticate` on a connection the caller holds (a push goes on to use it); leaves
    no transaction open."""
    if is_postgres(conn):
        row = _token_row_postgres(conn, token)
    else:
        with conn.begin():
            row = conn.execute(_TOKEN_ROW, {"token_hash": token_hash(token)}).first()
    if row is None:
        raise AuthError(401, "token_invalid", "the token is not known; sign in again")
    if row.revoked_at is not None:
        raise AuthError(401, "token_revoked", "the token was revoked; sign in again")
    if row.expires_at <= utcnow():
        raise AuthError(401, "token_expired", "the token has expired; sign in again")
    if row.disabled_at is not None:
        raise AuthError(401, "account_disabled", "the account is disabled")
    return Principal(row.account_id, row.name, Role(row.role), row.organization_id, row.id)


_a, _k = t.accounts.c, t.tokens.c
_TOKEN_ROW = (
    select(
        _k.id,
        _k.expires_at,
        _k.revoked_at,
        _a.id.label("account_id"),
        _a.name,
        _a.role,
        _a.organization_id,
        _a.disabled_at,
    )
    .join_from(t.tokens, t.accounts, _k.account_id == _a.id)
    .where(_k.token_hash == bindparam("token_hash"))
)
#: The same statement as psycopg text, compiled once.
_TOKEN_ROW_SQL = str(_TOKEN_ROW.compile(dialect=postgresql.psycopg.dialect()))  # type: ignore[no-untyped-call]


def _token_row_postgres(conn: Connection, token: str) -> Any:
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.autocommit = True  # client-side only: no round trip
    try:
        with raw.cursor(row_factory=namedtuple_row) as cursor:
            cursor.execute(_TOKEN_ROW_SQL, {"token_hash": token_hash(token)})
            return cursor.fetchone()
    finally:
        raw.autocommit = False


def logout(engine: Engine, principal: Principal, client: str) -> None:
    with writing(engine) as conn:
        conn.execute(
            update(t.tokens)
            .where(t.tokens.c.id == principal.token_id, t.tokens.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        audit.record(
            conn,
            "logout",
            actor=principal.name,
            organization_id=principal.organization_id,
            client=client,
        )
