"""Taking what looks like a person's phone number or e-mail address out of a report's
problem text. Advisers are asked not to write callers' details there; this is the net
under that rule.

A number or address that the service's own record carries is the service's, not a
person's, and is kept ("0161 496 0000 rings out" is the report); so is the suggested value
of a phone or e-mail report, which is the correction itself. Everything else found is
replaced by a marker, so the agency still sees that something was there.
"""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

REMOVED = "[removed]"
REGION = "GB"
# Candidates only: email-validator decides what is an address.
_EMAIL_LIKE = re.compile(r"[^\s<>(),;:\"'\[\]]+@[^\s<>(),;:\"'\[\]]+")


def phone_key(text: str) -> str | None:
    """A number in E.164, for comparing however it was typed."""
    try:
        parsed = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def contact_keys(texts: list[str]) -> set[str]:
    """The phone numbers (E.164) and e-mail addresses (case-folded) named in `texts`."""
    keys: set[str] = set()
    for text in texts:
        for match in phonenumbers.PhoneNumberMatcher(text, REGION):
            keys.add(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
        keys.update(m.group(0).casefold() for m in _EMAIL_LIKE.finditer(text))
        key = phone_key(text)
        if key:
            keys.add(key)
    return keys


def strip_personal(text: str, kept: set[str]) -> str:
    """`text` with phone numbers and e-mail addresses not in `kept` replaced."""
    spans: list[tuple[int, int]] = []
    matches = phonenumbers.PhoneNumberMatcher(text, REGION, leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matches:
        e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in kept:
            spans.append((match.start, match.end))
    for found in _EMAIL_LIKE.finditer(text):
        candidate = found.group(0).rstrip(".")
        if candidate.casefold() in kept or not _is_email(candidate):
            continue
        spans.append((found.start(), found.start() + len(candidate)))
    # Spans may overlap (digits inside an address): each stretch is replaced once.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in reversed(merged):
        text = text[:start] + REMOVED + text[end:]
    return text


def _is_email(candidate: str) -> bool:
    try:
        validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True
