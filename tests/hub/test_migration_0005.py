"""Revision 0005 re-keys the callers already held, so a number stored before E.164 keys
is found by every way of writing it. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import Engine, insert, select

from frontdesk.hub import schema as t
from frontdesk.hub.db import create_hub_engine, writing
from frontdesk.hub.enquiries.callers import phone_key
from frontdesk.hub.migrate import _config, current_revision, upgrade


def test_callers_held_before_are_re_keyed_in_e164(db_url: str) -> None:
    engine: Engine = create_hub_engine(db_url)
    try:
        with writing(engine) as conn:  # a fresh SQLite file, or PostgreSQL's migrated copy
            if current_revision(engine) is None:
                command.upgrade(_config(conn), "0003")
            else:
                command.downgrade(_config(conn), "0003")
        now = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
        with writing(engine) as conn:
            conn.execute(insert(t.organizations).values(id="c", name="C", created_at=now))
            account = conn.execute(
                insert(t.accounts)
                .values(
                    name="a", role="adviser", organization_id="c", password_hash="x", created_at=now
                )
                .returning(t.accounts.c.id)
            ).scalar_one()
            conn.execute(
                insert(t.enquiries).values(
                    id="e1",
                    organization_id="c",
                    account_id=account,
                    device_id="d",
                    created_at=now,
                    updated_at=now,
                )
            )
            conn.execute(
                insert(t.enquiry_callers).values(
                    enquiry_id="e1",
                    phone="+44 (0)7700 900123",
                    phone_key="0007700900123",
                    updated_at=now,
                )
            )
        upgrade(engine)
        with engine.connect() as conn:
            key = conn.scalar(select(t.enquiry_callers.c.phone_key))
        assert key == "+447700900123" == phone_key("0044 7700 900123")
    finally:
        engine.dispose()
