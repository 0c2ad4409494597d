"""The Welsh translation loads and the screen speaks Welsh."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QLabel

from frontdesk.gui import i18n
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.gui.sign_in_dialog import SignInDialog
from frontdesk.store.paths import DataPaths
from tests.gui.conftest import close_stores, open_window, ready


@pytest.fixture
def welsh(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install(qapp, "cy")
    assert translators, "resources/i18n/frontdesk_cy.qm did not load"
    yield
    i18n.remove(qapp, translators)


def test_the_main_screen_in_welsh(
    qtbot: QtBot, welsh: None, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(window) and window.search.model.rowCount() > 0)
    labels = {label.text() for label in window.findChildren(QLabel)}
    assert "Chwilio am wa&sanaethau" in labels
    assert "Cod &post y galwr" in labels
    assert "&Search services" not in labels
    assert window.form.save_button.text() == "Cadw'r ymholiad (Ctrl+S)"
    assert window.form.outcome.itemText(2) == "Rhoddwyd cyngor"
    assert window.status.mode.text() == "Annibynnol"
    assert window.menuBar().actions()[0].text() == "&Ffeil"
    close_stores(window)


def test_the_sign_in_dialog_in_welsh(qtbot: QtBot, welsh: None) -> None:
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Mewngofnodi i'r hyb"
    assert dialog.sign_in_button.text() == "Mewngofnodi (&S)"
    dialog.failed("wrong username or password")
    assert dialog.problem.text() == "Heb fewngofnodi: wrong username or password"


def test_a_relaxed_search_is_explained_in_welsh(
    qtbot: QtBot, welsh: None, runner: OperationRunner
) -> None:
    from frontdesk.gui.search.panel import SearchPanel
    from frontdesk.search.catalogue_access import SearchOutcome, SearchRequest

    panel = SearchPanel(runner)
    qtbot.addWidget(panel)
    panel._apply(SearchOutcome(SearchRequest("x"), (), None, False, (), relaxed="some-words"))
    assert panel.notice.text().startswith("Nid oedd unrhyw wasanaeth yn cyfateb i bob gair")


def test_a_quick_pick_key_with_no_picks_says_so_in_welsh(
    qtbot: QtBot, welsh: None, runner: OperationRunner, settings: Settings, paths: DataPaths
) -> None:
    window = open_window(qtbot, runner, settings, paths)
    qtbot.waitUntil(lambda: ready(window) and window.search.model.rowCount() > 0)
    window.quick_picks.link(1)
    assert window.info_line.text().startswith("Dim dewisiadau cyflym eto")
    close_stores(window)


def test_the_send_dialog_says_in_welsh_what_the_hub_cannot_send(qtbot: QtBot, welsh: None) -> None:
    from frontdesk.gui.enquiry.send_dialog import SendDetailsDialog
    from frontdesk.sync.notify_status import HubSends

    dialog = SendDetailsDialog([("demo:1", "Banc bwyd")], "07700 900123", "")
    qtbot.addWidget(dialog)
    dialog.set_hub_sending({"sms": HubSends.NOT_SET_UP, "email": HubSends.NOT_SET_UP})
    assert dialog.hub_note.text().startswith("Ni all yr hyb hwn anfon negeseuon testun eto")
