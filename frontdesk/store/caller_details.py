"""A caller's telephone number, e-mail address and postcode: accepted as people type them,
stored in one canonical form, shown back in the form a UK adviser reads.

Below the GUI so the desktop form and the `frontdesk enquiries add` command apply the
same checks. Telephone numbers are stored as E.164 (`+441619122000`), which the hub and
any telephony system can dial and match; e-mail addresses as `email-validator` normalises
them (without any DNS look-up: the desk may be offline, and a typo'd domain that happens to
exist would pass anyway); postcodes in the ONS form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from frontdesk.core.areas import normalise_postcode

# Which field a problem is about, as the form and the command line name it.
FIELD_NAMES: Final = {
    "phone": "telephone number",
    "email": "e-mail address",
    "postcode": "postcode",
}
_UK_NATIONAL_DIGITS = 10  # every full UK number: 0 + ten digits


def normalise_phone(text: str) -> str | None:
    """The number in E.164, or None if it cannot be a telephone number.

    A number without a country code is read as a UK one. Besides numbers the library knows
    to be allocated, a UK number of full length is accepted: Ofcom's ranges reserved for
    drama and training (07700 900xxx) and ranges allocated since the library's data was
    built are real to the caller; a digit missing or extra is still refused.
    """
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return None
    if number.extension:
        return None  # "0161 912 2000x" would silently lose what came after the x
    full_uk = (
        number.country_code == 44
        and len(phonenumbers.national_significant_number(number)) == _UK_NATIONAL_DIGITS
        and phonenumbers.is_possible_number(number)
    )
    if not (phonenumbers.is_valid_number(number) or full_uk):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(stored: str) -> str:
    """A stored number as an adviser reads it: national for UK numbers ("0161 912 2000"),
    international otherwise; text that is not a number is shown as it is."""
    try:
        number = phonenumbers.parse(stored, "GB")
    except phonenumbers.NumberParseException:
        return stored
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 44
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


def normalise_email(text: str) -> str | None:
    """The address as it should be stored, or None if it is not one mail could reach
    (a domain without a dot, such as "joan.oneill@example", is refused)."""
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


_NORMALISERS: Final[dict[str, Callable[[str], str | None]]] = {
    "phone": normalise_phone,
    "email": normalise_email,
    "postcode": normalise_postcode,
}
_PROBLEMS: Final = {
    "phone": "is not a number that can be dialled (type it as 0161 912 2000 or +44 161 912 2000)",
    "email": "is not one mail can be sent to (it should look like name@example.org)",
    "postcode": "is not a UK postcode (for example M33 7ZZ)",
}


def normalise_field(field: str, text: str) -> str:
    """`text` for the caller's `field` in its stored form. Raises ValueError naming the
    field, with an example of what is expected, if it cannot be that."""
    value = _NORMALISERS[field](text)
    if value is None:
        raise ValueError(problem_text(field, text))
    return value


def problem_text(field: str, text: str) -> str:
    return f"the {FIELD_NAMES[field]} '{text}' {_PROBLEMS[field]}; correct it or leave it blank"


def checked_fields() -> tuple[str, ...]:
    """The caller fields with a form to check; the name is kept as typed."""
    return tuple(_NORMALISERS)
