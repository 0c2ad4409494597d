"""The results list's models: `ResultsModel` over service ids with a small row cache, and
`ResultsProxy`, which narrows it to services open now without asking the database again.

Each search replaces the ids in one cheap reset (at most a page of rows); the row data the
list paints comes from the cache, filled by the same background call that ran the search.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from frontdesk.core.alert import ServiceAlert
from frontdesk.search.catalogue_access import ResultRow

IdRole = Qt.ItemDataRole.UserRole + 1
OrganizationRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
BadgesRole = Qt.ItemDataRole.UserRole + 4
OpenNowRole = Qt.ItemDataRole.UserRole + 5
# The key that links this row as a quick pick ("Alt+1"…), on an empty box's list only.
PickKeyRole = Qt.ItemDataRole.UserRole + 6
# The service's live alert as one line of words ("" when it has none, or it has expired).
AlertRole = Qt.ItemDataRole.UserRole + 7

# Rows kept across searches: enough for a few pages while the adviser types and retypes.
CACHE_SIZE = 300

Index = QModelIndex | QPersistentModelIndex


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def alert_line(alert: ServiceAlert) -> str:
    """An alert as the results list shows it: a symbol and a word first, never colour."""
    return QCoreApplication.translate("ResultsModel", "⚠ Alert: {0}").format(alert.text)


def badges(row: ResultRow, postcode: str) -> list[str]:
    """Badges as words with a symbol, so colour is never the only signal."""
    out: list[str] = []
    if row.covers is True:
        out.append(QCoreApplication.translate("ResultsModel", "✓ Covers {0}").format(postcode))
    elif row.covers is False:
        out.append(QCoreApplication.translate("ResultsModel", "✗ Not at {0}").format(postcode))
    if row.open_now is True:
        out.append(QCoreApplication.translate("ResultsModel", "● Open now"))
    elif row.open_now is False:
        out.append(QCoreApplication.translate("ResultsModel", "○ Closed now"))
    if row.stale:
        out.append(QCoreApplication.translate("ResultsModel", "⚠ Not recently checked"))
    return out


class ResultsModel(QAbstractListModel):
    """Search results, one row per service id.

    Signals: only QAbstractItemModel's own (modelReset when a new search is applied).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._cache: OrderedDict[str, ResultRow] = OrderedDict()
        self._postcode = ""
        self._marks: dict[str, list[str]] = {}  # record-report warnings by service id
        self._pick_keys: dict[str, str] = {}  # quick pick keys by service id
        # What "now" is for alerts' expiry (tests pass their own clock).
        self.clock: Callable[[], dt.datetime] = utc_now

    def set_rows(self, rows: tuple[ResultRow, ...], postcode: str) -> None:
        self.beginResetModel()
        self._ids = [row.id for row in rows]
        self._postcode = postcode.strip().upper()
        for row in rows:
            self._cache[row.id] = row
            self._cache.move_to_end(row.id)
        while len(self._cache) > max(CACHE_SIZE, len(self._ids)):
            self._cache.popitem(last=False)
        self.endResetModel()

    def set_marks(self, marks: dict[str, list[str]]) -> None:
        """Warnings shown on reported services (open record reports), beside the badges."""
        self._marks = marks
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [BadgesRole])

    def set_pick_keys(self, keys: dict[str, str]) -> None:
        """The quick pick key of each numbered service ({} when the rows are a search's)."""
        if keys == self._pick_keys:
            return
        self._pick_keys = keys
        if self._ids:
            last = self.index(len(self._ids) - 1)
            self.dataChanged.emit(self.index(0), last, [PickKeyRole])

    def next_expiry(self) -> dt.datetime | None:
        """When the soonest alert on the listed services runs out (None: none live)."""
        now = self.clock()
        times = [
            row.alert.until
            for row in (self._cache.get(i) for i in self._ids)
            if row is not None and row.alert is not None and row.alert.live(now)
        ]
        return min(times, default=None)

    def alerts_expired(self) -> None:
        """Time passed an alert's expiry: repaint, so the rows drop it."""
        if self._ids:
            last = self.index(len(self._ids) - 1)
            self.dataChanged.emit(self.index(0), last, [AlertRole])

    def _alert(self, row: ResultRow) -> str:
        alert = row.alert
        return alert_line(alert) if alert is not None and alert.live(self.clock()) else ""

    def _badges(self, row: ResultRow) -> list[str]:
        return [*badges(row, self._postcode), *self._marks.get(row.id, ())]

    def ids(self) -> tuple[str, ...]:
        """The services listed, in order (those the open-now filter hides too)."""
        return tuple(self._ids)

    def service_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._cache.get(self._ids[index.row()])
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == IdRole:
            return row.id
        if role == OrganizationRole:
            return row.organization or ""
        if role == SnippetRole:
            return row.snippet
        if role == BadgesRole:
            return self._badges(row)
        if role == OpenNowRole:
            return row.open_now
        if role == PickKeyRole:
            return self._pick_keys.get(row.id, "")
        if role == AlertRole:
            return self._alert(row)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            parts = [
                self._pick_keys.get(row.id, ""),
                row.name,
                self._alert(row),
                row.organization or "",
                *self._badges(row),
            ]
            return ". ".join(p for p in parts if p)
        return None


class ResultsProxy(QSortFilterProxyModel):
    """Keeps the engine's order; hides services not open now when asked to.

    Signals: only QSortFilterProxyModel's own.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._open_now_only = False

    def set_open_now_only(self, only: bool) -> None:
        self.beginFilterChange()
        self._open_now_only = only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._open_now_only:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(OpenNowRole))
