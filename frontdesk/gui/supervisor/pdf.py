"""The period report printed for management: A4 pages with the title, period,
organisation and time generated at the top of the first, then each section's chart and
its numbers as a table, and "Page n of N" at the foot of every page.

Drawn with QPainter on a QPdfWriter (Qt's own print support), so the numbers are real
text in the file (a reader can search and copy them) and the charts are the same
QtCharts the window shows. Pages are laid out first and drawn second, so each page knows
how many there are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

from frontdesk.gui.supervisor.charts import paint_chart
from frontdesk.gui.supervisor.sections import Section, sections
from frontdesk.sync.period_report import HUB, PeriodReport

LONDON = ZoneInfo("Europe/London")
DPI = 300
MARGIN_MM = 15.0
CHART_HEIGHT_MM = 70.0
Draw = Callable[[QPainter, float], None]  # paints a block with its top at y


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("Sans Serif")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Layout:
    """Blocks of known height placed onto pages of the writer's printable area."""

    def __init__(self, writer: QPdfWriter) -> None:
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.width, self.height = float(rect.width()), float(rect.height())
        self.writer = writer
        self.mm = DPI / 25.4
        self.footer = QFontMetricsF(_font(8), writer).height() * 2
        self.pages: list[list[tuple[float, Draw]]] = [[]]
        self.y = 0.0

    def add(self, height: float, draw: Draw, *, keep_with_next: float = 0.0) -> None:
        room = self.height - self.footer
        if self.y + height + keep_with_next > room and self.pages[-1]:
            self.pages.append([])
            self.y = 0.0
        self.pages[-1].append((self.y, draw))
        self.y += height


def write_report_pdf(
    report: PeriodReport, path: Path, *, organisation: str, now: dt.datetime | None = None
) -> int:
    """Save the report as an A4 PDF; returns its pages. OSError if it cannot be written."""
    with path.open("wb"):
        pass  # refused here with the system's reason, before Qt's silent failure to paint
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    title = QCoreApplication.translate("Supervisor", "Enquiries report")
    writer.setTitle(f"{title} {report.figures.get('since')} – {report.figures.get('until')}")
    writer.setCreator("frontdesk")
    layout = _Layout(writer)
    _front_matter(layout, report, organisation, now or dt.datetime.now(dt.UTC))
    for section in sections(report.figures, report.names):
        _section(layout, section)
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"cannot write {path}")
    try:
        total = len(layout.pages)
        for number, blocks in enumerate(layout.pages, start=1):
            if number > 1:
                writer.newPage()
            for top, draw in blocks:
                draw(painter, top)
            painter.setFont(_font(8))
            foot = QRectF(0, layout.height - layout.footer / 2, layout.width, layout.footer / 2)
            page_text = (
                QCoreApplication.translate("Supervisor", "Page %1 of %2")
                .replace("%1", str(number))
                .replace("%2", str(total))
            )
            painter.drawText(foot, Qt.AlignmentFlag.AlignRight, page_text)
    finally:
        painter.end()
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")
    return len(layout.pages)


def _text_block(layout: _Layout, text: str, font: QFont, *, keep: float = 0.0) -> None:
    metrics = QFontMetricsF(font, layout.writer)
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    box = metrics.boundingRect(QRectF(0, 0, layout.width, 10_000), flags, text)
    height = box.height() + metrics.height() * 0.4

    def draw(painter: QPainter, top: float) -> None:
        painter.setFont(font)
        painter.drawText(QRectF(0, top, layout.width, box.height()), flags, text)

    layout.add(height, draw, keep_with_next=keep)


def _front_matter(
    layout: _Layout, report: PeriodReport, organisation: str, now: dt.datetime
) -> None:
    figures = report.figures
    _text_block(
        layout, QCoreApplication.translate("Supervisor", "Enquiries report"), _font(18, bold=True)
    )
    period = QCoreApplication.translate("Supervisor", "Period: %1 to %2 (London calendar days)")
    lines = [
        period.replace("%1", str(figures.get("since"))).replace("%2", str(figures.get("until"))),
        QCoreApplication.translate("Supervisor", "Organisation: %1").replace("%1", organisation),
        QCoreApplication.translate(
            "Supervisor", "Figures: the hub's, every desk of the organisation"
        )
        if report.source == HUB
        else QCoreApplication.translate("Supervisor", "Figures: this desk's own log"),
        QCoreApplication.translate("Supervisor", "Generated: %1 (London time)").replace(
            "%1", now.astimezone(LONDON).strftime("%Y-%m-%d %H:%M")
        ),
    ]
    for line in lines:
        _text_block(layout, line, _font(10))
    _text_block(layout, " ", _font(6))


def _section(layout: _Layout, section: Section) -> None:
    body = _font(9)
    metrics = QFontMetricsF(body, layout.writer)
    row_height = metrics.height() * 1.35
    heading = _font(13, bold=True)
    chart_height = CHART_HEIGHT_MM * layout.mm if section.chart is not None else 0.0
    # A heading never ends a page: it stays with its chart (or its table's first rows).
    _text_block(layout, section.title, heading, keep=chart_height or row_height * 2)
    if section.chart is not None:
        chart = section.chart

        def draw_chart(painter: QPainter, top: float) -> None:
            target = QRectF(0, top, layout.width, chart_height - 2 * layout.mm)
            paint_chart(painter, target, chart, section.title, _font(12))

        layout.add(chart_height, draw_chart)
    widths = _column_widths(section, metrics, layout.width)
    bold = _font(9, bold=True)
    _row(layout, section.header, widths, bold, row_height, keep=row_height)
    for index, row in enumerate(section.rows):
        font = bold if index in section.flagged else body
        _row(layout, [str(c) for c in row], widths, font, row_height)
    layout.add(row_height, lambda painter, top: None)


def _column_widths(section: Section, metrics: QFontMetricsF, width: float) -> list[float]:
    lines: list[list[str]] = [section.header, *([str(c) for c in r] for r in section.rows)]
    needed = [
        max(metrics.horizontalAdvance(line[i]) for line in lines) + metrics.averageCharWidth() * 2
        for i in range(len(section.header))
    ]
    scale = min(1.0, width / sum(needed))
    return [w * scale for w in needed]


def _row(
    layout: _Layout,
    cells: list[str],
    widths: list[float],
    font: QFont,
    height: float,
    *,
    keep: float = 0.0,
) -> None:
    def draw(painter: QPainter, top: float) -> None:
        painter.setFont(font)
        left = 0.0
        for cell, width in zip(cells, widths, strict=True):
            rect = QRectF(left, top, width, height)
            align = Qt.AlignmentFlag.AlignVCenter | (
                Qt.AlignmentFlag.AlignRight
                if cell.replace(" %", "").replace(".", "").replace(":", "").isdigit()
                else Qt.AlignmentFlag.AlignLeft
            )
            painter.drawText(rect, align, cell)
            left += width
        painter.drawLine(0, round(top + height), round(left), round(top + height))

    layout.add(height, draw, keep_with_next=keep)
