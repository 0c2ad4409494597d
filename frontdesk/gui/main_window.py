"""The adviser's screen: search and results on the left, the selected service's details in
the middle, the enquiry and today's enquiries on the right; a message bar on top and the
desk's state (and, when signed in to a hub, sync's) in the status bar.

The window wires panels together and builds its actions from the shortcut table; the
panels and controllers do the work.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from frontdesk.core.enquiry import Enquiry, SyncState
from frontdesk.gui import message
from frontdesk.gui.about_dialog import AboutDialog
from frontdesk.gui.detail.panel import DetailPanel
from frontdesk.gui.enquiry.controller import EnquiryController
from frontdesk.gui.enquiry.form import EnquiryForm
from frontdesk.gui.enquiry.today import TodayPanel
from frontdesk.gui.infoline import InfoLine
from frontdesk.gui.message import Level
from frontdesk.gui.messagebar import MessageBar
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.search.model import IdRole
from frontdesk.gui.search.panel import SearchPanel
from frontdesk.gui.settings import Settings, apply_text_size
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.gui.shortcuts import SHORTCUTS
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog
from frontdesk.gui.statusbar import StatusBar
from frontdesk.gui.sync_link import SyncLink
from frontdesk.search.catalogue_access import CatalogueAccess, FilterChoices
from frontdesk.store.catalogue import CatalogueStats
from frontdesk.sync.desk_access import DeskAccess, SaveOutcome
from frontdesk.sync.status import SyncMode, SyncStatus

log = logging.getLogger("frontdesk.gui.window")

# How often to look whether another process swapped a new catalogue.db in (one stat).
CATALOGUE_CHECK_MS = 5000


class MainWindow(QMainWindow):
    """The main window. Panels and controllers carry most signals.

    Signals:
        sign_in_requested(): the adviser asked to sign this desk in to a hub (whoever
            opened the desk's files does it: see `startup.Startup.sign_in`).
    """

    sign_in_requested = Signal()

    def __init__(
        self, runner: OperationRunner, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.catalogue: CatalogueAccess | None = None
        self.desk: DeskAccess | None = None
        self.sync: SyncLink | None = None
        self.sync_refused = ""  # why this desk may not sync now (the hub wants an update)
        self.data_folder: Path | None = None  # set by whoever opens the desk's files
        self._sync_status: SyncStatus | None = None
        self._rejected_seen: set[str] | None = None
        self.setWindowTitle(self.tr("frontdesk — find a service, log the enquiry"))
        self.search = SearchPanel(runner)
        self.detail = DetailPanel(runner)
        self.form = EnquiryForm()
        self.today = TodayPanel()
        self.enquiries = EnquiryController(self.form, runner, self)
        self.message_bar = MessageBar()
        self.info_line = InfoLine()
        self._syncing_text: str | None = None  # said on F5 until the round ends
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.actions_by_name: dict[str, QAction] = {}
        # Searches follow a swapped catalogue.db at once; this timer refreshes the filters,
        # results and details even when nobody searches.
        self.replacement_check = QTimer(self)
        self.replacement_check.setInterval(CATALOGUE_CHECK_MS)
        self.replacement_check.timeout.connect(self._check_replacement)
        self._lay_out()
        self._build_actions()
        self._connect()
        self.status.set_mode(settings.hub_address)

    def _lay_out(self) -> None:
        enquiry = QWidget()
        enquiry_layout = QVBoxLayout(enquiry)
        enquiry_layout.setContentsMargins(0, 0, 0, 0)
        enquiry_layout.addWidget(self.form, 1)
        enquiry_layout.addWidget(self.info_line)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(enquiry)
        right.addWidget(self.today)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.addWidget(self.search)
        columns.addWidget(self.detail)
        columns.addWidget(right)
        columns.setStretchFactor(0, 4)
        columns.setStretchFactor(1, 4)
        columns.setStretchFactor(2, 3)
        columns.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.message_bar)
        layout.addWidget(columns, 1)
        self.setCentralWidget(central)
        chain = [
            *self.search.tab_order(),
            self.detail.browser,
            self.detail.copy_button,
            *self.form.tab_order(),
            self.today.table,
            self.message_bar.close_button,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], object]] = {
            "new_enquiry": self.enquiries.new_enquiry,
            "focus_search": self.focus_search,
            "add_service": self.add_selected,
            "focus_detail": self.detail.browser.setFocus,
            "copy_phone": self.detail.copy_phone,
            "focus_enquiry": self.focus_enquiry,
            "focus_today": self.today.table.setFocus,
            "save": self.enquiries.form.save_requested.emit,  # as the Save button does
            "sync_now": self.sync_now,
            "sign_in": self.sign_in_requested.emit,
            "dismiss_message": self.dismiss_message,
            "settings": self.edit_settings,
            "shortcuts": lambda: ShortcutsDialog.show_shortcuts(self),
            "quit": self.close,
        }
        for binding in SHORTCUTS:
            if binding.action is None:
                continue
            action = QAction(binding.translated_text(), self)
            action.setShortcuts([QKeySequence(k) for k in binding.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[binding.action])
            self.addAction(action)
            self.actions_by_name[binding.action] = action
        # No key of its own: the one menu entry not built from the shortcut table.
        about = QAction(self.tr("&About frontdesk"), self)
        about.triggered.connect(lambda: AboutDialog.show_about(self.data_folder, self))
        self.actions_by_name["about"] = about
        menus = (
            (
                self.tr("&File"),
                ("new_enquiry", "save", "sync_now", "sign_in", "settings", "quit"),
            ),
            (
                self.tr("&Go"),
                ("focus_search", "focus_detail", "focus_enquiry", "focus_today", "add_service"),
            ),
            (self.tr("&Help"), ("shortcuts", "about")),
        )
        for title, names in menus:
            menu = self.menuBar().addMenu(title)
            for name in names:
                menu.addAction(self.actions_by_name[name])
        # Escape closes the message bar only while it is shown, never a combo's popup.
        self.actions_by_name["dismiss_message"].setEnabled(False)

    def _connect(self) -> None:
        message.bridge().shown.connect(self.show_message)
        self.search.current_changed.connect(self._show_detail)
        self.search.add_requested.connect(self.add_service)
        self.search.filters.postcode.editingFinished.connect(self.detail.refresh)
        self.enquiries.started.connect(self._new_call)
        self.enquiries.saved.connect(self._saved)
        self.runner.progress_started.connect(self.status.progress_started)
        self.runner.progress_finished.connect(self.status.progress_finished)
        self.message_bar.close_button.clicked.connect(self.dismiss_message)

    # -- stores ----------------------------------------------------------------------

    def attach_catalogue(self, catalogue: CatalogueAccess, choices: FilterChoices) -> None:
        self.catalogue = catalogue
        self.search.set_catalogue(catalogue, choices)
        self.detail.set_catalogue(catalogue)
        self.enquiries.set_catalogue(catalogue)
        self.runner.run(catalogue.last_import).on_success(self.status.set_catalogue_age)
        if not self.replacement_check.isActive():
            self.replacement_check.start()

    def _check_replacement(self) -> None:
        """On the timer: refresh what the window shows if another process swapped a new
        catalogue.db in (a `frontdesk sync` rebuild while this window does not sync)."""
        catalogue = self.catalogue
        if catalogue is None:
            return
        self.runner.run(catalogue.take_replaced, key="catalogue-check").on_success(
            self._replacement_checked
        ).on_failure(self._replacement_failed)

    def _replacement_checked(self, replaced: bool) -> None:
        if replaced:
            self._catalogue_replaced(True)

    def _replacement_failed(self, error: BaseException) -> None:
        log.warning("the replaced catalogue.db could not be opened: %s", error)
        self._catalogue_replaced(False)

    def catalogue_unavailable(self, problem: str) -> None:
        self.catalogue = None
        self.search.set_catalogue(None, FilterChoices((), ()))
        self.detail.set_catalogue(None)
        self.status.set_catalogue(None, problem)

    def set_catalogue_stats(self, stats: CatalogueStats) -> None:
        self.status.set_catalogue(stats)

    def attach_desk(self, desk: DeskAccess) -> None:
        self.desk = desk
        self.enquiries.set_desk(desk)
        self.runner.run(desk.today).on_success(self._show_today)
        self.runner.run(desk.status).on_success(self.status.set_desk)

    # -- sync ------------------------------------------------------------------------

    def attach_sync(self, link: SyncLink) -> None:
        """Show the background sync's status and refresh what it changes."""
        self.sync = link
        link.status_changed.connect(self.sync_status)
        link.catalogue_replaced.connect(self._catalogue_replaced)
        link.elsewhere_changed.connect(self._sync_elsewhere)
        self.runner.run(link.status).on_success(self.sync_status)

    def _sync_elsewhere(self, elsewhere: bool) -> None:
        """Another process syncs this desk (this window does not), or this window has
        taken sync over from it."""
        self.status.set_elsewhere(elsewhere)
        if elsewhere:
            message.warning(self._elsewhere_text())
            return
        if self.message_bar.isVisible() and self._elsewhere_text() in self.message_bar.text.text():
            self.dismiss_message()
        message.info(self.tr("This window syncs this desk with the hub now."))

    def _elsewhere_text(self) -> str:
        return self.tr(
            "Another frontdesk process (frontdesk sync --watch, or another window) is "
            "syncing this desk, so this window does not: it sends the enquiries saved here "
            "and fetches the catalogue. This window takes over when it stops."
        )

    def sync_mode(self) -> SyncMode:
        """The mode the status bar shows (standalone until sync reports)."""
        status = self._sync_status
        return status.mode if status is not None else SyncMode.STANDALONE

    def sync_now(self) -> None:
        if self.sync_refused:
            message.warning(self.sync_refused)
            return
        if self.sync is None:
            message.info(
                self.tr(
                    "This desk works standalone: sign it in to a hub first "
                    "(File → Sign in, Ctrl+Shift+L)."
                )
            )
            return
        if self.sync.wake():
            self._syncing_text = self.tr("Syncing with the hub…")
            message.info(self._syncing_text)
        else:
            message.info(
                self.tr(
                    "Another frontdesk process is syncing this desk; it sends and fetches "
                    "for this window too."
                )
            )

    def refuse_sync(self, reason: str, mode: str) -> None:
        """Sync has stopped for good in this run (the hub wants a newer frontdesk): F5
        says `reason`, the status bar `mode`, and late reports from the stopped syncer
        are ignored."""
        self.sync_refused = reason
        self.status.mode.setText(mode)

    def sync_status(self, status: SyncStatus) -> None:
        """A status from the sync thread (delivered on this thread by a queued signal)."""
        if self.sync_refused:
            return
        previous, self._sync_status = self._sync_status, status
        self.status.set_sync(status)
        if status.mode is not SyncMode.SYNCING and self._syncing_text is not None:
            # The round is over and the mode says how it went: "Syncing…" would be stale.
            self.info_line.clear_message(self._syncing_text)
            self._syncing_text = None
        if previous is None or status.mode is not previous.mode:
            self._tell_about_mode(status)
        if self.desk is not None and (
            previous is None
            or (status.outbox, status.last_push_at, status.last_pull_at)
            != (previous.outbox, previous.last_push_at, previous.last_pull_at)
        ):
            # Acknowledgements, rejections and referral statuses change today's list.
            self.runner.run(self.desk.today, key="today").on_success(self._show_today)

    def _tell_about_mode(self, status: SyncStatus) -> None:
        """Modes that need the adviser go to the message bar, with what to do."""
        reason = status.message or ""
        if status.mode is SyncMode.SIGNED_OUT:
            message.warning(
                self.tr(
                    "This desk is signed out of the hub ({0}). Enquiries are kept on this "
                    "desk. Sign in again: File → Sign in (Ctrl+Shift+L)."
                ).format(reason)
            )
        elif status.mode is SyncMode.BLOCKED:
            message.error(
                self.tr(
                    "Sending enquiries to the hub has stopped ({0}). Nothing is lost: they "
                    "are kept on this desk. Tell your supervisor or IT."
                ).format(reason)
            )

    def _catalogue_replaced(self, reopened: bool) -> None:
        """Sync swapped a rebuilt catalogue.db in: refresh filters, results, details."""
        catalogue = self.catalogue
        if not reopened or catalogue is None:
            self.catalogue_unavailable(self.tr("Catalogue from the hub: cannot be opened"))
            message.error(self.tr("The catalogue from the hub could not be opened."))
            return
        self.runner.run(catalogue.filter_choices).on_success(
            lambda choices: self.attach_catalogue(catalogue, choices)
        )
        self.search.notice.hide()

    def _show_today(self, enquiries: tuple[Enquiry, ...]) -> None:
        self.today.set_enquiries(enquiries)
        rejected = {e.id for e in enquiries if e.sync_state is SyncState.REJECTED}
        new = rejected - self._rejected_seen if self._rejected_seen is not None else rejected
        self._rejected_seen = rejected
        if new:
            message.warning(
                self.tr(
                    "The hub refused %n enquiry(s); they are kept on this desk. The reason "
                    "is in today's enquiries (F9); tell your supervisor.",
                    "",
                    len(new),
                )
            )

    # -- actions ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.box.setFocus()
        self.search.box.selectAll()

    def _new_call(self) -> None:
        """A new enquiry is a new caller: nothing of the last one's search carries over."""
        self.search.clear()
        self.info_line.clear_message()
        self.focus_search()

    def focus_enquiry(self) -> None:
        self.form.channel.setFocus()

    def add_selected(self) -> None:
        service_id = self.search.current_id()
        if service_id:
            self.add_service(service_id)
        else:
            message.info(self.tr("Choose a search result first (Ctrl+F, then Down)."))

    def add_service(self, service_id: str) -> None:
        index = self.search.results.currentIndex()
        name = str(index.data()) if index.isValid() and index.data(IdRole) == service_id else ""
        if self.form.add_service(service_id, name or service_id):
            message.info(self.tr("Linked “{0}” to the enquiry.").format(name))
        else:
            message.info(self.tr("“{0}” is already linked to the enquiry.").format(name))

    def edit_settings(self) -> None:
        if SettingsDialog.edit(self.settings, self):
            apply_text_size(self.settings.text_size)
            message.info(self.tr("Settings saved. Some take effect when frontdesk restarts."))

    def show_message(self, level: Level, text: str) -> None:
        if level is Level.INFO:
            self.info_line.show_message(text)
            return
        self.message_bar.show_message(level, text)
        self.actions_by_name["dismiss_message"].setEnabled(True)

    def dismiss_message(self) -> None:
        self.message_bar.hide()
        self.actions_by_name["dismiss_message"].setEnabled(False)

    def catalogue_loading(self, text: str) -> None:
        """Say the catalogue is on its way (the demo import takes a moment)."""
        self.search.notice.setText(text)
        self.search.notice.show()
        self.status.set_catalogue(None, text)

    def _show_detail(self, service_id: str) -> None:
        self.detail.show_service(service_id, self.search.filters.postcode.text())

    def _saved(self, outcome: SaveOutcome) -> None:
        self.dismiss_message()
        self._show_today(outcome.today)
        if self.sync is None:
            self.status.set_desk(outcome.status)
        else:
            self.status.set_waiting(outcome.status.waiting)
            self.sync.wake()  # send it now rather than at the next poll

    def closeEvent(self, event: QCloseEvent) -> None:
        # Queue the last keystrokes' draft on the worker; run_app waits for it before exit.
        self.enquiries.save_draft_now()
        message.bridge().shown.disconnect(self.show_message)
        super().closeEvent(event)
