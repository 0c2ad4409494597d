"""The update notice: asks the hub which desk releases it accepts (`sync.desk_versions`) when
background sync starts and every few hours, and says what that means in the status bar.

A newer release available: a quiet label ("Update available: frontdesk 1.2.0"), nothing
more; this one still works. Older than the hub accepts: a clear message in the message
bar, the label says the desk needs updating, and `too_old` is emitted so that sync stops;
the desk goes on working offline and every enquiry stays in its outbox until IT updates
it. A hub that cannot be reached says nothing and is asked again at the next check.

Signals: too_old(VersionNotice).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from frontdesk.gui import message
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.statusbar import StatusBar, StatusLabel
from frontdesk.sync.desk_versions import Standing, VersionNotice, check
from frontdesk.sync.errors import SyncError

log = logging.getLogger("frontdesk.gui.update_notice")

#: Seconds between checks while the app runs (a release is not urgent to the minute).
CHECK_INTERVAL = 6 * 3600.0


class UpdateNotice(QObject):
    """One hub's view of this desk's release, shown in `status`. Signals: too_old."""

    too_old = Signal(object)

    def __init__(
        self,
        runner: OperationRunner,
        status: StatusBar,
        hub_url: str,
        ca_bundle: str | None = None,
        *,
        interval: float = CHECK_INTERVAL,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub_url = hub_url
        self._ca_bundle = ca_bundle
        self._runner = runner
        self.notice: VersionNotice | None = None
        self.label = StatusLabel()
        self.label.setAccessibleDescription(self.tr("Whether this frontdesk needs updating"))
        self.label.hide()
        status.addPermanentWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setInterval(round(interval * 1000))
        self._timer.timeout.connect(self.check_now)

    def set_hub(self, hub_url: str, ca_bundle: str | None) -> None:
        """Signed in to another hub: its answer, not the last one's, counts."""
        self.hub_url, self._ca_bundle, self.notice = hub_url, ca_bundle, None
        self.label.hide()
        self.check_now()

    def start(self) -> None:
        self.check_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> None:
        url, ca = self.hub_url, self._ca_bundle
        self._runner.run(lambda: check(url, ca), lane="network").on_success(
            self.show_notice
        ).on_failure(self._failed)

    def show_notice(self, notice: VersionNotice) -> None:
        first_time_too_old = notice.standing is Standing.TOO_OLD and (
            self.notice is None or self.notice.standing is not Standing.TOO_OLD
        )
        self.notice = notice
        if notice.standing is Standing.CURRENT:
            self.label.hide()
            return
        if notice.standing is Standing.UPDATE_AVAILABLE:
            self.label.setText(self.tr("Update available: frontdesk {0}").format(notice.latest))
            self.label.setToolTip(
                self.tr("This version ({0}) still works; IT can install the new one.").format(
                    notice.running
                )
            )
        else:
            self.label.setText(self.tr("Update needed: enquiries are kept on this desk"))
            self.label.setToolTip(self._too_old_text(notice))
        self.label.show()
        if first_time_too_old:
            log.warning(
                "this desk (%s) is older than the hub accepts (%s): sync stopped",
                notice.running,
                notice.minimum,
            )
            message.error(self._too_old_text(notice))
            self.too_old.emit(notice)

    def _too_old_text(self, notice: VersionNotice) -> str:
        return self.tr(
            "This frontdesk ({0}) is older than the hub accepts ({1} or later), so it no "
            "longer syncs. It keeps working offline and keeps every enquiry until IT "
            "updates it."
        ).format(notice.running, notice.minimum)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, SyncError):
            raise error
        log.info("could not ask the hub about desk versions: %s", error)
