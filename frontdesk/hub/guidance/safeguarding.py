"""The safeguarding prompt on the hub: per organisation, or the hub's default for every
organisation, each save a new version, published on the change feed like guidance."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func, insert, select

from frontdesk.core.safeguarding import (
    SAFEGUARDING_KIND,
    SafeguardingError,
    check_prompt,
    check_words,
)
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading, writing
from frontdesk.hub.sync.changes import UPSERT, Change, record_changes

#: The feed's entity id: one prompt per scope (the organisation, or everyone).
ENTITY = "prompt"


def set_prompt(
    engine: Engine, words: str, prompt: str, *, organization_id: str | None, author: str
) -> dict[str, Any]:
    """Store a new version and publish it; SafeguardingError if unusable."""
    checked_words, checked_prompt = check_words(words), check_prompt(prompt)
    s = t.safeguarding_prompts.c
    with writing(engine) as conn:
        if organization_id is not None:
            o = t.organizations.c
            if conn.scalar(select(o.id).where(o.id == organization_id)) is None:
                raise SafeguardingError(f"no organisation {organization_id!r} on this hub")
        same = (
            s.organization_id.is_(None)
            if organization_id is None
            else (s.organization_id == organization_id)
        )
        version = (conn.scalar(select(func.max(s.version)).where(same)) or 0) + 1
        now = utcnow()
        conn.execute(
            insert(t.safeguarding_prompts).values(
                organization_id=organization_id,
                version=version,
                words="\n".join(checked_words),
                prompt=checked_prompt,
                author=author,
                created_at=now,
            )
        )
        data = {
            "organization_id": organization_id,
            "version": version,
            "words": list(checked_words),
            "prompt": checked_prompt,
            "author": author,
            "updated_at": now.isoformat(timespec="seconds"),
        }
        record_changes(conn, [Change(SAFEGUARDING_KIND, ENTITY, UPSERT, data, organization_id)])
        audit.record(
            conn,
            "safeguarding.set",
            actor=author,
            organization_id=organization_id,
            detail={"version": version, "words": len(checked_words)},
        )
    return data


def current_prompts(engine: Engine) -> list[dict[str, Any]]:
    """The latest version for each scope, the hub's default first."""
    s = t.safeguarding_prompts.c
    newest = (
        select(s.organization_id, func.max(s.version).label("version"))
        .group_by(s.organization_id)
        .subquery()
    )
    query = select(t.safeguarding_prompts).join(
        newest,
        (s.version == newest.c.version)
        & (
            (s.organization_id == newest.c.organization_id)
            | (s.organization_id.is_(None) & newest.c.organization_id.is_(None))
        ),
    )
    with reading(engine) as conn:
        rows = conn.execute(query.order_by(s.organization_id.is_not(None), s.organization_id))
        return [
            {
                "organization_id": r.organization_id,
                "version": r.version,
                "words": r.words.splitlines(),
                "prompt": r.prompt,
                "author": r.author,
                "updated_at": r.created_at.isoformat(timespec="seconds"),
            }
            for r in rows
        ]
