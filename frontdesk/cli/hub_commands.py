"""The `hub` commands (being written)."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    """Adds this group's commands to the `frontdesk` parser."""
