"""The audit log: who signed in, who changed an account, which desk pushed what.

Rows name the actor and what was done, never passwords, tokens or enquiry content.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, insert

from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow

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
            at=utcnow(),
            actor=actor,
            organization_id=organization_id,
            action=action,
            target=target,
            client=client,
            detail=json.dumps(detail, sort_keys=True) if detail is not None else None,
        )
    )
