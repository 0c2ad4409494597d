"""The demo catalogue that ships with frontdesk, so a fresh install has something to search,
and the small hand-made routing data beside it (councils, postcodes, LGSL tiers), so the
caller's-postcode filter and "who is responsible here" work in the demo too."""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import as_file, files
from pathlib import Path

from frontdesk.core.feed import ParsedFeed
from frontdesk.formats import govuk_tiers, hsds_json, local_authorities, postcodes

DEMO_SOURCE = "demo"

# (source name, file in resources/demo/, the reader for its format). Reference files are
# not service sources; the names only label their lines in an import report.
_REFERENCE: tuple[tuple[str, str, Callable[[Path], ParsedFeed]], ...] = (
    ("demo-councils", "councils.csv", local_authorities.read),
    ("demo-postcodes", "postcodes.csv", postcodes.read),
    ("demo-lgsl-tiers", "lgsl_tiers.csv", govuk_tiers.read),
)


def _read(name: str, reader: Callable[[Path], ParsedFeed]) -> ParsedFeed:
    resource = files("frontdesk.resources") / "demo" / name
    with as_file(resource) as path:
        return reader(path)


def read_demo_catalogue() -> ParsedFeed:
    """The bundled demo catalogue (HSDS 3.0 JSON), parsed like any other feed."""
    return _read("catalogue.json", hsds_json.read)


def read_demo_reference() -> list[tuple[str, ParsedFeed]]:
    """The demo's routing data, each file read by the reader `frontdesk import` uses for it."""
    return [(source, _read(name, reader)) for source, name, reader in _REFERENCE]


def read_demo_feeds() -> list[tuple[str, ParsedFeed]]:
    """Everything the demo imports, for one `apply_imports` call: the reference data first,
    so the catalogue's council services get their providing tier as they are written."""
    return [*read_demo_reference(), (DEMO_SOURCE, read_demo_catalogue())]
