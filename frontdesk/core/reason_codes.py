"""The form of an enquiry reason's code, shared by the desk (which keeps the list) and the
hub (which checks what desks push without knowing every organisation's additions)."""

from __future__ import annotations

import re
from typing import Final

MAX_CODE: Final = 60
_CODE: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_reason_code(text: str) -> bool:
    """Lower-case words joined by hyphens, at most MAX_CODE characters: "missed-collection"."""
    return len(text) <= MAX_CODE and _CODE.fullmatch(text) is not None
