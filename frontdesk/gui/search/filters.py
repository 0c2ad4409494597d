"""The filter row under the search box: caller's postcode, agency, category, open now."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from frontdesk.search.catalogue_access import FilterChoices


class FilterBar(QWidget):
    """Search filters.

    Signals:
        changed(): a filter the search engine applies changed (postcode, agency, category).
        open_now_toggled(bool): the "open now" box changed (applied by the proxy model).
    """

    changed = Signal()
    open_now_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.postcode = QLineEdit()
        self.postcode.setPlaceholderText(self.tr("e.g. M33 7ZZ"))
        self.postcode.setMaxLength(10)
        self.agency = QComboBox()
        self.category = QComboBox()
        for combo in (self.agency, self.category):
            # A long organisation name must not force the window wider at 200% text.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.open_now = QCheckBox(self.tr("Open no&w"))
        self.set_choices(FilterChoices((), ()))

        # Two rows of two, labels above fields: fits the narrow column at 200% text.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        cells = (
            (self.tr("Caller's &postcode"), self.postcode, 0, 0),
            (self.tr("&Agency"), self.agency, 0, 1),
            (self.tr("Categor&y"), self.category, 2, 0),
        )
        for text, field, row, column in cells:
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, column)
            grid.addWidget(field, row + 1, column)
        grid.addWidget(self.open_now, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 2)

        self.postcode.textChanged.connect(self.changed)
        self.agency.currentIndexChanged.connect(self.changed)
        self.category.currentIndexChanged.connect(self.changed)
        self.open_now.toggled.connect(self.open_now_toggled)

    def set_choices(self, choices: FilterChoices) -> None:
        for combo, everything, items in (
            (self.agency, self.tr("All agencies"), choices.organizations),
            (self.category, self.tr("All categories"), choices.categories),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for item_id, name in items:
                combo.addItem(name, item_id)
            combo.blockSignals(False)

    def clear(self) -> None:
        self.postcode.clear()
        self.agency.setCurrentIndex(0)
        self.category.setCurrentIndex(0)
        self.open_now.setChecked(False)

    def organization_id(self) -> str | None:
        value = self.agency.currentData()
        return str(value) if value else None

    def category_id(self) -> str | None:
        value = self.category.currentData()
        return str(value) if value else None
