"""Handing each desk the prefix of its enquiry references (`core.reference`).

Prefixes go out in order, one per device id and never to a second device, so references
made under them are unique across every desk without the hub seeing them being made: a
desk asks once (at sign-in, or at its next sync) and numbers its enquiries itself,
offline or not. A device keeps its prefix; asking again gives the same one.
"""

from __future__ import annotations

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import IntegrityError

from frontdesk.core import reference
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.columns import utcnow
from frontdesk.hub.sync.push import DeviceNotYours

#: Two hub processes handing out the next number at once: the loser tries the one after.
ATTEMPTS = 5


def prefix_for(engine: Engine, who: Principal, device_id: str) -> str:
    """The device's prefix, handed out now if it has none. Raises DeviceNotYours if the
    device belongs to another organisation."""
    p = t.reference_prefixes.c
    for attempt in range(ATTEMPTS):
        try:
            with engine.begin() as conn:
                held = conn.execute(
                    select(p.prefix, p.organization_id).where(p.device_id == device_id)
                ).first()
                if held is not None:
                    if held.organization_id != who.organization_id:
                        raise DeviceNotYours(device_id)
                    return str(held.prefix)
                owner = conn.scalar(
                    select(t.devices.c.organization_id).where(t.devices.c.id == device_id)
                )
                if owner is not None and owner != who.organization_id:
                    raise DeviceNotYours(device_id)
                last = conn.scalar(select(func.max(p.number)))
                number = 0 if last is None else int(last) + 1
                prefix = reference.hub_prefix(number)
                conn.execute(
                    insert(t.reference_prefixes).values(
                        prefix=prefix,
                        number=number,
                        device_id=device_id,
                        organization_id=who.organization_id,
                        created_at=utcnow(),
                    )
                )
                return prefix
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
