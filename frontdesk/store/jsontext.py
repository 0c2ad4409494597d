"""JSON on the catalogue's hot paths: orjson where it can, the standard library where not.

Why: a first sync parses and encodes every service document it stores (200,000 of them in a
large catalogue), and orjson does both several times faster than `json`. orjson refuses a
few things `json` accepts and a feed could carry (integers beyond 64 bits, NaN), so those
fall back to `json` instead of failing the page.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def loads(data: bytes | str) -> Any:
    """Parse JSON text; ValueError (json.JSONDecodeError) when it is not JSON."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)  # what orjson refuses but JSON allows, or the real error


def dumps_sorted(value: Any) -> str:
    """The canonical text of a stored document: keys sorted, no spaces, characters as they
    are (not \\u escapes). Equal values always give equal text, which content hashes need."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    except orjson.JSONEncodeError:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> bytes:
    """JSON text as UTF-8 bytes, keys in their order (for passing values on, not storing)."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
