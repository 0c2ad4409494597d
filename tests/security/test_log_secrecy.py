"""No secret reaches the server log: a real `frontdesk hub serve` with its output captured
is sent an Open311 api_key in the query, a bearer token and a password, and its log is
searched for them (absent) and for the request lines (present, the secret redacted).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote_plus

import requests

from frontdesk.hub.accounts.api_keys import create_key
from frontdesk.hub.accounts.registry import Role, add_account, add_organization
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.http.access_log import redact_query
from frontdesk.hub.migrate import upgrade
from tests.helpers.hub import PASSWORD, PROTOCOL
from tests.helpers.hub_process import HubProcess


def test_api_keys_tokens_and_passwords_stay_out_of_the_log(db_url: str, tmp_path: Path) -> None:
    engine = create_hub_engine(db_url)
    upgrade(engine)
    add_organization(engine, "kirklees", "Kirklees Council", actor="test")
    add_account(engine, "alice", Role.ADVISER, "kirklees", PASSWORD, actor="test")
    key = create_key(engine, "alice", actor="test")
    engine.dispose()
    log = tmp_path / "hub.log"
    process = HubProcess(db_url, log)
    process.start()
    try:
        login = requests.post(
            process.url + "/auth/v1/login",
            json={"username": "alice", "password": PASSWORD},
            headers=PROTOCOL,
            timeout=30,
        )
        token = login.json()["token"]
        bearer = {**PROTOCOL, "Authorization": f"Bearer {token}"}
        calls = [
            ("/open311/v2/requests.json", {"api_key": key}, {}),
            ("/open311/v2/services.json", {"jurisdiction_id": "x", "API_KEY": key}, {}),
            ("/sync/v1/changes", {}, bearer),
            ("/sync/v1/changes", {"token": token, "password": PASSWORD}, bearer),
        ]
        for path, params, headers in calls:
            answer = requests.get(process.url + path, params=params, headers=headers, timeout=30)
            assert answer.status_code == 200, answer.text
    finally:
        process.stop()
    text = log.read_text()
    for secret in (key, token, PASSWORD, quote_plus(PASSWORD)):
        assert secret not in text
    assert '"GET /open311/v2/requests.json?api_key=REDACTED HTTP/1.1" 200' in text
    assert '"GET /open311/v2/services.json?jurisdiction_id=x&API_KEY=REDACTED HTTP/1.1"' in text
    assert '"GET /sync/v1/changes HTTP/1.1" 200' in text
    assert '"POST /auth/v1/login HTTP/1.1" 200' in text


def test_only_secret_parameters_are_redacted() -> None:
    redacted = redact_query("/a?status=open&api%5Fkey=s3cret&x")
    assert redacted == "/a?status=open&api%5Fkey=REDACTED&x"
    assert redact_query("/a?cursor=abc") == "/a?cursor=abc"
    assert redact_query("/services/x") == "/services/x"
