"""Today's enquiries: a table model over enquiry ids (rows cached as the log returned them)
and the panel that shows it with each enquiry's reference and way to the hub: saved
locally, sent (the hub confirmed it), rejected (the reason in the tooltip and accessible
description), and the referral's status as the agency reports it. Return (or a double
click) on a row reopens that enquiry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.enquiry import Enquiry, SyncState
from frontdesk.gui.enquiry.timer import elapsed_text
from frontdesk.gui.enquiry.vocabulary import (
    outcome_labels,
    referral_labels,
    sync_labels,
)
from frontdesk.store.details_sent import SentDetails

Index = QModelIndex | QPersistentModelIndex
# Five columns: at 200 % text they are what the middle column holds without scrolling
# sideways. The channel and linked services show when the enquiry is reopened.
COLUMNS = 5
REFERENCE_COLUMN = 0
DURATION_COLUMN = 3
STATUS_COLUMN = 4


def status_text(enquiry: Enquiry) -> str:
    """Where the enquiry is on its way to the hub, in words (never colour alone)."""
    text = sync_labels()[enquiry.sync_state]
    if enquiry.sync_state is SyncState.REJECTED and enquiry.rejection_reason:
        text += ": " + enquiry.rejection_reason
    if enquiry.referral_status is not None:
        text += " · " + referral_labels()[enquiry.referral_status]
    return text


def duration_text(enquiry: Enquiry) -> str:
    """The call's length, and the wrap-up after it once known: "03:12 + 01:05 wrap-up"."""
    if enquiry.duration_seconds is None:
        return "—"
    text = elapsed_text(enquiry.duration_seconds)
    if enquiry.wrap_up_seconds is not None:
        text = QCoreApplication.translate("TodayModel", "{0} + {1} wrap-up").format(
            text, elapsed_text(enquiry.wrap_up_seconds)
        )
    return text


def message_labels() -> dict[str, str]:
    """A text's or e-mail's delivery status, as the hub reports it, in words."""
    return {
        "waiting to send": QCoreApplication.translate("TodayModel", "waiting to send"),
        "queued": QCoreApplication.translate("TodayModel", "queued at the hub"),
        "sending": QCoreApplication.translate("TodayModel", "sending"),
        "delivered": QCoreApplication.translate("TodayModel", "delivered"),
        "permanent-failure": QCoreApplication.translate("TodayModel", "could not be delivered"),
        "temporary-failure": QCoreApplication.translate(
            "TodayModel", "not delivered (phone off or inbox full)"
        ),
        "technical-failure": QCoreApplication.translate(
            "TodayModel", "not sent (a fault at Notify)"
        ),
        "rejected": QCoreApplication.translate("TodayModel", "refused"),
    }


def sent_text(sent: list[SentDetails]) -> str:
    labels = message_labels()
    parts = []
    for message in sent:
        how = (
            QCoreApplication.translate("TodayModel", "text")
            if message.channel == "sms"
            else QCoreApplication.translate("TodayModel", "e-mail")
        )
        status = labels.get(message.status, message.status)
        reason = f" ({message.reason})" if message.status == "rejected" and message.reason else ""
        parts.append(f"{how}: {status}{reason}")
    return " · ".join(parts)


def rejection_text(enquiry: Enquiry) -> str | None:
    """Why the hub refused the enquiry and what to do, for the status cell's tooltip."""
    if enquiry.sync_state is not SyncState.REJECTED:
        return None
    reason = enquiry.rejection_reason or QCoreApplication.translate("TodayModel", "no reason given")
    return QCoreApplication.translate(
        "TodayModel",
        "The hub refused this enquiry: {0}. It is kept on this desk; tell your supervisor.",
    ).format(reason)


class TodayModel(QAbstractTableModel):
    """Enquiries saved today, newest first.

    Signals: QAbstractItemModel's own (modelReset when the list is replaced).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._rows: dict[str, Enquiry] = {}
        self._sent: dict[str, list[SentDetails]] = {}

    def set_sent(self, sent: dict[str, list[SentDetails]]) -> None:
        """Texts and e-mails of the service's details, by enquiry, with their status."""
        self._sent = sent
        if self._ids:
            top, bottom = (
                self.index(0, STATUS_COLUMN),
                self.index(len(self._ids) - 1, STATUS_COLUMN),
            )
            self.dataChanged.emit(top, bottom)

    def set_enquiries(self, enquiries: tuple[Enquiry, ...]) -> None:
        self.beginResetModel()
        self._ids = [e.id for e in enquiries]
        self._rows = {e.id: e for e in enquiries}
        self.endResetModel()

    def enquiry(self, row: int) -> Enquiry | None:
        return self._rows.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            QCoreApplication.translate("TodayModel", "Reference"),
            QCoreApplication.translate("TodayModel", "Time"),
            QCoreApplication.translate("TodayModel", "Outcome"),
            QCoreApplication.translate("TodayModel", "Duration"),
            QCoreApplication.translate("TodayModel", "Status"),
        )
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        enquiry = self.enquiry(index.row())
        if enquiry is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return rejection_text(enquiry) if column == STATUS_COLUMN else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if column == REFERENCE_COLUMN:
            return enquiry.reference or "—"
        if column == 1:
            return enquiry.saved_at.astimezone().strftime("%H:%M")
        if column == 2:
            return outcome_labels()[enquiry.outcome] if enquiry.outcome else "—"
        if column == DURATION_COLUMN:
            return duration_text(enquiry)
        if column == STATUS_COLUMN:
            sent = self._sent.get(enquiry.id)
            return status_text(enquiry) + (" · " + sent_text(sent) if sent else "")
        return None


class _TodayTable(QTableView):
    """Return or Enter on a row asks for it to be reopened. Signals: reopen_requested(int row)."""

    reopen_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.reopen_requested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class TodayPanel(QWidget):
    """The table of today's enquiries.

    Signals:
        reopen_requested(str): the id of the enquiry to open again (Return on its row).
    """

    reopen_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TodayModel(self)
        self.table = _TodayTable()
        self.table.reopen_requested.connect(self._reopen)
        self.table.doubleClicked.connect(lambda index: self._reopen(index.row()))
        self.table.setAccessibleDescription(self.tr("Press Return to open an enquiry again"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Today's enquiries"))
        label = QLabel(self.tr("To&day's enquiries"))
        label.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.table)

    def set_enquiries(self, enquiries: tuple[Enquiry, ...]) -> None:
        self.model.set_enquiries(enquiries)

    def _reopen(self, row: int) -> None:
        enquiry = self.model.enquiry(row)
        if enquiry is not None:
            self.reopen_requested.emit(enquiry.id)

    def selected_id(self) -> str | None:
        """The enquiry chosen in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        enquiry = self.model.enquiry(rows[0].row()) if rows else None
        return None if enquiry is None else enquiry.id
