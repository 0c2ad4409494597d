"""Callers' telephone numbers, e-mail addresses and postcodes: as typed in, as stored."""

from __future__ import annotations

import pytest

from frontdesk.store.caller_details import (
    display_phone,
    normalise_email,
    normalise_field,
    normalise_phone,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0161 912 2000", "+441619122000"),
        ("+44 161 912 2000", "+441619122000"),
        ("+44 (0)161 912 2000", "+441619122000"),
        ("0161-912-2000", "+441619122000"),
        ("07700 900123", "+447700900123"),  # Ofcom's drama range: unallocated, full length
        ("0044 7700 900123", "+447700900123"),
        ("+33 1 42 68 53 00", "+33142685300"),
    ],
)
def test_numbers_as_people_type_them_are_stored_as_e164(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["0161 91", "07700 90012", "07700 9001234", "999", "not a number", "0161 912 2000x12", ""],
)
def test_a_number_with_digits_missing_or_extra_is_refused(typed: str) -> None:
    assert normalise_phone(typed) is None


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+441619122000", "0161 912 2000"),
        ("+447700900123", "07700 900123"),
        ("+33142685300", "+33 1 42 68 53 00"),
        ("ask at reception", "ask at reception"),
    ],
)
def test_stored_numbers_are_shown_in_the_form_advisers_read(stored: str, shown: str) -> None:
    assert display_phone(stored) == shown


def test_email_addresses_are_checked_by_syntax_alone() -> None:
    assert normalise_email("Joan.ONeill@Example.ORG") == "Joan.ONeill@example.org"
    assert normalise_email("joan.oneill@example") is None  # no dot in the domain
    assert normalise_email("joan.oneill.example.org") is None
    assert normalise_email("joan oneill@example.org") is None


@pytest.mark.parametrize(
    ("field", "typed", "named"),
    [
        ("phone", "0161 91", "telephone number"),
        ("email", "joan.oneill@example", "e-mail address"),
        ("postcode", "BS99", "postcode"),
    ],
)
def test_a_refusal_names_the_field_and_what_was_typed(field: str, typed: str, named: str) -> None:
    with pytest.raises(ValueError, match=f"the {named} '{typed}' is not"):
        normalise_field(field, typed)
