"""The Qt Designer forms in ui/: each loads through the dialog that owns it, every control
in it can be named by a screen reader and reached in the declared Tab order, and every
string in it is translated into Welsh under the context the dialog's code uses too."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableWidget,
    QWidget,
)

from frontdesk.gui import forms
from frontdesk.gui import settings as s
from frontdesk.gui.about_dialog import AboutDialog
from frontdesk.gui.detail.report_dialog import ReportDialog
from frontdesk.gui.settings import Settings
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog
from frontdesk.gui.sign_in_dialog import SignInDialog
from tests.gui.test_welsh import welsh

__all__ = ["welsh"]  # a fixture, used here by name

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
TS = ROOT / "resources" / "i18n" / "frontdesk_cy.ts"

# Every form in ui/, and how to open the dialog that owns it.
OWNERS: dict[str, Callable[[Settings], QDialog]] = {
    "about": lambda settings: AboutDialog(Path("/srv/frontdesk/data")),
    "settings": lambda settings: SettingsDialog(settings),
    "shortcuts": lambda settings: ShortcutsDialog(),
    "sign_in": lambda settings: SignInDialog(),
    "report_record": lambda settings: ReportDialog("Missed bin collections"),
}


def form_class(name: str) -> str:
    return ET.parse(UI / f"{name}.ui").getroot().findtext("class") or ""


def declared_tab_order(name: str) -> list[str]:
    return [stop.text or "" for stop in ET.parse(UI / f"{name}.ui").getroot().iter("tabstop")]


def translatable(name: str) -> list[str]:
    root = ET.parse(UI / f"{name}.ui").getroot()
    return [e.text for e in root.iter("string") if e.text and e.get("notr") != "true"]


def welsh_messages() -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                key = (context.findtext("name") or "", message.findtext("source") or "")
                found[key] = translation.text or ""
    return found


def interactive(dialog: QDialog) -> list[QWidget]:
    """The controls Tab reaches, in order, counting a compound control (a spin box and
    its line edit) once."""
    order: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog:
        if takes_tab(widget, dialog) and not any(takes_tab(a, dialog) for a in ancestors(widget)):
            order.append(widget)
        widget = widget.nextInFocusChain()
    return order


def takes_tab(widget: QWidget, dialog: QDialog) -> bool:
    tab = Qt.FocusPolicy.TabFocus.value
    return bool(widget.focusPolicy().value & tab) and widget.isVisibleTo(dialog)


def ancestors(widget: QWidget) -> list[QWidget]:
    found, parent = [], widget.parentWidget()
    while parent is not None and not isinstance(parent, QDialog):
        found.append(parent)
        parent = parent.parentWidget()
    return found


@pytest.fixture
def dialogs(qtbot: QtBot, settings: Settings) -> dict[str, QDialog]:
    built = {}
    for name, owner in OWNERS.items():
        dialog = owner(settings)
        qtbot.addWidget(dialog)
        built[name] = dialog
    return built


def test_every_form_in_ui_is_tested_here() -> None:
    assert {path.stem for path in UI.glob("*.ui")} == set(OWNERS)


def test_every_form_loads_with_its_widgets(dialogs: dict[str, QDialog]) -> None:
    for name, dialog in dialogs.items():
        # The form's class is the translation context of its strings and of the code's tr().
        assert form_class(name) == type(dialog).__name__, name
        assert dialog.windowTitle(), name
        assert dialog.findChild(QDialogButtonBox, "buttons") is not None, name
        for stop in declared_tab_order(name):
            assert dialog.findChild(QWidget, stop) is not None, (name, stop)


def test_every_control_has_a_name_a_screen_reader_reads(dialogs: dict[str, QDialog]) -> None:
    for name, dialog in dialogs.items():
        dialog.show()
        buddies = {id(label.buddy()) for label in dialog.findChildren(QLabel) if label.buddy()}
        for widget in interactive(dialog):
            spoken = QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)
            assert widget.accessibleName() or id(widget) in buddies or spoken, (name, widget)
            assert spoken, (name, widget)


def test_tab_goes_through_each_form_in_the_declared_order(dialogs: dict[str, QDialog]) -> None:
    for name, dialog in dialogs.items():
        dialog.show()
        expected: list[QWidget] = [
            forms.child(dialog, QWidget, stop) for stop in declared_tab_order(name)
        ]
        if isinstance(dialog, SettingsDialog):  # rows made from the declared settings
            expected += [dialog.editors[setting.key] for setting in s.ALL]
        order = interactive(dialog)
        buttons = forms.child(dialog, QDialogButtonBox, "buttons").buttons()
        assert order[: len(expected)] == expected, name
        assert set(order[len(expected) :]) == set(buttons), name


def test_every_string_in_a_form_has_welsh_under_the_forms_class() -> None:
    messages = welsh_messages()
    for name in OWNERS:
        for text in translatable(name):
            assert (form_class(name), text) in messages, (name, text)


def test_the_forms_speak_welsh(welsh: None, dialogs: dict[str, QDialog]) -> None:
    messages = welsh_messages()
    for name, dialog in dialogs.items():
        shown = {dialog.windowTitle()}
        shown |= {label.text() for label in dialog.findChildren(QLabel)}
        shown |= {w.accessibleName() for w in dialog.findChildren(QWidget)}
        for table in dialog.findChildren(QTableWidget):
            shown |= {table.horizontalHeaderItem(c).text() for c in range(table.columnCount())}
        for text in translatable(name):
            assert messages[form_class(name), text] in shown, (name, text)


def test_a_form_is_only_laid_out_on_a_widget_of_its_class(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    with pytest.raises(forms.FormError, match="is a QDialog, not a QMainWindow"):
        forms.load(window, "sign_in")


def test_code_that_needs_a_widget_the_form_lacks_fails_clearly(qtbot: QtBot) -> None:
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    with pytest.raises(forms.FormError, match="no QLineEdit named 'postcode'"):
        forms.child(dialog, QLineEdit, "postcode")
    with pytest.raises(forms.FormError, match="no QLabel named 'hub'"):
        forms.child(dialog, QLabel, "hub")  # there is a 'hub', but it is a field
