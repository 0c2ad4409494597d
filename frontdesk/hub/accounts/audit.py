"""The audit log: who signed in, who changed an account, which desk pushed what.

Rows name the actor and what was done, never passwords, tokens or enquiry content.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Engine, insert

from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import writing

CLI_ACTOR = "cli"


def record(
    conn: Connection,
    action: str,
    *,
    actor: str | None,
    organization_id: str | None = None,
    target: str | None = None,
    client: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        insert(t.audit_log).values(
            **row(
                action,
                actor=actor,
                organization_id=organization_id,
                target=target,
                client=client,
                detail=detail,
            )
        )
    )


def record_read(
    engine: Engine,
    action: str,
    *,
    actor: str,
    organization_id: str | None,
    client: str | None,
    detail: dict[str, Any],
) -> None:
    """An audit row for a read of personal data, in its own transaction: a read writes
    nothing else. Call it before the data leaves the hub, so a read that cannot be
    audited is not answered."""
    with writing(engine) as conn:
        record(
            conn,
            action,
            actor=actor,
            organization_id=organization_id,
            client=client,
            detail=detail,
        )


def row(
    action: str,
    *,
    actor: str | None,
    organization_id: str | None = None,
    target: str | None = None,
    client: str | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An audit_log row's values, for callers that write it as part of a larger statement
    (the push path folds it into its last op's write)."""
    return {
        "at": utcnow(),
        "actor": actor,
        "organization_id": organization_id,
        "action": action,
        "target": target,
        "client": client,
        "detail": json.dumps(detail, sort_keys=True) if detail is not None else None,
    }
