"""Reading search's data files (synonyms, stopwords), shipped in `resources/search/`."""

from __future__ import annotations

from importlib import resources


def bundled_text(name: str) -> str:
    return (resources.files("frontdesk.resources") / "search" / name).read_text(encoding="utf-8")
