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
from frontdesk.store.catalogue_rows import chunks, driver_connection

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
    """The live alerts of those of `service_ids` that have one.

    Asked of the driver directly: every search asks this for its rows, and building an
    expanding IN query through SQLAlchemy cost more than SQLite's answer to it."""
    found: dict[str, ServiceAlert] = {}
    stamp = _stamp(now)
    with engine.connect() as conn:
        driver = driver_connection(conn)
        for chunk in chunks(list(service_ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = driver.execute(
                "SELECT service_id, text, until, set_at FROM service_alerts "
                f"WHERE service_id IN ({marks}) AND until > ?",
                [*chunk, stamp],
            )
            for service, text, until, set_at in rows:
                found[service] = ServiceAlert(service, text, parse_time(until), parse_time(set_at))
    return found


def live_alert(engine: Engine, service_id: str, now: dt.datetime) -> ServiceAlert | None:
    return live_alerts(engine, [service_id], now).get(service_id)


def next_expiry(engine: Engine, now: dt.datetime) -> dt.datetime | None:
    """When the soonest live alert runs out (None: no live alert)."""
    a = t.service_alerts.c
    with engine.connect() as conn:
        first = conn.scalar(select(func.min(a.until)).where(a.until > _stamp(now)))
    return None if first is None else parse_time(first)
