"""Per-account API keys for Open311 clients (a council's web form, a reporting app).

Open311 clients send `api_key` as a form field or query parameter rather than signing in,
so a key stands for its account (role and organisation) until replaced. Like tokens, a key
is 32 random bytes shown once and stored only as its SHA-256; making a new key for an
account revokes the old one, so rotation is one command and a leaked key has one cure.
A key ends with the account's credentials too: a password change, a disable or an enable
revokes it (`registry.revoke_credentials`), and a disabled account gets no new one.
"""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, insert, select, update

from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.auth import AuthError, Principal, token_hash
from frontdesk.hub.accounts.registry import AccountError, Role
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading, writing

KEY_PREFIX = "fdk_"
MAX_KEY_CHARS = 200
#: API-key requests have no session token; logout is not an API-key operation.
NO_TOKEN = 0


def create_key(engine: Engine, account_name: str, *, actor: str) -> str:
    """A new key for the account, replacing any it had; returned once, never stored."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    a, k = t.accounts.c, t.api_keys.c
    now = utcnow()
    with writing(engine) as conn:
        account = conn.execute(
            select(a.id, a.organization_id, a.disabled_at).where(a.name == account_name)
        ).first()
        if account is None:
            raise AccountError(f"no account '{account_name}'")
        if account.disabled_at is not None:
            raise AccountError(f"account '{account_name}' is disabled; enable it first")
        conn.execute(
            update(t.api_keys)
            .where(k.account_id == account.id, k.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        conn.execute(
            insert(t.api_keys).values(
                key_hash=token_hash(key), account_id=account.id, created_at=now
            )
        )
        audit.record(
            conn,
            "user.api_key",
            actor=actor,
            organization_id=account.organization_id,
            target=account_name,
        )
    return key


def authenticate_key(engine: Engine, key: str) -> Principal:
    """The account an API key belongs to, or AuthError 401 saying why not."""
    if not key or len(key) > MAX_KEY_CHARS:
        raise AuthError(401, "api_key_invalid", "the api_key is not known")
    a, k = t.accounts.c, t.api_keys.c
    with reading(engine) as conn:
        row = conn.execute(
            select(k.revoked_at, a.id, a.name, a.role, a.organization_id, a.disabled_at)
            .join_from(t.api_keys, t.accounts, k.account_id == a.id)
            .where(k.key_hash == token_hash(key))
        ).first()
    if row is None:
        raise AuthError(401, "api_key_invalid", "the api_key is not known")
    if row.revoked_at is not None:
        raise AuthError(
            401,
            "api_key_revoked",
            "the api_key was revoked (replaced, or its account's password or state changed);"
            " ask for a new one",
        )
    if row.disabled_at is not None:
        raise AuthError(401, "account_disabled", "the account is disabled")
    return Principal(row.id, row.name, Role(row.role), row.organization_id, NO_TOKEN)
