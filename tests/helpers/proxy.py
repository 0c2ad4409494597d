"""A small fault-injecting HTTP proxy on loopback, between desks and hub processes.

It forwards each request to the next upstream in turn (so two hub processes share the
load), and on request can: refuse every connection (the network is down), forward a
request but drop the hub's response (the hub committed, the desk never heard), send half
of a response and hang up (the link broke mid-answer), send a request to the hub twice
at once (a retry racing its original), or cut every connection open now (`cut_open`: the
link broke while the hub was holding a long-poll).
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Faults:
    down: bool = False
    drop_responses: dict[str, int] = field(default_factory=dict)  # path prefix → how many
    duplicate: dict[str, int] = field(default_factory=dict)  # path prefix → how many
    truncate: dict[str, int] = field(default_factory=dict)  # path prefix → how many
    requests: list[str] = field(default_factory=list)  # "METHOD path" of every request seen
    dropped: int = 0

    def take(self, table: dict[str, int], path: str) -> bool:
        for prefix, left in table.items():
            if left > 0 and path.startswith(prefix):
                table[prefix] = left - 1
                return True
        return False


class FaultProxy:
    def __init__(self, upstreams: list[str]) -> None:
        self.upstreams = upstreams
        self.faults = Faults()
        self._lock = threading.Lock()
        self._turn = itertools.count()
        self._open: set[socket.socket] = set()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                return

            def _relay(self) -> None:
                proxy.handle(self)

            do_GET = do_POST = _relay

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def cut_open(self) -> int:
        """Hang up on every desk connection now being answered; how many there were."""
        with self._lock:
            open_now = list(self._open)
        for connection in open_now:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        return len(open_now)

    def _upstream(self) -> str:
        with self._lock:
            return self.upstreams[next(self._turn) % len(self.upstreams)]

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self._open.add(handler.connection)
        try:
            self._handle(handler)
        except OSError:  # the desk's side was cut (`cut_open`): nobody to answer
            handler.close_connection = True
        finally:
            with self._lock:
                self._open.discard(handler.connection)

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.faults.requests.append(f"{handler.command} {path}")
            down = self.faults.down
            drop = not down and self.faults.take(self.faults.drop_responses, path)
            twice = not down and self.faults.take(self.faults.duplicate, path)
            cut = not down and self.faults.take(self.faults.truncate, path)
        if down:
            _hang_up(handler)
            return
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        headers = {
            k: v for k, v in handler.headers.items() if k.lower() not in ("host", "connection")
        }
        try:
            if twice:
                with ThreadPoolExecutor(2) as pool:
                    answers = list(
                        pool.map(
                            lambda _: _forward(
                                self._upstream(), handler.command, path, headers, body
                            ),
                            range(2),
                        )
                    )
                answer = answers[0]
            else:
                answer = _forward(self._upstream(), handler.command, path, headers, body)
        except OSError:
            _hang_up(handler)
            return
        if drop:
            with self._lock:
                self.faults.dropped += 1
            _hang_up(handler)
            return
        status, reason, answer_headers, payload = answer
        handler.send_response_only(status, reason)
        for key, value in answer_headers:
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(payload)))
        handler.send_header("Connection", "close")
        handler.end_headers()
        if cut:  # the full length promised, half of it sent
            handler.wfile.write(payload[: len(payload) // 2])
            handler.wfile.flush()
            _hang_up(handler)
            return
        handler.wfile.write(payload)
        handler.close_connection = True


def _forward(
    upstream: str, method: str, path: str, headers: dict[str, str], body: bytes
) -> tuple[int, str, list[tuple[str, str]], bytes]:
    parts = urlsplit(upstream)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request(method, path, body=body or None, headers=headers)
        response = conn.getresponse()
        return response.status, response.reason, response.getheaders(), response.read()
    finally:
        conn.close()


def _hang_up(handler: BaseHTTPRequestHandler) -> None:
    handler.close_connection = True
    with contextlib.suppress(OSError):
        handler.connection.shutdown(socket.SHUT_RDWR)
