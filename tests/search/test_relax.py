"""The last relaxation step: a word the catalogue lacks stands in for one it holds."""

from __future__ import annotations

from frontdesk.search.relax import partial_words
from frontdesk.search.tokens import parse_typed
from frontdesk.search.vocabulary import Vocabulary


def vocabulary() -> Vocabulary:
    return Vocabulary(["council", "safeguarding", "safety", "tax"], [9, 4, 7, 9], 20)


def test_a_word_the_catalogue_lacks_becomes_one_that_starts_and_is_spelt_alike() -> None:
    typed = parse_typed("safegaurdng adults", typing=False)
    assert partial_words(typed, vocabulary()) == "safeguarding adults"


def test_nothing_to_replace_says_so() -> None:
    assert partial_words(parse_typed("council tax", typing=False), vocabulary()) is None
    assert partial_words(parse_typed("zebra", typing=False), vocabulary()) is None
