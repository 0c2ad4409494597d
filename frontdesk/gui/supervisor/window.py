"""The supervisor's view: a window of its own showing the period report as charts, each
followed by its numbers in a table.

For a desk signed in to a hub with a supervisor's account the figures are the hub's (the
whole organisation), asked for on the runner's network lane; otherwise, or when the hub
cannot be reached, they are the desk's own log's, read on the database lane, and the
window says which in words at the top. Keyboard: Alt+P period, Alt+F/Alt+O the range's
dates, Alt+S show, F5 again, Tab on through the tables, Ctrl+C copies a table, Escape
closes.

Signals:
    report_shown(object): a PeriodReport was drawn (tests and the benchmark wait on it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.supervisor.charts import ChartView
from frontdesk.gui.supervisor.sections import Section, sections
from frontdesk.gui.supervisor.tables import SectionTable
from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.desk import DeskStore
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.period_report import HUB, HubAnswer, PeriodReport, ask_hub, complete

LONDON = ZoneInfo("Europe/London")
TODAY, WEEK, MONTH, RANGE = range(4)


def period_of(choice: int, today: dt.date, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The London days a period choice covers, up to today."""
    if choice == TODAY:
        return today, today
    if choice == WEEK:
        return today - dt.timedelta(days=today.weekday()), today
    if choice == MONTH:
        return today.replace(day=1), today
    return (start, end) if start <= end else (end, start)


class SupervisorWindow(QWidget):
    report_shown = Signal(object)

    def __init__(
        self,
        runner: OperationRunner,
        desk: DeskStore,
        catalogue: Callable[[], CatalogueStore | None] = lambda: None,
        *,
        tokens: TokenStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("supervisor_window")
        self.setWindowTitle(self.tr("Supervisor's view – frontdesk"))
        self._runner, self._desk, self._catalogue, self._tokens = runner, desk, catalogue, tokens
        self.report: PeriodReport | None = None
        self.tables: dict[str, SectionTable] = {}
        self._asked = False
        self._build()
        self.resize(1100, 760)

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.period = QComboBox()
        self.period.addItems(
            [self.tr("Today"), self.tr("This week"), self.tr("This month"), self.tr("Dates…")]
        )
        self.period.setCurrentIndex(MONTH)
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        today = QDate.currentDate()
        self.start = QDateEdit(today.addDays(1 - today.day()))
        self.end = QDateEdit(today)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setDefault(True)
        controls = QGridLayout()
        for row, (text, field) in enumerate(
            ((self.tr("&Period:"), self.period), (self.tr("&From:"), self.start))
        ):
            label = QLabel(text)
            label.setBuddy(field)
            controls.addWidget(label, row, 0)
            controls.addWidget(field, row, 1)
        to_label = QLabel(self.tr("T&o:"))
        to_label.setBuddy(self.end)
        controls.addWidget(to_label, 1, 2)
        controls.addWidget(self.end, 1, 3)
        controls.addWidget(self.show_button, 0, 3)
        controls.setColumnStretch(4, 1)
        self.source = QLabel()
        self.source.setObjectName("report_source")
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.source.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.source)
        layout.addWidget(self.scroller, 1)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.show_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence("Escape"), self, self.close)
        self._period_changed(self.period.currentIndex())

    def _period_changed(self, choice: int) -> None:
        ranged = choice == RANGE
        self.start.setEnabled(ranged)
        self.end.setEnabled(ranged)
        if not ranged and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        # Counted when first shown, not when built: the period may be chosen first.
        super().showEvent(event)
        if self.report is None and not self._asked:
            self.refresh()

    # -- loading ------------------------------------------------------------------------

    def chosen_period(self) -> tuple[dt.date, dt.date]:
        today = dt.datetime.now(LONDON).date()
        start, end = self.start.date().toPython(), self.end.date().toPython()
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        return period_of(self.period.currentIndex(), today, start, end)

    def refresh(self) -> None:
        self._asked = True
        since, until = self.chosen_period()
        self.source.setText(
            self.tr("Counting the enquiries from %1 to %2…")
            .replace("%1", since.isoformat())
            .replace("%2", until.isoformat())
        )
        desk, catalogue, tokens = self._desk, self._catalogue, self._tokens

        def asked(answer: HubAnswer) -> None:
            self._runner.run(
                lambda: complete(answer, desk, since, until, catalogue=catalogue()),
                key="supervisor-report",
            ).on_success(self.show_report).on_failure(self._failed)

        self._runner.run(
            lambda: ask_hub(desk, since, until, tokens=tokens),
            lane="network",
            key="supervisor-hub",
        ).on_success(asked).on_failure(self._failed)

    def _failed(self, error: BaseException) -> None:
        self.source.setText(
            self.tr("The figures could not be counted: %1").replace("%1", str(error))
        )

    # -- showing ------------------------------------------------------------------------

    def source_text(self, report: PeriodReport) -> str:
        figures = report.figures
        period = (
            self.tr("%1 to %2")
            .replace("%1", str(figures.get("since")))
            .replace("%2", str(figures.get("until")))
        )
        if report.source == HUB:
            org = figures.get("organization_id") or self.tr("every organisation")
            return (
                self.tr("%1: the hub's figures for %2 (every desk).")
                .replace("%1", period)
                .replace("%2", str(org))
            )
        why = {
            "signed_out": self.tr(
                "Not signed in to the hub, so these are this desk's own figures."
            ),
            "offline": self.tr(
                "The hub cannot be reached (offline?), so these are this desk's own figures."
            ),
            "not_supervisor": self.tr(
                "The hub gives this report to supervisors only, so these are this desk's own figures."  # noqa: E501
            ),
            "refused": self.tr("The hub refused the report, so these are this desk's own figures."),
        }.get(report.why, self.tr("This desk's own figures."))
        return f"{period}: {why}"

    def show_report(self, report: PeriodReport) -> None:
        self.report = report
        self.source.setText(self.source_text(report))
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.tables = {}
        for section in sections(report.figures, report.names):
            self.body_layout.addWidget(self._section(section))
        self.body_layout.addStretch(1)
        self.report_shown.emit(report)

    def _section(self, section: Section) -> QWidget:
        box = QWidget()
        box.setObjectName(f"section_{section.key}")
        layout = QVBoxLayout(box)
        heading = QLabel(f"<h2>{section.title}</h2>")
        heading.setAccessibleName(section.title)
        layout.addWidget(heading)
        if section.chart is not None:
            layout.addWidget(ChartView(section.chart, section.title))
        table = SectionTable(section)
        table.installEventFilter(self)
        self.tables[section.key] = table
        heading.setBuddy(table)
        row = QHBoxLayout()
        row.addWidget(table)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def eventFilter(self, watched: Any, event: Any) -> bool:
        # Tabbing to a table scrolls it into view.
        if event.type() == event.Type.FocusIn and isinstance(watched, SectionTable):
            self.scroller.ensureWidgetVisible(watched)
        return super().eventFilter(watched, event)
