"""Service alerts in catalogue.db: applied from the hub's feed, read back live.

Like guidance notes they sit beside the catalogue: the hub owns them, the desk never edits
them, and a rebuild from the feed brings back exactly the alerts still set (a cleared one
is a delete on the feed; an expired one is left out by every read). Expiry is a
comparison of ISO 8601 UTC texts, which sort as their times do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select

from frontdesk.core.alert import ALERT_KIND, ServiceAlert, alert_from_dict, parse_time
from frontdesk.store import catalogue_schema as t
from frontdesk.store.catalogue_rows import chunks

ALERT = ALERT_KIND


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.UTC).isoformat(timespec="seconds")


def apply_alerts(conn: Connection, changes: Sequence[Any]) -> set[str]:
    """Write a page's alert changes (`CatalogueChange`s whose record is the feed's dict,
    or None to clear); returns the services whose alert changed."""
    a = t.service_alerts.c
    touched: set[str] = set()
    for change in changes:
        conn.execute(delete(t.service_alerts).where(a.service_id == change.id))
        touched.add(change.id)
        if change.record is None:
            continue
        alert = alert_from_dict(change.record)
        conn.execute(
            insert(t.service_alerts).values(
                service_id=change.id,
                text=alert.text,
                until=_stamp(alert.until),
                set_at=_stamp(alert.set_at),
            )
        )
    return touched


def live_alerts(
    engine: Engine, service_ids: Iterable[str], now: dt.datetime
) -> dict[str, ServiceAlert]:
    """The live alerts of those of `service_ids` that have one."""
    a = t.service_alerts.c
    found: dict[str, ServiceAlert] = {}
    with engine.connect() as conn:
        for chunk in chunks(list(service_ids), 500):
            rows = conn.execute(
                select(t.service_alerts).where(a.service_id.in_(chunk), a.until > _stamp(now))
            ).all()
            found.update((r.service_id, _alert(r)) for r in rows)
    return found


def live_alert(engine: Engine, service_id: str, now: dt.datetime) -> ServiceAlert | None:
    return live_alerts(engine, [service_id], now).get(service_id)


def next_expiry(engine: Engine, now: dt.datetime) -> dt.datetime | None:
    """When the soonest live alert runs out (None: no live alert)."""
    a = t.service_alerts.c
    with engine.connect() as conn:
        first = conn.scalar(select(func.min(a.until)).where(a.until > _stamp(now)))
    return None if first is None else parse_time(first)


def _alert(row: Any) -> ServiceAlert:
    return ServiceAlert(
        service_id=row.service_id,
        text=row.text,
        until=parse_time(row.until),
        set_at=parse_time(row.set_at),
    )
