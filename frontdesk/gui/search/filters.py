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

from frontdesk.gui.catalogue_access import FilterChoices


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
            combo.setMinimumContentsLength(12)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.open_now = QCheckBox(self.tr("Open no&w"))
        self.set_choices(FilterChoices((), ()))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (text, field) in enumerate(
            (
                (self.tr("Caller's &postcode"), self.postcode),
                (self.tr("&Agency"), self.agency),
                (self.tr("Categor&y"), self.category),
            )
        ):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        grid.addWidget(self.open_now, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)

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

    def organization_id(self) -> str | None:
        value = self.agency.currentData()
        return str(value) if value else None

    def category_id(self) -> str | None:
        value = self.category.currentData()
        return str(value) if value else None
