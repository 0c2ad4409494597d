"""Guidance notes in catalogue.db: applying the hub's feed entries, the text the search
index reads for each service, and reading a service's notes back for the desk.

The notes live beside the catalogue because, like it, the hub owns them and a rebuild
from the feed brings them back; desk.db holds only what the desk itself writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from frontdesk.core.guidance import GUIDANCE_KIND, Guidance, guidance_from_dict
from frontdesk.store import catalogue_schema as t
from frontdesk.store.catalogue_rows import chunks, driver_connection

GUIDANCE = GUIDANCE_KIND
SHARED = ""  # `organization_id` of a note shared with every organisation
_SEPARATOR = "\x1f"


def change_id(service_id: str, organization_id: str | None) -> str:
    """The id a feed entry's change goes by on the desk: the hub keys a note by service
    *and* organisation, so both notes of one service survive a page's de-duplication."""
    return f"{organization_id or SHARED}{_SEPARATOR}{service_id}"


def _split(change_id_: str) -> tuple[str, str]:
    org, _, service = change_id_.partition(_SEPARATOR)
    return service, org


def apply_guidance(conn: Connection, changes: Sequence[Any]) -> set[str]:
    """Write a page's guidance changes (`CatalogueChange`s whose record is the feed's
    dict, or None to remove); returns the services whose notes changed. A withdrawn note
    (empty body) is removed, as the desk has nothing to show for it."""
    touched: set[str] = set()
    g = t.service_guidance.c
    for change in changes:
        service, org = _split(change.id)
        conn.execute(
            delete(t.service_guidance).where(g.service_id == service, g.organization_id == org)
        )
        touched.add(service)
        if change.record is None:
            continue
        note = guidance_from_dict(change.record)
        if note.body:
            conn.execute(
                insert(t.service_guidance).values(
                    service_id=note.service_id,
                    organization_id=note.organization_id or SHARED,
                    version=note.version,
                    author=note.author,
                    updated_at=note.updated_at,
                    body=note.body,
                )
            )
    return touched


def guidance_texts(conn: Connection, service_ids: Iterable[str]) -> dict[str, str]:
    """The notes' words for the search index, by service, for those of `service_ids` that
    have any. Cheap when no notes have come: a first sync asks this for every page."""
    driver = driver_connection(conn)
    if driver.execute("SELECT 1 FROM service_guidance LIMIT 1").fetchone() is None:
        return {}
    found: dict[str, list[str]] = {}
    for chunk in chunks(list(service_ids), 500):
        marks = ",".join("?" * len(chunk))
        rows = driver.execute(
            "SELECT service_id, body FROM service_guidance "
            f"WHERE service_id IN ({marks}) ORDER BY organization_id",
            chunk,
        )
        for service, body in rows:
            found.setdefault(service, []).append(body)
    return {service: "\n".join(bodies) for service, bodies in found.items()}


def notes_for(engine: Engine, service_id: str) -> list[Guidance]:
    """A service's notes as the desk shows them: its own organisation's first, then the
    shared one."""
    g = t.service_guidance.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(t.service_guidance)
            .where(g.service_id == service_id)
            .order_by((g.organization_id == SHARED), g.organization_id)
        ).all()
    return [
        Guidance(
            service_id=r.service_id,
            organization_id=r.organization_id or None,
            version=r.version,
            author=r.author,
            updated_at=r.updated_at,
            body=r.body,
        )
        for r in rows
    ]


def add_guidance_column(conn: Connection) -> None:
    """Give a catalogue.db made before guidance its `services.guidance` column (in place:
    SQLite adds a column with a default without rewriting the table). The search index
    notices its own version is older and rebuilds with the new column."""
    driver = driver_connection(conn)
    columns = {row[1] for row in driver.execute("PRAGMA table_info(services)")}
    if "guidance" not in columns:
        driver.execute("ALTER TABLE services ADD COLUMN guidance TEXT NOT NULL DEFAULT ''")
