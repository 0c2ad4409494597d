"""Reading search's data files (synonyms, stopwords) from resources/search.

They ship inside the wheel as `frontdesk.resources`; a source checkout whose editable
install predates that mapping reads them straight from the repository instead.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def bundled_text(name: str) -> str:
    try:
        folder: Traversable = resources.files("frontdesk.resources") / "search"
    except ModuleNotFoundError:
        folder = Path(__file__).resolve().parents[2] / "resources" / "search"
    return (folder / name).read_text(encoding="utf-8")
