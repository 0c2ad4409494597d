"""The safeguarding prompt in catalogue.db: applied from the change feed, read back as the
words and prompt this desk uses (its organisation's, else the hub's default, else the
built-in ones)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from frontdesk.core.safeguarding import SAFEGUARDING_KIND, SafeguardingPrompt, check_prompt
from frontdesk.core.safeguarding import check_words as _check_words
from frontdesk.store import catalogue_schema as t

SAFEGUARDING = SAFEGUARDING_KIND


def check_entry(data: dict[str, Any]) -> None:
    """ValueError/TypeError/KeyError unless `data` is a usable feed entry."""
    words, version = data["words"], data["version"]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise TypeError("safeguarding words are a list of text")
    if not isinstance(version, int) or isinstance(version, bool):
        raise TypeError("a safeguarding version is a whole number")
    _check_words("\n".join(words))
    check_prompt(str(data["prompt"]))
    org = data["organization_id"]
    if org is not None and not isinstance(org, str):
        raise TypeError("organization_id is text or null")


def apply_safeguarding(conn: Connection, changes: Sequence[Any]) -> None:
    s = t.safeguarding_prompts.c
    for change in changes:
        conn.execute(delete(t.safeguarding_prompts).where(s.organization_id == change.id))
        if change.record is not None:
            data = change.record
            conn.execute(
                insert(t.safeguarding_prompts).values(
                    organization_id=change.id,
                    version=data["version"],
                    words="\n".join(data["words"]),
                    prompt=data["prompt"],
                )
            )


def current_prompt(engine: Engine) -> SafeguardingPrompt:
    """The organisation's own prompt if the hub sent one, else the hub's default, else
    the desk's built-in words with no prompt text (the window words it itself)."""
    s = t.safeguarding_prompts.c
    with engine.connect() as conn:
        row = conn.execute(
            select(s.words, s.prompt).order_by(s.organization_id == "").limit(1)
        ).first()
    if row is None:
        return SafeguardingPrompt()
    return SafeguardingPrompt(tuple(row.words.splitlines()), row.prompt)
