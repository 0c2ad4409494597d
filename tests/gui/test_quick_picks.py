"""Quick picks: the services this desk links most are listed, numbered, while the search box
is empty, and Alt+1 … Alt+9 link them to the enquiry."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.search.delegate import ResultDelegate
from frontdesk.gui.search.model import IdRole, PickKeyRole
from frontdesk.gui.shortcuts import QUICK_PICK_KEYS, SHORTCUTS, markdown_table
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog
from tests.gui.test_main_window import search
from tests.gui.test_no_results import save_linking

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def rows(window: MainWindow, role: int) -> list[object]:
    proxy = window.search.proxy
    return [proxy.index(r, 0).data(role) for r in range(proxy.rowCount())]


def used_twice_and_once(qtbot: QtBot, window: MainWindow) -> tuple[str, str]:
    """Save enquiries linking service A twice and B once; the desk ranks them again."""
    search(qtbot, window, "council tax")
    a, b = (str(window.search.proxy.index(r, 0).data(IdRole)) for r in range(2))
    save_linking(window, (a,), (b, a))
    search(qtbot, window, "")
    qtbot.waitUntil(lambda: rows(window, IdRole) == [a, b])
    return a, b


def test_an_empty_search_box_lists_the_picks_with_their_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    used_twice_and_once(qtbot, window)
    assert window.search.count.text().startswith("Most used")
    keys = [
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in ("Alt+1", "Alt+2")
    ]
    assert rows(window, PickKeyRole) == keys
    accessible = rows(window, Qt.ItemDataRole.AccessibleTextRole)
    assert all(str(text).startswith(key) for text, key in zip(accessible, keys, strict=True))
    delegate = window.search.results.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    first_line = delegate._lines(window.search.proxy.index(0, 0))[0][0]
    assert first_line == f"{keys[0]}  {window.quick_picks.picks[0].name}"
    search(qtbot, window, "council tax")  # a search's results carry no keys
    assert not any(rows(window, PickKeyRole))


def test_alt_1_links_the_first_pick_to_a_new_enquiry(qtbot: QtBot, window: MainWindow) -> None:
    a, _ = used_twice_and_once(qtbot, window)
    qtbot.waitUntil(window.isActiveWindow)
    search(qtbot, window, "housing")  # the keys work whatever the box shows
    assert not window.form.in_progress
    qtbot.keyClick(focused(), Qt.Key.Key_1, ALT)
    assert window.form.in_progress
    assert window.form.linked_model.ids() == (a,)
    assert window.info_line.text().startswith("Linked “")
    assert window.quick_picks.picks[0].name in window.info_line.text()


def test_alt_3_with_two_picks_says_so_and_links_nothing(qtbot: QtBot, window: MainWindow) -> None:
    used_twice_and_once(qtbot, window)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(focused(), Qt.Key.Key_3, ALT)
    assert window.form.linked_model.ids() == ()
    assert window.info_line.text() == "There is no quick pick 3: this desk has 2 so far."


def test_with_no_picks_yet_a_quick_pick_key_says_so(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    assert window.quick_picks.picks == ()
    qtbot.keyClick(focused(), Qt.Key.Key_1, ALT)
    assert window.form.linked_model.ids() == ()
    assert window.info_line.text().startswith("No quick picks yet")


def test_the_shortcut_table_lists_the_quick_pick_keys_the_window_binds(
    qtbot: QtBot, window: MainWindow
) -> None:
    row = next(b for b in SHORTCUTS if b.keys == QUICK_PICK_KEYS)
    assert row.keys == tuple(f"Alt+{n}" for n in range(1, 10))
    bound = [a.shortcut() for a in window.quick_picks.actions]
    assert bound == [QKeySequence(k) for k in QUICK_PICK_KEYS]
    assert "| `Alt+1` … `Alt+9` | Link quick pick 1 to 9" in markdown_table()
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    first, last = (
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in ("Alt+1", "Alt+9")
    )
    assert f"{first} … {last}" in shown
