"""Reopening saved enquiries and saving their corrections, on the database worker.

An enquiry is reopened from today's list (Return on its row) or by typing its reference in
the search box; a correction is written as an amendment with its outbox op, offline or
not, and the window refreshes today's list and the status from what it returns.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from frontdesk.core import reference
from frontdesk.gui import message
from frontdesk.gui.enquiry.reopen import ReopenPanel
from frontdesk.gui.operations import OperationRunner, is_environment_error
from frontdesk.search.catalogue_access import CatalogueAccess
from frontdesk.store.desk import DeskWriteError
from frontdesk.store.enquiries import EnquiryInvalidError, UnknownEnquiryError
from frontdesk.sync.desk_access import AmendOutcome, DeskAccess, Reopened


class ReopenController(QObject):
    """Opens enquiries in the panel and saves corrections.

    Signals:
        opened(): an enquiry is shown in the panel (the window shows the panel).
        closed(): the adviser is done with it (the window shows the enquiry form again).
        amended(AmendOutcome): a correction was saved on this desk.
        new_call(str, str): a new call about the enquiry (its id and reference).
    """

    opened = Signal()
    closed = Signal()
    amended = Signal(object)
    new_call = Signal(str, str)

    def __init__(self, panel: ReopenPanel, runner: OperationRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = panel
        self._runner = runner
        self.desk: DeskAccess | None = None
        self.catalogue: CatalogueAccess | None = None
        panel.amend_requested.connect(self.amend)
        panel.close_requested.connect(self.closed)
        panel.new_call_requested.connect(self._new_call)

    def open(self, enquiry_id: str) -> None:
        desk = self.desk
        if desk is not None:
            self._runner.run(lambda: desk.reopen(enquiry_id), key="reopen").on_success(self._show)

    def open_typed(self, text: str) -> None:
        """Search-box text: if it is a well-formed reference, open that enquiry."""
        desk = self.desk
        if desk is None or reference.normalise(text) is None:
            return
        self._runner.run(lambda: desk.find(text), key="reopen").on_success(
            lambda found: self._found(found, text.strip())
        )

    def _found(self, found: Reopened | None, typed: str) -> None:
        if found is None:
            message.info(self.tr("No enquiry on this desk has the reference {0}.").format(typed))
            return
        self._show(found)
        message.info(
            self.tr("Enquiry {0} is open in the enquiry panel (F8).").format(
                found.enquiry.reference
            )
        )

    def _show(self, reopened: Reopened | None) -> None:
        if reopened is None:
            return
        enquiry = reopened.enquiry
        ids = tuple(dict.fromkeys((*enquiry.service_ids, *_referred(reopened))))
        catalogue = self.catalogue
        if catalogue is None or not ids:
            self._present(reopened, {})
            return
        self._runner.run(lambda: catalogue.names(ids)).on_success(
            lambda names: self._present(reopened, names)
        ).on_failure(lambda _: self._present(reopened, {}))

    def _present(self, reopened: Reopened, names: dict[str, str]) -> None:
        self.panel.show_enquiry(reopened, names)
        self.opened.emit()

    def amend(self) -> None:
        desk, reopened = self.desk, self.panel.reopened
        if desk is None or reopened is None:
            return
        amendment = self.panel.amendment()
        if amendment.is_empty():
            message.info(self.tr("Nothing to correct yet: add a note or change a field."))
            self.panel.note.setFocus()
            return
        enquiry_id = reopened.enquiry.id
        self._runner.run(lambda: desk.amend(enquiry_id, amendment)).on_success(
            self._amended
        ).on_failure(self._failed).with_progress(self.tr("Saving the correction…"))

    def _amended(self, outcome: AmendOutcome) -> None:
        self._show(outcome.reopened)
        message.info(
            self.tr("Correction to {0} saved on this desk.").format(
                outcome.reopened.enquiry.reference
            )
        )
        self.amended.emit(outcome)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, (EnquiryInvalidError, UnknownEnquiryError)):
            message.warning(self.tr("The correction cannot be saved: {0}").format(error))
        elif isinstance(error, DeskWriteError) or is_environment_error(error):
            message.error(
                self.tr(
                    "Could not save the correction: {0}. What you typed is still there."
                ).format(error)
            )
        else:
            raise error

    def _new_call(self) -> None:
        reopened = self.panel.reopened
        if reopened is not None:
            enquiry = reopened.enquiry
            self.new_call.emit(enquiry.id, enquiry.reference or "")


def _referred(reopened: Reopened) -> tuple[str, ...]:
    """Services named in the history (an earlier referral), so it reads by name too."""
    found = []
    for event in reopened.history:
        for key in ("service_id",):
            value = event.data.get(key)
            if isinstance(value, str):
                found.append(value)
        target = event.data.get("changes", {}).get("referral_service_id")
        if isinstance(target, str):
            found.append(target)
    return tuple(found)
