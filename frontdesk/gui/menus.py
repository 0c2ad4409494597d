"""The main window's actions and menus, built from the shortcut table (gui.shortcuts) so a
key, its menu entry and Help → Keyboard shortcuts never disagree. Menu titles keep the
main window's translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from frontdesk.gui.shortcuts import SHORTCUTS

Handlers = dict[str, Callable[[], object]]

# Which actions each menu lists, in order (names as in gui.shortcuts, and "about").
MENUS = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        (
            "new_enquiry",
            "save",
            "send_details",
            "print_handout",
            "sync_now",
            "sign_in",
            "settings",
            "quit",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "&Go"),
        (
            "focus_search",
            "focus_detail",
            "focus_enquiry",
            "focus_today",
            "add_service",
            "report_record",
            "supervisor_view",
        ),
    ),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("shortcuts", "about")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def build_menus(window: QMainWindow, handlers: Handlers) -> dict[str, QAction]:
    """One window-wide action per bound shortcut, and the menu bar; returns them by name."""
    actions: dict[str, QAction] = {}
    for binding in SHORTCUTS:
        if binding.action is None:
            continue
        action = QAction(binding.translated_text(), window)
        action.setShortcuts([QKeySequence(k) for k in binding.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(handlers[binding.action])
        window.addAction(action)
        actions[binding.action] = action
    # No key of its own: the one menu entry not built from the shortcut table.
    about = QAction(QCoreApplication.translate("MainWindow", "&About frontdesk"), window)
    about.triggered.connect(handlers["about"])
    actions["about"] = about
    for title, names in MENUS:
        menu = window.menuBar().addMenu(_tr(str(title)))
        for name in names:
            menu.addAction(actions[name])
    return actions
