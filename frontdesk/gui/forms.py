"""The one place frontdesk reads its Qt Designer forms (the top-level ui/ folder).

A form is read at run time with QUiLoader and laid out on the dialog object that asked
for it, so the dialog class keeps its own methods, signals and typed attributes while the
layout, the text, the label buddies and the tab order live in the .ui file. The forms ship
inside the wheel as the package `frontdesk.ui`, as resources/ ships as `frontdesk.resources`.

QUiLoader translates a form's strings with the form's `<class>` as the context, which is
also what `self.tr` uses in the dialog's code, so both reach the same messages in
resources/i18n/frontdesk_cy.ts.
"""

from __future__ import annotations

from importlib.resources import files
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from frontdesk.gui import style

W = TypeVar("W", bound=QObject)


class FormError(RuntimeError):
    """A form is missing, unreadable or lacks a widget the code relies on (a bug)."""


class _OntoLoader(QUiLoader):
    """Builds a form's top-level widget as `base` itself rather than a new widget."""

    def __init__(self, base: QWidget) -> None:
        super().__init__()
        self._base: QWidget | None = base
        self.mismatch = ""  # the form's top-level class when `base` is not one

    def createWidget(
        self, className: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        base = self._base
        if parent is None and base is not None:
            self._base = None  # only the form's top level; a second parentless widget is new
            if base.inherits(className):
                base.setObjectName(name)
                return base
            # (raising here would reach Qt, not our caller: load() raises instead)
            self.mismatch = className
        return super().createWidget(className, parent, name)


def source(name: str) -> bytes:
    """The text of form `name` (ui/<name>.ui), from the checkout or the installed package."""
    return (files("frontdesk.ui") / f"{name}.ui").read_bytes()


def load(base: QWidget, name: str) -> None:
    """Lay form `name` out on `base`: its properties, children, buddies and tab order."""
    buffer = QBuffer()
    buffer.setData(QByteArray(source(name)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    loader = _OntoLoader(base)
    built = loader.load(buffer, None)
    if loader.mismatch:
        raise FormError(f"ui/{name}.ui is a {loader.mismatch}, not a {type(base).__name__}")
    if built is None:
        raise FormError(f"ui/{name}.ui cannot be read: {loader.errorString()}")
    name_fields_after_labels(base)
    # A button box sits flush with its buttons, which would clip their focus ring.
    room = style.ring_room()
    for box in base.findChildren(QDialogButtonBox):
        box.setContentsMargins(room, room, room, room)


def name_fields_after_labels(form: QWidget) -> None:
    """Give each field with a label buddy and no accessible name its label's words.

    Screen readers announce the accessible name; taking it from the translated label
    keeps the two from drifting apart and gives translators one string, not two.
    """
    for label in form.findChildren(QLabel):
        field = label.buddy()
        if field is not None and not field.accessibleName():
            field.setAccessibleName(label.text().replace("&", ""))


def child(form: QWidget, kind: type[W], name: str) -> W:
    """The form's widget `name`, which the code relies on being a `kind`."""
    found = form.findChild(kind, name)
    if found is None:
        raise FormError(f"form {form.objectName()} has no {kind.__name__} named {name!r}")
    return found
