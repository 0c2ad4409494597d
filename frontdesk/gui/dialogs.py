"""Questions the GUI asks the adviser. Each is a classmethod so tests can replace it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


class Ask:
    """Yes/no questions as modal message boxes. Signals: none (not a QObject)."""

    @classmethod
    def discard_enquiry(cls, parent: QWidget | None) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Ask", "Start a new enquiry?"),
            QCoreApplication.translate(
                "Ask",
                "The enquiry you are typing has not been saved. Discard it and start a new one?",
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    @classmethod
    def rebuild_catalogue(cls, parent: QWidget | None, problem: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Ask", "The catalogue cannot be read"))
        box.setText(
            QCoreApplication.translate(
                "Ask",
                "frontdesk cannot read its copy of the service catalogue ({0}).\n\n"
                "The catalogue holds no enquiries and can be rebuilt: frontdesk will delete "
                "it and import the services again. Your enquiries are not touched.\n\n"
                "Rebuild the catalogue now?",
            ).format(problem)
        )
        rebuild = box.addButton(
            QCoreApplication.translate("Ask", "&Rebuild the catalogue"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("Ask", "&Not now"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(rebuild)
        box.exec()
        return box.clickedButton() is rebuild
