"""Organisations (tenancy) and the accounts that belong to them, as the CLI manages them.

Every account belongs to exactly one organisation, which scopes what it may see and what
it pushes. Changes are audited with the operator as actor.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.passwords import hash_password
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading, writing

ORG_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
ACCOUNT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")
MIN_PASSWORD_CHARS = 10


class Role(enum.StrEnum):
    ADVISER = "adviser"
    SUPERVISOR = "supervisor"
    AGENCY = "agency"
    ADMIN = "admin"


class AccountError(Exception):
    """A request the operator can correct (a taken name, an unknown organisation...)."""


@dataclass(frozen=True, slots=True)
class AccountInfo:
    name: str
    role: Role
    organization_id: str
    disabled: bool


def add_organization(engine: Engine, org_id: str, name: str, *, actor: str) -> None:
    if not ORG_ID.match(org_id):
        raise AccountError("an organisation id is 1–64 lower-case letters, digits, '.', '_' or '-'")
    if not name.strip():
        raise AccountError("an organisation needs a name")
    try:
        with writing(engine) as conn:
            conn.execute(insert(t.organizations).values(id=org_id, name=name, created_at=utcnow()))
            audit.record(conn, "org.add", actor=actor, organization_id=org_id, target=org_id)
    except IntegrityError as error:
        raise AccountError(f"organisation '{org_id}' already exists") from error


def list_organizations(engine: Engine) -> list[tuple[str, str]]:
    with reading(engine) as conn:
        rows = conn.execute(select(t.organizations.c.id, t.organizations.c.name).order_by("id"))
        return [(r.id, r.name) for r in rows]


def check_password_quality(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")


def add_account(
    engine: Engine, name: str, role: Role, org_id: str | None, password: str, *, actor: str
) -> str:
    """Create an account; returns the organisation it was put in."""
    if not ACCOUNT_NAME.match(name):
        raise AccountError("an account name is 1–100 letters, digits, '.', '_', '@' or '-'")
    check_password_quality(password)
    password_hash = hash_password(password)  # slow: outside the transaction
    try:
        with writing(engine) as conn:
            org = _resolve_org(conn, org_id)
            conn.execute(
                insert(t.accounts).values(
                    name=name,
                    role=role.value,
                    organization_id=org,
                    password_hash=password_hash,
                    created_at=utcnow(),
                )
            )
            audit.record(
                conn,
                "user.add",
                actor=actor,
                organization_id=org,
                target=name,
                detail={"role": role.value},
            )
    except IntegrityError as error:
        raise AccountError(f"account '{name}' already exists") from error
    return org


def _resolve_org(conn: Connection, org_id: str | None) -> str:
    known = [r.id for r in conn.execute(select(t.organizations.c.id).order_by("id"))]
    if org_id is None:
        if len(known) == 1:
            return str(known[0])
        hint = f"known: {', '.join(known)}" if known else "add one with `frontdesk hub org add`"
        raise AccountError(f"name the account's organisation with --org ({hint})")
    if org_id not in known:
        raise AccountError(f"no organisation '{org_id}' (add it with `frontdesk hub org add`)")
    return org_id


def set_password(engine: Engine, name: str, password: str, *, actor: str) -> None:
    """Change a password and revoke the account's tokens and API key, so old sessions and
    clients end with it."""
    check_password_quality(password)
    password_hash = hash_password(password)
    with writing(engine) as conn:
        account_id = _account_id(conn, name)
        conn.execute(
            update(t.accounts)
            .where(t.accounts.c.id == account_id)
            .values(password_hash=password_hash)
        )
        revoke_credentials(conn, account_id)
        audit.record(conn, "user.password", actor=actor, target=name)


def set_disabled(engine: Engine, name: str, disabled: bool, *, actor: str) -> None:
    """Disabling signs the account out and revokes its API key. Enabling revokes the key
    again, so no key from before the disable (or from a hub that did not yet revoke keys
    on disable) comes back to life: the operator makes a new one."""
    with writing(engine) as conn:
        account_id = _account_id(conn, name)
        conn.execute(
            update(t.accounts)
            .where(t.accounts.c.id == account_id)
            .values(disabled_at=utcnow() if disabled else None)
        )
        revoke_credentials(conn, account_id)
        action = "user.disable" if disabled else "user.enable"
        audit.record(conn, action, actor=actor, target=name)


def list_accounts(engine: Engine) -> list[AccountInfo]:
    a = t.accounts.c
    with reading(engine) as conn:
        rows = conn.execute(
            select(a.name, a.role, a.organization_id, a.disabled_at).order_by(a.name)
        )
        return [
            AccountInfo(r.name, Role(r.role), r.organization_id, r.disabled_at is not None)
            for r in rows
        ]


def revoke_credentials(conn: Connection, account_id: int) -> None:
    """End every way the account is signed in: its session tokens and its API key."""
    revoke_all_tokens(conn, account_id)
    conn.execute(
        update(t.api_keys)
        .where(t.api_keys.c.account_id == account_id, t.api_keys.c.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def revoke_all_tokens(conn: Connection, account_id: int) -> None:
    conn.execute(
        update(t.tokens)
        .where(t.tokens.c.account_id == account_id, t.tokens.c.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def _account_id(conn: Connection, name: str) -> int:
    found = conn.scalar(select(t.accounts.c.id).where(t.accounts.c.name == name))
    if found is None:
        raise AccountError(f"no account '{name}'")
    return int(found)
