"""The detail panel: everything about the selected service, read from the database worker
when the selection settles, plus copying its first phone number with one key and
printing its hand-out for the caller."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from frontdesk.gui import message
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
    """

    shown = Signal(str)

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._catalogue: CatalogueAccess | None = None
        self._wanted = ""
        self._postcode = ""
        self.detail: ServiceDetail | None = None
        heading = QLabel(self.tr("Service details"))
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
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.browser, 1)
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

    def clear(self) -> None:
        self.detail = None
        self.browser.setHtml(
            "<p>" + self.tr("Choose a search result to see the service's details.") + "</p>"
        )
        self.copy_button.setEnabled(False)
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
        self.browser.setHtml(render(detail))
        self.copy_button.setEnabled(first_phone(detail.service) is not None)
        self.print_button.setEnabled(True)
        self.shown.emit(detail.id)

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
