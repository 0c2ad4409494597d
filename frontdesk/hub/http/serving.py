"""How `frontdesk hub serve` runs uvicorn: its HTTP/1.1 protocol with Nagle's algorithm
off on every connection, and a bound on a graceful shutdown.

With `--workers` above 1, uvicorn binds the listening socket itself as
`socket(AF_INET, SOCK_STREAM)` (protocol 0), and asyncio only sets TCP_NODELAY on sockets
whose protocol is IPPROTO_TCP. The accepted connections then keep Nagle on: a response
written as headers then body waits for the client's delayed ACK, ~40 ms on every
keep-alive request (measured: 44 ms per `GET /` with 2 workers, 0.4 ms with 1).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket

from uvicorn.protocols.http.h11_impl import H11Protocol

#: Seconds a stopping hub (SIGTERM: a restart, a deploy) waits for requests in flight
#: before ending them. Without a bound, uvicorn waits for every desk's held long-poll to
#: run out (up to the 25 s `wait`), so a restart under live desks took that long; a push
#: or a page takes well under this. A request ended here is one the desk never heard
#: answered: it asks again, as after a lost answer (pushes are idempotent).
GRACEFUL_SHUTDOWN = 5


class NoDelayH11Protocol(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):  # not fatal: only slower
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
