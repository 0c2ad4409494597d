"""Signing in and out: tokens, their storage, expiry, rate limiting and roles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from frontdesk.hub import schema as t
from frontdesk.hub.accounts.auth import token_hash
from frontdesk.hub.accounts.login_limits import MAX_FAILURES
from frontdesk.hub.accounts.registry import Role, set_disabled
from tests.helpers.hub import PASSWORD, PROTOCOL, Hub


def _login(hub: Hub, name: str, password: str) -> object:
    return hub.client.post(
        "/auth/v1/login", json={"username": name, "password": password}, headers=PROTOCOL
    )


def test_login_returns_a_token_that_opens_the_sync_api(hub: Hub) -> None:
    hub.user("alice", hub.org("kirklees"))
    response = _login(hub, "alice", PASSWORD)
    assert response.status_code == 200  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["account"] == {"name": "alice", "role": "adviser", "organization_id": "kirklees"}
    assert dt.datetime.fromisoformat(body["expires_at"]) > dt.datetime.now(dt.UTC)
    headers = {**PROTOCOL, "Authorization": f"Bearer {body['token']}"}
    assert hub.client.get("/auth/v1/session", headers=headers).json()["account"]["name"] == "alice"
    assert hub.client.get("/sync/v1/changes", headers=headers).status_code == 200


def test_the_token_is_stored_only_as_its_hash(hub: Hub) -> None:
    hub.user("alice", hub.org("kirklees"))
    token = _login(hub, "alice", PASSWORD).json()["token"]  # type: ignore[attr-defined]
    with hub.engine.connect() as conn:
        stored = conn.scalars(select(t.tokens.c.token_hash)).all()
        hashes = conn.scalars(select(t.accounts.c.password_hash)).all()
    assert stored == [token_hash(token)]
    assert token not in stored
    assert hashes[0].startswith("scrypt$16384$8$1$") and PASSWORD not in hashes[0]


def test_wrong_password_and_unknown_user_get_the_same_401(hub: Hub) -> None:
    hub.user("alice", hub.org("kirklees"))
    wrong = _login(hub, "alice", "not the password")
    unknown = _login(hub, "mallory", PASSWORD)
    for response in (wrong, unknown):
        assert response.status_code == 401  # type: ignore[attr-defined]
        assert response.json()["error"]["code"] == "login_failed"  # type: ignore[attr-defined]


def test_logout_revokes_the_token(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    assert hub.client.post("/auth/v1/logout", headers=headers).status_code == 200
    response = hub.client.get("/sync/v1/changes", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_revoked"


def test_an_expired_token_is_refused(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    with hub.engine.begin() as conn:
        past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        conn.execute(update(t.tokens).values(expires_at=past))
    response = hub.client.get("/sync/v1/changes", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_expired"


def test_missing_or_unknown_tokens_get_401(hub: Hub) -> None:
    missing = hub.client.get("/sync/v1/changes", headers=PROTOCOL)
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "auth_required"
    assert missing.headers["www-authenticate"].startswith("Bearer")
    unknown = hub.client.get(
        "/sync/v1/changes", headers={**PROTOCOL, "Authorization": "Bearer nope"}
    )
    assert unknown.json()["error"]["code"] == "token_invalid"
    basic = hub.client.get("/sync/v1/changes", headers={**PROTOCOL, "Authorization": "Basic eA=="})
    assert basic.json()["error"]["code"] == "auth_malformed"


def test_a_disabled_account_is_signed_out_and_cannot_sign_in(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    set_disabled(hub.engine, "alice", True, actor="test")
    assert hub.client.get("/sync/v1/changes", headers=headers).status_code == 401
    assert _login(hub, "alice", PASSWORD).status_code == 401  # type: ignore[attr-defined]


def test_repeated_failures_are_rate_limited_per_username_and_client(hub: Hub) -> None:
    hub.user("alice", hub.org("kirklees"))
    for _ in range(MAX_FAILURES):
        assert _login(hub, "alice", "wrong password").status_code == 401  # type: ignore[attr-defined]
    limited = _login(hub, "alice", PASSWORD)  # even the right password, for now
    assert limited.status_code == 429  # type: ignore[attr-defined]
    assert limited.json()["error"]["code"] == "too_many_attempts"  # type: ignore[attr-defined]
    assert 0 < int(limited.headers["retry-after"]) <= 300  # type: ignore[attr-defined]
    # Another client is not locked out by someone else's guesses.
    from starlette.testclient import TestClient

    other = TestClient(hub.client.app, client=("203.0.113.9", 5000))
    response = other.post(
        "/auth/v1/login", json={"username": "alice", "password": PASSWORD}, headers=PROTOCOL
    )
    assert response.status_code == 200


def test_the_window_passing_lifts_the_limit(hub: Hub) -> None:
    hub.user("alice", hub.org("kirklees"))
    for _ in range(MAX_FAILURES):
        _login(hub, "alice", "wrong password")
    with hub.engine.begin() as conn:
        old = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=6)
        conn.execute(update(t.login_attempts).values(at=old))
    assert _login(hub, "alice", PASSWORD).status_code == 200  # type: ignore[attr-defined]


def test_logins_and_failures_are_audited(hub: Hub) -> None:
    hub.user("alice", hub.org("kirklees"))
    _login(hub, "alice", "wrong password")
    _login(hub, "alice", PASSWORD)
    with hub.engine.connect() as conn:
        actions = conn.scalars(select(t.audit_log.c.action).order_by(t.audit_log.c.id)).all()
        details = conn.scalars(select(t.audit_log.c.detail)).all()
    assert actions[-2:] == ["login.failed", "login"]
    assert not any(d and PASSWORD in d for d in details)


def test_agency_accounts_may_pull_but_not_push(hub: Hub) -> None:
    hub.user("nhs", hub.org("nhs-trust"), Role.AGENCY)
    headers = hub.login("nhs")
    assert hub.client.get("/sync/v1/changes", headers=headers).status_code == 200
    response = hub.client.post("/sync/v1/push", json={"device_id": "d", "ops": []}, headers=headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "role_forbidden"


def test_the_protocol_version_is_required_and_checked(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    token_only = {"Authorization": headers["Authorization"]}
    missing = hub.client.get("/sync/v1/changes", headers=token_only)
    assert missing.status_code == 400
    assert missing.json()["error"]["code"] == "protocol_required"
    future = hub.client.get("/sync/v1/changes", headers={**token_only, "Frontdesk-Protocol": "2"})
    assert future.status_code == 400
    assert future.json()["error"]["code"] == "protocol_unsupported"
    assert future.json()["supported"] == ["1"]
    assert future.headers["frontdesk-protocol"] == "1"
