"""The detail panel: everything about the selected service, read from the database worker
when the selection settles, plus copying its first phone number with one key and
printing its hand-out for the caller. A live service alert shows above everything else
and goes at its expiry by itself (`AlertBanner`)."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from frontdesk.gui import message
from frontdesk.gui.detail.alert import AlertBanner
from frontdesk.gui.detail.render import first_phone, render
from frontdesk.gui.handout.content import Handout
from frontdesk.gui.handout.dialog import print_handout
from frontdesk.gui.operations import OperationRunner
from frontdesk.search.catalogue_access import CatalogueAccess, ServiceDetail

# Arrowing through results fires a selection per key; fetch only where the adviser stops.
SETTLE_MS = 40


class DetailPanel(QWidget):
    """Shows one service.

    Signals:
        shown(str): a service's details are on screen (its id; "" when cleared).
        report_requested(): the adviser asked to report a problem with the shown record.
    """

    shown = Signal(str)
    report_requested = Signal()

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._catalogue: CatalogueAccess | None = None
        self._wanted = ""
        self._postcode = ""
        self._marks: dict[str, list[str]] = {}  # record-report warnings by service id
        self.detail: ServiceDetail | None = None
        heading = QLabel(self.tr("Service details"))
        self.alert = AlertBanner()
        self.alert.expired.connect(self._alert_expired)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("Service details"))
        # Keyboard users can reach and activate links inside the text.
        self.browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        heading.setBuddy(self.browser)
        self.copy_button = QPushButton(self.tr("Copy phone number (Ctrl+Shift+C)"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_phone)
        self.print_button = QPushButton(self.tr("Print a hand-out (Ctrl+P)"))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_handout)
        # One above the other: side by side the buttons would make the details column
        # wider than a 1366-wide screen can give it.
        buttons = QVBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.alert)
        layout.addWidget(self.browser, 1)
        # Short, so the details column stays narrow enough for a 1366-wide screen.
        self.report_button = QPushButton(self.tr("Report a problem (Ctrl+Shift+R)"))
        self.report_button.setAccessibleDescription(self.tr("Report a problem with this record"))
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.report_requested.emit)
        buttons.addWidget(self.report_button)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._fetch)
        self.clear()

    def set_catalogue(self, catalogue: CatalogueAccess | None) -> None:
        self._catalogue = catalogue

    def show_service(self, service_id: str, postcode: str) -> None:
        self._wanted, self._postcode = service_id, postcode
        if not service_id:
            self._timer.stop()
            self.clear()
            return
        self._timer.start()

    def refresh(self) -> None:
        self._fetch()

    def showing(self) -> str:
        """The id of the service shown or about to be ("" when none)."""
        return self._wanted

    def clear(self) -> None:
        self.detail = None
        self.alert.show_alert(None)
        self.browser.setAccessibleDescription("")
        self.browser.setHtml(
            "<p>" + self.tr("Choose a search result to see the service's details.") + "</p>"
        )
        self.copy_button.setEnabled(False)
        self.report_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.shown.emit("")

    def _fetch(self) -> None:
        self._timer.stop()
        catalogue, wanted, postcode = self._catalogue, self._wanted, self._postcode
        if catalogue is None or not wanted:
            return
        now = dt.datetime.now()
        self._runner.run(lambda: catalogue.detail(wanted, postcode, now), key="detail").on_success(
            self._show
        )

    def _show(self, detail: ServiceDetail | None) -> None:
        if detail is None:
            self.clear()
            return
        self.detail = detail
        self.alert.show_alert(detail.alert)
        self._render(detail)
        self._describe(detail)
        self.copy_button.setEnabled(first_phone(detail.service) is not None)
        self.report_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.shown.emit(detail.id)

    def _describe(self, detail: ServiceDetail) -> None:
        """What a screen reader says on reaching the details: the alert first."""
        described = self.tr("Service id {0}").format(detail.id)
        if not self.alert.isHidden():
            described = f"{self.alert.text()} {described}"
        self.browser.setAccessibleDescription(described)

    def _alert_expired(self) -> None:
        if self.detail is not None:
            self._describe(self.detail)

    def set_marks(self, marks: dict[str, list[str]]) -> None:
        """Warnings on reported services; the shown service's are redrawn at once."""
        shown = self.detail
        changed = shown is not None and marks.get(shown.id) != self._marks.get(shown.id)
        self._marks = marks
        if shown is not None and changed:
            self._render(shown)

    def _render(self, detail: ServiceDetail) -> None:
        # Warnings are words with a symbol, first, so a screen reader reads them first.
        marks = self._marks.get(detail.id, [])
        warnings = "".join(f"<p><b>{escape(text)}</b></p>" for text in marks)
        self.browser.setHtml(warnings + render(detail))

    def copy_phone(self) -> None:
        number = first_phone(self.detail.service) if self.detail else None
        if number is None:
            message.info(self.tr("This service has no phone number to copy."))
            return
        QGuiApplication.clipboard().setText(number)
        message.info(self.tr("Copied {0} to the clipboard.").format(number))

    def print_handout(self) -> None:
        """The shown service's one-page hand-out, on the printer the adviser chooses."""
        detail = self.detail
        if detail is None:
            message.info(self.tr("Choose a service first, then print its hand-out."))
            return
        handout = Handout(detail.service, detail.organization, detail.guidance)
        language = "cy" if QLocale().language() == QLocale.Language.Welsh else "en"
        try:
            pages = print_handout(self.window(), handout, language)
        except OSError as error:
            message.error(self.tr("The hand-out could not be printed: {0}").format(error))
            return
        if pages:
            message.info(
                self.tr("Hand-out for {0} sent to the printer.").format(detail.service.name)
            )
