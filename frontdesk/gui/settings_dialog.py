"""The Settings dialog: the frame is the form ui/settings.ui, the rows come from the
declared settings (`settings.ALL`), so declaring a setting is all it takes to show it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from frontdesk.gui import forms, window_size
from frontdesk.gui import settings as s
from frontdesk.gui.settings import Setting, Settings

Editor = QLineEdit | QSpinBox | QComboBox


class SettingsDialog(QDialog):
    """Edits every declared setting; OK stores them. Signals: QDialog's own.

    `in_use` maps a setting's key to the value this running frontdesk actually uses when
    that differs from what is stored (the hub the desk is signed in to, the data folder
    from --data-dir, $FRONTDESK_HOME or the platform's default): it is shown under the
    field, so an empty field never looks like "none".
    """

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        in_use: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.in_use_labels: dict[str, QLabel] = {}
        # Made before the form's buttons so that Tab goes down the rows, then to the buttons.
        self.editors: dict[str, Editor] = {setting.key: self._editor(setting) for setting in s.ALL}
        forms.load(self, "settings")
        form = forms.child(self, QFormLayout, "fields")
        for setting in s.ALL:
            editor = self.editors[setting.key]
            title = setting.translated_title()
            help_text = setting.translated_help()
            if settings.is_locked(setting):
                # Set for this PC by IT: shown, not editable, and said in words.
                title += " " + self.tr("(set by IT)")
                help_text = self.tr("Set for this computer by IT; it cannot be changed here.")
                editor.setEnabled(False)
            elif setting.restart:
                title += " " + self.tr("(after restart)")
            label = QLabel(title)
            label.setBuddy(editor)
            editor.setAccessibleName(setting.plain_title())
            description = [help_text] if help_text else []
            used = (in_use or {}).get(setting.key, "")
            if used and used != str(settings.get_value(setting)):
                # One line: a path broken at a hyphen reads as two paths.
                shown = QLabel(self.tr("In use now: {0}").format(used))
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.in_use_labels[setting.key] = shown
                description.append(shown.text())
                if isinstance(editor, QLineEdit):
                    editor.setPlaceholderText(used)
            if description:
                editor.setToolTip(" ".join(description))
                editor.setAccessibleDescription(" ".join(description))
            form.addRow(label, editor)
            if setting.key in self.in_use_labels:
                form.addRow("", self.in_use_labels[setting.key])
        # Wide enough for a folder path on one line; grows with the text size.
        window_size.size_in_characters(self, 100, 0)
        buttons = forms.child(self, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def _editor(self, setting: Setting[str] | Setting[int]) -> Editor:
        value = self._settings.get_value(setting)
        if setting.choices:
            combo = QComboBox(self)
            for code in setting.choices:
                combo.addItem(self._choice_title(code), code)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if setting.kind is int:
            spin = QSpinBox(self)
            spin.setRange(setting.minimum or 0, setting.maximum or 1_000_000)
            spin.setValue(int(value))
            return spin
        return QLineEdit(str(value), self)

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
    def edit(
        cls, settings: Settings, parent: QWidget | None, in_use: dict[str, str] | None = None
    ) -> bool:
        """Show the dialog; True when the adviser pressed OK (tests replace this)."""
        return cls(settings, parent, in_use).exec() == QDialog.DialogCode.Accepted
