"""Where tokens are kept: the embedded demo hub's in this process's memory, whatever
keyring there is (or none); every other hub's in the keyring, which without a backend
refuses rather than falling back to memory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from frontdesk.sync.credentials import EMBEDDED, TokenStore
from frontdesk.sync.errors import KeyringUnavailable

DEMO_HUB = "http://127.0.0.1:1"  # nothing listens there; memory never asks
REAL_HUB = "https://hub.example.org"


@pytest.fixture
def demo_hub() -> Iterator[str]:
    EMBEDDED.hold(DEMO_HUB)
    yield DEMO_HUB
    EMBEDDED.release(DEMO_HUB)


def test_a_held_hub_keeps_its_token_in_memory_with_no_keyring(
    no_keyring: None, demo_hub: str
) -> None:
    tokens = TokenStore()
    tokens.check(demo_hub)  # no keyring needed
    tokens.save(demo_hub, "demo-adviser", "t0ken")
    assert TokenStore().load(demo_hub, "demo-adviser") == "t0ken"  # one store per process
    assert tokens.delete(demo_hub, "demo-adviser") is True
    assert tokens.load(demo_hub, "demo-adviser") is None
    assert tokens.delete(demo_hub, "demo-adviser") is False


def test_a_released_hub_forgets_its_tokens(no_keyring: None) -> None:
    EMBEDDED.hold(DEMO_HUB)
    TokenStore().save(DEMO_HUB, "demo-adviser", "t0ken")
    EMBEDDED.release(DEMO_HUB)
    assert not TokenStore().in_memory(DEMO_HUB)
    with pytest.raises(KeyringUnavailable):  # now it would be the keyring's, and there is none
        TokenStore().load(DEMO_HUB, "demo-adviser")


def test_any_other_hub_still_needs_a_keyring(no_keyring: None, demo_hub: str) -> None:
    tokens = TokenStore()
    assert not tokens.in_memory(REAL_HUB)
    with pytest.raises(KeyringUnavailable):
        tokens.save(REAL_HUB, "alice", "t0ken")
    with pytest.raises(KeyringUnavailable):
        tokens.load(REAL_HUB, "alice")
