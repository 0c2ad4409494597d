"""Another process swaps a rebuilt catalogue.db in under an open window (a `frontdesk sync`
rebuild while the app does not sync the desk): the window follows the new file."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from frontdesk.core.catalogue import Catalogue, Organization, Service
from frontdesk.gui.main_window import MainWindow
from frontdesk.search.index import ensure_index
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.paths import DataPaths
from tests.gui.conftest import small_feed

SWAP = """
import sys
from pathlib import Path
from frontdesk.sync.rebuild import CatalogueFile
CatalogueFile(Path(sys.argv[1])).replace_with(Path(sys.argv[2]))
"""


def build_other_catalogue(path: Path) -> None:
    """A catalogue with one service and one agency the window's catalogue does not have."""
    feed = small_feed()
    agency = Organization("zebra-trust", "Zebra Crossing Trust")
    service = Service(
        "zebra-patrols",
        "Zebra crossing patrols",
        organization_id=agency.id,
        description="Crossing patrols outside schools.",
    )
    catalogue = Catalogue(
        services=[service],
        organizations=[agency],
        taxonomy_terms=list(feed.catalogue.taxonomy_terms),
    )
    store = CatalogueStore.open(path)
    try:
        ensure_index(store.engine)
        store.apply_imports([("elsewhere", replace(feed, catalogue=catalogue))])
    finally:
        store.close()


def swap_in_another_process(live: Path, staging: Path) -> None:
    """What a rebuild in `frontdesk sync` does at its end, in a process of its own."""
    subprocess.run([sys.executable, "-c", SWAP, str(live), str(staging)], check=True, timeout=60)


def names(window: MainWindow) -> list[str]:
    proxy = window.search.proxy
    return [str(proxy.index(row, 0).data()) for row in range(proxy.rowCount())]


def agencies(window: MainWindow) -> list[str]:
    combo = window.search.filters.agency
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_search_reads_the_catalogue_another_process_swapped_in(
    qtbot: QtBot, window: MainWindow, paths: DataPaths, tmp_path: Path
) -> None:
    window.replacement_check.stop()  # the search alone must notice
    qtbot.keyClicks(window.search.box, "bin")
    window.search.search_now()
    qtbot.waitUntil(lambda: any("bin" in name.lower() for name in names(window)))
    before = window.catalogue
    staging = tmp_path / "catalogue.db.staging"
    build_other_catalogue(staging)

    swap_in_another_process(paths.catalogue_db, staging)
    window.search.box.clear()
    qtbot.keyClicks(window.search.box, "zebra crossing")
    window.search.search_now()
    qtbot.waitUntil(lambda: names(window) == ["Zebra crossing patrols"])
    window.search.box.clear()
    qtbot.keyClicks(window.search.box, "bin")
    window.search.search_now()
    qtbot.waitUntil(lambda: window.search.shown_request is not None)
    qtbot.waitUntil(lambda: names(window) == [])  # the old catalogue is gone
    assert window.catalogue is before  # the same access, now on the new file


def test_the_window_refreshes_when_nobody_searches(
    qtbot: QtBot, window: MainWindow, paths: DataPaths, tmp_path: Path
) -> None:
    window.replacement_check.setInterval(50)
    qtbot.keyClicks(window.search.box, "zebra")
    window.search.search_now()
    qtbot.waitUntil(lambda: window.search.shown_request is not None)
    assert "Zebra crossing patrols" not in names(window)
    assert "Zebra Crossing Trust" not in agencies(window)
    staging = tmp_path / "catalogue.db.staging"
    build_other_catalogue(staging)

    swap_in_another_process(paths.catalogue_db, staging)
    # The timer finds the new file; filters and results follow without a keystroke.
    qtbot.waitUntil(lambda: names(window) == ["Zebra crossing patrols"], timeout=10_000)
    qtbot.waitUntil(lambda: "Zebra Crossing Trust" in agencies(window))
    assert len(agencies(window)) == 2  # "All agencies" and the new catalogue's one
    assert not window.message_bar.isVisible()
