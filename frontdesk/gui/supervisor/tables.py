"""A section's numbers as an accessible table: a read-only model of its rows and a view
whose Ctrl+C copies the selection (or the whole table, header first) as tab-separated
text, which a spreadsheet pastes as cells."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from frontdesk.gui.supervisor.sections import Cell, Section

Index = QModelIndex | QPersistentModelIndex


def _numeric(value: Cell) -> bool:
    """Counts, rates ("7.3 %") and times ("12:05") line up on the right."""
    if isinstance(value, int | float):
        return True
    return value.replace(" %", "").replace(".", "").replace(":", "").isdigit()


class SectionModel(QAbstractTableModel):
    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.section.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.section.header)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value: Cell = self.section.rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and _numeric(value):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() in self.section.flagged:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.section.header[section]
        return None

    def as_tsv(self, rows: list[int] | None = None) -> str:
        """The header and the rows asked for (all by default), tab-separated."""
        wanted = range(len(self.section.rows)) if rows is None else rows
        lines = [self.section.header] + [self.section.rows[r] for r in wanted]
        return "\n".join("\t".join(str(c) for c in line) for line in lines) + "\n"


class SectionTable(QTableView):
    """The numbers beside a chart; Ctrl+C copies them for a spreadsheet."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_model = SectionModel(section, self)
        self.setModel(self.table_model)
        self.setObjectName(f"table_{section.key}")
        self.setAccessibleName(section.title)
        self.setAccessibleDescription(
            self.tr("The numbers of %1, a row each; Ctrl+C copies them.").replace(
                "%1", section.title
            )
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Tall enough for every row: the window scrolls, not each table."""
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + self.verticalHeader().length()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_rows()

    def copy(self) -> str:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        text = self.table_model.as_tsv(rows or None)
        QGuiApplication.clipboard().setText(text)
        return text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            event.accept()
            return
        super().keyPressEvent(event)
