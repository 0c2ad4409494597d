"""Signing in from the app: a standalone desk signs in and starts syncing; a wrong password
keeps the dialog open, says why and stores nothing; a desk the hub signed out signs in
again and carries on from its cursor with its outbox. Against a real hub process and a
real (file) keyring."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.settings import Settings
from frontdesk.gui.sign_in_dialog import SignInDialog
from frontdesk.gui.startup import Startup
from frontdesk.store.desk import DeskStore
from frontdesk.store.paths import DataPaths
from frontdesk.sync import sign_in
from frontdesk.sync.account import SyncState
from frontdesk.sync.client import HubClient
from frontdesk.sync.credentials import TokenStore
from tests.gui.conftest import ready
from tests.gui.with_hub import WAIT, app_window, hub, save_enquiry_by_keyboard, statuses
from tests.helpers.hub import PASSWORD
from tests.helpers.hub_process import HubProcess, file_keyring

__all__ = ["file_keyring", "hub"]  # fixtures, used here by name

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_dialog(qtbot: QtBot, window: MainWindow, startup: Startup) -> SignInDialog:
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = startup.sign_in_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def signed_in_user(window: MainWindow) -> str | None:
    assert window.desk is not None
    account = SyncState(window.desk.store).account()
    return account.user if account is not None else None


def cursor(path: Path) -> str | None:
    with contextlib.closing(sqlite3.connect(path)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'sync_cursor'").fetchone()
    return row[0] if row else None


@pytest.mark.slow
def test_a_standalone_desk_signs_in_from_the_app_and_starts_syncing(
    qtbot: QtBot,
    hub: HubProcess,
    paths: DataPaths,
    settings: Settings,
    file_keyring: TokenStore,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="frontdesk.gui.message")
    with app_window(qtbot, paths, settings, file_keyring) as (window, startup):
        qtbot.waitUntil(lambda: ready(window), timeout=WAIT)
        assert window.status.mode.text() == "Standalone" and startup.sync is None
        dialog = open_dialog(qtbot, window, startup)
        assert dialog.focusWidget() is dialog.hub  # nothing to prefill on a standalone desk
        qtbot.keyClicks(dialog.hub, hub.url)
        qtbot.keyClicks(dialog.user, "alice")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: startup.sign_in_dialog is None, timeout=WAIT)
        assert f"info shown to adviser: Signed in to {hub.url} as alice" in caplog.text
        qtbot.waitUntil(
            lambda: (
                window.status.mode.text() == "Online" and "today" in window.status.catalogue.text()
            ),
            timeout=WAIT,
        )
        assert signed_in_user(window) == "alice"
        assert file_keyring.load(hub.url, "alice")  # the token, in the keyring
        assert PASSWORD not in paths.desk_db.read_bytes().decode("latin-1")
        window.activateWindow()  # (the offscreen platform does not hand it back by itself)
        qtbot.waitUntil(window.isActiveWindow)
        save_enquiry_by_keyboard(qtbot, window, "Asked just after the desk signed in.")
        qtbot.waitUntil(lambda: statuses(window) == ["Sent to the hub"], timeout=WAIT)


@pytest.mark.slow
def test_a_wrong_password_keeps_the_dialog_open_says_why_and_stores_nothing(
    qtbot: QtBot, hub: HubProcess, paths: DataPaths, settings: Settings, file_keyring: TokenStore
) -> None:
    with app_window(qtbot, paths, settings, file_keyring) as (window, startup):
        qtbot.waitUntil(lambda: ready(window), timeout=WAIT)
        dialog = open_dialog(qtbot, window, startup)
        qtbot.keyClicks(dialog.hub, hub.url)
        qtbot.keyClicks(dialog.user, "alice")
        qtbot.keyClicks(dialog.password, "not the password")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=WAIT)
        assert dialog.problem.text().startswith("Not signed in: ")
        assert dialog.isVisible() and dialog.password.text() == ""
        assert dialog.password.isEnabled() and dialog.focusWidget() is dialog.password
        assert dialog.hub.text() == hub.url and dialog.user.text() == "alice"
        assert signed_in_user(window) is None and startup.sync is None
        assert file_keyring.load(hub.url, "alice") is None
        dialog.reject()
        qtbot.waitUntil(lambda: startup.sign_in_dialog is None)


@pytest.mark.slow
def test_a_desk_the_hub_signed_out_signs_in_again_and_keeps_its_cursor_and_outbox(
    qtbot: QtBot, hub: HubProcess, paths: DataPaths, settings: Settings, file_keyring: TokenStore
) -> None:
    desk = DeskStore.open(paths.desk_db, paths.backups)
    try:
        sign_in(desk, hub.url, "alice", PASSWORD, tokens=file_keyring)
    finally:
        desk.close()
    with app_window(qtbot, paths, settings, file_keyring) as (window, startup):
        status = window.status
        # The first sync has finished once the rebuilt catalogue holds the hub's cursor
        # (the status can say Online a moment before the swap on a busy machine).
        qtbot.waitUntil(
            lambda: (
                status.mode.text() == "Online"
                and "today" in status.catalogue.text()
                and cursor(paths.catalogue_db) is not None
            ),
            timeout=WAIT,
        )
        first_cursor, catalogue_file = cursor(paths.catalogue_db), os.stat(paths.catalogue_db)
        token = file_keyring.load(hub.url, "alice")
        with HubClient(hub.url, token) as client:
            client.logout()  # as an administrator revoking the desk's sign-in would
        qtbot.waitUntil(window.isActiveWindow)
        save_enquiry_by_keyboard(qtbot, window, "Asked while the hub had signed the desk out.")
        qtbot.waitUntil(lambda: status.mode.text().startswith("Signed out"), timeout=WAIT)
        assert "Ctrl+Shift+L" in window.message_bar.text.text()
        assert statuses(window) == ["Saved on this desk"]

        dialog = open_dialog(qtbot, window, startup)
        assert (dialog.hub.text(), dialog.user.text()) == (hub.url, "alice")
        assert dialog.focusWidget() is dialog.password
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: statuses(window) == ["Sent to the hub"], timeout=WAIT)
        qtbot.waitUntil(lambda: status.mode.text() == "Online", timeout=WAIT)
        # The catalogue carried on from its cursor: not rebuilt and swapped for a new file.
        assert cursor(paths.catalogue_db) == first_cursor
        assert os.stat(paths.catalogue_db).st_ino == catalogue_file.st_ino


def test_the_dialog_asks_for_every_field_before_it_asks_the_hub(qtbot: QtBot) -> None:
    dialog = SignInDialog("https://hub.example.gov.uk", "")
    qtbot.addWidget(dialog)
    asked: list[tuple[str, str, str]] = []
    dialog.submitted.connect(lambda *details: asked.append(details))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.user  # the first field left empty
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert dialog.problem.isVisible() and "Fill in" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.user
    qtbot.keyClicks(dialog.user, "alice")
    qtbot.keyClicks(dialog.password, "secret")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert asked == [("https://hub.example.gov.uk", "alice", "secret")]
    assert not dialog.sign_in_button.isEnabled()  # while the hub is asked
    assert dialog.sign_in_button.text() == "Signing in…"


def test_its_labels_lead_to_their_fields_by_keyboard(qtbot: QtBot) -> None:
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for key, field in (
        (Qt.Key.Key_A, dialog.user),
        (Qt.Key.Key_P, dialog.password),
        (Qt.Key.Key_H, dialog.hub),
    ):
        qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)
        assert field.hasFocus(), key
    assert [e.accessibleName() for e in (dialog.hub, dialog.user, dialog.password)] == [
        "Hub address",
        "Account name",
        "Password",
    ]
