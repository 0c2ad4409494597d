"""Refreshing only what a sync round changed (Anki's "op changes"): the open service's
details if that service, its alert or its notes changed; the results list if a service
in it changed; today's enquiries if one of them has a new referral or message status;
record-report warnings and the safeguarding words if the hub sent new ones. A round that
changed nothing never reaches here (the Syncer does not report it), and one that changed
only other services leaves the adviser's search alone.

A rebuilt catalogue is refreshed whole by the window when it is swapped in
(`SyncLink.catalogue_replaced`), so only desk.db's part of such a round is handled here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from frontdesk.gui.detail.panel import DetailPanel
from frontdesk.gui.enquiry.today import TodayPanel
from frontdesk.gui.search.panel import SearchPanel
from frontdesk.sync.changed import SyncChanges

log = logging.getLogger("frontdesk.gui.sync")


class LiveRefresh(QObject):
    """Turns a round's `SyncChanges` into the few refreshes it needs.

    Signals:
        refreshed(list): what was refreshed for one round, by name ("detail", "results",
            "today", "record_reports", "safeguarding"); for tests and the log.
    """

    refreshed = Signal(list)

    def __init__(
        self,
        search: SearchPanel,
        detail: DetailPanel,
        today: TodayPanel,
        *,
        refresh_today: Callable[[], None],
        refresh_record_reports: Callable[[], None],
        reload_safeguarding: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._search, self._detail, self._today = search, detail, today
        self._refresh_today = refresh_today
        self._refresh_record_reports = refresh_record_reports
        self._reload_safeguarding = reload_safeguarding

    def apply(self, changes: SyncChanges) -> list[str]:
        """Refresh what `changes` names; returns what was refreshed."""
        done: list[str] = []
        if not changes.rebuilt:
            shown = self._detail.showing()
            if shown and changes.touches_service(shown):
                self._detail.refresh()
                done.append("detail")
            if changes.touches_any(self._search.model.ids()):
                self._search.refresh()
                done.append("results")
            if changes.safeguarding:
                self._reload_safeguarding()
                done.append("safeguarding")
        if changes.messages or not changes.enquiries.isdisjoint(self._today_ids()):
            self._refresh_today()
            done.append("today")
        if changes.record_reports:
            self._refresh_record_reports()
            done.append("record_reports")
        log.debug("a sync round changed %s; refreshed %s", changes, done or "nothing")
        self.refreshed.emit(done)
        return done

    def _today_ids(self) -> set[str]:
        model = self._today.model
        found = (model.enquiry(row) for row in range(model.rowCount()))
        return {e.id for e in found if e is not None}
