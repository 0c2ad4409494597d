"""Sending a service's details to the caller from the window (Ctrl+Shift+T): the service
shown in the details or linked to the enquiry, recorded on the desk as an event of the
enquiry in the form once it is saved (or the one chosen in today's list); the hub sends it
once the desk has synced. As the dialog opens, the hub is asked (on the network lane)
whether it can send texts and e-mails yet; the answer is shown, never waited for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from frontdesk.gui import message
from frontdesk.gui.enquiry.form import EnquiryForm
from frontdesk.gui.enquiry.send_dialog import SendDetailsDialog, SendRequest, hub_note
from frontdesk.gui.operations import OperationRunner
from frontdesk.store.details_sent import SMS, SentDetails, send_details
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.desk_access import DeskAccess
from frontdesk.sync.notify_status import HubSends


class DetailsSender:
    """Signals: none. `services` gives (id, name) of the services the adviser may send:
    the one shown first, then those linked to the enquiry."""

    def __init__(
        self,
        window: QWidget,
        form: EnquiryForm,
        runner: OperationRunner,
        services: Callable[[], list[tuple[str, str]]],
        selected: Callable[[], str | None],
        sent: Callable[[], None],
    ) -> None:
        self._window, self._form, self._runner = window, form, runner
        self._services, self._selected, self._sent = services, selected, sent
        self.desk: DeskAccess | None = None
        self.tokens: TokenStore | None = None
        self._sending: dict[str, HubSends] = {}  # the hub's last answer

    def send(self) -> None:
        desk, draft, services = self.desk, self._form.draft(), self._services()
        # The enquiry in the form once saved, else the one chosen in today's list.
        wanted = [i for i in (draft.id if draft else None, self._selected()) if i]
        if desk is None or not services:
            message.info(
                QCoreApplication.translate(
                    "SendDetails", "Choose a service first, then send its details to the caller."
                )
            )
            return
        self._runner.run(lambda: _first_saved(desk, wanted)).on_success(
            lambda saved: self._ask(desk, saved, services) if saved else self._unsaved()
        )

    def _unsaved(self) -> None:
        message.info(
            QCoreApplication.translate(
                "SendDetails",
                "Save the enquiry first (Ctrl+S), or choose one in today's list, then send "
                "the details.",
            )
        )

    def _ask(self, desk: DeskAccess, enquiry_id: str, services: list[tuple[str, str]]) -> None:
        self._sending = {}
        request = SendDetailsDialog.ask(
            self._window,
            services,
            self._form.phone.text(),
            self._form.email.text(),
            lambda dialog: self.ask_hub(desk, dialog),
        )
        if request is None:
            return
        self._runner.run(lambda: _record(desk, enquiry_id, request)).on_success(
            self._recorded
        ).on_failure(lambda error: message.error(str(error)))

    def ask_hub(self, desk: DeskAccess, dialog: SendDetailsDialog) -> None:
        """Whether the hub can send texts and e-mails, told to `dialog` when it answers."""
        tokens = self.tokens or TokenStore()
        self._runner.run(lambda: desk.hub_sending(tokens), lane="network").on_success(
            lambda sending: self._answered(dialog, sending)
        )

    def _answered(self, dialog: SendDetailsDialog, sending: dict[str, HubSends]) -> None:
        self._sending = sending
        dialog.set_hub_sending(sending)

    def _recorded(self, sent: SentDetails) -> None:
        note = hub_note(self._sending.get(sent.channel, HubSends.YES), sent.channel)
        if note is not None:
            message.warning(note)
            self._sent()
            return
        how = (
            QCoreApplication.translate("SendDetails", "A text")
            if sent.channel == SMS
            else QCoreApplication.translate("SendDetails", "An e-mail")
        )
        message.info(
            QCoreApplication.translate(
                "SendDetails", "{0} to {1} will be sent by the hub once this desk has synced."
            ).format(how, sent.recipient)
        )
        self._sent()


def _first_saved(desk: DeskAccess, ids: list[str]) -> str | None:
    return next((i for i in ids if desk.log.get(i) is not None), None)


def _record(desk: DeskAccess, enquiry_id: str, request: SendRequest) -> SentDetails:
    return send_details(
        desk.log, enquiry_id, request.service_id, request.channel, request.recipient
    )
