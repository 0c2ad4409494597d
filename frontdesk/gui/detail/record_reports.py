"""Record reports in the window: the warnings every desk shows on a reported service (in
the results and the detail pane), and reporting the shown service from the detail pane.

The warnings come from desk.db (the hub's groups, stored by sync) on the database worker,
and are read again when a sync round changed something or a report was saved.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QObject, Signal
from PySide6.QtWidgets import QWidget

from frontdesk.core.record_report import OwnReport, RecordWarning, ReportField, ReportStatus
from frontdesk.gui import message
from frontdesk.gui.detail.report_dialog import ReportAnswer, ReportDialog
from frontdesk.gui.operations import OperationRunner, is_environment_error
from frontdesk.store.desk import DeskWriteError
from frontdesk.store.record_reports import ReportInvalidError, ReportLog
from frontdesk.sync.desk_access import DeskAccess

Warnings = dict[str, list[RecordWarning]]
#: This desk's own reports shown on a service, newest first.
OWN_SHOWN = 3


class RecordReports(QObject):
    """Signals:
    changed(): the warnings were read again (views ask `texts()` for a service's).
    reported(): a report was saved on this desk (sync may send it now).
    """

    changed = Signal()
    reported = Signal()

    def __init__(self, runner: OperationRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk: DeskAccess | None = None
        self._warnings: Warnings = {}
        self._own: dict[str, list[OwnReport]] = {}

    def set_desk(self, desk: DeskAccess) -> None:
        self._desk = desk
        self.refresh()

    def refresh(self) -> None:
        desk = self._desk
        if desk is not None:
            self._runner.run(lambda: _read(desk), key="record-warnings").on_success(self._loaded)

    def texts(self, service_id: str) -> list[str]:
        """The warnings to show on a service, in the adviser's language."""
        return [self.warning_text(w) for w in self._warnings.get(service_id, [])]

    def warning_text(self, warning: RecordWarning, today: dt.date | None = None) -> str:
        """ "⚠ Reported: phone number may be wrong (3 advisers, since Tuesday)"."""
        advisers = self.tr("%n adviser(s)", "", warning.advisers)
        since = self._since(warning.since, today or dt.date.today())
        return self.tr("⚠ Reported: {0} ({1}, since {2})").format(
            self._what(warning.field), advisers, since
        )

    def _what(self, field: ReportField) -> str:
        return {
            ReportField.PHONE: self.tr("phone number may be wrong"),
            ReportField.EMAIL: self.tr("e-mail address may be wrong"),
            ReportField.ADDRESS: self.tr("address may be wrong"),
            ReportField.HOURS: self.tr("opening hours may be wrong"),
            ReportField.ELIGIBILITY: self.tr("eligibility may be wrong"),
            ReportField.CLOSED_MOVED: self.tr("may have closed or moved"),
            ReportField.OTHER: self.tr("something may be wrong"),
        }[field]

    def _since(self, moment: dt.datetime, today: dt.date) -> str:
        """A day name within the last week ("since Tuesday"), else the date."""
        day = moment.astimezone().date()
        locale = QLocale()
        if day == today:
            return self.tr("today")
        if 0 < (today - day).days < 7:
            return locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)

    def all_texts(self) -> dict[str, list[str]]:
        """The marks on search results: every desk's open reports."""
        return {service_id: self.texts(service_id) for service_id in self._warnings}

    def detail_texts(self) -> dict[str, list[str]]:
        """The detail pane's: the open reports, then what became of this desk's own."""
        services = set(self._warnings) | set(self._own)
        return {
            service_id: [
                *self.texts(service_id),
                *(self.own_text(r) for r in self._own.get(service_id, [])[:OWN_SHOWN]),
            ]
            for service_id in services
        }

    def own_text(self, report: OwnReport) -> str:
        """ "Your report of 3 Dec (opening hours): fixed — open Tuesdays now"."""
        day = report.reported_at.astimezone().date()
        when = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat
        )
        return self.tr("Your report of {0} ({1}): {2}").format(
            when, self._part(report.field), self._state(report)
        )

    def _part(self, field: ReportField) -> str:
        return {
            ReportField.PHONE: self.tr("phone number"),
            ReportField.EMAIL: self.tr("e-mail address"),
            ReportField.ADDRESS: self.tr("address"),
            ReportField.HOURS: self.tr("opening hours"),
            ReportField.ELIGIBILITY: self.tr("eligibility"),
            ReportField.CLOSED_MOVED: self.tr("closed or moved"),
            ReportField.OTHER: self.tr("something else"),
        }[field]

    def _state(self, report: OwnReport) -> str:
        if report.rejection_reason:
            return self.tr("refused by the hub: {0}").format(report.rejection_reason)
        if report.waiting:
            return self.tr("saved on this desk, not sent yet")
        if report.status is None:
            return self.tr("sent to the hub")
        status = {
            ReportStatus.OPEN: self.tr("waiting for the agency"),
            ReportStatus.ACKNOWLEDGED: self.tr("the agency is looking into it"),
            ReportStatus.FIXED: self.tr("fixed by the agency"),
            ReportStatus.NOT_A_PROBLEM: self.tr("the agency found nothing wrong"),
            ReportStatus.CHANGED_AT_SOURCE: self.tr("the record has changed since"),
        }[report.status]
        if report.status_note:
            return self.tr("{0} — {1}").format(status, report.status_note)
        return status

    def _loaded(self, found: tuple[Warnings, list[OwnReport]]) -> None:
        self._warnings, own = found
        self._own = {}
        for report in own:  # newest first
            self._own.setdefault(report.service_id, []).append(report)
        self.changed.emit()

    def report(self, service_id: str, service_name: str, parent: QWidget | None) -> None:
        """Ask what is wrong with the service's record, then save the report."""
        desk = self._desk
        if desk is None or not service_id:
            message.info(self.tr("Choose a service first, then report a problem with it."))
            return
        answer = ReportDialog.ask(service_name, parent)
        if answer is None:
            return
        self._runner.run(lambda: _save(desk, service_id, service_name, answer)).on_success(
            self._saved
        ).on_failure(self._failed)

    def _saved(self, report: OwnReport) -> None:
        self.refresh()  # the detail pane shows the new report at once
        message.info(
            self.tr(
                "Report saved on this desk; it goes to the agency that owns {0} at the next sync."
            ).format(report.service_name)
        )
        self.reported.emit()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ReportInvalidError):
            message.warning(self.tr("The report cannot be saved: {0}").format(error))
        elif isinstance(error, DeskWriteError) or is_environment_error(error):
            message.error(
                self.tr(
                    "The report could not be saved: desk.db cannot be written just now. "
                    "Try again; tell IT if it keeps happening."
                )
            )
        else:
            raise error


def _read(desk: DeskAccess) -> tuple[Warnings, list[OwnReport]]:
    log = ReportLog(desk.store)
    return log.warnings(), log.own()


def _save(desk: DeskAccess, service_id: str, name: str, answer: ReportAnswer) -> OwnReport:
    return ReportLog(desk.store).report(
        service_id, name, answer.field, answer.problem, answer.suggested
    )
