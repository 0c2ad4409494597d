"""The window opens sized to the screen, and a whole call fits a 1366×768 laptop."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from frontdesk.gui import window_size
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings

# A 1366×768 screen less a taskbar (40 px) and the window's title bar (30 px): what a
# maximised window's frame holds on the smallest council laptop.
LAPTOP = (1366, 768 - 40 - 30)


def visible_in(widget: QWidget, window: QWidget) -> bool:
    """Whether all of `widget` is on screen: inside every ancestor's rectangle (a scroll
    area's viewport included) up to the window, so no scrolling is needed to reach it."""
    if not widget.isVisible():
        return False
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        shown = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        if not shown.contains(rect):
            return False
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def lay_out(window: MainWindow) -> None:
    """Let the window lay itself out at its new size (layout requests are posted events)."""
    for _ in range(3):
        QApplication.processEvents()


def at_laptop_size(window: MainWindow) -> None:
    """The window at 1366×768, saying what it says after a service is linked."""
    window.info_line.show_message(
        "Linked “Emergency food parcels: how to get a referral” to the enquiry."
    )
    window.resize(*LAPTOP)
    lay_out(window)


def call_widgets(window: MainWindow) -> list[QWidget]:
    f = window.form
    return [f.channel, f.consent, f.phone, f.linked, f.notes, f.outcome, f.referral, f.save_button]


def test_a_whole_call_fits_1366_by_768_without_scrolling(qtbot: QtBot, window: MainWindow) -> None:
    at_laptop_size(window)
    for widget in call_widgets(window):
        assert visible_in(widget, window), widget
    assert window.form.fields_scroll.verticalScrollBar().maximum() == 0


def test_the_enquiry_keeps_room_for_two_more_rows_at_1366_by_768(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The budget for what is still to come (an enquiry reason and a line of the caller's
    history): two more rows, a drop-down and a wrapped line, and still no scrolling."""
    form = window.form.fields_layout
    form.insertRow(1, QLabel("Reason"), QComboBox())
    form.insertRow(2, "", QLabel("Rang 2 times in the last 30 days: 3 Dec, 5 Dec"))
    at_laptop_size(window)
    for widget in call_widgets(window):
        assert visible_in(widget, window), widget
    assert window.form.fields_scroll.verticalScrollBar().maximum() == 0


def test_the_first_start_opens_maximised(
    qtbot: QtBot, runner: OperationRunner, settings: Settings
) -> None:
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    window_size.show(window, settings)
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_later_start_brings_back_the_size_it_was_left_at(
    qtbot: QtBot, runner: OperationRunner, settings: Settings, tmp_path: object
) -> None:
    first = MainWindow(runner, settings)
    qtbot.addWidget(first)
    # A size of the adviser's own, within the offscreen platform's 800×600 screen.
    width = first.minimumSizeHint().width() + 10
    first.setGeometry(10, 30, width, 540)
    first.show()
    qtbot.waitExposed(first)
    first.close()  # as the adviser quits
    again = Settings(QSettings(settings._store.fileName(), QSettings.Format.IniFormat))
    second = MainWindow(runner, again)
    qtbot.addWidget(second)
    window_size.show(second, again)
    assert not second.windowState() & Qt.WindowState.WindowMaximized
    assert second.size().width() == width and second.size().height() == 540


def test_a_place_no_longer_on_any_screen_comes_back_onto_the_screen(
    qtbot: QtBot, runner: OperationRunner, settings: Settings
) -> None:
    first = MainWindow(runner, settings)
    qtbot.addWidget(first)
    first.setGeometry(40000, 30000, 800, 600)  # on a monitor since unplugged
    window_size.remember(first, settings)
    second = MainWindow(runner, settings)
    qtbot.addWidget(second)
    window_size.show(second, settings)
    assert second.screen().availableGeometry().intersects(second.geometry())


def test_the_first_start_fills_the_screen_even_where_nothing_maximises_it(
    qtbot: QtBot, runner: OperationRunner, settings: Settings
) -> None:
    window = MainWindow(runner, settings)
    qtbot.addWidget(window)
    window_size.show(window, settings)
    assert window.normalGeometry() == window.screen().availableGeometry()
