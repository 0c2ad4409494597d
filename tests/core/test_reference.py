"""Enquiry references: short, unambiguous over the phone, and self-checking."""

from __future__ import annotations

import itertools

import pytest

from frontdesk.core import reference as ref


def test_the_alphabet_leaves_out_the_characters_people_confuse() -> None:
    for confusable in "0O1IL":
        assert confusable not in ref.ALPHABET
    assert len(ref.ALPHABET) == len(set(ref.ALPHABET)) == 31


def test_references_are_at_most_ten_characters_from_the_alphabet() -> None:
    hub = ref.make(ref.hub_prefix(0), 1)
    standalone = ref.make(ref.standalone_prefix(), 923_520)
    for made in (hub, standalone, ref.make("ZZZ", 31**5 - 1)):
        assert len(made) <= 10
        assert set(made) <= set(ref.ALPHABET)
        assert ref.is_valid(made)


def references() -> list[str]:
    return [ref.make(ref.hub_prefix(i), n) for i in (0, 7, 500) for n in (1, 2, 31, 12345)] + [
        ref.make("2ABCD", n) for n in (1, 99, 4000)
    ]


@pytest.mark.parametrize("reference", references())
def test_every_single_wrong_character_is_caught(reference: str) -> None:
    for position, symbol in itertools.product(range(len(reference)), ref.ALPHABET):
        if reference[position] == symbol:
            continue
        slipped = reference[:position] + symbol + reference[position + 1 :]
        assert not ref.is_valid(slipped), slipped


@pytest.mark.parametrize("reference", references())
def test_every_swap_of_neighbouring_characters_is_caught(reference: str) -> None:
    for position in range(len(reference) - 1):
        a, b = reference[position], reference[position + 1]
        if a == b:
            continue
        swapped = reference[:position] + b + a + reference[position + 2 :]
        assert not ref.is_valid(swapped), swapped


def test_typing_is_forgiven_case_spaces_and_hyphens() -> None:
    made = ref.make("K7M", 42)
    typed = f" {made[:3].lower()}-{made[3:6]} {made[6:].lower()} "
    assert ref.normalise(typed) == made
    assert ref.normalise("council tax") is None
    assert ref.normalise(made[:-1]) is None


def test_hub_and_standalone_prefixes_never_meet() -> None:
    hub = {ref.hub_prefix(i) for i in range(0, 22_103, 97)}
    assert all(ref.is_hub_prefix(p) and p[0] in ref.LETTERS for p in hub)
    for _ in range(200):
        standalone = ref.standalone_prefix()
        assert standalone[0] in ref.DIGITS and len(standalone) == 5
        assert not ref.is_hub_prefix(standalone)


def test_hub_prefixes_are_handed_out_in_order_without_repeats() -> None:
    made = [ref.hub_prefix(i) for i in range(3000)]
    assert len(set(made)) == 3000
    with pytest.raises(ref.ReferenceSpaceExhausted):
        ref.hub_prefix(23 * 31 * 31)


def test_a_prefix_whose_numbers_are_used_up_says_so() -> None:
    with pytest.raises(ref.ReferenceSpaceExhausted):
        ref.make("2ABCD", 31**4)
