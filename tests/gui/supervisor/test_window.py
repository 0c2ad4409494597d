"""The supervisor's view: opened from the main window by its key, the desk's own figures
drawn as real charts with the same numbers in tables a keyboard user reaches and copies,
the hub's figures (with the estate) when a supervisor's hub gives them, and a clear word
when it cannot."""

from __future__ import annotations

import datetime as dt
import gc
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import shiboken6
from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from frontdesk.gui import i18n
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.gui.startup import Startup
from frontdesk.gui.supervisor.window import RANGE, SupervisorWindow, period_of
from frontdesk.store.desk import DeskStore
from frontdesk.store.paths import DataPaths
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.period_report import DESK, HUB, PeriodReport
from tests.gui.conftest import close_stores
from tests.helpers import desk_log
from tests.helpers.hub_process import file_keyring, free_port  # noqa: F401
from tests.helpers.report_hub import report_hub, signed_in  # noqa: F401

SINCE, UNTIL = dt.date(2026, 10, 1), dt.date(2026, 10, 31)


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DeskStore, Any]]:
    folder = tmp_path_factory.mktemp("desk")
    desk = DeskStore.open(folder / "desk.db", folder / "backups")
    calls = desk_log.generate()
    desk_log.write(desk, calls)
    yield desk, calls
    desk.close()


def open_on(
    qtbot: QtBot, runner: OperationRunner, desk: DeskStore, tokens: TokenStore | None = None
) -> SupervisorWindow:
    window = SupervisorWindow(runner, desk, tokens=tokens)
    qtbot.addWidget(window)
    window.period.setCurrentIndex(RANGE)
    window.start.setDate(QDate(SINCE.year, SINCE.month, SINCE.day))
    window.end.setDate(QDate(UNTIL.year, UNTIL.month, UNTIL.day))
    with qtbot.waitSignal(window.report_shown):
        window.show_button.click()
    return window


def test_the_adviser_window_starts_without_the_charts_library() -> None:
    code = (
        "import sys; import frontdesk.gui.main_window, frontdesk.gui.app; "
        "print('PySide6.QtCharts' in sys.modules, 'frontdesk.gui.supervisor.window' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_its_key_opens_the_view_in_a_window_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    action = window.actions_by_name["supervisor_view"]
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    action.trigger()
    view = window.supervisor_window
    assert isinstance(view, SupervisorWindow) and view.isVisible()
    assert view.isWindow() and view is not window
    qtbot.waitUntil(lambda: view.report is not None)
    assert view.report is not None and view.report.source == DESK
    window.close()
    assert not view.isVisible(), "closing the adviser's window closes the view too"


def test_the_view_goes_with_the_adviser_window_on_the_gui_thread(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    """Qt destroys the view (charts and all) with the window that opened it. Left to
    Python's garbage collector, it would be destroyed by whichever thread collects: the
    database worker or the sync thread, while the GUI thread may be laying it out."""
    destroyed_on: list[int] = []
    _open_view_then_delete_the_window(qtbot, runner, settings, paths, destroyed_on)
    collector = threading.Thread(target=gc.collect)  # as a worker's allocations may
    collector.start()
    collector.join()
    assert destroyed_on == [threading.main_thread().ident]


def _open_view_then_delete_the_window(
    qtbot: QtBot,
    runner: OperationRunner,
    settings: Settings,
    paths: DataPaths,
    destroyed_on: list[int],
) -> None:
    window = MainWindow(runner, settings)
    Startup(window, runner, paths, settings).begin()
    qtbot.waitUntil(lambda: window.desk is not None)
    window.actions_by_name["supervisor_view"].trigger()
    view = window.supervisor_window
    assert isinstance(view, SupervisorWindow)
    qtbot.waitUntil(lambda: view.report is not None)
    assert view.isWindow() and view.parent() is window
    view.destroyed.connect(
        lambda: destroyed_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    window.close()
    close_stores(window)
    shiboken6.delete(window)  # as its deleteLater does, on the GUI thread


def test_the_desks_own_figures_are_charted_and_tabled_exactly(
    qtbot: QtBot, runner: OperationRunner, logged: tuple[DeskStore, Any]
) -> None:
    desk, calls = logged
    window = open_on(qtbot, runner, desk)
    truth = desk_log.truth(calls, SINCE, UNTIL)
    assert "This desk's own figures." in window.source.text()
    hours = window.tables["by_hour"].table_model
    total_column = hours.columnCount() - 1
    for hour in range(24):
        expected = sum(truth["by_hour"].get(str(hour), {}).values())
        assert hours.index(hour, total_column).data() == str(expected)
    reasons = window.tables["by_reason"].table_model
    shown = {reasons.index(r, 1).data() for r in range(reasons.rowCount())}
    assert shown == {str(n) for n in truth["by_reason"].values()}
    charts = window.findChildren(QChartView)
    assert len(charts) >= 8
    assert all(c.chart().series() for c in charts), "every chart draws a series"
    assert all(c.accessibleName().startswith("Chart: ") for c in charts)


def test_ctrl_c_copies_a_table_as_tab_separated_text(
    qtbot: QtBot, runner: OperationRunner, logged: tuple[DeskStore, Any]
) -> None:
    desk, calls = logged
    window = open_on(qtbot, runner, desk)
    table = window.tables["messages"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0].split("\t") == ["Sent by", "Sent", "Delivered", "Failed", "Waiting"]
    sms = desk_log.truth(calls, SINCE, UNTIL)["messages"]["sms"]
    expected = ["Texts", *(str(sms[k]) for k in ("sent", "delivered", "failed", "pending"))]
    assert expected in [line.split("\t") for line in lines[1:]]


def test_referrals_past_the_agreed_time_are_said_in_words_and_bold(
    qtbot: QtBot, runner: OperationRunner, logged: tuple[DeskStore, Any]
) -> None:
    desk, _ = logged
    window = open_on(qtbot, runner, desk)
    model = window.tables["ageing"].table_model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    over = rows["over 30 days"]
    assert model.index(over, 2).data() == "Yes: past the agreed time"
    assert model.index(over, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(rows["0–2 days"], 2).data() == "No"


def test_every_table_is_reached_by_tab_and_named(
    qtbot: QtBot, runner: OperationRunner, logged: tuple[DeskStore, Any]
) -> None:
    desk, _ = logged
    window = open_on(qtbot, runner, desk)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.period.setFocus()
    reached = set()
    for _ in range(40):
        focused = window.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        focused = window.focusWidget()
        if focused in window.tables.values():
            reached.add(focused.accessibleName())
    assert reached == {t.accessibleName() for t in window.tables.values()}
    assert all(name for name in reached)


def test_the_period_choices_are_london_days_up_to_today() -> None:
    today = dt.date(2026, 10, 15)  # a Thursday
    assert period_of(0, today, today, today) == (today, today)
    assert period_of(1, today, today, today) == (dt.date(2026, 10, 12), today)
    assert period_of(2, today, today, today) == (dt.date(2026, 10, 1), today)
    assert period_of(RANGE, today, UNTIL, SINCE) == (SINCE, UNTIL), "dates given backwards"


def test_a_supervisors_desk_shows_the_hubs_figures_and_its_stale_desks(
    qtbot: QtBot,
    runner: OperationRunner,
    tmp_path: Path,
    file_keyring: TokenStore,  # noqa: F811
    report_hub: tuple[str, list[str]],  # noqa: F811
) -> None:
    url, asked = report_hub
    desk = signed_in(tmp_path, url, file_keyring)
    try:
        window = open_on(qtbot, runner, desk, file_keyring)
    finally:
        desk.close()
    # The first answer is this month's, asked for on opening; the last the dates chosen.
    assert asked[-1] == "/supervisor/v1/report?since=2026-10-01&until=2026-10-31"
    assert window.report is not None and window.report.source == HUB
    assert "the hub's figures for council" in window.source.text()
    estate = window.tables["estate"].table_model
    stale = {estate.index(r, 0).data(): estate.index(r, 6).data() for r in range(2)}
    assert stale == {"desk-a": "No", "desk-b": "Yes: not seen lately"}
    assert estate.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "by_weekday" not in window.tables, "a figure the hub did not send is not drawn"


def test_an_unreachable_hub_is_said_and_the_desks_figures_shown(
    qtbot: QtBot,
    runner: OperationRunner,
    tmp_path: Path,
    file_keyring: TokenStore,  # noqa: F811
) -> None:
    desk = signed_in(tmp_path, f"http://127.0.0.1:{free_port()}", file_keyring)
    try:
        window = open_on(qtbot, runner, desk, file_keyring)
    finally:
        desk.close()
    assert window.report is not None and window.report.source == DESK
    assert "The hub cannot be reached" in window.source.text()
    assert "estate" not in window.tables


def test_a_report_without_optional_figures_still_opens(
    qtbot: QtBot, runner: OperationRunner, logged: tuple[DeskStore, Any]
) -> None:
    desk, _ = logged
    window = SupervisorWindow(runner, desk)
    qtbot.addWidget(window)
    window.show_report(PeriodReport({"since": "2026-10-01", "until": "2026-10-01"}, HUB))
    assert window.tables == {}


@pytest.fixture
def welsh(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "cy")
    assert translators, "resources/i18n/frontdesk_cy.qm did not load"
    yield
    i18n.remove(qapp, translators)


def test_the_view_speaks_welsh(
    qtbot: QtBot, welsh: None, runner: OperationRunner, logged: tuple[DeskStore, Any]
) -> None:
    desk, _ = logged
    window = open_on(qtbot, runner, desk)
    assert window.windowTitle() == "Golwg y goruchwyliwr – frontdesk"
    assert window.show_button.text() == "Dango&s"
    assert window.source.text().endswith("Ffigurau'r ddesg hon ei hun.")
    assert window.tables["by_hour"].accessibleName() == "Ymholiadau fesul awr o'r dydd"
    model = window.tables["messages"].table_model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Anfonwyd drwy"


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[None]:
    before = QFont(qapp.font())
    big = QFont(before)
    big.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(big)
    yield
    qapp.setFont(before)


def test_at_200_percent_text_every_row_and_word_still_shows(
    qtbot: QtBot, large_text: None, runner: OperationRunner, logged: tuple[DeskStore, Any]
) -> None:
    desk, _ = logged
    window = open_on(qtbot, runner, desk)
    window.show()
    qtbot.waitExposed(window)
    for table in window.tables.values():
        model = table.table_model
        rows_height = sum(table.rowHeight(r) for r in range(model.rowCount()))
        assert table.viewport().height() >= rows_height, table.accessibleName()
        metrics = table.fontMetrics()
        for column in range(model.columnCount()):
            widest = (
                max(
                    metrics.horizontalAdvance(str(model.index(r, column).data()))
                    for r in range(model.rowCount())
                )
                if model.rowCount()
                else 0
            )
            assert table.columnWidth(column) >= widest, (table.accessibleName(), column)
    chart = window.findChildren(QChartView)[0]
    assert chart.minimumHeight() >= chart.fontMetrics().height() * 16
