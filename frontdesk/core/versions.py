"""frontdesk's release numbers, compared as numbers: "0.10.0" is newer than "0.9.2".

Shared by the hub, which announces the oldest desk it accepts and the newest available,
and the desk, which compares its own number with them.
"""

from __future__ import annotations

import re

_VERSION = re.compile(r"\d+(\.\d+){0,3}")

Version = tuple[int, ...]


def parse_version(text: str) -> Version:
    """`"1.2.3"` as `(1, 2, 3)`; ValueError for anything but one to four dotted numbers.
    Trailing zeros do not count: "1.2" and "1.2.0" are the same release."""
    if not _VERSION.fullmatch(text.strip()):
        raise ValueError(f"{text!r} is not a frontdesk version such as 1.4.0")
    parts = [int(part) for part in text.strip().split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_older(version: str, than: str) -> bool:
    return parse_version(version) < parse_version(than)
