"""Paints one search result as three to five lines: name (bold), the service's alert (bold,
after a warning sign), organisation, snippet and badges. Sizes come from the font
metrics, so rows grow with the text size setting."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from frontdesk.gui.search.model import (
    AlertRole,
    BadgesRole,
    OrganizationRole,
    PickKeyRole,
    SnippetRole,
)

PADDING = 6
# The snippet marks matched words «like this»; the list shows them plainly.
_MARKS = str.maketrans("", "", "«»")
# The lines under the name, each shown only when its role has something to say.
_OPTIONAL_LINES = (AlertRole, OrganizationRole, SnippetRole, BadgesRole)


class ResultDelegate(QStyledItemDelegate):
    """Draws a result row. Signals: none beyond QStyledItemDelegate's."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._font_cache: dict[str, tuple[QFont, QFontMetrics, QFontMetrics]] = {}

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> list[tuple[str, bool]]:
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = str(index.data(PickKeyRole) or "")
        # A quick pick shows its key before the name, so the adviser sees which key links it.
        lines = [(f"{key}  {name}" if key else name, True)]
        alert = str(index.data(AlertRole) or "")
        if alert:  # second, in bold: read before anything else about the service
            lines.append((alert, True))
        organization = str(index.data(OrganizationRole) or "")
        if organization:
            lines.append((organization, False))
        snippet = str(index.data(SnippetRole) or "").translate(_MARKS)
        if snippet:
            lines.append((snippet, False))
        badge_list = index.data(BadgesRole) or []
        if badge_list:
            lines.append(("  ·  ".join(badge_list), False))
        return lines

    def _fonts(self, base: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics]:
        """The bold font and both fonts' metrics for `base`, made once per font: building
        them for every row and line was most of a results list's layout time."""
        key = base.key()
        found = self._font_cache.get(key)
        if found is None:
            bold = QFont(base)
            bold.setBold(True)
            found = (bold, QFontMetrics(base), QFontMetrics(bold))
            self._font_cache = {key: found}  # one text size at a time
        return found

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        _, metrics, bold_metrics = self._fonts(option.font)
        # Only how many lines there are, without building their text.
        lines = 1 + sum(1 for role in _OPTIONAL_LINES if index.data(role))
        bold_lines = 2 if index.data(AlertRole) else 1
        height = bold_metrics.lineSpacing() * bold_lines + metrics.lineSpacing() * (
            lines - bold_lines
        )
        return QSize(metrics.averageCharWidth() * 30, height + 2 * PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        opt = QStyleOptionViewItem(option)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        rect: QRect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        base: QFont = opt.font
        bold_font, plain_metrics, bold_metrics = self._fonts(base)
        y = rect.top()
        for text, bold in self._lines(index):
            painter.setFont(bold_font if bold else base)
            metrics = bold_metrics if bold else plain_metrics
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), y, rect.width(), metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            y += metrics.lineSpacing()
        painter.restore()
