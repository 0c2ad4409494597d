"""Bad input never gets a 500: every failure is a JSON error with a code, and the OpenAPI
document describes exactly the routes the app serves."""

from __future__ import annotations

import pytest

from frontdesk.hub.http.app import routes
from frontdesk.hub.http.openapi import openapi_document
from tests.helpers.hub import PROTOCOL, Hub


def _assert_error(response: object, status: int, code: str) -> None:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.json()["error"]["code"] == code  # type: ignore[attr-defined]
    assert response.json()["error"]["message"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "malformed_json"),
        (b"", "malformed_json"),
        (b"[" * 100_000 + b"]" * 100_000, "body_too_large"),
        (b'"just a string"', "invalid_request"),
        (b'{"username": 1, "password": []}', "invalid_request"),
        (b'{"username": "a"}', "invalid_request"),
        (b"\xff\xfe", "malformed_json"),
    ],
)
def test_bad_login_bodies(hub: Hub, body: bytes, code: str) -> None:
    response = hub.client.post("/auth/v1/login", content=body, headers=PROTOCOL)
    _assert_error(response, 413 if code == "body_too_large" else 400, code)


def test_deeply_nested_json_is_a_400_not_a_crash(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    body = b"[" * 200_000 + b"]" * 200_000
    response = hub.client.post("/sync/v1/push", content=body, headers=headers)
    _assert_error(response, 400, "malformed_json")


def test_push_bodies_over_8_mib_are_refused(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    body = b'{"device_id": "d", "ops": [], "pad": "' + b"x" * (8 * 2**20) + b'"}'
    _assert_error(
        hub.client.post("/sync/v1/push", content=body, headers=headers), 413, "body_too_large"
    )


def test_a_wrong_content_type_is_415(hub: Hub) -> None:
    response = hub.client.post(
        "/auth/v1/login", content=b"username=a", headers={**PROTOCOL, "Content-Type": "text/plain"}
    )
    _assert_error(response, 415, "unsupported_media_type")


def test_unknown_routes_and_methods(hub: Hub) -> None:
    _assert_error(hub.client.get("/nowhere"), 404, "not_found")
    _assert_error(hub.client.delete("/services"), 405, "method_not_allowed")
    _assert_error(hub.client.get("/auth/v1/login"), 405, "method_not_allowed")


def test_openapi_describes_every_route_and_only_those() -> None:
    document = openapi_document()
    served = {
        route.path.replace("{id:path}", "{id}"): {
            m.lower() for m in (route.methods or ()) if m != "HEAD"
        }
        for route in routes()
    }
    described = {path: set(ops) for path, ops in document["paths"].items()}
    assert described == served
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["summary"], f"{method} {path}"
            assert "200" in operation["responses"], f"{method} {path}"
