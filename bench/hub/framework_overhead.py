"""How much a web framework costs per request: a trivial JSON endpoint on Starlette and on
FastAPI, called in-process through ASGI (no sockets, no server), so the number is the
framework's own routing, request and response work.

    python bench/hub/framework_overhead.py [REQUESTS]

FastAPI is optional (it is not a frontdesk dependency); without it only Starlette runs.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

Asgi = Callable[..., Any]


def starlette_app() -> Asgi:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    async def ping(request: Request) -> JSONResponse:
        return JSONResponse({"ok": True, "n": int(request.query_params.get("n", "0"))})

    return Starlette(routes=[Route("/ping", ping)])


def fastapi_app() -> Asgi | None:
    try:
        from fastapi import FastAPI
    except ImportError:
        return None
    app = FastAPI()

    @app.get("/ping")
    async def ping(n: int = 0) -> dict[str, Any]:
        return {"ok": True, "n": n}

    return app


async def _call(app: Asgi) -> None:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/ping",
        "raw_path": b"/ping",
        "query_string": b"n=1",
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    assert sent[0]["status"] == 200


async def _measure(app: Asgi, requests: int) -> list[float]:
    for _ in range(500):  # warm-up
        await _call(app)
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(requests):
            await _call(app)
        rounds.append((time.perf_counter() - start) / requests * 1e6)
    return rounds


def main() -> None:
    requests = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    apps = {"starlette": starlette_app(), "fastapi": fastapi_app()}
    for name, app in apps.items():
        if app is None:
            print(f"{name:10s} not installed, skipped")
            continue
        rounds = asyncio.run(_measure(app, requests))
        print(
            f"{name:10s} median {statistics.median(rounds):6.1f} µs/request "
            f"(best {min(rounds):.1f})"
        )


if __name__ == "__main__":
    main()
