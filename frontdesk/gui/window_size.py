"""Opening the main window at a size that suits the screen it is on.

The first time frontdesk opens it is maximised: a contact-centre PC runs it all day, and
the layout is made to fit a 1366×768 laptop only when it has the whole screen. Later runs
bring back the size and place the adviser left it at (Qt's own geometry blob, which also
remembers maximised); Qt moves a place no longer on any screen (a laptop undocked from
its second monitor) back onto one.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from frontdesk.gui.settings import Settings


def show(window: QWidget, settings: Settings) -> None:
    """Show `window` as it was left, or maximised the first time."""
    saved = settings.window_geometry
    if saved and window.restoreGeometry(QByteArray(saved)):
        window.show()
        return
    # The whole screen as the un-maximised size too: where no window manager maximises
    # (a kiosk session, Xvfb) the window still fills the screen, and "restore" elsewhere
    # gives a window that fits it rather than Qt's small default.
    window.setGeometry(window.screen().availableGeometry())
    window.showMaximized()


def remember(window: QWidget, settings: Settings) -> None:
    """Keep the window's size, place and maximised state for the next start."""
    settings.window_geometry = bytes(window.saveGeometry().data())
    settings.sync()


def size_in_characters(dialog: QWidget, columns: int, lines: int) -> None:
    """Size `dialog` in characters of its font (so it grows with the text size), but
    never past the screen it opens on, where a column would be cut off. With no `lines`
    it is as tall as its rows need at that width."""
    metrics = dialog.fontMetrics()
    parent = dialog.parentWidget()
    screen = (parent.screen() if parent is not None else None) or dialog.screen()
    room = screen.availableGeometry()
    # Leave the window frame its own room (a title bar, borders) inside the screen.
    width = max(
        min(metrics.averageCharWidth() * columns, room.width() - 40),
        dialog.minimumSizeHint().width(),
    )
    layout = dialog.layout()
    if lines:
        height = metrics.height() * lines
    elif layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)  # wrapped lines at this width
    else:
        height = dialog.sizeHint().height()
    dialog.resize(width, min(height, room.height() - 80))
