"""After a sync round the window refreshes only what the round changed: the open service's
details when its alert (or record) changed, the results when a listed service changed —
keeping the selected result, the scroll and the adviser's focus in the search box — and
today's list when one of its enquiries changed. A round that changed only other services
re-runs nothing; alerts show first in the details and on their result row, and go at
their expiry by themselves."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import QModelIndex

from frontdesk.core.alert import ServiceAlert
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.search.model import AlertRole
from frontdesk.store import catalogue_schema as t
from frontdesk.store.alerts import ALERT
from frontdesk.store.catalogue_changes import CatalogueChange
from frontdesk.sync.changed import NOTHING, SyncChanges
from tests.gui.with_hub import save_enquiry_by_keyboard


def _put_alert(window: MainWindow, service: str, text: str, until: dt.datetime) -> None:
    """What a pull writes to catalogue.db for an alert set on the hub."""
    assert window.catalogue is not None
    data = ServiceAlert(service, text, until, dt.datetime.now(dt.UTC)).as_dict()
    applier = window.catalogue.store.change_applier("https://hub.example")
    applier.apply([CatalogueChange(ALERT, service, "", data)], {})


def _searched(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    window.search.box.setFocus()
    window.search.box.setText(text)
    qtbot.waitUntil(lambda: window.search.shown_request is not None
                    and window.search.shown_request.text == text)  # fmt: skip
    qtbot.waitUntil(lambda: window.detail.detail is not None)
    return list(window.search.model.ids())


def _row_alert(window: MainWindow, service: str) -> str:
    model = window.search.model
    row = model.ids().index(service)
    return str(model.data(model.index(row), AlertRole))


def _later(**span: float) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(**span)


def test_an_alert_on_the_shown_service_appears_first_and_the_adviser_keeps_their_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = _searched(qtbot, window, "council")
    assert len(listed) > 3
    # The adviser has moved to the third result and scrolled; the box has the focus.
    window.search.results.setCurrentIndex(window.search.proxy.index(2, 0))
    chosen = listed[2]
    qtbot.waitUntil(lambda: window.detail.detail is not None and window.detail.detail.id == chosen)
    window.search.box.setFocus()
    scroll = window.search.results.verticalScrollBar()
    scroll.setValue(scroll.maximum())
    scrolled = scroll.value()
    assert scrolled > 0 and window.detail.alert.isHidden()

    _put_alert(window, chosen, "Closed today, use Stretford food bank", _later(hours=3))
    done = window.live.apply(SyncChanges(alerts=frozenset({chosen})))

    assert done == ["detail", "results"]
    qtbot.waitUntil(lambda: not window.detail.alert.isHidden())
    banner = window.detail.alert.text()
    assert banner.startswith("⚠ Service alert, until ")
    assert banner.endswith(": Closed today, use Stretford food bank")
    assert window.detail.alert.accessibleName() == "Service alert"
    assert window.detail.browser.accessibleDescription().startswith(banner)
    qtbot.waitUntil(lambda: _row_alert(window, chosen) != "")
    assert _row_alert(window, chosen) == "⚠ Alert: Closed today, use Stretford food bank"
    assert all(_row_alert(window, s) == "" for s in listed if s != chosen)
    assert window.search.current_id() == chosen  # the same result, not the first
    assert scroll.value() == scrolled
    assert window.search.box.hasFocus()  # typing carries on


def test_a_round_that_changed_only_other_services_re_runs_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = _searched(qtbot, window, "council")
    assert window.catalogue is not None
    with window.catalogue.store.engine.connect() as conn:
        every = list(conn.scalars(select(t.services.c.id)))
    elsewhere = next(s for s in every if s not in listed)
    qtbot.wait(300)  # what opening the window started has finished
    searches: list[str] = []
    fetched: list[object] = []
    window.search.results_shown.connect(searches.append)
    window.detail.shown.connect(fetched.append)

    _put_alert(window, elsewhere, "Closed", _later(hours=1))
    changes = SyncChanges(services=frozenset({elsewhere}), alerts=frozenset({elsewhere}))
    assert window.live.apply(changes) == []
    assert window.live.apply(NOTHING) == []
    qtbot.wait(50)  # anything queued would have run by now
    assert searches == []
    assert fetched == []


def test_a_listed_service_that_changed_re_runs_the_search_without_the_detail(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = _searched(qtbot, window, "council")
    shown = window.search.current_id()
    other = next(s for s in listed if s != shown)
    searches: list[str] = []
    window.search.results_shown.connect(searches.append)
    assert window.live.apply(SyncChanges(services=frozenset({other}))) == ["results"]
    qtbot.waitUntil(lambda: searches == ["council"])
    assert window.search.current_id() == shown


def test_todays_list_refreshes_only_for_its_own_enquiries(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    window.search.box.setFocus()
    save_enquiry_by_keyboard(qtbot, window, "Asked about bins.")
    qtbot.waitUntil(lambda: window.today.model.rowCount() == 1)
    saved = window.today.model.enquiry(0)
    assert saved is not None
    assert window.live.apply(SyncChanges(enquiries=frozenset({saved.id}))) == ["today"]
    refreshed: list[list[str]] = []
    window.live.refreshed.connect(refreshed.append)
    assert window.live.apply(SyncChanges(enquiries=frozenset({"someone-elses"}))) == []
    assert window.live.apply(SyncChanges(messages=True)) == ["today"]
    assert window.live.apply(SyncChanges(record_reports=True)) == ["record_reports"]
    assert window.live.apply(SyncChanges(safeguarding=True)) == ["safeguarding"]
    assert refreshed == [[], ["today"], ["record_reports"], ["safeguarding"]]


def test_an_alert_goes_from_the_details_and_the_results_at_its_expiry(
    qtbot: QtBot, window: MainWindow
) -> None:
    listed = _searched(qtbot, window, "council")
    shown = window.search.current_id()
    assert shown in listed
    _put_alert(window, shown, "Phones down until 2pm", _later(seconds=1.5))
    window.live.apply(SyncChanges(alerts=frozenset({shown})))
    qtbot.waitUntil(lambda: not window.detail.alert.isHidden())
    qtbot.waitUntil(lambda: _row_alert(window, shown) != "")
    # No sync, no search: the timers alone take it away.
    qtbot.waitUntil(lambda: window.detail.alert.isHidden(), timeout=15_000)
    qtbot.waitUntil(lambda: _row_alert(window, shown) == "", timeout=15_000)
    assert not window.detail.browser.accessibleDescription().startswith("⚠")
    assert window.search.current_id() == shown


def test_the_result_row_grows_a_line_for_an_alert(qtbot: QtBot, window: MainWindow) -> None:
    _searched(qtbot, window, "council")
    shown = window.search.current_id()
    view = window.search.results
    row = window.search.model.ids().index(shown)
    index: QModelIndex = window.search.proxy.index(row, 0)
    plain = view.sizeHintForIndex(index).height()
    _put_alert(window, shown, "Closed", _later(hours=1))
    window.live.apply(SyncChanges(alerts=frozenset({shown})))
    qtbot.waitUntil(lambda: _row_alert(window, shown) != "")
    index = window.search.proxy.index(row, 0)
    assert view.sizeHintForIndex(index).height() > plain
