"""Holding a desk's pull until the feed moves: the hub side of the live change feed.

A desk that sends `wait=N` on `GET /sync/v1/changes` is answered at once when there is
something after its cursor, and otherwise held (a coroutine waiting in the event loop, no
thread and no database connection) until a change is committed or N seconds pass.

Each hub process learns of commits from ONE PostgreSQL connection that LISTENs on the
channel the `changes` table's trigger notifies (migration 0010), and fans that out to its
waiting requests by bumping a generation counter. On SQLite (the embedded demo) there is
no NOTIFY: one task per process looks at the feed's newest sequence number twice a
second instead. If the listening connection is lost, waiters are woken on each reconnect
attempt (so they re-read, a slow poll) until it is back.

Two subtleties:
- A notification can arrive before a fresh snapshot may serve the change: an older
  transaction still running keeps the snapshot's xmin at or below the new change's xid
  (changes.py). The read then says `pending` and the request asks again after a short,
  growing pause instead of waiting for a notification that has already come.
- When a commit wakes hundreds of desks of one organisation with the same cursor, one
  read serves them all: requests that start reading the same (cursor, limit,
  organisation) in the same generation share it. Only reads started after the request's
  own generation are shared, so none can miss a commit it was woken for.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable

from sqlalchemy import Engine, func, select
from starlette.concurrency import run_in_threadpool

from frontdesk.hub import schema as t
from frontdesk.hub.sync.changes import LivePage, read_live_page

log = logging.getLogger("frontdesk.hub.live")

CHANNEL = "frontdesk_changes"
#: The longest a hub holds a pull by default: below the idle timeouts of common proxies
#: and load balancers (nginx 60 s, AWS ALB 60 s, many corporate proxies 30 s).
DEFAULT_MAX_WAIT = 25
#: SQLite: how often the feed's newest row is looked at while desks may be waiting.
SQLITE_POLL = 0.5
#: After a wake, further notifications within this long are folded into one: a burst of
#: commits (a busy push load) wakes the waiting desks at most this often.
FOLD = 0.02
#: Pauses before re-reading a page whose changes are committed but not yet servable.
PENDING_FIRST, PENDING_MAX = 0.02, 0.5
#: Pauses between attempts to reconnect the listening connection (each wakes waiters).
RECONNECT_FIRST, RECONNECT_MAX = 0.5, 5.0

_Key = tuple[str | None, int, str, int]


class ChangeSignal:
    """One per hub process: `generation` goes up whenever the feed may have moved."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.generation = 0
        self._next: asyncio.Future[None] | None = None
        self._task: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()
        self._reads: dict[_Key, asyncio.Task[LivePage]] = {}

    async def started(self) -> None:
        """Listening (or polling) from now on: a commit after this returns is noticed."""
        if self._task is None:
            watch = self._listen if self._engine.dialect.name == "postgresql" else self._poll
            self._task = asyncio.create_task(watch(), name="frontdesk-live")
        await self._ready.wait()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def bump(self) -> None:
        self.generation += 1
        waiting, self._next = self._next, None
        if waiting is not None and not waiting.done():
            waiting.set_result(None)

    async def changed(self, since: int, timeout: float) -> bool:
        """Wait until the generation passes `since` (True) or `timeout` ends (False)."""
        if self.generation != since:
            return True
        if timeout <= 0:
            return False
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
        await asyncio.wait([self._next], timeout=timeout)
        return self.generation != since

    def read(self, cursor: str | None, limit: int, org: str) -> Awaitable[LivePage]:
        """The page after `cursor`, from a read started in the current generation (one
        already running is shared)."""
        key = (cursor, limit, org, self.generation)
        task = self._reads.get(key)
        if task is None:
            task = asyncio.ensure_future(
                run_in_threadpool(read_live_page, self._engine, cursor, limit, org)
            )
            self._reads[key] = task
            task.add_done_callback(lambda _: self._reads.pop(key, None))
        return asyncio.shield(task)

    # -- PostgreSQL -----------------------------------------------------------------

    async def _listen(self) -> None:
        import psycopg

        url = self._engine.url.set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        pause = RECONNECT_FIRST
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    pause = RECONNECT_FIRST
                    self._ready.set()
                    self.bump()  # whatever committed while nobody listened
                    await self._relay(conn.notifies())
            except Exception as error:  # lost, refused, or a bug: never stop waking waiters
                log.warning("live feed: listening connection lost (%s); reconnecting", error)
            self._ready.set()  # waiters go on, woken by each attempt below
            await asyncio.sleep(pause)
            pause = min(pause * 2, RECONNECT_MAX)
            self.bump()

    async def _relay(self, notifications: AsyncIterator[object]) -> None:
        last = 0.0
        async for _ in notifications:
            folded = FOLD - (time.monotonic() - last)
            if folded > 0:
                await asyncio.sleep(folded)  # later notifications queue meanwhile
            last = time.monotonic()
            self.bump()

    # -- SQLite ---------------------------------------------------------------------

    async def _poll(self) -> None:
        newest = await run_in_threadpool(self._newest)
        self._ready.set()
        while True:
            await asyncio.sleep(SQLITE_POLL)
            try:
                now = await run_in_threadpool(self._newest)
            except Exception as error:  # a busy or vanished file: try again next time
                log.warning("live feed: could not read the feed's end: %s", error)
                continue
            if now != newest:
                newest = now
                self.bump()

    def _newest(self) -> int | None:
        with self._engine.connect() as conn:
            value: int | None = conn.scalar(select(func.max(t.changes.c.seq)))
            return value


async def wait_for_page(
    signal: ChangeSignal, cursor: str | None, limit: int, org: str, wait: float
) -> LivePage:
    """The first page after `cursor` with changes, or the last empty one once `wait`
    seconds have passed."""
    await signal.started()
    deadline = time.monotonic() + wait
    pause = PENDING_FIRST
    while True:
        generation = signal.generation
        page = await signal.read(cursor, limit, org)
        left = deadline - time.monotonic()
        if not page.empty or left <= 0:
            return page
        if page.pending:
            # Committed but not yet servable: ask again soon, whatever is notified.
            await asyncio.sleep(min(pause, left))
            pause = min(pause * 2, PENDING_MAX)
        else:
            pause = PENDING_FIRST
            if not await signal.changed(generation, left):
                return page
