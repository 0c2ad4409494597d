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
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from frontdesk.core.enquiry import Enquiry, SyncState
from frontdesk.gui import message, style, window_size
from frontdesk.gui.about_dialog import AboutDialog
from frontdesk.gui.detail.panel import DetailPanel
from frontdesk.gui.detail.record_reports import RecordReports
from frontdesk.gui.enquiry.controller import EnquiryController
from frontdesk.gui.enquiry.form import EnquiryForm
from frontdesk.gui.enquiry.linked import service_label
from frontdesk.gui.enquiry.postcode_link import PostcodeLink
from frontdesk.gui.enquiry.reopen import ReopenPanel
from frontdesk.gui.enquiry.reopen_controller import ReopenController
from frontdesk.gui.enquiry.send import DetailsSender
from frontdesk.gui.enquiry.today import TodayPanel
from frontdesk.gui.infoline import InfoLine
from frontdesk.gui.live_refresh import LiveRefresh
from frontdesk.gui.menus import build_menus
from frontdesk.gui.message import Level
from frontdesk.gui.messagebar import MessageBar
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.quick_picks import QuickPicks
from frontdesk.gui.safeguarding import SafeguardingBar
from frontdesk.gui.search.model import IdRole, OrganizationRole
from frontdesk.gui.search.panel import SearchPanel
from frontdesk.gui.settings import DATA_FOLDER, HUB_ADDRESS, Settings, apply_text_size
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog
from frontdesk.gui.statusbar import StatusBar
from frontdesk.gui.sync_link import SyncLink
from frontdesk.search.catalogue_access import CatalogueAccess, FilterChoices
from frontdesk.store.catalogue import CatalogueStats, CatalogueStore
from frontdesk.sync.desk_access import AmendOutcome, DeskAccess, DeskStatus, SaveOutcome
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
        self.supervisor_window: QWidget | None = None
        self.sync: SyncLink | None = None
        self.sync_refused = ""  # why this desk may not sync now (the hub wants an update)
        self.data_folder: Path | None = None  # set by whoever opens the desk's files
        self.hub_in_use = ""  # the hub this desk is signed in to (set by whoever opens it)
        self._sync_status: SyncStatus | None = None
        self._rejected_seen: set[str] | None = None
        self.setWindowTitle(self.tr("frontdesk — find a service, log the enquiry"))
        self.search = SearchPanel(runner)
        self.detail = DetailPanel(runner)
        self.record_reports = RecordReports(runner, self)
        self.form = EnquiryForm()
        self.today = TodayPanel()
        self.enquiries = EnquiryController(self.form, runner, self)
        self.reopen = ReopenPanel()
        self.reopening = ReopenController(self.reopen, runner, self)
        # The enquiry panel shows the enquiry being typed, or a saved one reopened.
        self.enquiry_stack = QStackedWidget()
        self.message_bar = MessageBar()
        self.safeguarding = SafeguardingBar(self.search.box, self.form.notes)
        self.postcode_link = PostcodeLink(
            self.search.filters.postcode, self.form.postcode, self.form.consent, self
        )
        self.details_sender = DetailsSender(
            self, self.form, runner, self._sendable, self.today.selected_id, self._refresh_today
        )
        self.info_line = InfoLine()
        self._syncing_text: str | None = None  # said on F5 until the round ends
        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.actions_by_name: dict[str, QAction] = {}
        self.quick_picks = QuickPicks(self, runner, self.search, self.link_service)
        self.live = LiveRefresh(
            self.search,
            self.detail,
            self.today,
            refresh_today=self._refresh_today,
            refresh_record_reports=self.record_reports.refresh,
            reload_safeguarding=self._reload_safeguarding,
            parent=self,
        )
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
        # The enquiry has the whole right-hand column, so a call fits 1366×768 without
        # scrolling; today's enquiries sit under the service details, where their columns
        # have room (docs/decisions.md, "A screen that fits").
        # Room round each panel's fields for the focus ring, which a panel would clip.
        room = style.ring_room()
        for panel in (self.search, self.detail, self.form, self.today):
            layout = panel.layout()
            if layout is not None:
                layout.setContentsMargins(room, room, room, room)
        enquiry = QWidget()
        enquiry_layout = QVBoxLayout(enquiry)
        enquiry_layout.setContentsMargins(0, 0, 0, 0)
        self.enquiry_stack.addWidget(self.form)
        self.enquiry_stack.addWidget(self.reopen)
        enquiry_layout.addWidget(self.enquiry_stack, 1)
        enquiry_layout.addWidget(self.info_line)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.detail)
        middle.addWidget(self.today)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)
        middle.setChildrenCollapsible(False)
        columns = QSplitter(Qt.Orientation.Horizontal)
        columns.addWidget(self.search)
        columns.addWidget(middle)
        columns.addWidget(enquiry)
        for column, stretch in enumerate((3, 5, 3)):
            columns.setStretchFactor(column, stretch)
        columns.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.safeguarding)
        layout.addWidget(columns, 1)
        self.setCentralWidget(central)
        chain = [
            *self.search.tab_order(),
            self.detail.browser,
            self.detail.copy_button,
            self.detail.print_button,
            self.detail.report_button,
            *self.form.tab_order(),
            *self.reopen.tab_order(),
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
            "report_record": self.report_record,
            "print_handout": self.detail.print_handout,
            "send_details": self.details_sender.send,
            "focus_enquiry": self.focus_enquiry,
            "focus_today": self.today.table.setFocus,
            "save": self.save,
            "sync_now": self.sync_now,
            "sign_in": self.sign_in_requested.emit,
            "dismiss_message": self.dismiss_message,
            "settings": self.edit_settings,
            "supervisor_view": self.open_supervisor_view,
            "shortcuts": lambda: ShortcutsDialog.show_shortcuts(self),
            "quit": self.close,
            "about": lambda: AboutDialog.show_about(self.data_folder, self),
        }
        self.actions_by_name.update(build_menus(self, handlers))
        # Escape closes the message bar only while it is shown, never a combo's popup.
        self.actions_by_name["dismiss_message"].setEnabled(False)

    def _connect(self) -> None:
        message.bridge().shown.connect(self.show_message)
        self.search.current_changed.connect(self._show_detail)
        self.search.add_requested.connect(self.add_service)
        self.search.filters.postcode.editingFinished.connect(self.detail.refresh)
        self.enquiries.started.connect(self._new_call)
        self.enquiries.saved.connect(self._saved)
        self.enquiries.record.today_changed.connect(self._show_today)

        self.today.reopen_requested.connect(self.reopening.open)
        self.search.box.textChanged.connect(self.reopening.open_typed)
        self.search.current_changed.connect(self._offer_to_reopened)
        self.reopening.opened.connect(self._reopened)
        self.reopening.closed.connect(self._close_reopened)
        self.reopening.amended.connect(self._amended)
        self.reopening.new_call.connect(self._follow_up_call)
        self.enquiries.restored.connect(self.info_line.pin)
        self.runner.progress_started.connect(self.status.progress_started)
        self.runner.progress_finished.connect(self.status.progress_finished)
        self.message_bar.close_button.clicked.connect(self.dismiss_message)
        # -- record reports: warnings on results and details, reporting the shown record
        self.detail.report_requested.connect(self.report_record)
        self.record_reports.changed.connect(self._record_warnings_changed)
        self.record_reports.reported.connect(self._record_reported)

    # -- stores ----------------------------------------------------------------------

    def attach_catalogue(self, catalogue: CatalogueAccess, choices: FilterChoices) -> None:
        self.catalogue = catalogue
        self.search.set_catalogue(catalogue, choices)
        self.detail.set_catalogue(catalogue)
        self.enquiries.set_catalogue(catalogue)
        self.reopening.catalogue = catalogue
        self.safeguarding.load(self.runner, catalogue)
        self._refresh_most_used()  # picks the catalogue no longer offers drop out
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
        self.details_sender.desk = desk
        self.enquiries.set_desk(desk)
        self.reopening.desk = desk
        self.record_reports.set_desk(desk)
        self.runner.run(desk.today).on_success(self._show_today)
        self.runner.run(desk.status).on_success(self.status.set_desk)
        self._refresh_most_used()

    def _refresh_most_used(self) -> None:
        """What an empty search box lists, and Alt+1 … Alt+9 link: the services this desk
        links most (gui.quick_picks)."""
        self.quick_picks.refresh(self.desk, self.catalogue)

    # -- sync ------------------------------------------------------------------------

    def attach_sync(self, link: SyncLink) -> None:
        """Show the background sync's status and refresh what it changes."""
        self.sync = link
        link.status_changed.connect(self.sync_status)
        link.catalogue_replaced.connect(self._catalogue_replaced)
        link.elsewhere_changed.connect(self._sync_elsewhere)
        link.changed.connect(self.live.apply)  # what a round changed, and only that
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
            or (status.outbox, status.last_push_at) != (previous.outbox, previous.last_push_at)
        ):
            # Acknowledgements and rejections change today's list and sent reports; what
            # a pull changed comes as `SyncLink.changed` (see `live_refresh`).
            self.runner.run(self.desk.today, key="today").on_success(self._show_today)
            self.record_reports.refresh()

    def _reload_safeguarding(self) -> None:
        if self.catalogue is not None:
            self.safeguarding.load(self.runner, self.catalogue)

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

    def _sendable(self) -> list[tuple[str, str]]:
        """Services whose details may be sent: the one shown, then those linked."""
        found: list[tuple[str, str]] = []
        detail = self.detail.detail
        if detail is not None:
            found.append((detail.id, detail.service.name))
        names = self.form.linked_model
        for service_id in names.ids():
            if all(service_id != known for known, _ in found):
                found.append((service_id, names.name(service_id)))
        return found

    def _refresh_today(self) -> None:
        if self.desk is not None:
            self.runner.run(self.desk.today, key="today").on_success(self._show_today)

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
        desk, ids = self.desk, [e.id for e in enquiries]
        if desk is not None:
            self.runner.run(lambda: desk.sent_details(ids)).on_success(self.today.model.set_sent)
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

    def save(self) -> None:
        """Ctrl+S saves what the enquiry panel shows: the correction of a reopened enquiry,
        or the enquiry being typed (as its Save button does)."""
        if self.enquiry_stack.currentWidget() is self.reopen:
            self.reopening.amend()
        else:
            self.form.save_requested.emit()

    def _new_call(self) -> None:
        """A new enquiry is a new caller: nothing of the last one's search carries over."""
        self.enquiry_stack.setCurrentWidget(self.form)
        self.search.clear()
        self.info_line.clear_message()
        self.focus_search()

    def focus_enquiry(self) -> None:
        if self.enquiry_stack.currentWidget() is self.reopen:
            self.reopen.note.setFocus()
        else:
            self.form.channel.setFocus()

    # -- reopened enquiries -------------------------------------------------------------

    def _reopened(self) -> None:
        came_from_today = self.today.table.hasFocus()
        self.enquiry_stack.setCurrentWidget(self.reopen)
        self._offer_to_reopened(self.search.current_id() or "")
        if came_from_today:
            self.reopen.note.setFocus()

    def _close_reopened(self) -> None:
        self.enquiry_stack.setCurrentWidget(self.form)
        self.today.table.setFocus()

    def _offer_to_reopened(self, service_id: str) -> None:
        if service_id and self.enquiry_stack.currentWidget() is self.reopen:
            index = self.search.results.currentIndex()
            self.reopen.offer_service(service_id, str(index.data()) if index.isValid() else "")

    def _amended(self, outcome: AmendOutcome) -> None:
        self._show_today(outcome.today)
        self._desk_changed(outcome.status)

    def _follow_up_call(self, enquiry_id: str, reference: str) -> None:
        self.enquiry_stack.setCurrentWidget(self.form)
        self.enquiries.follow_up_call(enquiry_id, reference)

    def add_selected(self) -> None:
        service_id = self.search.current_id()
        if service_id:
            self.add_service(service_id)
        else:
            message.info(self.tr("Choose a search result first (Ctrl+F, then Down)."))

    def add_service(self, service_id: str) -> None:
        index = self.search.results.currentIndex()
        name = str(index.data()) if index.isValid() and index.data(IdRole) == service_id else ""
        agency = str(index.data(OrganizationRole) or "") if name else ""
        self.link_service(service_id, name, agency)

    def link_service(self, service_id: str, name: str, agency: str | None) -> None:
        """Link a service to the enquiry in progress (a found one to a reopened one's
        referral), and say so on the info line: Return on a result, or a quick pick."""
        if self.enquiry_stack.currentWidget() is self.reopen:
            # A reopened enquiry's services stay as saved; a found one is where its
            # referral may be redirected.
            if self.reopen.choose_referral(service_id, name or service_id):
                message.info(self.tr("Refer to “{0}”: press Ctrl+S to save.").format(name))
            return
        if self.form.add_service(service_id, service_label(name, agency) if name else service_id):
            message.info(self.tr("Linked “{0}” to the enquiry.").format(name))
        else:
            message.info(self.tr("“{0}” is already linked to the enquiry.").format(name))

    def open_supervisor_view(self) -> None:
        """The supervisor's view, in a window of its own (imported only now: QtCharts)."""
        from frontdesk.gui.supervisor.window import SupervisorWindow

        if self.desk is None:
            return
        if self.supervisor_window is None:
            # Asked each time: a catalogue rebuild swaps the store in under the window.
            def catalogue() -> CatalogueStore | None:
                return self.catalogue.store if self.catalogue is not None else None

            # A child of this window (shown as a window of its own), so Qt destroys it with
            # this one on the GUI thread. Parentless, only Python's garbage collector would
            # (this closure makes a cycle), on whichever thread collects: the database
            # worker or the sync thread could then tear its charts down while the GUI
            # thread lays them out.
            self.supervisor_window = SupervisorWindow(
                self.runner, self.desk.store, catalogue, parent=self
            )
        if self.supervisor_window.isVisible():
            self.supervisor_window.raise_()  # open already, behind the adviser's window
        self.supervisor_window.show()
        self.supervisor_window.activateWindow()

    def edit_settings(self) -> None:
        if SettingsDialog.edit(self.settings, self, self.settings_in_use()):
            apply_text_size(self.settings.text_size)
            message.info(self.tr("Settings saved. Some take effect when frontdesk restarts."))

    def settings_in_use(self) -> dict[str, str]:
        """What this running frontdesk uses for the settings a command line, the
        environment or a sign-in can decide, for the Settings dialog to show."""
        in_use = {HUB_ADDRESS.key: self.hub_in_use}
        if self.data_folder is not None:
            in_use[DATA_FOLDER.key] = str(self.data_folder)
        return in_use

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
        self.info_line.unpin()  # the restored enquiry is saved: that note has done its work
        self._show_today(outcome.today)
        self._refresh_most_used()
        self._desk_changed(outcome.status)

    def _desk_changed(self, status: DeskStatus) -> None:
        if self.sync is None:
            self.status.set_desk(status)
        else:
            self.status.set_waiting(status.waiting)
            self.sync.wake()  # send it now rather than at the next poll

    # -- record reports ---------------------------------------------------------------

    def report_record(self) -> None:
        shown = self.detail.detail
        name = shown.service.name if shown is not None else ""
        self.record_reports.report(shown.id if shown else "", name, self)

    def _record_warnings_changed(self) -> None:
        self.search.model.set_marks(self.record_reports.all_texts())
        self.detail.set_marks(self.record_reports.detail_texts())

    def _record_reported(self) -> None:
        if self.sync is not None:
            self.sync.wake()

    def closeEvent(self, event: QCloseEvent) -> None:
        window_size.remember(self, self.settings)
        # Queue the last keystrokes' draft on the worker; run_app waits for it before exit.
        self.enquiries.save_draft_now()
        message.bridge().shown.disconnect(self.show_message)
        if self.supervisor_window is not None:
            self.supervisor_window.close()
        super().closeEvent(event)
