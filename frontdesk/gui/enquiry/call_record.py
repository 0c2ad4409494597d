"""What the enquiry form records about a call besides its content: the reason list it
offers, the wrap-up time after a saved call, and the caller's earlier enquiries.

Wrap-up runs from a save to the start of the next call, or to "Wrap-up done" if the
adviser says so first; it is recorded once, on the database worker, and sent to the hub
like any other event. The reason list is read once desk.db is open (the organisation's
reasons.toml sits beside it); a broken file is reported and the built-in list is used.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from frontdesk.core.enquiry import Enquiry
from frontdesk.gui import message
from frontdesk.gui.enquiry.caller_history import CallerHistory
from frontdesk.gui.enquiry.form import EnquiryForm
from frontdesk.gui.enquiry.reasons import label_of, reason_items
from frontdesk.gui.operations import OperationRunner, is_environment_error
from frontdesk.search.catalogue_access import CatalogueAccess
from frontdesk.store.caller_history import CallerQuery
from frontdesk.store.desk import DeskWriteError
from frontdesk.store.reasons import BUILTIN, ReasonList, ReasonsFileError
from frontdesk.sync.desk_access import DeskAccess


class CallRecord(QObject):
    """Reasons, wrap-up and caller history for one form.

    Signals:
        today_changed(tuple): today's enquiries after a wrap-up was recorded.
    """

    today_changed = Signal(tuple)

    def __init__(self, form: EnquiryForm, runner: OperationRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._form = form
        self._runner = runner
        self._desk: DeskAccess | None = None
        self._wrapping_up: str | None = None  # the saved enquiry whose wrap-up is running
        self.reasons = ReasonList(BUILTIN)
        self.history = CallerHistory(form.history, self._query, runner, self)
        self.history.set_reason_label(lambda code: label_of(self.reasons, code))
        form.set_reasons(reason_items(self.reasons))
        form.caller_edited.connect(self._caller_edited)
        form.call_started.connect(self.end_wrap_up)
        form.wrap_up_requested.connect(self.end_wrap_up)

    def set_desk(self, desk: DeskAccess) -> None:
        self._desk = desk
        self.history.set_desk(desk)
        self._runner.run(desk.reasons).on_success(self._set_reasons).on_failure(
            self._reasons_failed
        )

    def set_catalogue(self, catalogue: CatalogueAccess | None) -> None:
        self.history.set_names(catalogue.names if catalogue is not None else None)

    def _set_reasons(self, reasons: ReasonList) -> None:
        self.reasons = reasons
        self._form.set_reasons(reason_items(reasons))

    def _reasons_failed(self, error: BaseException) -> None:
        if not isinstance(error, ReasonsFileError):
            raise error
        message.warning(
            self.tr(
                "The organisation's reason list cannot be used, so only the built-in "
                "reasons are offered: {0}"
            ).format(error)
        )

    def _query(self) -> CallerQuery | None:
        return CallerQuery.of_caller(self._form.caller())

    def _caller_edited(self) -> None:
        draft = self._form.draft()
        self.history.caller_changed(draft.id if draft is not None else None)

    # -- wrap-up -------------------------------------------------------------------

    def saved(self, enquiry: Enquiry) -> None:
        """A call was saved: its wrap-up starts now."""
        self._wrapping_up = enquiry.id
        self._form.wrap_up_button.setEnabled(True)

    def end_wrap_up(self) -> None:
        """The next call started, or the adviser pressed Wrap-up done."""
        enquiry_id, desk = self._wrapping_up, self._desk
        self._wrapping_up = None
        self._form.wrap_up_button.setEnabled(False)
        if enquiry_id is None or desk is None:
            return
        self._runner.run(lambda: desk.record_wrap_up(enquiry_id)).on_success(
            self.today_changed.emit
        ).on_failure(self._wrap_up_failed)

    def _wrap_up_failed(self, error: BaseException) -> None:
        if not isinstance(error, DeskWriteError) and not is_environment_error(error):
            raise error
        message.warning(self.tr("The wrap-up time could not be recorded: {0}").format(error))
