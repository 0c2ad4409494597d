"""The Settings dialog says what is in use and every field has an access key."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QLabel, QLineEdit

from frontdesk.gui import settings as s
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.settings import Settings, apply_text_size
from frontdesk.gui.settings_dialog import SettingsDialog


def test_every_field_has_a_label_with_its_own_access_key(qtbot: QtBot, settings: Settings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    keys = []
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None:
            text = label.text()
            assert "&" in text, text
            keys.append(text[text.index("&") + 1].lower())
    assert len(keys) == len(s.ALL)
    assert len(set(keys)) == len(keys), "two fields share an access key"
    # The screen reader hears the words, not the ampersand.
    assert dialog.editors[s.HUB_ADDRESS.key].accessibleName() == "Hub address"


def test_the_hub_and_data_folder_in_use_are_shown_when_nothing_is_stored(
    qtbot: QtBot, settings: Settings
) -> None:
    in_use = {s.HUB_ADDRESS.key: "https://hub.example", s.DATA_FOLDER.key: "/srv/desk"}
    dialog = SettingsDialog(settings, in_use=in_use)
    qtbot.addWidget(dialog)
    dialog.show()
    for key, value in in_use.items():
        editor = dialog.editors[key]
        assert isinstance(editor, QLineEdit)
        assert editor.text() == ""  # nothing stored: OK keeps it that way
        assert editor.placeholderText() == value
        assert dialog.in_use_labels[key].isVisible()
        assert value in dialog.in_use_labels[key].text()
        assert value in editor.accessibleDescription()
    dialog.accept()
    assert settings.hub_address == "" and settings.data_folder == ""


def test_a_stored_value_that_is_the_one_in_use_is_not_said_twice(
    qtbot: QtBot, settings: Settings
) -> None:
    settings.set(s.HUB_ADDRESS, "https://hub.example")
    dialog = SettingsDialog(settings, in_use={s.HUB_ADDRESS.key: "https://hub.example"})
    qtbot.addWidget(dialog)
    assert s.HUB_ADDRESS.key not in dialog.in_use_labels


def test_the_window_hands_the_dialog_its_data_folder_and_hub(
    window: MainWindow, tmp_path: Path
) -> None:
    window.hub_in_use = "https://hub.example"
    in_use = window.settings_in_use()
    assert in_use[s.HUB_ADDRESS.key] == "https://hub.example"
    assert in_use[s.DATA_FOLDER.key] == str(window.data_folder)
    assert Path(in_use[s.DATA_FOLDER.key]).is_dir()


def test_the_dialog_is_wide_enough_for_a_folder_path_on_one_line(
    qtbot: QtBot, settings: Settings
) -> None:
    folder = "/tmp/frontdesk-shots-u7lrsbc5/data"
    dialog = SettingsDialog(settings, in_use={s.DATA_FOLDER.key: folder})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = dialog.in_use_labels[s.DATA_FOLDER.key]
    assert shown.height() < 2 * shown.fontMetrics().lineSpacing()  # one line
    assert shown.height() >= shown.heightForWidth(shown.width())  # and not cut


def test_at_200_percent_text_the_folder_in_use_is_shown_whole(
    qtbot: QtBot, settings: Settings
) -> None:
    apply_text_size(200)
    try:
        folder = "/home/adviser/.local/share/frontdesk"
        dialog = SettingsDialog(settings, in_use={s.DATA_FOLDER.key: folder})
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown = dialog.in_use_labels[s.DATA_FOLDER.key]
        assert shown.width() >= shown.sizeHint().width()
        assert shown.height() >= shown.sizeHint().height()
    finally:
        apply_text_size(100)
