"""Which hub organisation a referral goes to: the one linked to the catalogue organisation
that owns the referred service.

The catalogue and the hub's tenancy are separate worlds: catalogue organisations come from
agency feeds (ids like `kirklees-feed:org-1`, replaced on every import), hub organisations
are the tenants an operator creates. The operator links them explicitly (`frontdesk hub
org add ID NAME --catalogue-org CATALOGUE_ID` or `frontdesk hub org link`); names are never
matched, because "Kirklees Council" in one feed and "Kirklees Metropolitan Council" in
another would silently route a caller's details to the wrong back office, or nowhere. A
service with no linked owner (e.g. a national LGSL service with no organisation) gives an
unaddressed referral that no agency sees until a link is made: making one addresses the
waiting referrals too.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.registry import AccountError
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading, writing

MAX_CATALOGUE_ID_CHARS = 300


def recipient_of(conn: Connection, service_id: str) -> str | None:
    """The hub organisation that delivers `service_id` (a catalogue id), if one is linked."""
    s, link = t.services.c, t.organization_catalogue_links.c
    found = conn.scalar(
        select(link.organization_id)
        .join_from(
            t.services,
            t.organization_catalogue_links,
            s.organization_id == link.catalogue_org_id,
        )
        .where(s.id == service_id)
    )
    return str(found) if found is not None else None


def link(engine: Engine, org_id: str, catalogue_org_id: str, *, actor: str) -> int:
    """Link a catalogue organisation to hub organisation `org_id`; returns how many waiting
    (unaddressed) referrals to its services were addressed by it."""
    if not 0 < len(catalogue_org_id) <= MAX_CATALOGUE_ID_CHARS:
        raise AccountError("a catalogue organisation id is 1–300 characters (source:id)")
    try:
        with writing(engine) as conn:
            add_link(conn, org_id, catalogue_org_id)
            addressed = _address_waiting(conn, org_id, catalogue_org_id)
            audit.record(
                conn,
                "org.link",
                actor=actor,
                organization_id=org_id,
                target=catalogue_org_id,
                detail={"referrals_addressed": addressed},
            )
    except IntegrityError as error:
        raise AccountError(
            f"catalogue organisation '{catalogue_org_id}' is already linked, or no "
            f"organisation '{org_id}' exists"
        ) from error
    return addressed


def add_link(conn: Connection, org_id: str, catalogue_org_id: str) -> None:
    conn.execute(
        insert(t.organization_catalogue_links).values(
            catalogue_org_id=catalogue_org_id, organization_id=org_id, created_at=utcnow()
        )
    )


def unlink(engine: Engine, catalogue_org_id: str, *, actor: str) -> None:
    """Stop routing new referrals for a catalogue organisation; sent ones stay addressed."""
    with writing(engine) as conn:
        gone = conn.execute(
            delete(t.organization_catalogue_links).where(
                t.organization_catalogue_links.c.catalogue_org_id == catalogue_org_id
            )
        ).rowcount
        if not gone:
            raise AccountError(f"catalogue organisation '{catalogue_org_id}' is not linked")
        audit.record(conn, "org.unlink", actor=actor, target=catalogue_org_id)


def links(engine: Engine) -> dict[str, list[str]]:
    """Hub organisation id → the catalogue organisations linked to it."""
    link_c = t.organization_catalogue_links.c
    found: dict[str, list[str]] = {}
    with reading(engine) as conn:
        rows = conn.execute(
            select(link_c.organization_id, link_c.catalogue_org_id).order_by(
                link_c.organization_id, link_c.catalogue_org_id
            )
        )
        for row in rows:
            found.setdefault(row.organization_id, []).append(row.catalogue_org_id)
    return found


def _address_waiting(conn: Connection, org_id: str, catalogue_org_id: str) -> int:
    s, r = t.services.c, t.referrals.c
    services = select(s.id).where(s.organization_id == catalogue_org_id)
    result = conn.execute(
        update(t.referrals)
        .where(r.to_organization_id.is_(None), r.service_id.in_(services))
        .values(to_organization_id=org_id)
    )
    return int(result.rowcount)
