"""Setting, clearing and reading service alerts on the hub.

Each write puts the service's new state on the change feed in the same transaction (an
upsert carrying the alert, or a delete when it is cleared), shared with every desk like
the catalogue it annotates, and is audited with who did it. Who may write is decided by
the caller: the API lets an agency write only on services it delivers (`owner_of`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from frontdesk.core.alert import ALERT_KIND, AlertError, ServiceAlert, check_text, check_until
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading, writing
from frontdesk.hub.referrals.routing import recipient_of
from frontdesk.hub.sync.changes import DELETE, UPSERT, Change, record_changes

MAX_SERVICE_ID = 300


class UnknownService(AlertError):
    """The hub's catalogue has no such service."""


class NotYours(AlertError):
    """The service is delivered by another organisation (or by none linked)."""


class NoAlert(AlertError):
    """The service has no alert to clear."""


def set_alert(
    engine: Engine,
    service_id: str,
    text: str,
    until: dt.datetime,
    *,
    author: str,
    organization_id: str | None,
    owner: str | None = None,
    client: str | None = None,
    now: dt.datetime | None = None,
) -> ServiceAlert:
    """Put `text` on the service until `until`, replacing any alert it had. `owner`: the
    writer may only touch services this hub organisation delivers (an agency)."""
    at = (now or utcnow()).replace(microsecond=0)
    cleaned, expiry = check_text(text), check_until(until, at)
    with writing(engine) as conn:
        _check_service(conn, service_id, owner)
        a = t.service_alerts.c
        values = {
            "text": cleaned,
            "until": expiry,
            "organization_id": organization_id,
            "author": author,
            "created_at": at,
        }
        replaced = conn.execute(
            update(t.service_alerts).where(a.service_id == service_id).values(**values)
        ).rowcount
        if not replaced:
            conn.execute(insert(t.service_alerts).values(service_id=service_id, **values))
        alert = ServiceAlert(service_id, cleaned, expiry, at)
        record_changes(conn, [Change(ALERT_KIND, service_id, UPSERT, alert.as_dict())])
        audit.record(
            conn,
            "alert.set",
            actor=author,
            organization_id=organization_id,
            target=service_id,
            client=client,
            detail={"until": alert.as_dict()["until"], "chars": len(cleaned)},
        )
    return alert


def clear_alert(
    engine: Engine,
    service_id: str,
    *,
    author: str,
    organization_id: str | None,
    owner: str | None = None,
    client: str | None = None,
) -> ServiceAlert:
    """Remove the service's alert at once and return it (NoAlert if it has none: an
    expired one is still cleared, so it cannot be mistaken for a live one on the hub)."""
    a = t.service_alerts.c
    with writing(engine) as conn:
        _check_service(conn, service_id, owner)
        row = conn.execute(select(t.service_alerts).where(a.service_id == service_id)).first()
        if row is None:
            raise NoAlert(f"service {service_id[:MAX_SERVICE_ID]!r} has no alert")
        conn.execute(delete(t.service_alerts).where(a.service_id == service_id))
        record_changes(conn, [Change(ALERT_KIND, service_id, DELETE)])
        audit.record(
            conn,
            "alert.clear",
            actor=author,
            organization_id=organization_id,
            target=service_id,
            client=client,
        )
    return _alert(row)


def get_alert(
    engine: Engine, service_id: str, *, owner: str | None = None, now: dt.datetime | None = None
) -> ServiceAlert | None:
    """The service's live alert (None: none, or expired); UnknownService/NotYours as for
    writes when `owner` is given."""
    with reading(engine) as conn:
        _check_service(conn, service_id, owner)
        row = conn.execute(
            select(t.service_alerts).where(t.service_alerts.c.service_id == service_id)
        ).first()
    alert = None if row is None else _alert(row)
    return alert if alert is not None and alert.live(now or utcnow()) else None


def live_alerts(
    engine: Engine, *, owner: str | None = None, now: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """Every alert still running (of services `owner` delivers, if given), soonest expiry
    first, with who set it."""
    a, s, link = t.service_alerts.c, t.services.c, t.organization_catalogue_links.c
    query = (
        select(t.service_alerts, s.name.label("service_name"))
        .join_from(t.service_alerts, t.services, s.id == a.service_id, isouter=True)
        .where(a.until > (now or utcnow()))
        .order_by(a.until, a.service_id)
    )
    if owner is not None:
        query = query.join(
            t.organization_catalogue_links, link.catalogue_org_id == s.organization_id
        ).where(link.organization_id == owner)
    with reading(engine) as conn:
        rows = conn.execute(query).all()
    return [
        {
            **_alert(r).as_dict(),
            "service_name": r.service_name,
            "organization_id": r.organization_id,
            "author": r.author,
        }
        for r in rows
    ]


def _check_service(conn: Connection, service_id: str, owner: str | None) -> None:
    if conn.scalar(select(t.services.c.id).where(t.services.c.id == service_id)) is None:
        raise UnknownService(f"the hub's catalogue has no service {service_id[:MAX_SERVICE_ID]!r}")
    if owner is not None and recipient_of(conn, service_id) != owner:
        raise NotYours(
            f"service {service_id[:MAX_SERVICE_ID]!r} is not delivered by your organisation"
        )


def _alert(row: Any) -> ServiceAlert:
    return ServiceAlert(
        service_id=row.service_id,
        text=row.text,
        until=row.until.astimezone(dt.UTC),
        set_at=row.created_at.astimezone(dt.UTC),
    )
