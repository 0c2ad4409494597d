"""Writing and reading guidance notes on the hub.

Each `set_note` adds a version (the old ones stay, with their author and date) and puts
the new latest version on the change feed in the same transaction, scoped to its
organisation (or to every desk when shared), so desks learn of it exactly when it exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, text

from frontdesk.core.guidance import GUIDANCE_KIND, Guidance, GuidanceError, check_body
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import is_postgres, reading, writing
from frontdesk.hub.sync.changes import UPSERT, Change, record_changes

MAX_SERVICE_ID = 300


def set_note(
    engine: Engine,
    service_id: str,
    body: str,
    *,
    organization_id: str | None,
    author: str,
    client: str | None = None,
) -> Guidance:
    """Store a new version of a service's note (`organization_id` None: shared with every
    organisation) and publish it; GuidanceError if the service or organisation is unknown
    or the note cannot be stored."""
    text_ = check_body(body)
    with writing(engine) as conn:
        if conn.scalar(select(t.services.c.id).where(t.services.c.id == service_id)) is None:
            raise GuidanceError(
                f"the hub's catalogue has no service {service_id[:MAX_SERVICE_ID]!r}"
            )
        if organization_id is not None and _unknown_org(conn, organization_id):
            raise GuidanceError(f"no organisation {organization_id!r} on this hub")
        _serialise(conn, service_id)
        g = t.service_guidance.c
        last = conn.scalar(
            select(func.max(g.version)).where(_same_note(service_id, organization_id))
        )
        now = utcnow()
        note = Guidance(
            service_id=service_id,
            organization_id=organization_id,
            version=(last or 0) + 1,
            author=author,
            updated_at=now.isoformat(timespec="seconds"),
            body=text_,
        )
        conn.execute(
            insert(t.service_guidance).values(
                service_id=service_id,
                organization_id=organization_id,
                version=note.version,
                body=text_,
                author=author,
                created_at=now,
            )
        )
        record_changes(
            conn, [Change(GUIDANCE_KIND, service_id, UPSERT, note.as_dict(), organization_id)]
        )
        audit.record(
            conn,
            "guidance.set",
            actor=author,
            organization_id=organization_id,
            target=service_id,
            client=client,
            detail={"version": note.version, "chars": len(text_)},
        )
    return note


def latest_notes(engine: Engine, organizations: Iterable[str] | None) -> list[Guidance]:
    """The live version of every note the given organisations see (their own and the
    shared ones); None: every organisation's. Withdrawn notes are left out."""
    g = t.service_guidance.c
    newest = (
        select(g.service_id, g.organization_id, func.max(g.version).label("version"))
        .group_by(g.service_id, g.organization_id)
        .subquery()
    )
    query = select(t.service_guidance).join(
        newest,
        and_(
            g.service_id == newest.c.service_id,
            g.version == newest.c.version,
            or_(
                g.organization_id == newest.c.organization_id,
                and_(g.organization_id.is_(None), newest.c.organization_id.is_(None)),
            ),
        ),
    )
    query = _visible(query, organizations).where(g.body != "")
    with reading(engine) as conn:
        # Shared first, then by organisation, the same on both databases (NULLs sort apart).
        order = (g.service_id, g.organization_id.is_not(None), g.organization_id)
        rows = conn.execute(query.order_by(*order)).all()
    return [_note(r) for r in rows]


def note_history(
    engine: Engine, service_id: str, organizations: Iterable[str] | None
) -> list[Guidance]:
    """Every version of a service's notes the organisations see, newest first."""
    g = t.service_guidance.c
    query = _visible(select(t.service_guidance).where(g.service_id == service_id), organizations)
    with reading(engine) as conn:
        order = (g.organization_id.is_not(None), g.organization_id, g.version.desc())
        rows = conn.execute(query.order_by(*order)).all()
    return [_note(r) for r in rows]


def _visible(query: Any, organizations: Iterable[str] | None) -> Any:
    if organizations is None:
        return query
    g = t.service_guidance.c
    return query.where(or_(g.organization_id.is_(None), g.organization_id.in_(list(organizations))))


def _same_note(service_id: str, organization_id: str | None) -> Any:
    g = t.service_guidance.c
    org = (
        g.organization_id.is_(None)
        if organization_id is None
        else g.organization_id == organization_id
    )
    return and_(g.service_id == service_id, org)


def _unknown_org(conn: Connection, organization_id: str) -> bool:
    o = t.organizations.c
    return conn.scalar(select(o.id).where(o.id == organization_id)) is None


def _serialise(conn: Connection, service_id: str) -> None:
    """Two supervisors saving the same service's note at once must not both take the same
    version number. SQLite's writers already queue; PostgreSQL takes a lock on the
    service for the rest of the transaction."""
    if is_postgres(conn):
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"guidance:{service_id}"}
        )


def _note(row: Any) -> Guidance:
    return Guidance(
        service_id=row.service_id,
        organization_id=row.organization_id,
        version=row.version,
        author=row.author,
        updated_at=row.created_at.isoformat(timespec="seconds"),
        body=row.body,
    )
