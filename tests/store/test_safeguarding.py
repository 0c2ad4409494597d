"""The safeguarding prompt a desk uses: its organisation's, else the hub's default, else
the built-in words with the window's own wording."""

from __future__ import annotations

from pathlib import Path

from frontdesk.core.safeguarding import DEFAULT_WORDS
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_changes import CatalogueChange
from frontdesk.store.safeguarding import SAFEGUARDING, current_prompt


def prompt(org: str | None, words: list[str], text: str) -> CatalogueChange:
    data = {"organization_id": org, "version": 1, "words": words, "prompt": text}
    return CatalogueChange(SAFEGUARDING, org or "", "", {**data, "author": "cli"})


def test_the_organisations_prompt_wins_over_the_hubs_default(tmp_path: Path) -> None:
    store = CatalogueStore.open(tmp_path / "catalogue.db")
    assert current_prompt(store.engine).words == DEFAULT_WORDS
    assert current_prompt(store.engine).prompt is None
    applier = store.change_applier("https://hub")
    applier.apply([prompt(None, ["suicide"], "Call 999.")], {})
    assert current_prompt(store.engine).prompt == "Call 999."
    applier.apply([prompt("leeds", ["eviction", "bailiff"], "Housing line.")], {})
    chosen = current_prompt(store.engine)
    assert (chosen.words, chosen.prompt) == (("eviction", "bailiff"), "Housing line.")
    store.close()
