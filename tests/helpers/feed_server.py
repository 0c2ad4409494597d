"""A real HTTP server on loopback that serves a feed's records in pages, in the shapes live
Open Referral APIs use, and misbehaves on request (5xx once, never answer, bad JSON)."""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SHAPES = ("spring", "hsda-v1", "hsds3", "last-flag", "array")


@dataclass
class FeedScript:
    """What the server serves; tests change it between harvests."""

    records: list[dict[str, Any]]
    shape: str = "spring"
    fail_once: dict[int, int] = field(default_factory=dict)  # page -> status, first time only
    hang: set[int] = field(default_factory=set)  # pages that never answer
    malformed: set[int] = field(default_factory=set)  # pages whose JSON is cut short
    requests: list[str] = field(default_factory=list)
    user_agents: set[str] = field(default_factory=set)


def page_body(script: FeedScript, page: int, per_page: int) -> Any:
    records = script.records
    if script.shape == "array":
        return records
    pages = max(1, math.ceil(len(records) / per_page))
    chunk = records[(page - 1) * per_page : page * per_page]
    last = page >= pages
    if script.shape == "spring":
        return {
            "totalElements": len(records),
            "totalPages": pages,
            "number": page - 1,
            "size": per_page,
            "first": page == 1,
            "last": last,
            "content": chunk,
        }
    if script.shape == "hsda-v1":
        return {"total_items": len(records), "total_pages": pages, "contents": chunk}
    if script.shape == "hsds3":
        return {
            "total_items": len(records),
            "total_pages": pages,
            "page_number": page,
            "size": len(chunk),
            "first_page": page == 1,
            "last_page": last,
            "empty": not chunk,
            "contents": chunk,
        }
    assert script.shape == "last-flag"
    return {"content": chunk, "last": last}


@contextmanager
def serve(script: FeedScript) -> Iterator[str]:
    """Runs the server on a free loopback port; yields the feed's /services URL."""
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = parse_qs(urlsplit(self.path).query)
            page = int(query.get("page", ["1"])[0])
            per_page = int(query.get("per_page", ["50"])[0])
            script.requests.append(self.path)
            script.user_agents.add(self.headers.get("User-Agent", ""))
            if page in script.hang:
                stop.wait(30)
                return
            status = script.fail_once.pop(page, None)
            if status is not None:
                self._send(status, b'{"error": "busy"}', {"Retry-After": "0"})
                return
            body = json.dumps(page_body(script, page, per_page)).encode()
            if page in script.malformed:
                body = body[: len(body) // 2]
            self._send(200, body)

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/o/ServiceDirectoryService/v2/services"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
