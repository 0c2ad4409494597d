"""A local stand-in for GOV.UK Notify, which cannot be reached from the test machines.

A real HTTP server on loopback answering the Notify v2 endpoints the official client
calls — send SMS, send e-mail, get a notification by id, list notifications by reference —
checking each request's JWT with the client library's own decoder, as Notify does, and
recording what it was sent. Tests script its failures: down (503), 400 with Notify's error
body, 429, and "sent but the answer lost" (it stores the notification and then answers
500, as a timeout after Notify accepted a request would look to the hub).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from notifications_python_client.authentication import decode_jwt_token

SERVICE_ID = "8b6e2d3c-1f0a-4c5e-9d7b-2a3c4d5e6f70"
SECRET = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
API_KEY = f"frontdesk_test-{SERVICE_ID}-{SECRET}"


@dataclass
class NotifyScript:
    """What the server does next; tests change it as they go."""

    fail_with: list[int] = field(default_factory=list)  # statuses for the next sends
    lose_answer: int = 0  # the next N sends are stored, then answered 500
    status: str = "sending"  # what GET reports for every notification
    sent: list[dict[str, Any]] = field(default_factory=list)  # stored notifications
    requests: list[str] = field(default_factory=list)  # "METHOD path"
    bad_tokens: int = 0


def _error(status: int, message: str) -> dict[str, Any]:
    kind = {400: "BadRequestError", 429: "RateLimitError"}.get(status, "Exception")
    return {"status_code": status, "errors": [{"error": kind, "message": message}]}


MESSAGES = {
    400: "phone_number Not a UK mobile number",
    429: "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds",
    500: "Internal server error",
    503: "Service unavailable",
}


class _Handler(BaseHTTPRequestHandler):
    script: NotifyScript
    lock: threading.Lock

    def log_message(self, *_: object) -> None:
        pass

    def _answer(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _authorised(self) -> bool:
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        try:
            decode_jwt_token(token, SECRET)
        except Exception:
            self.script.bad_tokens += 1
            self._answer(403, _error(403, "Invalid token: signature"))
            return False
        return True

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        self.script.requests.append(f"POST {path}")
        if not self._authorised():
            return
        kind = {"/v2/notifications/sms": "sms", "/v2/notifications/email": "email"}.get(path)
        if kind is None:
            self._answer(404, _error(404, "Not found"))
            return
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        with self.lock:
            if self.script.fail_with:
                status = self.script.fail_with.pop(0)
                self._answer(status, _error(status, MESSAGES[status]))
                return
            stored = {"id": str(uuid.uuid4()), "type": kind, **body}
            self.script.sent.append(stored)
            if self.script.lose_answer:
                self.script.lose_answer -= 1
                self._answer(500, _error(500, MESSAGES[500]))
                return
        self._answer(201, {"id": stored["id"], "reference": body.get("reference"), "content": {}})

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        self.script.requests.append(f"GET {parts.path}")
        if not self._authorised():
            return
        if parts.path == "/v2/notifications":
            reference = parse_qs(parts.query).get("reference", [None])[0]
            found = [self._view(n) for n in self.script.sent if n.get("reference") == reference]
            self._answer(200, {"notifications": found, "links": {}})
            return
        wanted = parts.path.removeprefix("/v2/notifications/")
        for n in self.script.sent:
            if n["id"] == wanted:
                self._answer(200, self._view(n))
                return
        self._answer(404, _error(404, "No result found"))

    def _view(self, n: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": n["id"],
            "reference": n.get("reference"),
            "type": n["type"],
            "status": self.script.status,
        }


@contextmanager
def notify_server() -> Iterator[tuple[str, NotifyScript]]:
    """(base URL, script) of a server running for the `with` block."""
    script = NotifyScript()
    handler = type("Handler", (_Handler,), {"script": script, "lock": threading.Lock()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", script
    finally:
        server.shutdown()
        server.server_close()
