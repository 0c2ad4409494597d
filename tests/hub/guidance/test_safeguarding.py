"""The safeguarding prompt on the hub: versions per organisation or for everyone, on the
feed scoped like guidance, refused in one line when unusable."""

from __future__ import annotations

import pytest

from frontdesk.core.safeguarding import SafeguardingError
from frontdesk.hub.guidance.safeguarding import current_prompts, set_prompt
from frontdesk.hub.sync.changes import read_changes
from tests.helpers.hub import eventually
from tests.helpers.referral_world import COUNCIL, OTHER_COUNCIL, World, make_world


@pytest.fixture
def world(hub):  # type: ignore[no-untyped-def]
    return make_world(hub)


def _prompts_seen(world: World, org: str, expected: int) -> list[str]:
    def read() -> list[str]:
        page = read_changes(world.hub.engine, None, 1000, org)
        found = [c["data"]["prompt"] for c in page.changes if c["kind"] == "safeguarding"]
        return found if len(found) >= expected else []

    return eventually(read)  # type: ignore[no-any-return]


def test_prompts_are_versioned_and_scoped(world: World) -> None:
    engine = world.hub.engine
    set_prompt(engine, "suicide\noverdose", "Call 999.", organization_id=None, author="cli")
    saved = set_prompt(
        engine, "eviction", "Housing crisis line.", organization_id=COUNCIL, author="cli"
    )
    again = set_prompt(
        engine, "eviction\nbailiff", "Housing line 2.", organization_id=COUNCIL, author="cli"
    )
    assert (saved["version"], again["version"]) == (1, 2)
    assert [(p["organization_id"], p["version"]) for p in current_prompts(engine)] == [
        (None, 1),
        (COUNCIL, 2),
    ]
    assert _prompts_seen(world, COUNCIL, 3) == [
        "Call 999.",
        "Housing crisis line.",
        "Housing line 2.",
    ]
    assert _prompts_seen(world, OTHER_COUNCIL, 1) == ["Call 999."]


@pytest.mark.parametrize(
    ("words", "prompt", "org", "reason"),
    [
        ("\n", "x", None, "at least one"),
        ("a", " ", None, "empty"),
        ("a", "x", "nope", "no organisation"),
    ],
)
def test_unusable_prompts_are_refused(
    world: World, words: str, prompt: str, org: str | None, reason: str
) -> None:
    with pytest.raises(SafeguardingError, match=reason):
        set_prompt(world.hub.engine, words, prompt, organization_id=org, author="cli")
    assert current_prompts(world.hub.engine) == []
