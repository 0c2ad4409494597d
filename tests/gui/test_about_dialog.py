"""Help → About frontdesk: what it is, its version and licence, and the data folder the
desk is using, in English and in Welsh."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from frontdesk import __version__
from frontdesk.gui.about_dialog import AboutDialog
from frontdesk.gui.main_window import MainWindow
from frontdesk.store.paths import DataPaths
from tests.gui.test_welsh import welsh

__all__ = ["welsh"]  # a fixture, used here by name

FOLDER = Path("/srv/frontdesk/advisers/data")


def labels(dialog: AboutDialog) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel)}


def test_help_about_shows_the_data_folder_the_desk_uses(
    window: MainWindow, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[Path | None] = []
    monkeypatch.setattr(
        AboutDialog, "show_about", classmethod(lambda cls, folder, parent: shown.append(folder))
    )
    [help_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    [about] = [a for a in help_menu.actions() if a.text() == "&About frontdesk"]
    about.trigger()
    assert shown == [paths.root]


def test_the_about_dialog_says_what_frontdesk_is(qtbot: QtBot) -> None:
    dialog = AboutDialog(FOLDER)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "About frontdesk"
    assert {"frontdesk", __version__, "MIT", "Version", "Licence"} <= labels(dialog)
    assert any(
        text.startswith("One screen for council contact-centre advisers") for text in labels(dialog)
    )
    assert dialog.data_folder.text() == str(FOLDER) and dialog.data_folder.isReadOnly()
    assert dialog.data_folder.accessibleName() == "Data folder"
    # The whole path fits: support reads it off the screen.
    metrics = dialog.data_folder.fontMetrics()
    assert dialog.data_folder.width() > metrics.horizontalAdvance(str(FOLDER))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert dialog.data_folder.hasFocus()  # to select and copy it by keyboard


def test_a_window_with_no_data_folder_leaves_the_row_out(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.data_folder.isVisible()
    assert __version__ in labels(dialog)


def test_the_about_dialog_in_welsh(qtbot: QtBot, welsh: None) -> None:
    dialog = AboutDialog(FOLDER)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Ynghylch frontdesk"
    assert {"Fersiwn", "Trwydded", "Ffolder &data", "frontdesk", "MIT"} <= labels(dialog)
    assert dialog.data_folder.accessibleName() == "Ffolder data"
