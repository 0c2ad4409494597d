"""Between two sync rounds, a desk that is online long-polls the hub's change feed, so a
change made at the hub (an agency's referral status, a catalogue edit) arrives within
about a second instead of at the next timed round.

`LiveWait.hold(seconds)` takes the place of sleeping `seconds` between rounds. It asks
`GET /sync/v1/changes?wait=N` from the stored cursor, on a thread of its own, and returns:
- the page, as soon as one with changes arrives (the next round applies it without asking
  again: `HeldPage`);
- None when the syncer is woken (a save, F5, stop): the request in flight is abandoned at
  once, not waited for, so a save is pushed without delay. Its thread finishes when the
  hub answers (by the end of the hub's wait, ≤ 25 s); the hub holds it as a coroutine,
  so the abandoned request costs the hub almost nothing;
- None once `seconds` have passed: a full round runs, exactly as with timed polling.

A hub that does not put `wait` in its answer has no live feed (an older hub): the desk
then sleeps out the interval as before and asks again only after `RETRY_OLD_HUB`, so it
never loops on an answer given at once. A long-poll that fails (the hub process was
killed, a proxy cut the connection) ends the hold after a growing pause, so the next
round, with its own backoff and reconnect probes, decides whether the desk is offline; a
hub that keeps failing long-polls while rounds succeed is asked no more often than that
growing pause allows (at worst once per interval, as before).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from frontdesk.sync.backoff import Backoff
from frontdesk.sync.client import ChangePage, HubClient
from frontdesk.sync.errors import SyncError

log = logging.getLogger(__name__)

#: Seconds asked of the hub per long-poll; it holds at most its own maximum (25 s by
#: default), below common proxies' idle timeouts.
LIVE_WAIT = 25
#: After an answer without `wait` (a hub without the live feed), seconds before trying
#: the live feed again (the hub may have been upgraded).
RETRY_OLD_HUB = 600.0
#: Shortest hold worth a long-poll; a shorter one just sleeps.
SHORTEST = 1.0


@dataclass(frozen=True, slots=True)
class HeldPage:
    """A page a long-poll brought for the cursor `after`: usable by a round that starts
    from that same cursor."""

    after: str
    page: ChangePage


#: (the client to ask with, the cursor to ask from), or None when the desk cannot
#: long-poll now (not signed in, or its catalogue must be rebuilt first).
Target = Callable[[], tuple[HubClient, str] | None]


class LiveWait:
    """`woken` is the syncer's wake-up event; the syncer calls `note_wake()` just before
    setting it. The long-poll's thread sets the same event when its answer is in, and the
    count of wake-ups tells that apart from a wake-up that came at the same moment."""

    def __init__(self, target: Target, woken: threading.Event, *, wait: int = LIVE_WAIT) -> None:
        self._target = target
        self._woken = woken
        self._wake_count = 0
        self._wait = wait
        self._errors = Backoff(first=1.0, cap=60.0)
        self._old_hub_until = 0.0

    def note_wake(self) -> None:
        self._wake_count += 1

    def _wakes(self) -> int:
        return self._wake_count

    def hold(self, seconds: float) -> HeldPage | None:
        """Wait up to `seconds` for a change, a wake-up or the end (see the module)."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self._wait <= 0 or left < SHORTEST or time.monotonic() < self._old_hub_until:
                self._woken.wait(left)
                return None
            try:
                target = self._target()
            except SyncError as error:
                log.debug("no long-poll now: %s", error)
                target = None
            if target is None:
                self._woken.wait(left)
                return None
            client, cursor = target
            poll = _LongPoll(client, cursor, min(self._wait, int(left)), self._woken, self._wakes)
            outcome = poll.run()
            if outcome is None:  # woken
                return None
            if isinstance(outcome, Exception):
                pause = self._errors.next_delay()
                log.info("long-poll failed (%s); next round in %.0f s", outcome, pause)
                self._woken.wait(min(pause, max(0.0, deadline - time.monotonic())))
                return None
            self._errors.reset()
            if outcome.wait is None:
                log.info("the hub has no live feed; polling every round instead")
                self._old_hub_until = time.monotonic() + RETRY_OLD_HUB
                continue
            if outcome.changes:
                return HeldPage(cursor, outcome)
        return None


class _LongPoll:
    """One `changes?wait=` request on a thread of its own, abandoned if `woken` is set."""

    def __init__(
        self,
        client: HubClient,
        cursor: str,
        wait: int,
        woken: threading.Event,
        wakes: Callable[[], int],
    ) -> None:
        self._client, self._cursor, self._wait = client, cursor, wait
        self._woken, self._wakes = woken, wakes
        self._lock = threading.Lock()
        self._abandoned = False
        self._result: ChangePage | Exception | None = None

    def run(self) -> ChangePage | Exception | None:
        """The page, the error, or None if woken first."""
        wakes = self._wakes()
        if self._woken.is_set():
            self._client.close()
            return None
        threading.Thread(target=self._ask, name="frontdesk-live", daemon=True).start()
        while True:
            self._woken.wait()
            with self._lock:
                if self._result is not None:
                    result, self._result = self._result, None
                    self._woken.clear()  # set by _ask…
                    if self._wakes() != wakes:
                        self._woken.set()  # …and by a wake-up too: keep that one
                    return result
                self._abandoned = True
                return None

    def _ask(self) -> None:
        result: ChangePage | Exception
        try:
            with self._client:
                result = self._client.changes(self._cursor, _PAGE, wait=self._wait)
        except SyncError as error:
            result = error
        except Exception as error:  # a bug: reported by the hold, never kills the desk
            log.exception("long-poll failed unexpectedly")
            result = error
        with self._lock:
            if not self._abandoned:
                self._result = result
                self._woken.set()


_PAGE = 1000  # the hub's largest page, as a round's pull asks (pull.PAGE)
