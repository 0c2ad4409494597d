"""Keeps the enquiry form and desk.db in step: restores the draft at startup, auto-saves it
on every change (debounced, on the database worker), saves the enquiry and starts new ones.

A failed write never clears the form: the adviser's typing stays on screen and the message
says what to do.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from frontdesk.core.enquiry import EnquiryDraft, Outcome
from frontdesk.gui import message
from frontdesk.gui.dialogs import Ask
from frontdesk.gui.enquiry.call_record import CallRecord
from frontdesk.gui.enquiry.form import EnquiryForm
from frontdesk.gui.enquiry.linked import labels
from frontdesk.gui.operations import OperationRunner, is_environment_error
from frontdesk.search.catalogue_access import CatalogueAccess
from frontdesk.store.desk import DeskWriteError, WriteProblem
from frontdesk.store.enquiries import EnquiryInvalidError
from frontdesk.sync.desk_access import DeskAccess, SaveOutcome

# Long enough to batch a typed word into one write, short enough that a crash loses little.
AUTOSAVE_MS = 400


class EnquiryController(QObject):
    """Draft restore, auto-save, save and new enquiry.

    Signals:
        saved(SaveOutcome): an enquiry was saved; carries today's list and desk status.
        started(): a new enquiry was started (the window moves focus to the search box).
        restored(str): a draft left when frontdesk last stopped is back on screen; says so.
    """

    saved = Signal(object)
    started = Signal()
    restored = Signal(str)

    def __init__(self, form: EnquiryForm, runner: OperationRunner, window: QWidget) -> None:
        super().__init__(window)
        self.form = form
        self._runner = runner
        self._window = window
        self._desk: DeskAccess | None = None
        self._catalogue: CatalogueAccess | None = None
        self._draft_warned = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_draft_now)
        self.record = CallRecord(form, runner, self)
        form.changed.connect(self._autosave.start)
        form.save_requested.connect(self.save)
        form.new_requested.connect(self.new_enquiry)

    def set_catalogue(self, catalogue: CatalogueAccess | None) -> None:
        self._catalogue = catalogue
        self.record.set_catalogue(catalogue)
        self._fetch_names()

    def set_desk(self, desk: DeskAccess) -> None:
        """Attach desk.db and bring back what was being typed when frontdesk last stopped."""
        self._desk = desk
        self.record.set_desk(desk)
        self._runner.run(desk.load_draft).on_success(self._restore)

    def _restore(self, draft: EnquiryDraft | None) -> None:
        if draft is None or self.form.in_progress:
            return
        self.form.load(draft, {})
        self._fetch_names()
        self.restored.emit(self.tr("The enquiry you were typing has been restored."))

    def _fetch_names(self) -> None:
        catalogue, ids = self._catalogue, self.form.linked_model.ids()
        if catalogue is not None and ids:
            self._runner.run(lambda: labels(catalogue.names_and_agencies(ids))).on_success(
                self.form.linked_model.set_names
            )

    # -- auto-save -----------------------------------------------------------------

    def save_draft_now(self) -> None:
        self._autosave.stop()
        desk, draft = self._desk, self.form.draft()
        if desk is None or draft is None:
            return
        self._runner.run(lambda: desk.save_draft(draft), key="draft").on_success(
            self._draft_saved
        ).on_failure(self._draft_failed)

    def _draft_saved(self, _: None) -> None:
        self._draft_warned = False

    def _draft_failed(self, error: BaseException) -> None:
        if not isinstance(error, DeskWriteError) and not is_environment_error(error):
            raise error
        if not self._draft_warned:  # once per problem, not on every keystroke
            self._draft_warned = True
            message.warning(self._write_problem_text(error, self.tr("auto-save the enquiry")))

    # -- save and new --------------------------------------------------------------

    def save(self) -> None:
        draft = self.form.draft()
        desk = self._desk
        if draft is None or not (draft.service_ids or draft.notes.strip()):
            # An outcome or a caller alone says nothing about what the call was for.
            message.info(self.tr("Nothing to save yet: link a service or write a note first."))
            self.form.notes.setFocus()
            return
        if draft.outcome is None:
            message.warning(self.tr("Choose an outcome (Alt+O) before saving."))
            self.form.outcome.setFocus()
            return
        if draft.outcome is Outcome.REFERRED and not draft.referral_service_id:
            message.warning(self.tr("Choose the service the caller is referred to (Alt+R)."))
            self.form.referral.setFocus()
            return
        if desk is None:
            message.error(self.tr("desk.db is not open, so the enquiry cannot be saved yet."))
            return
        self._autosave.stop()  # a later auto-save would bring the saved draft back
        self._runner.run(lambda: desk.save(draft)).on_success(self._saved).on_failure(
            self._save_failed
        ).with_progress(self.tr("Saving the enquiry…"))

    def _saved(self, outcome: SaveOutcome) -> None:
        self.form.clear()
        self.record.saved(outcome.enquiry)
        reference = outcome.enquiry.reference or ""
        message.info(
            self.tr("Enquiry {0} saved on this desk. Give the caller this reference.").format(
                reference
            )
        )
        self.saved.emit(outcome)

    def _save_failed(self, error: BaseException) -> None:
        if isinstance(error, EnquiryInvalidError):
            message.warning(self.tr("The enquiry cannot be saved yet: {0}").format(error))
        elif isinstance(error, DeskWriteError) or is_environment_error(error):
            message.error(self._write_problem_text(error, self.tr("save the enquiry")))
        else:
            raise error

    def _write_problem_text(self, error: BaseException, action: str) -> str:
        problem = error.problem if isinstance(error, DeskWriteError) else None
        reason = (
            {
                WriteProblem.FULL: self.tr("the disk is full. Free some space, then save again"),
                WriteProblem.READ_ONLY: self.tr("desk.db is read-only. Ask IT to make it writable"),
                WriteProblem.UNAVAILABLE: self.tr(
                    "desk.db cannot be reached. Check the data folder"
                ),
                WriteProblem.BUSY: self.tr("desk.db is busy. Try again in a moment"),
            }.get(problem, str(error))
            if problem
            else str(error)
        )
        return self.tr(
            "Could not {0}: {1}. Nothing you typed is lost: it is still in the form."
        ).format(action, reason)

    def new_enquiry(self) -> None:
        self._start_new(None)

    def follow_up_call(self, enquiry_id: str, reference: str) -> None:
        """A new call about an earlier enquiry: a new enquiry linked to it."""
        self._start_new((enquiry_id, reference))

    def _start_new(self, follows: tuple[str, str] | None) -> None:
        if self.form.has_content() and not Ask.discard_enquiry(self._window):
            return
        old, desk = self.form.draft(), self._desk
        self._autosave.stop()
        if old is not None and desk is not None:
            self._runner.run(lambda: desk.discard_draft(old.id), key="draft")
        self.form.clear()
        self.form.start(follows=follows)
        self.started.emit()
