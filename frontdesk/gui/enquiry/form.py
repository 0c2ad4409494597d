"""The enquiry form: channel, caller details (only with consent), linked services, notes,
outcome and referral, with the call timer and the Save button.

The form knows nothing about storage: it turns its fields into an `EnquiryDraft` and
back, and says when anything changed. `EnquiryController` saves and restores.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.enquiry import Caller, Channel, EnquiryDraft, Outcome
from frontdesk.gui.compact import CompactListView, CompactTextEdit, FieldLabel
from frontdesk.gui.enquiry.caller_checks import CallerFieldChecks
from frontdesk.gui.enquiry.caller_history import CallerHistoryPanel
from frontdesk.gui.enquiry.linked import LinkedServicesModel
from frontdesk.gui.enquiry.timer import CallTimer
from frontdesk.gui.enquiry.vocabulary import channel_labels, outcome_labels


class EnquiryForm(QWidget):
    """The enquiry being typed.

    Signals:
        changed(): the adviser changed something (the draft should be auto-saved).
        save_requested(): the Save button (or its shortcut) was pressed.
        new_requested(): the New enquiry button was pressed.
        call_started(): a new enquiry (a new call) started; the last one's wrap-up ends.
        wrap_up_requested(): the Wrap-up done button was pressed.
        caller_edited(): a caller field or the consent changed (look the caller up).
    """

    changed = Signal()
    save_requested = Signal()
    new_requested = Signal()
    call_started = Signal()
    wrap_up_requested = Signal()
    caller_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft_id: str | None = None
        self._started: dt.datetime | None = None
        self._follows: str | None = None  # the earlier enquiry this call is about
        self._loading = False
        self.timer = CallTimer()
        self.follows_note = QLabel()  # "Follows up enquiry …", shown only for such a call
        self.follows_note.setWordWrap(True)
        self.follows_note.hide()
        self.new_button = QPushButton(self.tr("New enquiry (Ctrl+N)"))
        self.wrap_up_button = QPushButton(self.tr("Wrap-up done"))
        self.wrap_up_button.setAccessibleDescription(
            self.tr("Say you have finished the work after the last call")
        )
        self.wrap_up_button.setEnabled(False)
        self.channel = QComboBox()
        for channel, label in channel_labels().items():
            self.channel.addItem(label, channel.value)
        self.consent = QCheckBox(self.tr("&Keep the caller's details"))
        # A checkbox cannot wrap, so the condition is a separate, wrapping line.
        self.consent_note = QLabel(self.tr("Only if the caller agrees. Otherwise leave unticked."))
        self.consent_note.setWordWrap(True)
        self.consent.setAccessibleDescription(self.consent_note.text())
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.postcode = QLineEdit()
        self.postcode.setMaxLength(10)
        self.caller_checks = CallerFieldChecks(
            {"phone": self.phone, "email": self.email, "postcode": self.postcode}, self
        )
        self.history = CallerHistoryPanel()
        self.linked_model = LinkedServicesModel(self)
        self.linked = CompactListView()
        self.linked.setModel(self.linked_model)
        self.linked.setAccessibleName(self.tr("Services linked to this enquiry"))
        # "Service — Agency" wraps rather than hiding the agency off to the right.
        self.linked.setWordWrap(True)
        self.linked.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.remove_button = QPushButton(self.tr("Remove linked service (Delete)"))
        self.notes = CompactTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes, as in every other field
        self.reason = QComboBox()
        self.set_reasons([])
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Not chosen yet"), None)
        for outcome, label in outcome_labels().items():
            self.outcome.addItem(label, outcome.value)
        self.referral = QComboBox()
        self.save_button = QPushButton(self.tr("Save enquiry (Ctrl+S)"))
        self._lay_out()
        self._connect()
        self._enable_fields()

    def _lay_out(self) -> None:
        # The buttons sit under each other beside the timer: side by side they would set
        # the column's narrowest width past what a 1366-wide screen can give it.
        top = QGridLayout()
        top.addWidget(self.timer, 0, 0, 2, 1)
        top.addWidget(self.new_button, 0, 1)
        top.addWidget(self.wrap_up_button, 1, 1)
        top.setColumnStretch(0, 1)
        form = self.fields_layout = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above fields when the window is narrow (200% text), beside them otherwise.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Channe&l"), self.channel),
            (self.tr("Na&me"), self.name),
            (self.tr("&Telephone"), self.phone),
            (self.tr("&E-mail"), self.email),
            (self.tr("Post&code"), self.postcode),
            (self.tr("L&inked services"), self.linked),
            (self.tr("&Notes"), self.notes),
            (self.tr("What the call was a&bout"), self.reason),
            (self.tr("&Outcome"), self.outcome),
            (self.tr("&Refer to"), self.referral),
        ]
        for text, field in rows[:1]:
            form.addRow(self._label(text, field), field)
        form.addRow(self.consent)
        form.addRow(self.consent_note)
        problems = {
            self.phone: self.caller_checks.labels["phone"],
            self.email: self.caller_checks.labels["email"],
            self.postcode: self.caller_checks.labels["postcode"],
        }
        for text, field in rows[1:6]:
            form.addRow(self._label(text, field), field)
            if field in problems:
                form.addRow("", problems[field])  # under its field, shown only when wrong
            if field is self.postcode:
                form.addRow(self.history)  # the caller's earlier calls, once recognised
        form.addRow("", self.remove_button)
        for text, field in rows[6:]:
            form.addRow(self._label(text, field), field)
        # Three lines each at least, so a whole call fits 1366×768 with room for two more
        # rows (docs/decisions.md); they grow into whatever height the screen has.
        lines = self.fontMetrics().lineSpacing()
        self.linked.setMinimumHeight(lines * 3 + 2 * self.linked.frameWidth() + 2)
        self.linked.setMaximumHeight(lines * 7)
        self.notes.setMinimumHeight(lines * 3 + 2 * self.notes.frameWidth() + 8)
        # The fields scroll at large text sizes; the timer and Save stay in view.
        fields = QWidget()
        fields.setLayout(form)
        scroll = self.fields_scroll = QScrollArea()
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.follows_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.save_button)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = FieldLabel(text)
        label.setBuddy(buddy)
        return label

    def _connect(self) -> None:
        self.consent.toggled.connect(self._on_consent)
        for edit in (self.name, self.phone, self.email, self.postcode):
            edit.textEdited.connect(self._edited)
            edit.textChanged.connect(self.caller_edited)
        self.consent.toggled.connect(self.caller_edited)
        self.notes.textChanged.connect(self._edited)
        self.reason.currentIndexChanged.connect(self._edited)
        self.channel.currentIndexChanged.connect(self._edited)
        self.outcome.currentIndexChanged.connect(self._on_outcome)
        self.referral.currentIndexChanged.connect(self._edited)
        self.remove_button.clicked.connect(self.remove_current)
        self.linked_model.rowsInserted.connect(self._linked_changed)
        self.linked_model.rowsRemoved.connect(self._linked_changed)
        self.linked_model.modelReset.connect(self._linked_changed)
        self.linked_model.dataChanged.connect(self._fill_referrals)
        self.caller_checks.reformatted.connect(self._edited)
        # Connected before anyone else hears save_requested: the fields at fault are marked
        # before the save is tried (which the store then refuses with the same checks).
        self.save_requested.connect(self.caller_checks.check_all)
        self.save_button.clicked.connect(self.save_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.wrap_up_button.clicked.connect(self.wrap_up_requested)

    def tab_order(self) -> list[QWidget]:
        return [
            self.channel,
            self.consent,
            self.name,
            self.phone,
            self.email,
            self.postcode,
            self.linked,
            self.remove_button,
            self.notes,
            self.reason,
            self.outcome,
            self.referral,
            self.save_button,
            self.wrap_up_button,
            self.new_button,
        ]

    # -- state ---------------------------------------------------------------------

    @property
    def in_progress(self) -> bool:
        return self._draft_id is not None

    def has_content(self) -> bool:
        draft = self.draft()
        return draft is not None and bool(
            draft.service_ids or draft.notes.strip() or draft.outcome or not draft.caller.is_empty()
        )

    def start(
        self,
        draft_id: str | None = None,
        started: dt.datetime | None = None,
        follows: tuple[str, str] | None = None,
    ) -> None:
        """Start an enquiry; `follows` is (id, reference) of an earlier one it is about."""
        self._draft_id = draft_id or str(uuid.uuid4())
        self._started = started or dt.datetime.now(dt.UTC)
        self.timer.start(self._started)
        self._show_follows(follows)
        self.call_started.emit()

    def _show_follows(self, follows: tuple[str, str] | None) -> None:
        self._follows = follows[0] if follows else None
        if follows is None:
            self.follows_note.hide()
            return
        shown = follows[1] or self.tr("an earlier enquiry")
        self.follows_note.setText(self.tr("This call follows up enquiry {0}.").format(shown))
        self.follows_note.setAccessibleName(self.follows_note.text())
        self.follows_note.show()

    def clear(self) -> None:
        self._loading = True
        try:
            self._draft_id, self._started = None, None
            self._show_follows(None)
            self.timer.stop()
            self.channel.setCurrentIndex(0)
            self.consent.setChecked(False)
            self.notes.clear()
            self.reason.setCurrentIndex(0)
            self.outcome.setCurrentIndex(0)
            self.linked_model.reset((), {})
            self.caller_checks.clear()
            self.history.clear()
        finally:
            self._loading = False
        self._enable_fields()

    def draft(self) -> EnquiryDraft | None:
        if self._draft_id is None or self._started is None:
            return None
        consent = self.consent.isChecked()
        caller = Caller(
            name=self.name.text().strip() or None,
            phone=self.phone.text().strip() or None,
            email=self.email.text().strip() or None,
            postcode=self.postcode.text().strip() or None,
            consent=consent,
        )
        outcome = self.outcome.currentData()
        referral = self.referral.currentData()
        reason = self.reason.currentData()
        return EnquiryDraft(
            id=self._draft_id,
            channel=Channel(self.channel.currentData()),
            started_at=self._started,
            caller=caller if consent else Caller(),
            service_ids=self.linked_model.ids(),
            notes=self.notes.toPlainText(),
            outcome=Outcome(outcome) if outcome else None,
            referral_service_id=str(referral) if referral and outcome == Outcome.REFERRED else None,
            reason=str(reason) if reason else None,
            follows_id=self._follows,
        )

    def load(self, draft: EnquiryDraft, names: dict[str, str]) -> None:
        """Put a restored draft back on screen, exactly as it was typed."""
        self._loading = True
        try:
            self.start(
                draft.id, draft.started_at, (draft.follows_id, "") if draft.follows_id else None
            )
            self.channel.setCurrentIndex(max(0, self.channel.findData(draft.channel.value)))
            self.consent.setChecked(draft.caller.consent)
            self.name.setText(draft.caller.name or "")
            self.phone.setText(draft.caller.phone or "")
            self.email.setText(draft.caller.email or "")
            self.postcode.setText(draft.caller.postcode or "")
            self.caller_checks.clear()
            self.linked_model.reset(draft.service_ids, names)
            self.notes.setPlainText(draft.notes)
            self._choose_reason(draft.reason)
            outcome = draft.outcome.value if draft.outcome else None
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
            self._fill_referrals()
            if draft.referral_service_id:
                self.referral.setCurrentIndex(
                    max(0, self.referral.findData(draft.referral_service_id))
                )
        finally:
            self._loading = False
        self._enable_fields()

    def set_reasons(self, items: list[tuple[str, str]]) -> None:
        """The reasons to offer, as (code, label); the one chosen stays chosen."""
        chosen = self.reason.currentData() if self.reason.count() else None
        self.reason.blockSignals(True)
        self.reason.clear()
        self.reason.addItem(self.tr("Not chosen yet"), None)
        for code, label in items:
            self.reason.addItem(label, code)
        self.reason.blockSignals(False)
        self._choose_reason(chosen)

    def _choose_reason(self, code: str | None) -> None:
        if code is not None and self.reason.findData(code) < 0:
            self.reason.addItem(code, code)  # no longer on the list: kept, not lost
        self.reason.setCurrentIndex(max(0, self.reason.findData(code)))

    def caller(self) -> Caller:
        """The caller details on screen (empty without consent)."""
        draft = self.draft()
        return draft.caller if draft is not None else Caller()

    def add_service(self, service_id: str, name: str) -> bool:
        if not self.in_progress:
            self.start()
        return self.linked_model.add(service_id, name)

    def remove_current(self) -> None:
        index: QModelIndex = self.linked.currentIndex()
        if index.isValid():
            self.linked_model.remove(index.row())

    # -- reactions -----------------------------------------------------------------

    def _edited(self) -> None:
        if self._loading:
            return
        if not self.in_progress:
            self.start()  # typing into an idle form starts an enquiry: nothing is lost
        self.changed.emit()

    def _on_consent(self, checked: bool) -> None:
        if not checked:
            # Without consent nothing about the caller may be kept, on screen or on disk.
            for edit in (self.name, self.phone, self.email, self.postcode):
                edit.clear()
            self.caller_checks.clear()
        self._enable_fields()
        self._edited()

    def _on_outcome(self) -> None:
        self._enable_fields()
        self._edited()

    def _linked_changed(self) -> None:
        self._fill_referrals()
        self.remove_button.setEnabled(self.linked_model.rowCount() > 0)
        self._edited()

    def _fill_referrals(self) -> None:
        chosen = self.referral.currentData()
        self.referral.blockSignals(True)
        self.referral.clear()
        self.referral.addItem(self.tr("Choose a linked service"), None)
        for service_id in self.linked_model.ids():
            self.referral.addItem(self.linked_model.name(service_id), service_id)
        self.referral.setCurrentIndex(max(0, self.referral.findData(chosen)))
        if self.referral.currentIndex() == 0 and self.referral.count() == 2:
            self.referral.setCurrentIndex(1)  # one linked service: that is the referral
        self.referral.blockSignals(False)

    def _enable_fields(self) -> None:
        consent = self.consent.isChecked()
        for edit in (self.name, self.phone, self.email, self.postcode):
            edit.setEnabled(consent)
        self.referral.setEnabled(self.outcome.currentData() == Outcome.REFERRED.value)
        self.remove_button.setEnabled(self.linked_model.rowCount() > 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The linked list ignores Delete, so it reaches the form.
        if event.key() == Qt.Key.Key_Delete and self.linked.hasFocus():
            self.remove_current()
            return
        super().keyPressEvent(event)
