"""The services linked to the enquiry being typed: ids plus, for display, each one's name
with the agency that runs it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

IdRole = Qt.ItemDataRole.UserRole + 1


def service_label(name: str, agency: str | None) -> str:
    """ "Service — Agency": two councils' "Missed bin" are different services."""
    if not agency:
        return name
    return QCoreApplication.translate("LinkedServicesModel", "{0} — {1}").format(name, agency)


def labels(found: dict[str, tuple[str, str | None]]) -> dict[str, str]:
    """`service_label` for each service the catalogue found (id → name and agency)."""
    return {service_id: service_label(*pair) for service_id, pair in found.items()}


Index = QModelIndex | QPersistentModelIndex


class LinkedServicesModel(QAbstractListModel):
    """Linked services in the order they were added.

    Signals: QAbstractItemModel's own (rowsInserted/rowsRemoved/modelReset/dataChanged).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._names: dict[str, str] = {}

    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def name(self, service_id: str) -> str:
        return self._names.get(service_id, service_id)

    def add(self, service_id: str, name: str) -> bool:
        """Link a service once; False if it was already linked."""
        self._names[service_id] = name
        if service_id in self._ids:
            return False
        row = len(self._ids)
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.append(service_id)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()

    def reset(self, ids: tuple[str, ...], names: dict[str, str]) -> None:
        self.beginResetModel()
        self._ids = list(dict.fromkeys(ids))
        self._names = dict(names)
        self.endResetModel()

    def set_names(self, names: dict[str, str]) -> None:
        """Names arrive after a restored draft's ids (from the catalogue, on the worker)."""
        self._names.update(names)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        service_id = self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.name(service_id)
        if role == IdRole:
            return service_id
        return None
