"""A desk tells the hub about itself as it syncs: the hub's record of the device shows
the outbox it reported and when it last pulled the catalogue, written on every push and
at most once a minute on pulls."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, select

from frontdesk.hub import schema as h
from frontdesk.sync.pull import PULLED_AT
from tests.helpers.hub_process import HubProcess


def _device(hub_engine: Engine, device_id: str) -> Any:
    with hub_engine.connect() as conn:
        return conn.execute(select(h.devices).where(h.devices.c.id == device_id)).one()


def test_the_hub_learns_the_desks_outbox_and_catalogue_pull(
    hub: HubProcess,
    hub_engine: Engine,
    make_desk,  # type: ignore[no-untyped-def]
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.log_enquiries(3)
    desk.sync()
    device = _device(hub_engine, desk.log.device_id())
    # The push said what waited; the first pull after it (the device's first) said the
    # outbox was empty, before the catalogue was pulled.
    assert device.outbox_waiting == 0
    assert device.last_push_at is not None and device.last_pull_at is not None
    assert device.catalogue_pulled_at is None

    desk.log_enquiries(2)
    waiting = desk.log.outbox_size()
    assert waiting > 0
    desk.sync()
    device = _device(hub_engine, desk.log.device_id())
    store = desk.syncer().catalogue.store
    pulled = dt.datetime.fromisoformat(str(store.meta(PULLED_AT)))
    store.close()
    # The push carried what waited and the first sync's catalogue pull; the pull that
    # followed within the minute did not write the device again.
    assert device.outbox_waiting == waiting
    assert device.catalogue_pulled_at == pulled
