"""An Open311 API key stands for its account, so it ends when the account's credentials
do: a password change or a disable revokes it with the account's sessions, enabling the
account again does not bring it back, and a disabled account gets no new one."""

from __future__ import annotations

import io

import pytest

from frontdesk.cli import main
from frontdesk.hub.accounts.api_keys import create_key
from tests.helpers.hub import Hub
from tests.helpers.referral_world import World, make_world

REQUESTS = "/open311/v2/requests.json"


@pytest.fixture
def world(hub: Hub, db_url: str, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("FRONTDESK_HUB_DB", db_url)
    return make_world(hub)


def _open311(world: World, key: str) -> tuple[int, str | None]:
    response = world.hub.client.get(REQUESTS, params={"api_key": key})
    return response.status_code, response.headers.get("X-Frontdesk-Error")


def test_a_password_change_revokes_the_accounts_api_key(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    key = create_key(world.hub.engine, "agency", actor="test")
    other = create_key(world.hub.engine, "adviser", actor="test")
    assert _open311(world, key) == (200, None)
    monkeypatch.setattr("sys.stdin", io.StringIO("a new long passphrase\n"))
    assert main(["hub", "user", "passwd", "agency"]) == 0
    assert "API key" in capsys.readouterr().out
    assert _open311(world, key) == (401, "api_key_revoked")
    assert _open311(world, other) == (200, None)  # another account's key is untouched
    fresh = create_key(world.hub.engine, "agency", actor="test")
    assert _open311(world, fresh) == (200, None)


def test_a_disabled_account_keeps_no_api_key_once_enabled_again(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    key = create_key(world.hub.engine, "agency", actor="test")
    assert main(["hub", "user", "disable", "agency"]) == 0
    assert _open311(world, key) == (401, "api_key_revoked")
    assert main(["hub", "user", "enable", "agency"]) == 0
    assert "new API key" in capsys.readouterr().out
    assert _open311(world, key) == (401, "api_key_revoked")
    assert world.hub.login("agency")  # the password still works
    fresh = create_key(world.hub.engine, "agency", actor="test")
    assert _open311(world, fresh) == (200, None)


def test_no_key_is_made_for_a_disabled_account(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "user", "disable", "agency"]) == 0
    capsys.readouterr()
    assert main(["hub", "user", "api-key", "agency"]) == 1
    captured = capsys.readouterr()
    assert "disabled" in captured.err and captured.out == ""
