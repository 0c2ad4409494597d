"""Paints one search result as three or four lines: name (bold), organisation, snippet
and badges. Sizes come from the font metrics, so rows grow with the text size setting."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from frontdesk.gui.search.model import BadgesRole, OrganizationRole, SnippetRole

PADDING = 6
# The snippet marks matched words «like this»; the list shows them plainly.
_MARKS = str.maketrans("", "", "«»")


class ResultDelegate(QStyledItemDelegate):
    """Draws a result row. Signals: none beyond QStyledItemDelegate's."""

    def _lines(self, index: QModelIndex | QPersistentModelIndex) -> list[tuple[str, bool]]:
        lines = [(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), True)]
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

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        metrics = QFontMetrics(option.font)
        lines = len(self._lines(index))
        height = QFontMetrics(bold).lineSpacing() + metrics.lineSpacing() * (lines - 1)
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
        y = rect.top()
        for text, bold in self._lines(index):
            font = QFont(base)
            font.setBold(bold)
            painter.setFont(font)
            metrics = QFontMetrics(font)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                QRect(rect.left(), y, rect.width(), metrics.lineSpacing()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
            y += metrics.lineSpacing()
        painter.restore()
