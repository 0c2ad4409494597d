"""The Settings dialog, built from the declared settings (`settings.ALL`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.gui import settings as s
from frontdesk.gui.settings import Setting, Settings

Editor = QLineEdit | QSpinBox | QComboBox


class SettingsDialog(QDialog):
    """Edits every declared setting; OK stores them. Signals: QDialog's own."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.editors: dict[str, Editor] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for setting in s.ALL:
            editor = self._editor(setting)
            self.editors[setting.key] = editor
            title = setting.translated_title()
            if setting.restart:
                title += " " + self.tr("(after restart)")
            label = QLabel(title)
            label.setBuddy(editor)
            editor.setAccessibleName(setting.translated_title())
            if setting.help:
                editor.setToolTip(setting.translated_help())
                editor.setAccessibleDescription(setting.translated_help())
            form.addRow(label, editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _editor(self, setting: Setting[str] | Setting[int]) -> Editor:
        value = self._settings.get_value(setting)
        if setting.choices:
            combo = QComboBox()
            for code in setting.choices:
                combo.addItem(self._choice_title(code), code)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if setting.kind is int:
            spin = QSpinBox()
            spin.setRange(setting.minimum or 0, setting.maximum or 1_000_000)
            spin.setValue(int(value))
            return spin
        edit = QLineEdit(str(value))
        return edit

    @staticmethod
    def _choice_title(code: str) -> str:
        return QCoreApplication.translate("Settings", s.LANGUAGES.get(code, code))

    def accept(self) -> None:
        for setting in s.ALL:
            editor = self.editors[setting.key]
            if isinstance(editor, QComboBox):
                self._settings.set_value(setting, editor.currentData())
            elif isinstance(editor, QSpinBox):
                self._settings.set_value(setting, editor.value())
            else:
                self._settings.set_value(setting, editor.text())
        self._settings.sync()
        super().accept()

    @classmethod
    def edit(cls, settings: Settings, parent: QWidget | None) -> bool:
        """Show the dialog; True when the adviser pressed OK (tests replace this)."""
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted
