"""Noticing that the way to the hub is back, so a desk that went offline syncs at once
rather than at the end of its backoff (which grows to five minutes).

While a desk is offline its syncer tries, every few seconds, to open a TCP connection to
the first hop on the way to the hub: the proxy requests would use (its standard
environment variables, or the machine-wide configuration's), else the hub itself. It
sends nothing and closes at once. Only a change from "cannot connect" to "can" counts as
a reconnect: a hub that accepts connections but fails requests (overloaded, or restarting
behind a load balancer) keeps its backoff, so the desks do not hammer it. A random pause
of up to one probe interval spreads a contact centre's desks that all come back at the
same moment.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from urllib.parse import urlsplit

from frontdesk.sync.client import proxy_for

#: Seconds between probes while offline.
PROBE_INTERVAL = 5.0
#: Longest a probe waits for a connection (a dead route often drops packets silently).
CONNECT_TIMEOUT = 1.0

Hop = tuple[str, int]
_RANDOM = random.Random()


def first_hop(hub_url: str) -> Hop:
    """Host and port of the first connection a request to the hub opens."""
    target = urlsplit(proxy_for(hub_url) or hub_url)
    return target.hostname or "", target.port or (443 if target.scheme == "https" else 80)


def can_connect(hop: Hop, timeout: float = CONNECT_TIMEOUT) -> bool:
    try:
        with socket.create_connection(hop, timeout=timeout):
            return True
    except OSError:
        return False


def wait_for_reconnect(
    hop: Hop,
    seconds: float,
    woken: threading.Event,
    *,
    interval: float = PROBE_INTERVAL,
    rng: random.Random | None = None,
) -> bool:
    """Wait up to `seconds`, or until `woken` is set, probing `hop` every `interval`.
    True if the wait ended because `hop` could not be reached and then could."""
    deadline = time.monotonic() + seconds
    was_down = not can_connect(hop)
    while (left := deadline - time.monotonic()) > 0:
        if woken.wait(min(interval, left)):
            return False
        up = can_connect(hop)
        if up and was_down:
            woken.wait((rng or _RANDOM).uniform(0, interval))  # spread the desks out
            return True
        was_down = not up
    return False
