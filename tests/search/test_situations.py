"""Situations: the callers' phrases that call for a set of services."""

from __future__ import annotations

import pytest

from frontdesk.search.situations import CRISIS, LIFE, Situations


def test_crisis_phrases_are_found_in_a_sentence_with_its_filler() -> None:
    found = Situations.bundled().find(
        ["my", "daughter", "says", "she", "wants", "to", "end", "it", "all"]
    )
    assert found and found[0].kind == CRISIS
    assert "mental health crisis line" in found[0].searches


def test_crises_come_before_life_events() -> None:
    text = "crisis: want to die => crisis line\nlife: retiring => state pension\n"
    found = Situations.parse(text).find(["retiring", "and", "i", "want", "to", "die"])
    assert [s.kind for s in found] == [CRISIS, LIFE]


def test_an_unfinished_last_word_counts_only_once_it_is_a_whole_phrase_word() -> None:
    situations = Situations.parse("life: bereaved => bereavement support\n")
    assert not situations.find(["bereav"], typing=True)  # on its way to "bereavement"
    assert situations.find(["bereaved"], typing=True)
    assert situations.find(["bereaved"])


def test_a_malformed_line_is_refused_with_its_number() -> None:
    with pytest.raises(ValueError, match="line 2"):
        Situations.parse("life: retiring => state pension\nretiring state pension\n")
