"""The search panel on its own, fed results it did not search for, so what it shows does
not depend on the time of day: the count, the open-now filter and the keys in the box."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.search.panel import SearchPanel
from frontdesk.search.catalogue_access import ResultRow, SearchOutcome, SearchRequest


def rows(open_now: list[bool]) -> tuple[ResultRow, ...]:
    return tuple(
        ResultRow(f"s{i}", f"Service {i}", "Trafford Council", "", None, is_open, False)
        for i, is_open in enumerate(open_now)
    )


def outcome(found: tuple[ResultRow, ...], text: str = "bins") -> SearchOutcome:
    return SearchOutcome(SearchRequest(text), found, None, False, ())


@pytest.fixture
def panel(qtbot: QtBot, runner: OperationRunner) -> SearchPanel:
    panel = SearchPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_count_is_of_the_rows_shown_after_open_now(panel: SearchPanel) -> None:
    panel._apply(outcome(rows([True, False, True, False, False])))
    assert panel.count.text() == "5 services found"
    panel.filters.open_now.setChecked(True)
    assert panel.proxy.rowCount() == 2
    assert panel.count.text() == "2 services found"
    panel._apply(outcome(rows([False, True, False])))
    assert panel.count.text() == "1 service found"
    panel.filters.open_now.setChecked(False)
    assert panel.count.text() == "3 services found"


def test_english_counts_say_one_service_and_two_items() -> None:
    from frontdesk.gui.statusbar import StatusBar

    bar = StatusBar()
    bar.set_waiting(1)
    assert bar.waiting.text() == "1 enquiry waiting to send"
    bar.set_waiting(2)
    assert bar.waiting.text() == "2 enquiries waiting to send"
    assert bar.age_text("2026-01-01T00:00:00+00:00", dt_at("2026-01-02")) == (
        "Catalogue updated 1 day ago"
    )
    bar.deleteLater()


def dt_at(day: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime.fromisoformat(f"{day}T12:00:00+00:00")


def test_the_first_down_in_the_box_moves_to_the_second_result(
    qtbot: QtBot, panel: SearchPanel
) -> None:
    panel._apply(outcome(rows([True, True, True])))
    assert panel.current_id() == "s0"  # the first result is selected as results arrive
    panel.box.setFocus()
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.results.hasFocus()
    assert panel.current_id() == "s1"
    panel.box.setFocus()
    qtbot.keyClick(panel.box, Qt.Key.Key_Up)
    assert panel.current_id() == "s0"


def test_return_in_the_box_links_the_selected_result(qtbot: QtBot, panel: SearchPanel) -> None:
    panel._apply(outcome(rows([True, True])))
    panel.box.setFocus()
    with qtbot.waitSignal(panel.add_requested) as linked:
        qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert linked.args == ["s0"]
    assert panel.box.hasFocus()  # the adviser can go on typing


def test_a_relaxed_search_says_what_was_relaxed_above_the_results(panel: SearchPanel) -> None:
    relaxed = SearchOutcome(
        SearchRequest("hardship fund"), rows([True]), None, False, (), relaxed="any-word"
    )
    panel._apply(relaxed)
    assert panel.notice.isVisibleTo(panel)
    assert "No service matched the words together" in panel.notice.text()
    panel._apply(outcome(rows([True])))
    assert not panel.notice.isVisibleTo(panel)
