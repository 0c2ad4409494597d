"""Enquiry references: short codes a caller can write down and read back over the phone.

A reference is a desk prefix, the desk's own counter and one check character, all from a
31-symbol alphabet that leaves out 0, O, 1, I and L (the pairs people mishear or misread).
Because 31 is prime, a weighted sum modulo 31 with weights 1..n (n < 31) catches every
single wrong character and every swap of two neighbouring ones.

Prefixes the hub hands out are three symbols starting with a letter; a desk that has never
met a hub makes up a five-symbol prefix starting with a digit, so the two can never meet
(docs/decisions.md, "References").
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
DIGITS = ALPHABET[:8]
LETTERS = ALPHABET[8:]
BASE = len(ALPHABET)  # 31, a prime
_VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}

HUB_PREFIX_LENGTH = 3
STANDALONE_PREFIX_LENGTH = 5
#: Total length is at most 10: a hub desk's 3 + 5 + 1, a standalone desk's 5 + 4 + 1.
MAX_LENGTH = 10
MIN_LENGTH = 9


class ReferenceSpaceExhausted(RuntimeError):
    """The desk has used every counter value its prefix allows."""


def check_symbol(body: str) -> str:
    """The symbol that makes the weighted sum of `body` + it divisible by 31."""
    total = sum(weight * _VALUE[s] for weight, s in enumerate(body, start=1))
    weight = len(body) + 1
    # Solve total + weight * c ≡ 0 (mod 31); pow gives the inverse as 31 is prime.
    return ALPHABET[(-total * pow(weight, -1, BASE)) % BASE]


def is_valid(reference: str) -> bool:
    """A well-formed reference in canonical form (upper case, no separators)."""
    if not MIN_LENGTH <= len(reference) <= MAX_LENGTH:
        return False
    if any(s not in _VALUE for s in reference):
        return False
    total = sum(weight * _VALUE[s] for weight, s in enumerate(reference, start=1))
    return total % BASE == 0


def normalise(text: str) -> str | None:
    """The canonical reference typed as `text` (any case, spaces and hyphens allowed), or
    None if it is not a well-formed reference."""
    squeezed = "".join(text.split()).replace("-", "").upper()
    return squeezed if is_valid(squeezed) else None


def counter_length(prefix: str) -> int:
    """Counter symbols after `prefix`: 5 after a hub's (9 in all), 4 after a standalone's."""
    return 5 if len(prefix) == HUB_PREFIX_LENGTH else MAX_LENGTH - 1 - len(prefix)


def make(prefix: str, number: int) -> str:
    """The reference numbered `number` (1, 2, …) under `prefix`."""
    width = counter_length(prefix)
    if not 0 < number < BASE**width:
        raise ReferenceSpaceExhausted(
            f"reference prefix {prefix} has no numbers left (it allows {BASE**width - 1})"
        )
    body = prefix + encode(number, width)
    return body + check_symbol(body)


def encode(number: int, width: int) -> str:
    symbols = []
    for _ in range(width):
        number, digit = divmod(number, BASE)
        symbols.append(ALPHABET[digit])
    return "".join(reversed(symbols))


def hub_prefix(index: int) -> str:
    """The hub's `index`-th prefix (0, 1, …): a letter, then two symbols."""
    capacity = len(LETTERS) * BASE * BASE
    if not 0 <= index < capacity:
        raise ReferenceSpaceExhausted(f"the hub has handed out all {capacity} desk prefixes")
    first, rest = divmod(index, BASE * BASE)
    return LETTERS[first] + encode(rest, HUB_PREFIX_LENGTH - 1)


def standalone_prefix() -> str:
    """A random prefix for a desk with no hub: a digit, then four symbols."""
    rest = "".join(secrets.choice(ALPHABET) for _ in range(STANDALONE_PREFIX_LENGTH - 1))
    return secrets.choice(DIGITS) + rest


def is_hub_prefix(prefix: str) -> bool:
    return (
        len(prefix) == HUB_PREFIX_LENGTH
        and prefix[0] in LETTERS
        and all(s in _VALUE for s in prefix)
    )
