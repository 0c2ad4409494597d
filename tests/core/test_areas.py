"""Postcodes as callers say them become the one ONS form routing looks up."""

from __future__ import annotations

import pytest

from frontdesk.core.areas import normalise_postcode


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("M33 7ZZ", "M33 7ZZ"),
        ("m337zz", "M33 7ZZ"),
        ("  m33   7zz ", "M33 7ZZ"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("b11aa", "B1 1AA"),
        ("EC1A1BB", "EC1A 1BB"),
    ],
)
def test_a_postcode_typed_any_way_becomes_the_ons_form(typed: str, expected: str) -> None:
    assert normalise_postcode(typed) == expected


@pytest.mark.parametrize(
    "typed", ["", "M33", "7ZZ", "M33 7Z", "not a postcode", "M33 7ZZ X", "123 456"]
)
def test_anything_that_is_not_a_postcode_is_none(typed: str) -> None:
    assert normalise_postcode(typed) is None
