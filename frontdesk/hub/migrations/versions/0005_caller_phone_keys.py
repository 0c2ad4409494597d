"""Callers' telephone numbers matched in E.164.

The key kept beside each caller's telephone number was its national digits, which missed
the same UK number written "0044 …" or "+44 (0)…". It is now the number in E.164 (see
`frontdesk.hub.enquiries.callers.phone_key`); this step recomputes the key of every
caller already held, so earlier callers are found too. The schema is unchanged.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from frontdesk.hub.enquiries.callers import phone_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_CALLERS = sa.table(
    "enquiry_callers",
    sa.column("enquiry_id", sa.String()),
    sa.column("phone", sa.String()),
    sa.column("phone_key", sa.String()),
)


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_CALLERS.c.enquiry_id, _CALLERS.c.phone).where(_CALLERS.c.phone.is_not(None))
    ).all()
    for enquiry_id, phone in rows:
        conn.execute(
            sa.update(_CALLERS)
            .where(_CALLERS.c.enquiry_id == enquiry_id)
            .values(phone_key=phone_key(phone))
        )


def downgrade() -> None:
    # The old keys cannot be told apart from the new ones; nothing to undo in the schema.
    pass
