"""Fixtures for the GUI tests: a small real catalogue (imported through the store and the
search index), a fresh data folder per test, an operation runner whose executors run tasks
at once, and the main window opened on them. Dialogs that would block fail the test unless
a test replaces them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from frontdesk import logsetup
from frontdesk.core.areas import LocalAuthority, PostcodeArea
from frontdesk.core.catalogue import Catalogue, Tier
from frontdesk.core.feed import ParsedFeed
from frontdesk.formats.demo import read_demo_catalogue
from frontdesk.gui import i18n, style
from frontdesk.gui.about_dialog import AboutDialog
from frontdesk.gui.crash import CrashDialog
from frontdesk.gui.detail.report_dialog import ReportDialog
from frontdesk.gui.dialogs import Ask
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import ImmediateExecutor, OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog
from frontdesk.gui.startup import Startup
from frontdesk.search.index import ensure_index
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.paths import DataPaths

TRAFFORD = "E08000009"
# A made-up postcode in the reserved-looking "ZZ" range, placed in Trafford.
CALLER_POSTCODE = "M33 7ZZ"


def small_feed() -> ParsedFeed:
    """Trafford's council services and a few others from the demo, plus one postcode."""
    demo = read_demo_catalogue()
    services = [
        s for s in demo.catalogue.services if any(a.gss_code == TRAFFORD for a in s.service_areas)
    ][:60]
    org_ids = {s.organization_id for s in services}
    catalogue = Catalogue(
        services=services,
        organizations=[o for o in demo.catalogue.organizations if o.id in org_ids],
        taxonomy_terms=list(demo.catalogue.taxonomy_terms),
    )
    return replace(
        demo,
        catalogue=catalogue,
        authorities=[LocalAuthority(TRAFFORD, "Trafford", Tier.UNITARY, "trafford")],
        postcodes=[PostcodeArea(CALLER_POSTCODE, TRAFFORD, la_name="Trafford")],
    )


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "catalogue.db"
    store = CatalogueStore.open(path)
    try:
        ensure_index(store.engine)
        store.apply_imports([("demo", small_feed())])
    finally:
        store.close()
    return path


@pytest.fixture
def paths(tmp_path: Path, catalogue_template: Path) -> Iterator[DataPaths]:
    data = DataPaths(tmp_path / "data").ensure()
    shutil.copy(catalogue_template, data.catalogue_db)
    yield data
    logsetup.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def runner() -> Iterator[OperationRunner]:
    runner = OperationRunner(ImmediateExecutor(), ImmediateExecutor())
    yield runner
    runner.cancel_pending()  # results still queued belong to this test's windows
    # Freed by Qt on the GUI thread, not by the garbage collector on whichever thread
    # collects (the operations' callbacks make cycles through it).
    runner.deleteLater()


@pytest.fixture(autouse=True)
def frontdesk_style(qapp: QApplication) -> None:
    """frontdesk's style over the platform's, as the app installs it."""
    style.install(qapp)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """British English as the app installs it, plural forms included."""
    translators = i18n.install(qapp, "en_GB")
    yield
    i18n.remove(qapp, translators)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*_args: object) -> bool:
        pytest.fail("a modal dialog opened that the test did not expect")

    monkeypatch.setattr(Ask, "discard_enquiry", classmethod(unexpected))
    monkeypatch.setattr(Ask, "rebuild_catalogue", classmethod(unexpected))
    monkeypatch.setattr(CrashDialog, "show_crash", classmethod(unexpected))
    monkeypatch.setattr(SettingsDialog, "edit", classmethod(unexpected))
    monkeypatch.setattr(ShortcutsDialog, "show_shortcuts", classmethod(unexpected))
    monkeypatch.setattr(AboutDialog, "show_about", classmethod(unexpected))
    monkeypatch.setattr(ReportDialog, "ask", classmethod(unexpected))


def open_window(
    qtbot: object, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> MainWindow:
    """The main window with both stores opened the way the app opens them."""
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    startup = Startup(window, runner, paths, settings)
    window.show()
    qtbot.waitExposed(window)  # type: ignore[attr-defined]
    window.activateWindow()
    startup.begin()
    return window


def ready(window: MainWindow) -> bool:
    return window.catalogue is not None and window.desk is not None


@pytest.fixture
def window(
    qtbot: object, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> Iterator[MainWindow]:
    win = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(win) and win.search.model.rowCount() > 0)  # type: ignore[attr-defined]
    yield win
    close_stores(win)


def close_stores(win: MainWindow) -> None:
    if win.catalogue is not None:
        win.catalogue.close()
    if win.desk is not None:
        win.desk.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot pass size hints to a window manager it
    # does not have; that is not a fault of the window under test.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
