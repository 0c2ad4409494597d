"""Reporting that the shown service's record is wrong: which part, what the adviser found,
and the right value if known. The layout is the form ui/report_record.ui.

The dialog only asks: `ask()` returns the answer (or None when cancelled), and whoever
opened it saves the report (off the GUI thread). An empty problem keeps the dialog open
with the reason, so nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from frontdesk.core.record_report import MAX_PROBLEM_CHARS, MAX_SUGGESTED_CHARS, ReportField
from frontdesk.gui import forms


@dataclass(frozen=True, slots=True)
class ReportAnswer:
    field: ReportField
    problem: str
    suggested: str | None


class ReportDialog(QDialog):
    """Signals: only QDialog's own."""

    def __init__(self, service_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        forms.load(self, "report_record")
        self.field = forms.child(self, QComboBox, "field")
        self.problem = forms.child(self, QPlainTextEdit, "problem")
        self.suggested = forms.child(self, QLineEdit, "suggested")
        self.message = forms.child(self, QLabel, "problem_message")
        forms.child(self, QLabel, "service").setText(self.tr("Service: {0}").format(service_name))
        for field, name in self.field_names().items():
            self.field.addItem(name, field.value)
        self.suggested.setMaxLength(MAX_SUGGESTED_CHARS)
        self.problem.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 40))
        self.message.hide()
        buttons = forms.child(self, QDialogButtonBox, "buttons")
        self.send_button: QPushButton = buttons.addButton(
            self.tr("&Report"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.setTabOrder(buttons.button(QDialogButtonBox.StandardButton.Cancel), self.send_button)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.field.setFocus()

    def field_names(self) -> dict[ReportField, str]:
        """What the adviser picks from, in their language."""
        return {
            ReportField.PHONE: self.tr("Phone number"),
            ReportField.EMAIL: self.tr("E-mail address"),
            ReportField.ADDRESS: self.tr("Address"),
            ReportField.HOURS: self.tr("Opening hours"),
            ReportField.ELIGIBILITY: self.tr("Who can use it (eligibility)"),
            ReportField.CLOSED_MOVED: self.tr("Closed or moved"),
            ReportField.OTHER: self.tr("Something else"),
        }

    @classmethod
    def ask(cls, service_name: str, parent: QWidget | None = None) -> ReportAnswer | None:
        """The adviser's report, or None if they cancelled. Tests replace this."""
        dialog = cls(service_name, parent)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def answer(self) -> ReportAnswer:
        suggested = self.suggested.text().strip()
        return ReportAnswer(
            ReportField(self.field.currentData()),
            self.problem.toPlainText().strip(),
            suggested or None,
        )

    def _submit(self) -> None:
        problem = self.problem.toPlainText().strip()
        if not problem:
            self._show_problem(self.tr("Say what you found, so the agency can check it."))
            return
        if len(problem) > MAX_PROBLEM_CHARS:
            self._show_problem(
                self.tr("Keep it to {0} characters (now {1}).").format(
                    MAX_PROBLEM_CHARS, len(problem)
                )
            )
            return
        self.accept()

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self.message.show()
        self.problem.setFocus()
