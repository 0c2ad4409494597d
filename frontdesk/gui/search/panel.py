"""The search side of the screen: the search box, filters, what the engine said about the
query, and the results list. Searches run on the database worker as the adviser types;
only the newest query's results are shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.search.delegate import ResultDelegate
from frontdesk.gui.search.filters import FilterBar
from frontdesk.gui.search.model import IdRole, ResultsModel, ResultsProxy
from frontdesk.gui.search.no_results import NoResults
from frontdesk.search.catalogue_access import (
    CatalogueAccess,
    FilterChoices,
    SearchOutcome,
    SearchRequest,
)
from frontdesk.search.relax import ANY_WORD, PARTIAL_WORDS, SOME_WORDS

# Zero: the search starts on the next turn of the event loop, which still merges changes
# made together (text and a filter) into one search. No wait is needed to spare the
# worker: a search superseded before it starts is skipped, so a burst of keys costs at
# most the search in progress plus the newest. (25 ms here was half the 50 ms budget
# from key to painted results on a 200k catalogue; see bench/gui.)
DEBOUNCE_MS = 0
# A QTimer's longest wait is about 24 days; an alert further off is looked at again then.
LONGEST_WAIT_MS = 24 * 3600 * 1000


class ResultsView(QListView):
    """The results list; Enter links the current result. Signals: QListView's own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)


class SearchPanel(QWidget):
    """Search box, filters and results.

    Signals:
        current_changed(str): the selected result's service id ("" when none).
        add_requested(str): the adviser asked to link this service to the enquiry.
        results_shown(str): the results for this query text are on screen.
    """

    current_changed = Signal(str)
    add_requested = Signal(str)
    results_shown = Signal(str)

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._catalogue: CatalogueAccess | None = None
        self.shown_request: SearchRequest | None = None
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("What does the caller need? e.g. missed bin"))
        self.box.setClearButtonEnabled(True)
        self.box.setMaxLength(200)
        self.filters = FilterBar()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        self.no_results = NoResults()
        self.no_results.clear_requested.connect(self.clear_filters)
        self._most_used: tuple[str, ...] = ()
        self._pick_keys: dict[str, str] = {}  # quick pick keys, shown on the most used
        self._outcome: SearchOutcome | None = None
        self.model = ResultsModel(self)
        self.proxy = ResultsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.results = ResultsView()
        self.results.setModel(self.proxy)
        self.count = QLabel()
        box_label = QLabel(self.tr("&Search services"))
        box_label.setBuddy(self.box)
        results_label = QLabel(self.tr("Res&ults"))
        results_label.setBuddy(self.results)
        self.results.setAccessibleName(self.tr("Search results"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box_label)
        layout.addWidget(self.box)
        layout.addWidget(self.filters)
        layout.addWidget(self.notice)
        layout.addWidget(self.no_results)
        layout.addWidget(results_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(self._timer.start)
        self.filters.changed.connect(self._timer.start)
        self.filters.open_now_toggled.connect(self.proxy.set_open_now_only)
        self.box.installEventFilter(self)
        selection = self.results.selectionModel()
        selection.currentChanged.connect(self._on_current)
        self.results.activated.connect(self._on_activated)
        self.proxy.modelReset.connect(self._select_first)
        self.proxy.layoutChanged.connect(self._select_first)
        self.proxy.rowsRemoved.connect(self._select_first)
        # The open-now filter hides rows without a new search: the count follows the rows.
        for changed in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsRemoved,
            self.proxy.rowsInserted,
        ):
            changed.connect(self._show_count)
        self._has_more = False
        # Alerts run out while the list is on screen, with or without a hub.
        self.alert_timer = QTimer(self)
        self.alert_timer.setSingleShot(True)
        self.alert_timer.timeout.connect(self._alerts_due)
        self._keep: tuple[str, int] | None = None  # (current id, scroll) across a refresh

    def tab_order(self) -> list[QWidget]:
        f = self.filters
        clear = self.no_results.clear_button
        return [self.box, f.postcode, f.agency, f.category, f.open_now, clear, self.results]

    def set_catalogue(self, catalogue: CatalogueAccess | None, choices: FilterChoices) -> None:
        self._catalogue = catalogue
        self.filters.set_choices(choices)
        self.search_now()

    def clear(self) -> None:
        """Back to a blank search for a new caller: text, postcode, agency, category and
        open now, so nothing from the last call narrows this one unseen."""
        self.box.clear()
        self.filters.clear()

    def clear_filters(self) -> None:
        """Drop every filter but keep the words: the results widen at once."""
        self.filters.clear()
        self.box.setFocus()

    def set_most_used(self, service_ids: tuple[str, ...]) -> None:
        """The desk's most used services, offered while nothing is typed."""
        if service_ids == self._most_used:
            return
        self._most_used = service_ids
        if not self.box.text().strip():
            self.search_now()

    def set_pick_keys(self, keys: dict[str, str]) -> None:
        """The quick picks' keys by service id, shown on the most used list's rows."""
        self._pick_keys = keys
        outcome = self._outcome
        self.model.set_pick_keys(keys if outcome is not None and outcome.most_used else {})

    def current_id(self) -> str:
        index = self.results.currentIndex()
        return str(index.data(IdRole)) if index.isValid() else ""

    def search_now(self) -> None:
        self._timer.stop()
        catalogue = self._catalogue
        if catalogue is None:
            return
        request = SearchRequest(
            text=self.box.text(),
            postcode=self.filters.postcode.text(),
            organization_id=self.filters.organization_id(),
            category_id=self.filters.category_id(),
            most_used=self._most_used,
        )
        now = dt.datetime.now()
        self._runner.run(lambda: catalogue.search(request, now), key="search").on_success(
            self._apply
        )

    def refresh(self) -> None:
        """Run the current search again because the services it lists changed (a sync),
        keeping the adviser's place: the same result selected, the list where it was
        scrolled to, and the keyboard focus wherever it is."""
        self._keep = (self.current_id(), self.results.verticalScrollBar().value())
        self.search_now()

    def _apply(self, outcome: SearchOutcome) -> None:
        had_focus = self.results.hasFocus()
        keep, self._keep = self._keep, None
        if keep is not None and keep[0]:
            # Reselect it below, rather than the first row and then it.
            self.proxy.modelReset.disconnect(self._select_first)
            try:
                self.model.set_rows(outcome.rows, outcome.request.postcode)
            finally:
                self.proxy.modelReset.connect(self._select_first)
            self._reselect(*keep)
        else:
            self.model.set_rows(outcome.rows, outcome.request.postcode)
        self._time_alerts()
        self.model.set_pick_keys(self._pick_keys if outcome.most_used else {})
        notes: list[str] = []
        if outcome.corrected_query:
            notes.append(self.tr("Showing results for “{0}”.").format(outcome.corrected_query))
        if outcome.unknown_postcode:
            notes.append(
                self.tr(
                    "We do not know the postcode {0}: showing services for every area. "
                    "Check it with the caller."
                ).format(outcome.request.postcode.strip().upper())
            )
        relaxed = self._relaxed_note(outcome.relaxed)
        if relaxed:
            notes.append(relaxed)
        notes.extend(outcome.messages)
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        self._has_more = outcome.has_more
        self._outcome = outcome
        self._show_count()
        if had_focus:
            self.results.setFocus()
        self.shown_request = outcome.request
        self.results_shown.emit(outcome.request.text)

    def _reselect(self, service_id: str, scroll: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(IdRole) == service_id:
                self.results.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
                break
        else:
            self._select_first()  # it is no longer listed
        self.results.verticalScrollBar().setValue(scroll)

    def _time_alerts(self) -> None:
        """Wake when the soonest listed alert runs out."""
        until = self.model.next_expiry()
        if until is None:
            self.alert_timer.stop()
            return
        wait = (until - self.model.clock()).total_seconds() * 1000
        self.alert_timer.start(max(0, min(LONGEST_WAIT_MS, int(wait) + 1)))

    def _alerts_due(self) -> None:
        self.model.alerts_expired()
        self._time_alerts()

    def _relaxed_note(self, step: str | None) -> str:
        """What the engine relaxed to find these services, in the adviser's language."""
        if step == SOME_WORDS:
            return self.tr("No service matched every word; showing services matching some of them.")
        if step == ANY_WORD:
            return self.tr(
                "No service matched the words together; showing services matching any of them."
            )
        if step == PARTIAL_WORDS:
            return self.tr(
                "No service matched these words; showing services with words that start or "
                "are spelt like them."
            )
        return ""

    def _show_count(self) -> None:
        """Count the rows on screen, after the open-now filter, not what the engine found."""
        shown = self.proxy.rowCount()
        outcome = self._outcome
        typed = outcome is not None and bool(outcome.request.text.strip())
        self._explain_empty()
        if not shown:
            count = self.tr("No services found")
        elif outcome is not None and outcome.most_used:
            count = self.tr("Most used on this desk: %n service(s)", "", shown)
        elif not typed:
            # Nothing typed and nothing used yet: the catalogue from A, said as it is.
            count = self.tr("A–Z, the first %n services: type what the caller needs", "", shown)
        elif self._has_more:
            count = self.tr("Best %n matches shown; type more words to narrow", "", shown)
        else:
            count = self.tr("%n service(s) found", "", shown)
        self.count.setText(count)

    def _explain_empty(self) -> None:
        """With no rows because of the filters: which ones, what they hide, a way out."""
        outcome = self._outcome
        f = self.filters
        on: list[str] = []
        if outcome is not None and not self.proxy.rowCount():
            request = outcome.request
            if request.postcode.strip():
                on.append(self.tr("caller's postcode {0}").format(request.postcode.strip().upper()))
            if request.organization_id:
                on.append(self.tr("agency {0}").format(f.agency.currentText()))
            if request.category_id:
                on.append(self.tr("category {0}").format(f.category.currentText()))
            if f.open_now.isChecked():
                on.append(self.tr("open now"))
        if not on or outcome is None:
            self.no_results.hide()
            return
        hidden, more = outcome.hidden, outcome.hidden_more
        if self.model.rowCount():  # the engine found some; only "open now" hides them
            hidden, more = self.model.rowCount(), outcome.has_more
        self.no_results.show_for(on, hidden, more)

    def _select_first(self) -> None:
        if self.proxy.rowCount() and not self.results.currentIndex().isValid():
            self.results.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        elif not self.proxy.rowCount():
            self.current_changed.emit("")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(str(current.data(IdRole)) if current.isValid() else "")

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.add_requested.emit(str(index.data(IdRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down/Up from the search box walk the results, as in a browser's address bar. The
        # first result is already highlighted, so the key moves on from it at once.
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.proxy.rowCount():
                self.results.setFocus()
                if self.results.currentIndex().isValid():
                    QApplication.sendEvent(self.results, QKeyEvent(event))
                else:
                    self.results.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Results follow the typing, so searching again would change nothing: link
                # the highlighted result, as Return in the list does (docs/decisions.md).
                self._on_activated(self.results.currentIndex())
                return True
        return super().eventFilter(watched, event)
