"""Nothing typed is lost: drafts come back after a restart, and a full disk leaves the
enquiry on screen with a message saying what to do."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from frontdesk.gui import message
from frontdesk.gui.dialogs import Ask
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.store.paths import DataPaths
from tests.gui.conftest import close_stores, open_window, ready


def type_an_enquiry(qtbot: QtBot, window: MainWindow) -> str:
    window.enquiries.new_enquiry()
    window.search.results.setFocus()
    window.add_selected()
    window.form.consent.setChecked(True)
    qtbot.keyClicks(window.form.name, "Alex Example")
    qtbot.keyClicks(window.form.notes, "Asked about a replacement bin.")
    window.form.outcome.setCurrentIndex(window.form.outcome.findText("Signposted"))
    return window.search.current_id()


def test_the_draft_comes_back_after_closing_without_saving(
    qtbot: QtBot, window: MainWindow, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    service_id = type_an_enquiry(qtbot, window)
    window.close()  # auto-saves what is on screen
    qtbot.wait(10)
    close_stores(window)

    again = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(again) and again.form.in_progress)
    form = again.form
    assert form.name.text() == "Alex Example"
    assert form.consent.isChecked()
    assert form.notes.toPlainText() == "Asked about a replacement bin."
    assert form.outcome.currentText() == "Signposted"
    assert form.linked_model.ids() == (service_id,)
    qtbot.waitUntil(lambda: form.linked_model.name(service_id) != service_id)  # name fetched
    assert form.linked_model.name(service_id).endswith(" — Trafford Council")  # whose it is
    assert "restored" in again.info_line.text()
    # What starting up says next (a demo catalogue loaded, sync) does not replace it.
    message.info("Demo catalogue loaded: frontdesk is working standalone.")
    assert "restored" in again.info_line.text() and again.info_line.isVisible()
    assert "Demo catalogue loaded" in again.info_line.text()
    close_stores(again)


def fill_the_disk(paths: DataPaths, window: MainWindow) -> None:
    """Cap desk.db at its current size on every connection, as a full disk would."""
    assert window.desk is not None
    engine = window.desk.store.engine
    pages = sqlite3.connect(paths.desk_db).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()


def test_a_full_disk_keeps_the_enquiry_on_screen_and_says_what_to_do(
    qtbot: QtBot, window: MainWindow, paths: DataPaths
) -> None:
    type_an_enquiry(qtbot, window)
    fill_the_disk(paths, window)
    # Enough text that the save needs pages the capped file does not have.
    window.form.notes.setPlainText("Long note. " * 2000)
    window.enquiries.save()
    qtbot.waitUntil(window.message_bar.isVisible)
    text = window.message_bar.text.text()
    assert text.startswith("✖ Error:")
    assert "disk is full" in text and "Nothing you typed is lost" in text
    assert window.form.in_progress
    assert window.form.name.text() == "Alex Example"
    assert window.form.notes.toPlainText().startswith("Long note.")
    assert window.today.model.rowCount() == 0


def test_new_enquiry_asks_before_discarding_typed_work(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_an_enquiry(qtbot, window)
    asked: list[bool] = []
    monkeypatch.setattr(
        Ask, "discard_enquiry", classmethod(lambda cls, parent: asked.append(True) or False)
    )
    window.enquiries.new_enquiry()
    assert asked and window.form.name.text() == "Alex Example"


def test_saving_without_an_outcome_points_at_the_outcome(qtbot: QtBot, window: MainWindow) -> None:
    type_an_enquiry(qtbot, window)
    window.form.outcome.setCurrentIndex(0)
    window.enquiries.save()
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "Choose an outcome" in window.message_bar.text.text()
    assert window.form.in_progress


def test_referral_needs_a_target_and_offers_the_linked_services(
    qtbot: QtBot, window: MainWindow
) -> None:
    service_id = type_an_enquiry(qtbot, window)
    assert not window.form.referral.isEnabled()
    window.form.outcome.setCurrentIndex(window.form.outcome.findText("Referred"))
    assert window.form.referral.isEnabled()
    assert window.form.referral.currentData() == service_id  # the only linked service
    draft = window.form.draft()
    assert draft is not None and draft.referral_service_id == service_id
