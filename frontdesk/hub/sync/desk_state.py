"""What desks say of themselves on every pull and push — which device, how many ops wait
in its outbox, when it last pulled the catalogue — recorded per device, and the estate
a supervisor sees from it: each desk's last contact and state, stale ones flagged.

The headers are the desk's word, so each is checked and a bad one is ignored (never an
error: a desk must still sync). A device id is recorded only when the device already
belongs to the account's organisation, so one organisation cannot write or probe
another's desks. Pulls come often (and soon as long polls), so a device's row is written
at most once a minute on pulls: the condition is in the UPDATE itself, so hub processes
need not share memory to keep to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, or_, select, update

from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading

DEVICE_HEADER = "Frontdesk-Device"
OUTBOX_HEADER = "Frontdesk-Outbox"
CATALOGUE_HEADER = "Frontdesk-Catalogue-Pulled-At"
PULL_WRITE_EVERY = dt.timedelta(minutes=1)
MAX_DEVICE_ID = 200
MAX_OUTBOX = 10_000_000
#: A catalogue pull the desk dates more than this far ahead of the hub's clock is not believed.
CLOCK_SLACK = dt.timedelta(hours=1)
DEFAULT_STALE_HOURS = 24


@dataclass(frozen=True, slots=True)
class DeskState:
    """The headers one request carried, each None when absent or not believable."""

    device_id: str | None
    outbox_waiting: int | None
    catalogue_pulled_at: dt.datetime | None


def parse_headers(headers: Mapping[str, str], now: dt.datetime) -> DeskState:
    device = headers.get(DEVICE_HEADER, "").strip()
    if not device or len(device) > MAX_DEVICE_ID or not device.isprintable():
        device = ""
    outbox_text = headers.get(OUTBOX_HEADER, "").strip()
    outbox = int(outbox_text) if outbox_text.isascii() and outbox_text.isdigit() else None
    if outbox is not None and outbox > MAX_OUTBOX:
        outbox = None
    return DeskState(device or None, outbox, _moment(headers.get(CATALOGUE_HEADER, ""), now))


def _moment(text: str, now: dt.datetime) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None or moment.year < 2000 or moment > now + CLOCK_SLACK:
        return None
    return moment.astimezone(dt.UTC)


def record(
    engine: Engine,
    organization_id: str,
    headers: Mapping[str, str],
    *,
    pulled: bool,
    now: dt.datetime | None = None,
) -> bool:
    """Records a request's headers against its device; True if a row was written."""
    now = now or utcnow()
    state = parse_headers(headers, now)
    if state.device_id is None:
        return False
    d = t.devices.c
    values: dict[str, Any] = {}
    if state.outbox_waiting is not None:
        values["outbox_waiting"] = state.outbox_waiting
    if state.catalogue_pulled_at is not None:
        values["catalogue_pulled_at"] = state.catalogue_pulled_at
    stmt = update(t.devices).where(d.id == state.device_id, d.organization_id == organization_id)
    if pulled:
        values["last_pull_at"] = now
        stmt = stmt.where(or_(d.last_pull_at.is_(None), d.last_pull_at <= now - PULL_WRITE_EVERY))
    if not values:
        return False
    with engine.begin() as conn:
        return bool(conn.execute(stmt.values(**values)).rowcount)


def estate(
    engine: Engine,
    organization_id: str | None,
    now: dt.datetime,
    stale_hours: int = DEFAULT_STALE_HOURS,
) -> dict[str, Any]:
    """Every desk (of one organisation, or all) with its last contact; a desk not heard
    from by pull or push for `stale_hours` is stale."""
    d = t.devices.c
    query = select(
        d.id,
        d.organization_id,
        d.last_push_at,
        d.last_pull_at,
        d.outbox_waiting,
        d.catalogue_pulled_at,
    ).order_by(d.organization_id, d.id)
    if organization_id is not None:
        query = query.where(d.organization_id == organization_id)
    cutoff = now - dt.timedelta(hours=stale_hours)
    desks = []
    with reading(engine) as conn:
        for row in conn.execute(query):
            contacts = [m for m in (row.last_push_at, row.last_pull_at) if m is not None]
            desks.append(
                {
                    "device_id": row.id,
                    "organization_id": row.organization_id,
                    "last_push_at": _iso(row.last_push_at),
                    "last_pull_at": _iso(row.last_pull_at),
                    "outbox_waiting": row.outbox_waiting,
                    "catalogue_pulled_at": _iso(row.catalogue_pulled_at),
                    "stale": not contacts or max(contacts) < cutoff,
                }
            )
    return {"as_at": now.isoformat(), "stale_after_hours": stale_hours, "desks": desks}


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None
