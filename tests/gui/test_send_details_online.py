"""The send dialog of a desk signed in to a real hub process says what the hub cannot
send yet (here: no GOV.UK Notify set up), and, once the hub is gone, that it cannot be
asked — before the adviser promises the caller anything."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from frontdesk.gui.enquiry.send_dialog import SendDetailsDialog
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.startup import Startup
from frontdesk.hub.notify.templates import KEY_ENV
from tests.gui.with_hub import WAIT, hub, synced_window
from tests.helpers.hub_process import HubProcess, file_keyring

__all__ = ["file_keyring", "hub", "synced_window"]  # fixtures, used here by name

pytestmark = pytest.mark.slow


def _note(qtbot: QtBot, window: MainWindow) -> str:
    dialog = SendDetailsDialog([("demo:1", "Food bank")], "07700 900123", "ann@example.org")
    qtbot.addWidget(dialog)
    assert window.desk is not None
    window.details_sender.ask_hub(window.desk, dialog)
    qtbot.waitUntil(lambda: bool(dialog.hub_note.text()), timeout=WAIT)
    return dialog.hub_note.text()


def test_the_dialog_says_the_hub_cannot_send_texts_then_that_it_cannot_be_asked(
    qtbot: QtBot,
    synced_window: tuple[MainWindow, Startup],
    hub: HubProcess,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    window, _ = synced_window
    qtbot.waitUntil(lambda: window.desk is not None, timeout=WAIT)
    assert _note(qtbot, window) == (
        "This hub cannot send texts yet: ask your supervisor to set up GOV.UK Notify; "
        "the request is kept and sent once it can."
    )
    hub.stop(graceful=False)
    assert _note(qtbot, window).startswith("The hub cannot be asked now whether it can send")
