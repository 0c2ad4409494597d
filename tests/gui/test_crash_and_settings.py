"""The crash dialog, the settings and the shortcuts dialog."""

from __future__ import annotations

import sys

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QSpinBox, QStyle

from frontdesk.gui import crash
from frontdesk.gui import settings as s
from frontdesk.gui.crash import CrashDialog
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import ImmediateExecutor, OperationRunner
from frontdesk.gui.settings import Settings
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.gui.shortcuts import SHORTCUTS, markdown_table
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog


def test_a_bug_shows_the_crash_dialog_and_the_app_carries_on(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        CrashDialog,
        "show_crash",
        classmethod(lambda cls, summary, details: shown.append((summary, details))),
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    crash.install()
    runner = OperationRunner(ImmediateExecutor(), ImmediateExecutor())

    def broken() -> None:
        raise KeyError("no such column")

    runner.run(broken)
    qtbot.waitUntil(lambda: bool(shown))
    summary, details = shown[0]
    assert summary.startswith("KeyError")
    assert "in broken" in details  # the traceback names the failing function
    after: list[int] = []
    runner.run(lambda: 1).on_success(after.append)  # still working
    qtbot.waitUntil(lambda: after == [1])


def test_the_crash_dialog_has_its_details(qtbot: QtBot) -> None:
    dialog = CrashDialog("ValueError: x", "Traceback …")
    qtbot.addWidget(dialog)
    [label] = dialog.findChildren(QLabel)
    [details] = dialog.findChildren(QPlainTextEdit)
    assert "ValueError: x" in label.text() and "carry on working" in label.text()
    assert details.toPlainText() == "Traceback …" and details.isReadOnly()


def test_settings_have_typed_defaults_and_clean_bad_values(tmp_path: object) -> None:
    store = QSettings(str(tmp_path) + "/s.ini", QSettings.Format.IniFormat)
    settings = Settings(store)
    assert settings.retention_days == 365 and settings.language == "en_GB"
    assert settings.text_size == 100 and settings.hub_address == ""
    store.setValue(s.TEXT_SIZE.key, "900")
    store.setValue(s.LANGUAGE.key, "fr")
    store.setValue(s.RETENTION_DAYS.key, "lots")
    assert settings.text_size == 200
    assert settings.language == "en_GB"
    assert settings.retention_days == 365


def test_the_settings_dialog_edits_every_declared_setting(qtbot: QtBot, tmp_path: object) -> None:
    settings = Settings(QSettings(str(tmp_path) + "/s.ini", QSettings.Format.IniFormat))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert set(dialog.editors) == {x.key for x in s.ALL}
    language = dialog.editors[s.LANGUAGE.key]
    size = dialog.editors[s.TEXT_SIZE.key]
    assert isinstance(language, QComboBox) and isinstance(size, QSpinBox)
    language.setCurrentIndex(language.findData("cy"))
    size.setValue(150)
    dialog.accept()
    assert settings.language == "cy" and settings.text_size == 150


def test_every_action_in_the_shortcut_table_exists_with_its_keys(window: MainWindow) -> None:
    for binding in SHORTCUTS:
        if binding.action:
            action = window.actions_by_name[binding.action]
            assert action.shortcuts() == [QKeySequence(k) for k in binding.keys]
    keys = [k for b in SHORTCUTS for k in b.keys]
    assert len(keys) == len(set(keys)), "a key is bound twice"


def test_the_shortcuts_dialog_lists_the_table(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(SHORTCUTS)
    texts = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "Save the enquiry" in texts
    assert "| `Ctrl+S` | Save the enquiry |" in markdown_table()


def test_every_shortcut_is_shown_whole_not_cut_off(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, metrics = dialog.table, dialog.table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1  # as Qt's
    width = table.columnWidth(1) - 2 * margin
    for row in range(table.rowCount()):
        text = table.item(row, 1).text()
        lines = metrics.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text)
        assert table.rowHeight(row) >= lines.height(), text
