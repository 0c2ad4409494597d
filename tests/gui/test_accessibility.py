"""Every interactive widget of the main window and of each dialog, walked as a keyboard
and screen-reader user meets it: it has a name a screen reader reads, Tab reaches it, a
focus ring shows where it is, and its text stands out 4.5:1 from its background, in a
light and in a dark palette (the system's dark theme, simulated by setting a dark
QPalette). Real widgets on the offscreen platform."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QMenu,
    QMenuBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QWidget,
)

from frontdesk.gui import style
from frontdesk.gui.about_dialog import AboutDialog
from frontdesk.gui.contrast import FOCUS_CONTRAST, TEXT_CONTRAST, TEXT_PAIRS, ratio
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.settings import Settings, apply_text_size
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog
from frontdesk.gui.sign_in_dialog import SignInDialog


def dark_palette() -> QPalette:
    """A dark system theme as a desktop hands it over, with its usual weak spots
    (half-transparent placeholder text, white on a mid-blue highlight)."""
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2d2d2d",
        QPalette.ColorRole.WindowText: "#eeeeee",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#eeeeee",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#eeeeee",
        QPalette.ColorRole.Highlight: "#2a82da",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#2a82da",
        QPalette.ColorRole.LinkVisited: "#8a5fd0",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#eeeeee",
        QPalette.ColorRole.PlaceholderText: "#80eeeeee",
    }
    for role, name in colours.items():
        p.setColor(role, QColor.fromString(name))
    return p


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    light = QPalette(qapp.palette())
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield str(request.param)
    qapp.setPalette(light)


def interactive(root: QWidget) -> list[QWidget]:
    """What a keyboard user can reach in `root`: shown, enabled, taking Tab focus."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget, QMenu | QMenuBar):
            continue  # reached by Alt and the menus' own keys, not Tab
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            continue
        if widget.focusProxy() is not None:
            continue
        found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces (Qt takes it from a label buddy if not set)."""
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name).strip()


def tab_walk(root: QWidget, first: QWidget) -> list[QWidget]:
    """Press Tab from `first` until focus comes back round: what Tab reaches, in order."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(400):
        now = QApplication.focusWidget()
        assert now is not None, "focus left the window"
        if now in seen and now is first:
            break
        if now not in seen:
            seen.append(now)
        root.focusNextChild()
        QApplication.processEvents()
    return seen


def ring_sides(window: QWidget, widget: QWidget) -> int:
    """On how many sides of `widget` the focus ring shows (its colour just outside)."""
    QApplication.processEvents()
    image = window.grab().toImage()
    colour = style_focus_colour(widget)
    top_left = widget.mapTo(window, QPoint(0, 0))
    x, y, w, h = top_left.x(), top_left.y(), widget.width(), widget.height()
    outside = (
        QPoint(x - 1, y + h // 2),
        QPoint(x + w, y + h // 2),
        QPoint(x + w // 2, y - 1),
        QPoint(x + w // 2, y + h),
    )
    sides = 0
    for point in outside:
        if not image.rect().contains(point):
            continue
        seen = image.pixelColor(point)
        if ratio(seen, colour) < 1.2:  # the same colour, give or take anti-aliasing
            sides += 1
    return sides


def style_focus_colour(widget: QWidget) -> QColor:
    from frontdesk.gui.contrast import focus_colour

    return focus_colour(widget.palette())


ACTIVE = QPalette.ColorGroup.Active


def check_names(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in interactive(root)
        if not accessible_name(w)
    ]


def check_contrast(root: QWidget) -> list[str]:
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue  # (a closed drop-down's list takes the palette when it opens)
        if not widget.isEnabled():
            continue  # WCAG 1.4.3 exempts what cannot be used
        palette = widget.palette()
        for text, back in TEXT_PAIRS:
            measured = ratio(palette.color(ACTIVE, text), palette.color(ACTIVE, back))
            if measured < TEXT_CONTRAST:
                problems.append(
                    f"{type(widget).__name__}: {text.name} on {back.name} {measured:.2f}"
                )
    return problems


def check_focus(root: QWidget, first: QWidget) -> list[str]:
    reached = tab_walk(root, first)
    problems = [
        f"Tab never reaches {type(w).__name__} {accessible_name(w)!r}"
        for w in interactive(root)
        if w not in reached
    ]
    ring = style.focus_ring(QApplication.instance())  # type: ignore[arg-type]
    assert ring is not None
    for widget in reached:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        if ring.widget() is not widget:
            problems.append(f"no focus ring on {type(widget).__name__} {accessible_name(widget)!r}")
        elif ring_sides(root, widget) < 2:
            problems.append(
                f"focus ring not seen round {type(widget).__name__} {accessible_name(widget)!r}"
            )
    return problems


def test_the_focus_ring_stands_out_from_the_window(theme: str, qapp: QApplication) -> None:
    palette = qapp.palette()
    colour = style_focus_colour(QWidget())
    assert ratio(colour, palette.color(QPalette.ColorRole.Window)) >= FOCUS_CONTRAST


def test_the_main_window_is_named_reachable_focused_and_readable(
    qtbot: QtBot, window: MainWindow, theme: str
) -> None:
    window.resize(1366, 698)
    window.enquiries.new_enquiry()
    window.form.consent.setChecked(True)  # the caller's fields enabled, as in a real call
    window.add_selected()  # a linked service: Remove is enabled
    qtbot.waitUntil(lambda: window.detail.copy_button.isEnabled())  # the details are in
    assert check_names(window) == []
    problems = check_contrast(window)
    assert problems == [], "\n".join(sorted(set(problems)))
    problems = check_focus(window, window.search.box)
    assert problems == [], "\n".join(problems)


def dialog_to_check(which: int, settings: Settings, tmp_path: Path) -> QDialog:
    """Only the dialog asked for: one built and dropped would be left to the garbage
    collector, which may free it on another thread (docs/decisions.md)."""
    makers: list[Callable[[], QDialog]] = [
        lambda: SignInDialog("https://hub.example", "alice"),
        lambda: SettingsDialog(settings),
        ShortcutsDialog,
        lambda: AboutDialog(tmp_path),
    ]
    return makers[which]()


@pytest.mark.parametrize("which", range(4), ids=["sign-in", "settings", "shortcuts", "about"])
def test_each_dialog_is_named_reachable_focused_and_readable(
    qtbot: QtBot, settings: Settings, tmp_path: Path, theme: str, which: int
) -> None:
    dialog = dialog_to_check(which, settings, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first = interactive(dialog)[0]
    assert check_names(dialog) == []
    problems = check_contrast(dialog)
    assert problems == [], "\n".join(sorted(set(problems)))
    problems = check_focus(dialog, first)
    assert problems == [], "\n".join(problems)


@pytest.fixture
def double_text(qapp: QApplication) -> Iterator[None]:
    apply_text_size(200)
    yield
    apply_text_size(100)


def indicator_height(box: QCheckBox) -> int:
    option = QStyleOptionButton()
    box.initStyleOption(option)
    return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).height()


def arrow_width(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    return (
        combo.style()
        .subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, combo
        )
        .width()
    )


def test_check_boxes_and_arrows_grow_with_200_percent_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    box, combo = window.form.consent, window.form.outcome
    normal_box, normal_arrow = indicator_height(box), arrow_width(combo)
    apply_text_size(200)
    try:
        QApplication.processEvents()
        assert indicator_height(box) >= 1.8 * normal_box
        assert indicator_height(box) >= 0.8 * box.fontMetrics().height()
        assert arrow_width(combo) >= 1.8 * normal_arrow
    finally:
        apply_text_size(100)


def clipped(label: QLabel) -> bool:
    """Whether the label draws ink beyond its width: drawn again with room to spare, is
    anything past its right edge?"""
    width = label.width()
    label.resize(width + 40, label.height())
    image = label.grab().toImage()
    label.resize(width, label.height())
    background = image.pixelColor(image.width() - 1, 0)
    return any(
        image.pixelColor(x, y) != background
        for x in range(width, image.width())
        for y in range(image.height())
    )


def test_at_200_percent_text_labels_status_bar_and_columns_are_not_cut(
    qtbot: QtBot, window: MainWindow, double_text: None
) -> None:
    # 200 % text on a Full HD screen (maximised, less a taskbar and title bar): the room
    # of a 960×540 screen at 100 %.
    window.resize(1920, 1010)
    window.form.consent.setChecked(True)
    QApplication.processEvents()
    QApplication.processEvents()
    cut = [
        label.text()
        for label in window.form.findChildren(QLabel)
        if label.isVisibleTo(window) and label.text() and not label.wordWrap() and clipped(label)
    ]
    assert cut == []
    for label in window.status.findChildren(QLabel):
        if label.isVisibleTo(window) and label.text():
            needed = (
                label.heightForWidth(label.width())
                if label.wordWrap()
                else label.sizeHint().height()
            )
            assert label.height() >= needed, label.text()
    table = window.today.table
    header = table.horizontalHeader()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    assert header.length() <= table.viewport().width()  # no column off to the right


def test_the_shortcuts_dialog_fits_the_screen_at_200_percent_text(
    qtbot: QtBot, double_text: None
) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())
    table = dialog.table
    assert table.horizontalHeader().length() <= table.viewport().width()  # no column cut
    keys = table.horizontalHeader().sectionSize(0)
    for row in range(table.rowCount()):
        needed = table.fontMetrics().horizontalAdvance(table.item(row, 0).text())
        assert keys >= needed, table.item(row, 0).text()
