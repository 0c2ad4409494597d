"""The demo catalogue that ships with frontdesk, so a fresh install has something to search."""

from __future__ import annotations

from importlib.resources import as_file, files

from frontdesk.core.feed import ParsedFeed
from frontdesk.formats import hsds_json

DEMO_SOURCE = "demo"


def read_demo_catalogue() -> ParsedFeed:
    """The bundled demo catalogue (HSDS 3.0 JSON), parsed like any other feed."""
    resource = files("frontdesk.resources") / "demo" / "catalogue.json"
    with as_file(resource) as path:
        return hsds_json.read(path)
