"""The change feed desks pull: every catalogue upsert or tombstone, and every row an
organisation's desks should learn about (referral status), in commit order.

Why (xid, seq) and not seq alone: on PostgreSQL sequence values are taken when a row is
written but become visible when its transaction commits, so a transaction holding seq 7
can commit after one holding seq 8. A reader that had moved its cursor past 8 would never
see 7. Each row is therefore stamped with its transaction's id, and a pull serves only rows
whose xid is below the oldest transaction still running (`pg_snapshot_xmin`): every such
transaction has finished, so nothing can later appear below the cursor. Rows are ordered
by (xid, seq). On SQLite writers queue (BEGIN IMMEDIATE) so seq order is commit order and
xid is stored as 0.

Retention: `prune` compacts old history (see its docstring). When it deletes tombstones it
raises the floor (the newest tombstone deleted) and starts a new epoch. A cursor carries
the epoch its walk started in: one from an earlier epoch that is still below the floor may
have missed a deleted tombstone, so it is refused with `CursorExpired` (410) and the desk
rebuilds its catalogue from the start of the feed. A walk started after the prune is never
refused, although the compacted rows it reads lie below the floor.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring_ascii
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    Row,
    delete,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import insert_ignoring_conflict, is_postgres, writing

UPSERT, DELETE = "upsert", "delete"
FLOOR_KEY = "floor"
EPOCH_KEY = "epoch"
CURSOR_VERSION = "1"


class CursorError(ValueError):
    """The cursor is not one this hub handed out."""


class CursorExpired(Exception):
    """The cursor is older than the feed's retention; the desk must start again."""


@dataclass(frozen=True, slots=True, order=True)
class Position:
    xid: int
    seq: int


START = Position(0, 0)


@dataclass(frozen=True, slots=True)
class Cursor:
    epoch: int
    position: Position


@dataclass(frozen=True, slots=True)
class Change:
    """One entry to write: `scope_org` None means every desk may see it."""

    kind: str
    entity_id: str
    op: str
    data: dict[str, Any] | None = None
    scope_org: str | None = None


@dataclass(frozen=True, slots=True)
class FeedPage:
    changes: list[dict[str, Any]]
    cursor: str
    has_more: bool


def encode_cursor(cursor: Cursor) -> str:
    p = cursor.position
    raw = f"{CURSOR_VERSION}:{cursor.epoch}:{p.xid}:{p.seq}".encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(text: str) -> Cursor:
    try:
        padded = text + "=" * (-len(text) % 4)
        fields = base64.urlsafe_b64decode(padded.encode("ascii")).decode("ascii").split(":")
        version, epoch, xid, seq = fields
        if version != CURSOR_VERSION:
            raise ValueError(version)
        cursor = Cursor(int(epoch), Position(int(xid), int(seq)))
    except (ValueError, UnicodeError, binascii.Error) as error:
        raise CursorError("the cursor is not one this hub handed out") from error
    numbers = (cursor.epoch, cursor.position.xid, cursor.position.seq)
    if min(numbers) < 0 or max(numbers) >= 2**63:  # beyond a BIGINT: forged, and a 500
        raise CursorError("the cursor is not one this hub handed out")
    return cursor


def _xid_now(conn: Connection) -> ColumnElement[int]:
    if is_postgres(conn):
        return literal_column("pg_current_xact_id()::text::bigint", BigInteger)
    return literal(0)


def record_changes(conn: Connection, changes: Sequence[Change]) -> None:
    """Append to the feed inside the caller's transaction, so the change is visible exactly
    when the write it describes is."""
    if not changes:
        return
    now = utcnow()
    rows = [
        {
            "kind": c.kind,
            "entity_id": c.entity_id,
            "op": c.op,
            "payload": None if c.data is None else json.dumps(c.data, sort_keys=True),
            "scope_org": c.scope_org,
            "created_at": now,
        }
        for c in changes
    ]
    conn.execute(insert(t.changes).values(xid=_xid_now(conn)), rows)


def _state(conn: Connection, key: str) -> str | None:
    value: str | None = conn.scalar(select(t.feed_state.c.value).where(t.feed_state.c.key == key))
    return value


def read_floor(conn: Connection) -> tuple[int, Position]:
    """The current epoch and the floor below which older epochs' cursors expire."""
    epoch, floor = _state(conn, EPOCH_KEY), _state(conn, FLOOR_KEY)
    if floor is None:
        return int(epoch or 0), START
    xid, seq = floor.split(":")
    return int(epoch or 0), Position(int(xid), int(seq))


def _set_state(conn: Connection, key: str, value: str) -> None:
    if not insert_ignoring_conflict(conn, t.feed_state, {"key": key, "value": value}):
        conn.execute(update(t.feed_state).where(t.feed_state.c.key == key).values(value=value))


@dataclass(frozen=True, slots=True)
class _RawPage:
    rows: Sequence[Row[Any, Any, Any, Any, Any, Any]]  # xid, seq, kind, id, op, payload
    cursor: str
    has_more: bool
    pending: bool = False


def read_changes(engine: Engine, cursor: str | None, limit: int, org: str) -> FeedPage:
    """One page of the feed after `cursor`, as the organisation `org` may see it."""
    raw = _read_page(engine, cursor, limit, org)
    return FeedPage(
        changes=[
            {
                "kind": r.kind,
                "id": r.entity_id,
                "op": r.op,
                "data": None if r.payload is None else json.loads(r.payload),
            }
            for r in raw.rows
        ],
        cursor=raw.cursor,
        has_more=raw.has_more,
    )


def read_changes_json(engine: Engine, cursor: str | None, limit: int, org: str) -> bytes:
    """The same page as `read_changes`, already encoded as the response body."""
    return _encode(_read_page(engine, cursor, limit, org))


@dataclass(frozen=True, slots=True)
class LivePage:
    """A page for a desk that is prepared to wait: `body` as `read_changes_json` makes it;
    `empty` when it carries no change; `pending` when changes for this desk are committed
    after the cursor but not yet servable (an older transaction is still running, so their
    xid is not below the snapshot's xmin): worth asking again shortly, not worth waiting
    for a notification that has already come."""

    body: bytes
    empty: bool
    pending: bool


def read_live_page(engine: Engine, cursor: str | None, limit: int, org: str) -> LivePage:
    raw = _read_page(engine, cursor, limit, org, check_pending=True)
    return LivePage(_encode(raw), not raw.rows, raw.pending)


def _encode(raw: _RawPage) -> bytes:
    """The response body for a page.

    Why: serving the feed is the hub's hottest path (a new desk pulls the whole catalogue),
    and each payload is stored as the JSON text the hub itself wrote. Splicing that text
    into the body, instead of parsing it and encoding it again, more than doubles the rows
    a hub process serves per second."""
    quote = encode_basestring_ascii
    parts = [
        f'{{"kind":{quote(r.kind)},"id":{quote(r.entity_id)},"op":{quote(r.op)},'
        f'"data":{"null" if r.payload is None else r.payload}}}'
        for r in raw.rows
    ]
    more = "true" if raw.has_more else "false"
    body = f'{{"changes":[{",".join(parts)}],"cursor":{quote(raw.cursor)},"has_more":{more}}}'
    return body.encode("utf-8")


def _read_page(
    engine: Engine, cursor: str | None, limit: int, org: str, *, check_pending: bool = False
) -> _RawPage:
    after = decode_cursor(cursor) if cursor else None
    c = t.changes.c
    mine = select(c.xid, c.seq, c.kind, c.entity_id, c.op, c.payload).where(
        or_(c.scope_org.is_(None), c.scope_org == org)
    )
    if after is not None:
        p = after.position
        mine = mine.where(tuple_(c.xid, c.seq) > tuple_(literal(p.xid), literal(p.seq)))
    query = mine
    visible = _visible_xid_limit_for(engine)
    if visible is not None:
        query = query.where(visible)
    query = query.order_by(c.xid, c.seq).limit(limit + 1)
    held_back = None
    if check_pending and visible is not None:
        held_back = select(mine.where(~visible).exists())
    # One snapshot for the floor and the rows, so a prune committing in between cannot
    # delete a tombstone this page was about to carry past the floor.
    # (SQLite's read transactions are snapshots already.)
    options = {"isolation_level": "REPEATABLE READ"} if visible is not None else {}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        epoch, floor = read_floor(conn)
        if after is not None and after.epoch < epoch and after.position < floor:
            raise CursorExpired()
        rows = conn.execute(query).all()
        pending = bool(conn.scalar(held_back)) if held_back is not None and not rows else False
    has_more = len(rows) > limit
    rows = rows[:limit]
    start = after.position if after else START
    last = Position(rows[-1].xid, rows[-1].seq) if rows else start
    # A cursor that passed the check is safe in the current epoch too.
    return _RawPage(rows, encode_cursor(Cursor(epoch, last)), has_more, pending)


def _visible_xid_limit_for(engine: Engine) -> ColumnElement[bool] | None:
    if engine.dialect.name != "postgresql":
        return None
    xmin = literal_column("pg_snapshot_xmin(pg_current_snapshot())::text::bigint", BigInteger)
    return t.changes.c.xid < xmin


@dataclass(frozen=True, slots=True)
class PruneReport:
    superseded: int
    tombstones: int
    floor: Position


def prune(engine: Engine, keep_days: int) -> PruneReport:
    """Compact the feed's history older than `keep_days`.

    - An entry older than the cutoff that a later entry for the same entity (kind, id,
      scope) supersedes is deleted: every cursor before it will still reach the later one,
      so no desk can tell the difference.
    - A tombstone older than the cutoff that is the entity's latest entry is deleted too:
      a desk starting from scratch has no use for it. A desk whose cursor is below it would
      miss the deletion, so the floor rises to the newest tombstone deleted and such
      cursors get 410 and rebuild.
    Recent history (younger than the cutoff) is kept whole.
    """
    cutoff = utcnow() - dt.timedelta(days=keep_days)
    c = t.changes.c
    rank = (
        func.row_number()
        .over(
            partition_by=(c.kind, c.entity_id, c.scope_org),
            order_by=(c.xid.desc(), c.seq.desc()),
        )
        .label("rank")
    )
    ranked = select(c.seq, c.xid, c.op, c.created_at, rank).subquery()
    with writing(engine) as conn:
        old = conn.execute(
            select(ranked.c.seq, ranked.c.xid, ranked.c.op, ranked.c.rank).where(
                ranked.c.created_at < cutoff
            )
        ).all()
        superseded = [r.seq for r in old if r.rank > 1]
        tombstones = [r for r in old if r.rank == 1 and r.op == DELETE]
        epoch, floor = read_floor(conn)
        if tombstones:
            floor = max(floor, max(Position(r.xid, r.seq) for r in tombstones))
            _set_state(conn, FLOOR_KEY, f"{floor.xid}:{floor.seq}")
            _set_state(conn, EPOCH_KEY, str(epoch + 1))
        doomed = superseded + [r.seq for r in tombstones]
        for start in range(0, len(doomed), 1000):
            conn.execute(delete(t.changes).where(c.seq.in_(doomed[start : start + 1000])))
    return PruneReport(len(superseded), len(tombstones), floor)
