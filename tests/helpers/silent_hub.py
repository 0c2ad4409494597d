"""A "hub" on loopback that accepts every connection and never answers: what a desk sees
when the hub's process hangs or a firewall swallows the replies."""

from __future__ import annotations

import contextlib
import socket
import threading


class SilentHub:
    """Listens on 127.0.0.1, holds each connection open and reads what is sent, unanswered."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.accepted = 0
        self._held: list[socket.socket] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:  # closed
                return
            with self._lock:
                self.accepted += 1
                self._held.append(conn)

    def close(self) -> None:
        # shutdown wakes the accept() in progress, which close alone does not on Linux.
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            for conn in self._held:
                conn.close()
        self._thread.join(5)
