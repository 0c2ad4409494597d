"""Noticing words of danger or crisis in what an adviser types."""

from __future__ import annotations

import pytest

from frontdesk.core.safeguarding import (
    DEFAULT_WORDS,
    SafeguardingError,
    check_words,
    crisis_word,
)


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        (("caller says she wants to KILL MYSELF",), "kill myself"),
        (("housing", "Partner hits me when drunk."), "hits me"),
        (("self harm support",), "self harm"),
        (("Self-Harm",), "self harm"),  # hyphen or space alike
        (("mae hi mewn perygl",), "mewn perygl"),  # Welsh
    ],
)
def test_crisis_words_are_found_in_search_text_or_notes(texts: tuple[str, ...], found: str) -> None:
    assert crisis_word(texts, DEFAULT_WORDS) == found


@pytest.mark.parametrize("text", ["missed bin", "council tax", "grape vine", "therapist", ""])
def test_ordinary_words_and_parts_of_words_are_not(text: str) -> None:
    assert crisis_word((text,), DEFAULT_WORDS) is None  # "grape" holds "rape", a word does not


def test_an_organisations_words_replace_the_defaults() -> None:
    assert crisis_word(("eviction tomorrow",), ("eviction",)) == "eviction"
    assert crisis_word(("suicide",), ("eviction",)) is None


def test_word_lists_are_checked() -> None:
    assert check_words("overdose\n\n  overdose \nsuicide\n") == ("overdose", "suicide")
    with pytest.raises(SafeguardingError, match="at least one"):
        check_words("\n \n")
    with pytest.raises(SafeguardingError, match="longer than 100"):
        check_words("x" * 101)
