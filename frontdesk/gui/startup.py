"""Opening the desk's two files in the background when the window appears, then sync.

desk.db: opened (and migrated) on the worker first, since whether it is signed in to a
hub decides where the catalogue comes from; if that fails the adviser is told why and can
still search.
catalogue.db: opened and indexed on the worker; empty on a standalone desk (or `demo`
asked for) → the demo catalogue is imported while the window says so; unreadable →
the adviser is offered a rebuild (it is a cache: delete it and import again).
Sync: once both are open on a desk signed in to a hub, a SyncLink starts background sync
(or, while another process syncs this desk, says so and takes over when it stops).
A sign-in to the embedded hub of a `frontdesk demo` that has since gone is dropped (its
token died with it) and the desk works standalone; one to a demo still running in another
process is left to that demo, which alone holds its token.
Signing in from the app (File → Sign in) stores the sign-in as `frontdesk login` does, then
starts background sync on a standalone desk, or wakes it on a desk that was signed out.
"""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QObject

from frontdesk.formats.demo import DEMO_SOURCE, read_demo_feeds
from frontdesk.gui import message
from frontdesk.gui.dialogs import Ask
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner, is_environment_error
from frontdesk.gui.settings import Settings
from frontdesk.gui.sign_in_dialog import SignInDialog
from frontdesk.gui.sync_link import SyncLink
from frontdesk.gui.update_notice import UpdateNotice
from frontdesk.search.catalogue_access import CatalogueAccess, FilterChoices
from frontdesk.store.catalogue import CatalogueSchemaError
from frontdesk.store.catalogue_file import remove_catalogue
from frontdesk.store.desk_migrations import DeskTooNewError
from frontdesk.store.paths import DataPaths
from frontdesk.sync.account import HubAccount
from frontdesk.sync.backoff import Backoff
from frontdesk.sync.client import normalise_hub_url
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.desk_access import DeskAccess
from frontdesk.sync.errors import SyncError
from frontdesk.sync.session import forget_stopped_demo, sign_in

# Seconds between background sync rounds while the hub answers.
POLL_INTERVAL = 60.0

log = logging.getLogger("frontdesk.gui.startup")


def is_unreadable_catalogue(error: BaseException) -> bool:
    """A catalogue.db that is damaged, not SQLite at all, or from another schema."""
    from sqlalchemy.exc import DatabaseError

    if isinstance(error, CatalogueSchemaError | sqlite3.DatabaseError):
        return True
    return isinstance(error, DatabaseError) and not is_environment_error(error)


class Startup(QObject):
    """Opens catalogue.db and desk.db for the window. Signals: none of its own."""

    def __init__(
        self,
        window: MainWindow,
        runner: OperationRunner,
        paths: DataPaths,
        settings: Settings,
        *,
        demo: bool = False,
        demo_hub: bool = False,
        poll_interval: float = POLL_INTERVAL,
        tokens: TokenStore | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.paths = paths
        window.data_folder = paths.root
        self.settings = settings
        self.demo = demo
        self.demo_hub = demo_hub  # signed in to `frontdesk demo`'s embedded hub
        self.account: HubAccount | None = None
        self.sync: SyncLink | None = None
        self._tokens = tokens or TokenStore()
        window.enquiries.record.history.use_tokens(self._tokens)  # the hub's caller history
        window.details_sender.tokens = self._tokens  # asking whether the hub can send
        self._sync_options = (poll_interval, backoff)
        self.sign_in_dialog: SignInDialog | None = None
        self.versions: UpdateNotice | None = None
        window.sign_in_requested.connect(self.sign_in)

    def begin(self) -> None:
        self.open_desk()  # first: a signed-in desk takes its catalogue from the hub
        self.open_catalogue()

    def open_catalogue(self) -> None:
        path = self.paths.catalogue_db
        self.runner.run(lambda: CatalogueAccess.open(path)).on_success(
            self._catalogue_opened
        ).on_failure(self._catalogue_failed).with_progress(self.tr("Opening the catalogue…"))

    def open_desk(self) -> None:
        paths, tokens = self.paths, self._tokens

        def open_() -> tuple[DeskAccess, HubAccount | None, bool]:
            desk = DeskAccess.open(paths.desk_db, paths.backups)
            stopped = forget_stopped_demo(desk.store, tokens=tokens) is not None
            return desk, desk.hub_account(), stopped

        self.runner.run(open_).on_success(self._desk_opened).on_failure(self._desk_failed)

    def _desk_opened(self, opened: tuple[DeskAccess, HubAccount | None, bool]) -> None:
        desk, self.account, demo_stopped = opened
        self.window.hub_in_use = self.account.url if self.account is not None else ""
        self.window.attach_desk(desk)
        # The message bar, not the status bar: the adviser must see that this window
        # does not sync, and a status-bar note is gone in seconds.
        if demo_stopped:
            message.warning(
                self.tr(
                    "The demo hub this desk was signed in to has stopped: frontdesk works "
                    "standalone. Run frontdesk demo to start it again."
                )
            )
        elif self.account is not None and self._demo_elsewhere(self.account):
            self._warn_demo_elsewhere()
        self._start_sync()

    def _demo_elsewhere(self, account: HubAccount) -> bool:
        """Signed in to another process's demo hub: its token is in that process only."""
        return account.embedded and not self._tokens.in_memory(account.url)

    def _warn_demo_elsewhere(self) -> None:
        message.warning(
            self.tr(
                "This desk is signed in to the demo hub of a frontdesk demo still "
                "running on this computer: only that window can sync it."
            )
        )

    def _start_sync(self) -> None:
        """Start background sync once both files are open on a signed-in desk."""
        window = self.window
        if self.sync is not None or self.account is None:
            return
        if window.desk is None or window.catalogue is None:
            return
        if self._demo_elsewhere(self.account) or self.window.sync_refused:
            return
        poll, backoff = self._sync_options
        self.sync = SyncLink(
            self.runner,
            window.desk.store,
            window.catalogue,
            self.paths.catalogue_db,
            demo_reference=self.demo_hub,
            poll_interval=poll,
            tokens=self._tokens,
            backoff=backoff,
            parent=self,
        )
        window.attach_sync(self.sync)
        if self.sync.start():
            log.info("background sync started")
        self._check_versions(self.account)

    def _check_versions(self, account: HubAccount) -> None:
        """Ask the hub whether this release is still accepted (`gui/update_notice.py`)."""
        if self.versions is None:
            self.versions = UpdateNotice(
                self.runner, self.window.status, account.url, account.ca_bundle, parent=self
            )
            self.versions.too_old.connect(self._too_old)
            self.versions.start()
        elif self.versions.hub_url != account.url:
            self.versions.set_hub(account.url, account.ca_bundle)

    def _too_old(self) -> None:
        """The hub no longer accepts this release: stop syncing; the outbox is kept."""
        self.window.refuse_sync(
            self.tr(
                "This frontdesk needs updating before it can sync with the hub again; "
                "enquiries are kept on this desk."
            ),
            self.tr("Not syncing: this frontdesk needs updating"),
        )
        self.stop_sync()

    def sign_in(self) -> None:
        """Ask for the hub, account and password (window-modal, not blocking)."""
        desk = self.window.desk
        if desk is None:
            message.warning(self.tr("This desk's file is not open, so it cannot be signed in."))
            return
        account = self.account
        if account is not None and self._demo_elsewhere(account):
            self._warn_demo_elsewhere()
            return
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.raise_()
            return
        hub = account.url if account is not None else self.settings.hub_address
        dialog = SignInDialog(hub, account.user if account is not None else "", self.window)
        dialog.submitted.connect(self._submit_sign_in)
        dialog.finished.connect(self._sign_in_closed)
        self.sign_in_dialog = dialog
        dialog.open()

    def _submit_sign_in(self, hub: str, user: str, password: str) -> None:
        window, tokens, previous = self.window, self._tokens, self.account
        assert window.desk is not None  # (checked before the dialog opened; never closed)
        store = window.desk.store

        def sign_in_() -> HubAccount:  # on the network lane: the hub may be slow to answer
            ca_bundle = None
            if previous is not None and previous.url == normalise_hub_url(hub):
                ca_bundle = previous.ca_bundle  # the same hub: its CA bundle still applies
            return sign_in(store, hub, user, password, ca_bundle=ca_bundle, tokens=tokens)

        self.runner.run(sign_in_, lane="network").on_success(self._signed_in).on_failure(
            self._sign_in_failed
        )

    def _signed_in(self, account: HubAccount) -> None:
        self.account = account
        self.window.hub_in_use = account.url
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.succeeded()
        message.info(
            self.tr("Signed in to {0} as {1}. Syncing now…").format(account.url, account.user)
        )
        if self.sync is None:
            self._start_sync()
        else:
            self.sync.wake()

    def _sign_in_failed(self, error: BaseException) -> None:
        if not isinstance(error, SyncError):
            log.error("signing in failed", exc_info=error)
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.failed(str(error))

    def _sign_in_closed(self) -> None:
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.deleteLater()
            self.sign_in_dialog = None

    def stop_sync(self) -> None:
        """Let the sync thread finish its page or batch and stop (before the runner stops:
        a catalogue swap may need the database worker)."""
        if self.versions is not None:
            self.versions.stop()
        if self.sync is not None:
            self.sync.stop()
            self.sync = None

    def close_stores(self) -> None:
        """After the runner has stopped: nothing else is using them."""
        if self.window.catalogue is not None:
            self.window.catalogue.close()
        if self.window.desk is not None:
            self.window.desk.close()

    # -- catalogue -------------------------------------------------------------------

    def _catalogue_opened(self, access: CatalogueAccess, force_demo: bool = False) -> None:
        standalone = self.account is None and not self.settings.hub_address
        # Whether there is any service at all: counting them costs ~0.15 s at 200k.
        self.runner.run(access.has_services).on_success(
            lambda filled: self._fill(
                access, force_demo or self.demo or (standalone and not filled), filled
            )
        )

    def _fill(self, access: CatalogueAccess, load_demo: bool, filled: bool = True) -> None:
        if not load_demo and not filled and self.account is not None:
            # The first sync brings the catalogue; the window refreshes when it is swapped in.
            self.window.catalogue_loading(self.tr("Fetching the catalogue from the hub…"))
        if not load_demo:
            self.runner.run(access.filter_choices).on_success(
                lambda choices: self._attached(access, choices)
            )
            return
        text = self.tr("Loading demo catalogue…")
        self.window.catalogue_loading(text)

        def load() -> FilterChoices:
            reports = access.import_feeds(read_demo_feeds())
            added = sum(r.added for r in reports if r.source == DEMO_SOURCE)
            log.info("demo catalogue loaded: %d services added", added)
            return access.filter_choices()

        self.runner.run(load).on_success(
            lambda choices: self._demo_loaded(access, choices)
        ).with_progress(text)

    def _attached(self, access: CatalogueAccess, choices: FilterChoices) -> None:
        self.window.attach_catalogue(access, choices)
        if self.sync is not None:
            self.sync.set_catalogue(access)  # rebuilt after it was found unreadable
        self._start_sync()

    def _demo_loaded(self, access: CatalogueAccess, choices: FilterChoices) -> None:
        self._attached(access, choices)
        message.info(self.tr("Demo catalogue loaded: frontdesk is working standalone."))

    def _catalogue_failed(self, error: BaseException) -> None:
        if not is_unreadable_catalogue(error):
            if not is_environment_error(error):
                raise error
            self.window.catalogue_unavailable(self.tr("Catalogue: cannot be opened"))
            message.error(self.tr("The catalogue cannot be opened: {0}").format(error))
            return
        log.warning("catalogue.db unreadable: %s", type(error).__name__)
        self.window.catalogue_unavailable(self.tr("Catalogue: needs rebuilding"))
        if Ask.rebuild_catalogue(self.window, str(error).splitlines()[0]):
            self.rebuild()
        else:
            message.warning(
                self.tr(
                    "Searching is unavailable until the catalogue is rebuilt. Enquiries "
                    "can still be typed and saved."
                )
            )

    def rebuild(self) -> None:
        """Delete catalogue.db and start it again: from the demo when standalone, from the
        hub's change feed otherwise (it refills on the next sync)."""
        path = self.paths.catalogue_db

        def recreate() -> CatalogueAccess:
            remove_catalogue(path)
            return CatalogueAccess.open(path)

        standalone = self.account is None and not self.settings.hub_address
        self.runner.run(recreate).on_success(
            lambda access: self._catalogue_opened(access, force_demo=standalone)
        ).on_failure(self._catalogue_failed).with_progress(self.tr("Rebuilding the catalogue…"))

    # -- desk ------------------------------------------------------------------------

    def _desk_failed(self, error: BaseException) -> None:
        if isinstance(error, DeskTooNewError):
            text = self.tr(
                "desk.db was written by a newer frontdesk. Install that version to keep its "
                "enquiries; nothing has been changed."
            )
        elif is_environment_error(error) or isinstance(error, sqlite3.DatabaseError):
            text = self.tr(
                "desk.db in {0} cannot be opened ({1}). Enquiries cannot be saved until this "
                "is fixed; check the data folder or ask IT."
            ).format(self.paths.root, type(error).__name__)
        else:
            raise error
        log.error("desk.db unavailable: %s", type(error).__name__)
        message.error(text)
