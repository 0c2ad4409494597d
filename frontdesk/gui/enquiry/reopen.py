"""A saved enquiry opened again, in the enquiry panel's place: what it says now, its
history, and the corrections an adviser may make — a note, another outcome, the referral
sent elsewhere or withdrawn, the follow-up marked done — or a new call about it.

The panel only shows and collects; `ReopenController` reads and writes desk.db.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.enquiry import Outcome
from frontdesk.gui.enquiry.event_history import history_line
from frontdesk.gui.enquiry.today import status_text
from frontdesk.gui.enquiry.vocabulary import channel_labels, outcome_labels
from frontdesk.store.amendments import Amendment
from frontdesk.sync.desk_access import Reopened

# The refer-to choice that withdraws the referral (service ids never look like this).
WITHDRAW = "\x00withdraw"


class ReopenPanel(QWidget):
    """The reopened enquiry and its correction fields.

    Signals:
        amend_requested(): Save correction was pressed.
        new_call_requested(): the adviser starts a new call about this enquiry.
        close_requested(): back to the enquiry being typed.
    """

    amend_requested = Signal()
    new_call_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reopened: Reopened | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("History of this enquiry"))
        self.history.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        # The history gets the height left over: it is what the adviser reads first.
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.outcome = QComboBox()
        self.referral = QComboBox()
        self.follow_up = QCheckBox(self.tr("Follow-up don&e"))
        self.save_button = QPushButton(self.tr("Save correction"))
        self.new_call_button = QPushButton(self.tr("New call about this enquiry"))
        self.close_button = QPushButton(self.tr("Close"))
        self._lay_out()
        self.save_button.clicked.connect(self.amend_requested)
        self.new_call_button.clicked.connect(self.new_call_requested)
        self.close_button.clicked.connect(self.close_requested)

    def _lay_out(self) -> None:
        history_label = QLabel(self.tr("His&tory"))
        history_label.setBuddy(self.history)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in (
            (self.tr("Add a &note"), self.note),
            (self.tr("&Outcome"), self.outcome),
            (self.tr("&Refer to"), self.referral),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.follow_up)
        # Two rows, so the three buttons do not set the column's narrowest width.
        buttons = QGridLayout()
        buttons.addWidget(self.save_button, 0, 0)
        buttons.addWidget(self.close_button, 0, 1)
        buttons.addWidget(self.new_call_button, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(history_label)
        layout.addWidget(self.history, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def tab_order(self) -> list[QWidget]:
        return [
            self.history,
            self.note,
            self.outcome,
            self.referral,
            self.follow_up,
            self.save_button,
            self.new_call_button,
            self.close_button,
        ]

    def show_enquiry(self, reopened: Reopened, names: Mapping[str, str]) -> None:
        """Show the enquiry as it now stands; the correction fields start empty."""
        self.reopened = reopened
        enquiry = reopened.enquiry
        shown_ref = enquiry.reference or self.tr("(no reference)")
        self.title.setText(self.tr("Enquiry {0}").format(shown_ref))
        self.title.setAccessibleName(self.title.text())
        services = ", ".join(names.get(s, s) for s in enquiry.service_ids) or "—"
        outcome = outcome_labels()[enquiry.outcome] if enquiry.outcome else "—"
        lines = [
            self.tr("Saved {0} · {1}").format(
                f"{enquiry.saved_at.astimezone():%d/%m/%Y %H:%M}",
                channel_labels()[enquiry.channel],
            ),
            self.tr("Services: {0}").format(services),
            self.tr("Outcome: {0}").format(outcome),
            status_text(enquiry),
        ]
        if enquiry.referral_service_id:
            referred = names.get(enquiry.referral_service_id, enquiry.referral_service_id)
            lines.append(self.tr("Referred to: {0}").format(referred))
        if reopened.follows_reference:
            lines.append(self.tr("Follows up enquiry {0}").format(reopened.follows_reference))
        if enquiry.follow_up_done_at:
            done = f"{enquiry.follow_up_done_at.astimezone():%d/%m/%Y %H:%M}"
            lines.append(self.tr("Follow-up done {0}").format(done))
        self.summary.setText("\n".join(lines))
        self.summary.setAccessibleName(self.summary.text())
        self.history.clear()
        self.history.addItems([history_line(e, names) for e in reopened.history])
        self.history.setCurrentRow(self.history.count() - 1)
        self.note.clear()
        self.outcome.clear()
        self.outcome.addItem(self.tr("Keep: {0}").format(outcome), None)
        for choice, label in outcome_labels().items():
            if choice is not enquiry.outcome:
                self.outcome.addItem(label, choice.value)
        self.referral.clear()
        self.referral.addItem(self.tr("Keep as it is"), None)
        if enquiry.referral_service_id:
            self.referral.addItem(self.tr("Withdraw the referral"), WITHDRAW)
        for service_id in enquiry.service_ids:
            if service_id != enquiry.referral_service_id:
                self.referral.addItem(names.get(service_id, service_id), service_id)
        self.follow_up.setChecked(enquiry.follow_up_done_at is not None)
        self.follow_up.setEnabled(enquiry.follow_up_done_at is None)

    def offer_service(self, service_id: str, name: str) -> None:
        """The search's selected service, as a service the referral may go to."""
        enquiry = self.reopened.enquiry if self.reopened else None
        if not service_id or enquiry is None or service_id == enquiry.referral_service_id:
            return
        if self.referral.findData(service_id) < 0:
            self.referral.addItem(name or service_id, service_id)

    def choose_referral(self, service_id: str, name: str) -> bool:
        """Offer `service_id` under Refer to and choose it; False if it is already the
        service referred to."""
        self.offer_service(service_id, name)
        index = self.referral.findData(service_id)
        if index < 0:
            return False
        self.referral.setCurrentIndex(index)
        return True

    def amendment(self) -> Amendment:
        outcome = self.outcome.currentData()
        referral = self.referral.currentData()
        enquiry = self.reopened.enquiry if self.reopened else None
        done = self.follow_up.isChecked() and bool(enquiry and not enquiry.follow_up_done_at)
        return Amendment(
            note=self.note.toPlainText(),
            outcome=Outcome(outcome) if outcome else None,
            referral_service_id=referral if referral and referral != WITHDRAW else None,
            withdraw_referral=referral == WITHDRAW,
            follow_up_done=done,
        )
