"""An empty results list says why and offers a way out; an empty search box offers the
desk's most used services."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.search.model import IdRole
from tests.gui.test_main_window import search


def names(window: MainWindow) -> list[str]:
    proxy = window.search.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


WORDS = "council tax"


def empty_category(qtbot: QtBot, window: MainWindow) -> int:
    """Choose a category none of the services found for WORDS is in; its index."""
    category = window.search.filters.category
    search(qtbot, window, WORDS)
    for index in range(1, category.count()):
        category.setCurrentIndex(index)
        window.search.search_now()
        qtbot.waitUntil(lambda: shown_with(window, category.itemData(index)))  # noqa: B023
        if window.search.proxy.rowCount() == 0:
            return index
    raise AssertionError("every category has a council tax service")


def shown_with(window: MainWindow, category_id: str) -> bool:
    request = window.search.shown_request
    return request is not None and request.text == WORDS and request.category_id == category_id


def test_filters_that_leave_nothing_are_named_with_what_they_hide(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, WORDS)
    found = window.search.proxy.rowCount()
    assert found > 0
    assert not window.search.no_results.isVisible()
    category = window.search.filters.category
    chosen = empty_category(qtbot, window)
    panel = window.search.no_results
    assert panel.isVisible()
    assert f"category {category.itemText(chosen)}" in panel.text.text()
    assert f"Without them, {found} service" in panel.text.text()
    assert panel.clear_button.isVisible() and panel.clear_button.isEnabled()


def test_the_clear_button_is_reached_by_tab_and_brings_the_results_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    empty_category(qtbot, window)
    window.search.filters.open_now.setFocus()
    qtbot.keyClick(window.search.filters.open_now, Qt.Key.Key_Tab)
    button = window.search.no_results.clear_button
    assert button.hasFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.search.proxy.rowCount() > 0)
    assert window.search.filters.category.currentIndex() == 0
    assert not window.search.no_results.isVisible()
    assert window.search.box.text() == WORDS  # the words stay


def test_open_now_hiding_every_result_says_how_many_it_hides(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, WORDS)
    outcome = window.search._outcome
    assert outcome is not None and outcome.rows
    # The same results as at an hour when every one of them is closed.
    closed = tuple(replace(row, open_now=False) for row in outcome.rows)
    window.search._apply(replace(outcome, rows=closed))
    window.search.filters.open_now.setChecked(True)
    assert window.search.proxy.rowCount() == 0
    text = window.search.no_results.text.text()
    assert window.search.no_results.isVisible()
    assert "open now" in text and f"Without them, {len(closed)} service" in text
    window.search.no_results.clear_button.click()
    assert window.search.proxy.rowCount() == len(closed)


def test_with_nothing_used_yet_an_empty_search_is_labelled_a_to_z(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, "")
    shown = names(window)
    assert shown == sorted(shown, key=str.lower)
    assert window.search.count.text().startswith("A–Z")
    assert "Best" not in window.search.count.text()


def save_linking(window: MainWindow, *linked: tuple[str, ...]) -> None:
    """Save one enquiry per tuple of linked services; the desk ranks them again."""
    assert window.desk is not None
    for n, services in enumerate(linked):
        window.desk.save(
            EnquiryDraft(
                id=f"00000000-0000-4000-8000-00000000000{n}",
                channel=Channel.PHONE,
                started_at=dt.datetime.now(dt.UTC),
                service_ids=services,
                notes="",
                outcome=Outcome.ADVICE_GIVEN,
            )
        )
    window.attach_desk(window.desk)  # as at the next start (or after the next save)


def test_an_empty_search_lists_the_desks_most_used_services_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, WORDS)
    ids = [window.search.proxy.index(r, 0).data(IdRole) for r in range(2)]
    save_linking(window, (ids[1],), (ids[1], ids[0]), (ids[1],))
    search(qtbot, window, "")
    qtbot.waitUntil(lambda: window.search.count.text().startswith("Most used"))
    order = [window.search.proxy.index(r, 0).data(IdRole) for r in range(2)]
    assert order == [ids[1], ids[0]]
    assert window.search.proxy.rowCount() == 2
