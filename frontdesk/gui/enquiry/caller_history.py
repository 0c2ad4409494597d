"""The caller's earlier calls, shown in the enquiry form as soon as consented details are
typed: "Rang 2 times in the last 30 days", then one line per enquiry (date, reference,
reason, services, outcome, referral status).

`CallerHistory` looks the caller up a moment after the typing pauses, on the database
worker (this desk's own enquiries, which answer offline) and, for a desk signed in to a
hub, on the network lane (the organisation's, made at any desk). Nothing is looked up
without the consent tick: a caller who did not agree is not recognised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from frontdesk.gui.enquiry.vocabulary import outcome_labels, referral_labels
from frontdesk.gui.operations import OperationRunner
from frontdesk.store.caller_history import (
    CallerQuery,
    PastEnquiry,
    merged,
    recent_cutoff,
)
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.desk_access import DeskAccess
from frontdesk.sync.errors import SyncError

Names = Callable[[tuple[str, ...]], dict[str, str]]
# Long enough not to look up every keystroke of a number, short enough to feel at once.
LOOKUP_MS = 400


class CallerHistoryPanel(QWidget):
    """The summary line and the list of earlier enquiries; hidden while there are none.
    Signals: none of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("caller_history_summary")
        self.summary.setWordWrap(True)
        self.listing = QLabel()
        self.listing.setObjectName("caller_history_list")
        self.listing.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.listing)
        layout.addWidget(self.note)
        self.setAccessibleName(self.tr("The caller's earlier enquiries"))
        self.clear()

    def clear(self) -> None:
        for label in (self.summary, self.listing, self.note):
            label.clear()
        self.hide()

    def show_history(
        self,
        found: list[PastEnquiry],
        lines: list[str],
        hub_note: str | None,
    ) -> None:
        if not found:
            self.clear()
            return
        self.summary.setText(self.tr("Rang %n time(s) in the last 30 days", "", len(found)))
        self.listing.setText("\n".join(lines))
        self.note.setText(hub_note or "")
        self.note.setVisible(bool(hub_note))
        # A screen reader hears the whole history on reaching the caller's fields.
        self.setAccessibleDescription(" ".join([self.summary.text(), *lines]))
        self.show()


class CallerHistory(QObject):
    """Looks up the caller typed in the form and fills its history panel.

    Signals:
        shown(list): the earlier enquiries now on screen (PastEnquiry, newest first).
    """

    shown = Signal(list)

    def __init__(
        self,
        panel: CallerHistoryPanel,
        caller_of: Callable[[], CallerQuery | None],
        runner: OperationRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panel = panel
        self._caller_of = caller_of
        self._runner = runner
        self._desk: DeskAccess | None = None
        self._names: Names | None = None
        self._reason_label: Callable[[str | None], str | None] = lambda code: code
        self._tokens: TokenStore | None = None
        self._exclude: str | None = None
        self._own: list[PastEnquiry] = []
        # Each look-up's number: an answer for details since changed is dropped.
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_MS)
        self._timer.timeout.connect(self.look_up_now)

    def set_desk(self, desk: DeskAccess | None) -> None:
        self._desk = desk

    def set_names(self, names: Names | None) -> None:
        """How service ids become names (the catalogue's), on the database worker."""
        self._names = names

    def set_reason_label(self, label: Callable[[str | None], str | None]) -> None:
        self._reason_label = label

    def use_tokens(self, tokens: TokenStore) -> None:
        """The sign-in store the app's sync uses, for asking the hub."""
        self._tokens = tokens

    def caller_changed(self, enquiry_id: str | None = None) -> None:
        """The caller details changed: look them up once the typing pauses."""
        self._exclude = enquiry_id
        self._timer.start()

    def look_up_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation, query, desk = self._generation, self._caller_of(), self._desk
        self._own = []
        if query is None or desk is None:
            self._panel.clear()
            self.shown.emit([])
            return
        since, exclude, names = recent_cutoff(), self._exclude, self._names

        def own() -> tuple[list[PastEnquiry], dict[str, str]]:
            found = desk.own_history(query, since=since, exclude=exclude)
            return found, _named(names, found)

        self._runner.run(own).on_success(
            lambda result: self._show_own(generation, result, query, since)
        )

    def _show_own(
        self,
        generation: int,
        result: tuple[list[PastEnquiry], dict[str, str]],
        query: CallerQuery,
        since: dt.datetime,
    ) -> None:
        if generation != self._generation:
            return
        self._own, names = result
        self._show(self._own, names, None)
        desk, tokens, exclude = self._desk, self._tokens, self._exclude
        if desk is None or tokens is None or not desk.signed_in():
            return

        def from_hub() -> list[PastEnquiry]:
            return [p for p in desk.hub_history(query, since, tokens) if p.id != exclude]

        self._runner.run(from_hub, lane="network").on_success(
            lambda found: self._name_hub(generation, found)
        ).on_failure(lambda error: self._hub_failed(generation, error))

    def _name_hub(self, generation: int, found: list[PastEnquiry]) -> None:
        if generation != self._generation:
            return
        everything, names = merged(self._own, found), self._names
        # Names come from catalogue.db, which only the database worker reads.
        self._runner.run(lambda: _named(names, everything)).on_success(
            lambda named: (
                self._show(everything, named, None) if generation == self._generation else None
            )
        )

    def _hub_failed(self, generation: int, error: BaseException) -> None:
        if not isinstance(error, SyncError):
            raise error
        if generation != self._generation or not self._own:
            return
        note = self.tr("This desk's enquiries only: the hub cannot be asked now.")
        self._panel.note.setText(note)
        self._panel.note.show()

    def _show(self, found: list[PastEnquiry], names: dict[str, str], note: str | None) -> None:
        lines = [self._line(p, names) for p in found]
        self._panel.show_history(found, lines, note)
        self.shown.emit(found)

    def _line(self, past: PastEnquiry, names: dict[str, str]) -> str:
        parts = [past.started_at.astimezone().strftime("%d/%m/%Y")]
        if past.reference:
            parts.append(past.reference)
        reason = self._reason_label(past.reason)
        if reason:
            parts.append(reason)
        services = [names.get(s, s) for s in past.service_ids]
        if services:
            parts.append(", ".join(services))
        if past.outcome is not None:
            parts.append(outcome_labels()[past.outcome])
        if past.referral_status is not None:
            parts.append(referral_labels()[past.referral_status])
        if not past.on_this_desk:
            parts.append(self.tr("at another desk"))
        return " · ".join(parts)


def _named(names: Names | None, found: list[PastEnquiry]) -> dict[str, str]:
    ids = tuple(sorted({s for past in found for s in past.service_ids}))
    return names(ids) if names is not None and ids else {}
