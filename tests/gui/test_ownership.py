"""Every widget the adviser's window keeps is in its Qt tree, so Qt destroys it with the
window, on the GUI thread. A widget left to Python (no parent, held in a reference cycle)
is destroyed by the garbage collector on whichever thread collects — the database worker
or the sync thread — while the GUI thread may be drawing it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from frontdesk.gui.main_window import MainWindow


def kept_widgets(window: MainWindow) -> list[tuple[str, QWidget]]:
    """The widgets the window and the Qt objects it holds keep as attributes."""
    holders: list[tuple[str, QObject]] = [("window", window)]
    holders += [(name, v) for name, v in vars(window).items() if isinstance(v, QObject)]
    found: list[tuple[str, QWidget]] = []
    for holder_name, holder in holders:
        for name, value in vars(holder).items():
            if isinstance(value, QWidget) and value is not window and shiboken6.isValid(value):
                found.append((f"{holder_name}.{name}", value))
    return found


def test_no_widget_of_the_window_is_left_to_the_garbage_collector(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_by_name["supervisor_view"].trigger()  # opened on demand, a window itself
    assert window.supervisor_window is not None
    qtbot.waitUntil(window.supervisor_window.isVisible)
    kept = kept_widgets(window)
    assert any(name == "window.supervisor_window" for name, _ in kept)
    left_to_python = [name for name, widget in kept if shiboken6.ownedByPython(widget)]
    assert left_to_python == []
