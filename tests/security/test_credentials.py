"""Every credential a request carries must be good: an Open311 request with a good
api_key and a bad bearer token (or a bad second key) is refused, never served on the good
one; two good credentials of different accounts are refused too.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from frontdesk.hub import schema as t
from frontdesk.hub.accounts.api_keys import create_key
from frontdesk.hub.accounts.auth import token_hash
from tests.helpers.referral_world import SERVICE, World, make_world

BAD_BEARER = {"Authorization": "Bearer not-a-token-anyone-was-given"}
FORM = {"service_code": SERVICE, "address_string": "1 High Street"}


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    world = make_world(hub)
    world.enquiry("e1", refer_to=SERVICE)
    return world


def _get(world: World, path: str, params: dict[str, str], headers: dict[str, str]) -> Any:
    return world.hub.client.get(path, params=params, headers=headers)


@pytest.mark.parametrize("path", ["/open311/v2/requests.json", "/open311/v2/requests/ref-e1.json"])
def test_a_good_api_key_does_not_excuse_a_bad_bearer_token(world: World, path: str) -> None:
    key = create_key(world.hub.engine, "adviser", actor="test")
    assert _get(world, path, {"api_key": key}, {}).status_code == 200
    refused = _get(world, path, {"api_key": key}, BAD_BEARER)
    assert refused.status_code == 401
    assert refused.json()[0]["code"] == 401


def test_a_bad_bearer_token_fails_even_on_a_public_open311_path(world: World) -> None:
    key = create_key(world.hub.engine, "adviser", actor="test")
    refused = _get(world, "/open311/v2/services.json", {"api_key": key}, BAD_BEARER)
    assert refused.status_code == 401


def test_a_good_bearer_token_does_not_excuse_a_bad_api_key(world: World) -> None:
    refused = _get(
        world, "/open311/v2/requests.json", {"api_key": "fdk_wrong"}, world.headers["adviser"]
    )
    assert refused.status_code == 401


def test_posting_with_a_good_form_key_and_a_bad_query_key_or_token_is_refused(
    world: World,
) -> None:
    key = create_key(world.hub.engine, "adviser", actor="test")
    post = world.hub.client.post
    path = "/open311/v2/requests.json"
    assert post(path, data={**FORM, "api_key": key}).status_code == 200
    bad_query = post(path, data={**FORM, "api_key": key}, params={"api_key": "fdk_wrong"})
    assert bad_query.status_code == 401
    bad_token = post(path, data={**FORM, "api_key": key}, headers=BAD_BEARER)
    assert bad_token.status_code == 401


def test_good_credentials_of_two_accounts_are_refused(world: World) -> None:
    key = create_key(world.hub.engine, "adviser", actor="test")
    path = "/open311/v2/requests.json"
    same = _get(world, path, {"api_key": key}, world.headers["adviser"])
    assert same.status_code == 200
    other = _get(world, path, {"api_key": key}, world.headers["supervisor"])
    assert other.status_code == 401
    assert other.headers["x-frontdesk-error"] == "credentials_disagree"


def test_an_api_key_is_stored_only_as_its_hash(world: World) -> None:
    key = create_key(world.hub.engine, "adviser", actor="test")
    with world.hub.engine.connect() as conn:
        rows = [tuple(map(str, row)) for row in conn.execute(select(t.api_keys))]
    assert rows and not any(key in value for row in rows for value in row)
    assert any(token_hash(key) in row for row in rows)
