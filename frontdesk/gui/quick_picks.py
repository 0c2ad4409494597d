"""Quick picks: the services this desk links most, one keystroke away.

The desk's most used services (its own enquiries of the last 90 days, see
`DeskAccess.most_used_services`) that the catalogue still offers: the first nine are
linked to the enquiry by Alt+1 … Alt+9 and carry their key in the list an empty search
box shows, so the adviser sees which key links which service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from frontdesk.gui import message
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.search.panel import SearchPanel
from frontdesk.gui.shortcuts import QUICK_PICK_KEYS

if TYPE_CHECKING:
    from frontdesk.search.catalogue_access import CatalogueAccess
    from frontdesk.sync.desk_access import DeskAccess


@dataclass(frozen=True, slots=True)
class Pick:
    """A quick pick: the service, its name and the agency that runs it."""

    service_id: str
    name: str
    agency: str | None


Found = tuple[tuple[str, ...], tuple[Pick, ...]]


def find_picks(desk: DeskAccess, catalogue: CatalogueAccess | None) -> Found:
    """On the worker: the desk's most used services, and the quick picks among them."""
    ranked = desk.most_used_services()
    offered = catalogue.linkable(ranked) if catalogue is not None else {}
    picks = [Pick(s, *offered[s]) for s in ranked if s in offered]
    return ranked, tuple(picks[: len(QUICK_PICK_KEYS)])


class QuickPicks(QObject):
    """Keeps the window's quick picks and binds their keys on `window`; `link` links a
    service (id, name, agency) as Return on a result does. Signals: none."""

    def __init__(
        self,
        window: QWidget,
        runner: OperationRunner,
        search: SearchPanel,
        link: Callable[[str, str, str | None], None],
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._search = search
        self._link = link
        self.picks: tuple[Pick, ...] = ()
        self.actions: list[QAction] = []
        for number, key in enumerate(QUICK_PICK_KEYS, start=1):
            action = QAction(window)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, n=number: self.link(n))
            window.addAction(action)
            self.actions.append(action)

    def refresh(self, desk: DeskAccess | None, catalogue: CatalogueAccess | None) -> None:
        """Rank again (after a save, or with another catalogue) and show the picks."""
        if desk is not None:
            self._runner.run(lambda: find_picks(desk, catalogue), key="most-used").on_success(
                self._found
            )

    def _found(self, found: Found) -> None:
        ranked, self.picks = found
        search = self._search
        search.set_pick_keys(
            {
                pick.service_id: QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
                for pick, key in zip(self.picks, QUICK_PICK_KEYS, strict=False)
            }
        )
        search.set_most_used(ranked)

    def link(self, number: int) -> None:
        """Alt+`number`: link that quick pick to the enquiry, or say there is none."""
        if number <= len(self.picks):
            pick = self.picks[number - 1]
            self._link(pick.service_id, pick.name, pick.agency)
        elif not self.picks:
            message.info(
                self.tr("No quick picks yet: the services this desk links most get Alt+1 to Alt+9.")
            )
        else:
            message.info(
                self.tr(
                    "There is no quick pick {0}: this desk has %n so far.", "", len(self.picks)
                ).format(number)
            )
