"""The sections' charts in QtCharts, on screen (a QChartView) and on paper (the same
chart drawn with a QPainter into a rectangle of a PDF page).

QtCharts was chosen over pyqtgraph (docs/decisions.md, "Charts"): it imports in a few
milliseconds, adds about 11 MB when drawn, and brings no numpy into the bundle. Text in
a chart uses the application's font, so it grows with the system's text size.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene, QWidget

from frontdesk.gui.supervisor.sections import Chart


def build_chart(spec: Chart, title: str, font: QFont | None = None) -> QChart:
    """A QChart drawing `spec`; labels in `font` (the application's by default)."""
    font = font or QApplication.font()
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(_bold(font))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setFont(font)
    chart.legend().setVisible(len(spec.series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    x = QBarCategoryAxis()
    x.append(spec.categories)
    x.setLabelsFont(font)
    if len(spec.categories) > 12:
        x.setLabelsAngle(-90)
    y = QValueAxis()
    y.setLabelsFont(font)
    y.setLabelFormat("%.0f")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    highest = 0.0
    if spec.kind == "line":
        for name, values in spec.series.items():
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for i, value in enumerate(values):
                line.append(i, value)
            chart.addSeries(line)
            line.attachAxis(y)
            highest = max([highest, *values])
        # The category axis places point i at category i.
        chart.removeAxis(x)
        line_x = QBarCategoryAxis()
        line_x.append(spec.categories)
        line_x.setLabelsFont(font)
        chart.addAxis(line_x, Qt.AlignmentFlag.AlignBottom)
        for series in chart.series():
            series.attachAxis(line_x)
    else:
        bars: QAbstractBarSeries = QStackedBarSeries() if spec.kind == "stacked" else QBarSeries()
        totals = [0.0] * len(spec.categories)
        for name, values in spec.series.items():
            bar_set = QBarSet(name)
            bar_set.append(values)
            bars.append(bar_set)
            totals = [a + b for a, b in zip(totals, values, strict=True)]
        chart.addSeries(bars)
        bars.attachAxis(x)
        bars.attachAxis(y)
        highest = max(totals, default=0.0)
    y.setRange(0, 100 if spec.percent else max(1.0, highest))
    if not spec.percent:
        y.applyNiceNumbers()
    return chart


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class ChartView(QChartView):
    """A chart on screen, named for assistive technology; its numbers are in the table
    that follows it."""

    def __init__(self, spec: Chart, title: str, parent: QWidget | None = None) -> None:
        super().__init__(build_chart(spec, title), parent)
        self.setAccessibleName(
            QCoreApplication.translate("Supervisor", "Chart: %1").replace("%1", title)
        )
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "Supervisor", "The same numbers are in the table below the chart."
            )
        )
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        lines = self.fontMetrics().height()
        self.setMinimumHeight(lines * 16)


def paint_chart(painter: QPainter, target: QRectF, spec: Chart, title: str, font: QFont) -> None:
    """Draw the chart into `target` (device units of the painter's device)."""
    chart = build_chart(spec, title, font)
    scene = QGraphicsScene()
    scene.addItem(chart)
    # Laid out at a screen-like size, then scaled onto the page, so fonts keep their
    # proportion to the plot whatever the printer's resolution.
    size = QRectF(0, 0, 900, 900 * target.height() / target.width())
    chart.setGeometry(size)
    scene.setSceneRect(size)
    scene.render(painter, target, size)
    scene.removeItem(chart)
    chart.deleteLater()
