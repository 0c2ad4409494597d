"""The app's settings over the machine-wide configuration: IT's values are the defaults
where the adviser has set nothing, the adviser's own win unless IT locked the setting, a
locked setting cannot be changed in Settings, and a file that cannot be used is one line
in the message bar while the app works on."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox

from frontdesk.gui import settings as s
from frontdesk.gui.app import report_machine_config
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.settings import Settings
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.store.machine_config import MachineConfig, Source, load

HUB = "https://hub.council.example.gov.uk"


def machine(locked: set[str] | None = None) -> MachineConfig:
    values: dict[str, str | int] = {"hub_url": HUB, "language": "cy", "text_size": 150}
    return MachineConfig(Path("config.toml"), values, frozenset(locked or ()))


def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def test_the_machine_values_apply_where_the_adviser_set_nothing(tmp_path: Path) -> None:
    settings = Settings(store(tmp_path), machine())
    assert settings.hub_address == HUB
    assert settings.language == "cy" and settings.text_size == 150
    assert settings.resolve(s.TEXT_SIZE) == (150, Source.MACHINE)
    assert settings.resolve(s.RETENTION_DAYS) == (365, Source.DEFAULT)  # not IT's to give


def test_the_advisers_own_value_wins_over_a_machine_default(tmp_path: Path) -> None:
    settings = Settings(store(tmp_path), machine())
    settings.set(s.TEXT_SIZE, 175)
    settings.set(s.LANGUAGE, "en_GB")
    assert settings.text_size == 175 and settings.language == "en_GB"
    assert settings.resolve(s.LANGUAGE) == ("en_GB", Source.ADVISER)


def test_a_locked_setting_holds_over_the_advisers_value(tmp_path: Path) -> None:
    saved = store(tmp_path)
    saved.setValue(s.LANGUAGE.key, "en_GB")  # chosen before IT locked it
    settings = Settings(saved, machine({"language"}))
    assert settings.language == "cy" and settings.is_locked(s.LANGUAGE)
    settings.set(s.LANGUAGE, "en_GB")
    assert settings.language == "cy"
    assert not settings.is_locked(s.TEXT_SIZE)


def test_ok_in_settings_does_not_copy_the_machine_defaults_into_the_desk(
    qtbot: QtBot, tmp_path: Path
) -> None:
    saved = store(tmp_path)
    dialog = SettingsDialog(Settings(saved, machine()))
    qtbot.addWidget(dialog)
    dialog.accept()
    # So when IT later changes the file, this desk follows it.
    later = MachineConfig(Path("config.toml"), {"text_size": 125})
    assert Settings(saved, later).text_size == 125
    assert saved.value(s.TEXT_SIZE.key) is None and saved.value(s.LANGUAGE.key) is None


def test_a_locked_setting_is_shown_but_cannot_be_edited(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(store(tmp_path), machine({"language", "hub_url"}))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    language = dialog.editors[s.LANGUAGE.key]
    assert isinstance(language, QComboBox)
    assert not language.isEnabled() and language.currentData() == "cy"
    assert "IT" in language.accessibleDescription()
    size = dialog.editors[s.TEXT_SIZE.key]
    assert isinstance(size, QSpinBox) and size.isEnabled()
    titles = [label.text().replace("&", "") for label in dialog.findChildren(QLabel)]
    assert any(t.startswith("Language") and "(set by IT)" in t for t in titles)
    dialog.accept()
    assert settings.language == "cy"


def test_a_bad_machine_file_is_one_line_in_the_message_bar(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text("text_size = 'big'\n", encoding="utf-8")
    settings = Settings(store(tmp_path), load(path))
    assert settings.text_size == 100  # the app works on its defaults
    report_machine_config(settings)
    qtbot.waitUntil(window.message_bar.isVisible)
    text = window.message_bar.text.text()
    assert str(path) in text and "text_size" in text and "\n" not in text


def test_a_good_machine_file_says_nothing(window: MainWindow, tmp_path: Path) -> None:
    report_machine_config(Settings(store(tmp_path), machine()))
    assert not window.message_bar.isVisible()
