"""The start-up report support and the benchmark rely on, and the cheap catalogue queries
start-up uses instead of counting every service."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.gui import readiness
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.store.paths import DataPaths
from tests.gui.conftest import close_stores, ready


def test_the_ready_report_names_both_moments(
    qtbot: QtBot,
    runner: OperationRunner,
    settings: Settings,
    paths: DataPaths,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from frontdesk.gui.startup import Startup

    monkeypatch.setenv(readiness.ENVIRONMENT, "1")
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    readiness.install(window)
    window.show()
    Startup(window, runner, paths, settings).begin()
    qtbot.waitUntil(lambda: ready(window) and window.search.shown_request is not None)
    qtbot.wait(20)
    lines = capsys.readouterr().err.splitlines()
    moments = {line.split()[0]: float(line.split()[1]) for line in lines}
    assert set(moments) == {"ready", "searchable"}
    # Milliseconds since the process started; how many is the benchmark's business
    # (bench/gui), not a pass/fail test's.
    assert 0 < moments["ready"] <= moments["searchable"]
    close_stores(window)


def test_no_report_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(readiness.ENVIRONMENT, raising=False)
    assert not readiness.requested()


def test_the_catalogue_says_it_has_services_and_when_imported(window: MainWindow) -> None:
    catalogue = window.catalogue
    assert catalogue is not None
    assert catalogue.has_services()
    assert catalogue.last_import() == catalogue.stats().last_import
    assert "Catalogue updated" in window.status.catalogue.text()
