"""Linked services say whose they are; the details read as a caller would hear them,
without the catalogue's internal ids."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.search.model import OrganizationRole
from tests.gui.test_main_window import search


def test_a_linked_service_is_shown_with_its_agency(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "council tax")
    index = window.search.results.currentIndex()
    name, agency = index.data(), index.data(OrganizationRole)
    assert agency
    window.add_selected()
    shown = window.form.linked_model.index(0, 0).data()
    assert shown == f"{name} — {agency}"
    # The referral drop-down offers the same words.
    assert window.form.referral.itemText(1) == shown


def test_the_details_do_not_show_the_internal_id(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "council tax")
    qtbot.waitUntil(lambda: window.detail.detail is not None)
    detail = window.detail.detail
    assert detail is not None
    text = window.detail.browser.toPlainText()
    assert detail.id not in text
    assert detail.source in text  # where it came from, in words
    # Still there for support and the command line, for anyone who needs it.
    assert detail.id in window.detail.browser.accessibleDescription()
