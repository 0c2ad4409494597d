"""Running `frontdesk enquiries …` in-process on a data folder whose catalogue holds two
services, `town:bins` and `town:housing`: shared by the enquiry command tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.cli import main
from frontdesk.core.catalogue import Catalogue, Service
from frontdesk.core.feed import ParsedFeed
from frontdesk.store.catalogue import CatalogueStore


def run(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one command on the data folder `data`."""
    try:
        status = main([*argv, "--data-dir", str(data)])
    except SystemExit as exit_:  # argparse's usage errors
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def town_data(folder: Path) -> Path:
    """`folder` with a catalogue of `town:bins` and `town:housing`."""
    store = CatalogueStore.open(folder / "catalogue.db")
    services = [Service(id="bins", name="Bin collections"), Service(id="housing", name="Housing")]
    feed = ParsedFeed(path=folder / "town.json", format="test", catalogue=Catalogue(services))
    store.apply_imports([("town", feed)])
    store.close()
    return folder
