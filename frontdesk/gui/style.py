"""How frontdesk draws on top of the platform's style: a focus ring anyone can see, check
boxes, icons and arrows that grow with the text size, and text colours that keep WCAG's
4.5:1 contrast in whatever palette (light or dark) the system hands over.

`install(app)` sets this up once; `set_text_scale` follows the text-size setting.
"""

from __future__ import annotations

from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFocusFrame,
    QMenu,
    QMenuBar,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from frontdesk.gui.contrast import ensure_contrast, focus_colour

# Metrics of the controls drawn beside text: they grow with the text size.
SCALED = frozenset(
    {
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        QStyle.PixelMetric.PM_SmallIconSize,
        QStyle.PixelMetric.PM_ButtonIconSize,
        QStyle.PixelMetric.PM_ListViewIconSize,
        QStyle.PixelMetric.PM_TabBarIconSize,
        QStyle.PixelMetric.PM_ScrollBarExtent,
        QStyle.PixelMetric.PM_MenuButtonIndicator,
        QStyle.PixelMetric.PM_HeaderMarkSize,
        QStyle.PixelMetric.PM_SliderThickness,
        QStyle.PixelMetric.PM_SliderLength,
    }
)
# Controls whose arrows most styles draw at a fixed size: drawn scaled as a whole.
SCALED_CONTROLS = frozenset(
    {
        QStyle.ComplexControl.CC_ComboBox,
        QStyle.ComplexControl.CC_SpinBox,
        QStyle.ComplexControl.CC_ScrollBar,
    }
)
# The focus ring's width in pixels at 100 % text (WCAG 2.4.13 asks for at least 2 px).
RING = 2


class FrontdeskStyle(QProxyStyle):
    """The platform's style, with scaled indicators and a solid focus ring.

    Signals: none (a QStyle).
    """

    def __init__(self, base: str | QStyle | None = None) -> None:
        super().__init__(base)
        self.scale = 1.0
        self._inside = False  # drawing a scaled control: its own calls pass through

    def ring_width(self) -> int:
        return max(RING, round(RING * self.scale))

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return self.ring_width()
        value = super().pixelMetric(metric, option, widget)
        if metric in SCALED and self.scale != 1.0:
            return round(value * self.scale)
        return value

    def _shrunk(self, option: QStyleOptionComplex) -> QStyleOptionComplex:
        """A copy of `option` at 1/scale of its size, placed at the origin."""
        small = type(option)(option)
        small.rect = QRect(
            0,
            0,
            max(1, round(option.rect.width() / self.scale)),
            max(1, round(option.rect.height() / self.scale)),
        )
        return small

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        # Drop-down, spin box and scroll bar arrows are drawn at a fixed size by most
        # styles: draw the whole control small and scale the painter, as a high-DPI
        # screen would, so their arrows and frames grow with the text.
        if control not in SCALED_CONTROLS or self.scale <= 1.0 or self._inside:
            super().drawComplexControl(control, option, painter, widget)
            return
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.scale(self.scale, self.scale)
        self._inside = True
        try:
            super().drawComplexControl(control, self._shrunk(option), painter, widget)
        finally:
            self._inside = False
            painter.restore()

    def subControlRect(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        sub: QStyle.SubControl,
        widget: QWidget | None = None,
    ) -> QRect:
        if control not in SCALED_CONTROLS or self.scale <= 1.0 or self._inside:
            return super().subControlRect(control, option, sub, cast(QWidget, widget))
        self._inside = True
        try:
            small = super().subControlRect(
                control, self._shrunk(option), sub, cast(QWidget, widget)
            )
        finally:
            self._inside = False
        s = self.scale
        return QRect(
            option.rect.x() + round(small.x() * s),
            option.rect.y() + round(small.y() * s),
            round(small.width() * s),
            round(small.height() * s),
        )

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is QStyle.ControlElement.CE_FocusFrame:
            width = self.ring_width()
            pen = QPen(focus_colour(option.palette), width)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.save()
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(
                QRectF(option.rect).adjusted(width / 2, width / 2, -width / 2, -width / 2)
            )
            painter.restore()
            return
        super().drawControl(element, option, painter, widget)


def wants_ring(widget: QWidget | None) -> bool:
    """Every widget that takes keyboard focus, except menus (they highlight their item)."""
    return (
        widget is not None
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not isinstance(widget, QMenu | QMenuBar)
        and not widget.isWindow()
    )


class FocusRing(QObject):
    """Puts one focus frame around whichever widget has the keyboard focus.

    Signals: none of its own.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frame: QFocusFrame | None = None
        self.style: QStyle | None = None
        app.focusChanged.connect(self._follow)

    def _follow(self, _old: QWidget | None, now: QWidget | None) -> None:
        target = now
        # A scroll area's viewport takes focus for its view: ring the view, not its inside.
        area = target.parentWidget() if target is not None else None
        if isinstance(area, QAbstractScrollArea) and target is area.viewport():
            target = area
        frame = self.frame
        if frame is not None and not _alive(frame):
            frame = None
        if not wants_ring(target):
            if frame is not None:
                frame.setWidget(cast(QWidget, None))  # (None takes the ring away)
            return
        if frame is None:
            frame = self.frame = QFocusFrame()
        frame.setWidget(cast(QWidget, target))
        frame.show()

    def widget(self) -> QWidget | None:
        """The widget the ring is around now (None when none)."""
        frame = self.frame
        if frame is None or not _alive(frame):
            return None
        return frame.widget()


def _alive(obj: QObject) -> bool:
    """Whether Qt still has the C++ object (a frame goes with the window it was in)."""
    return bool(shiboken6.isValid(obj))


class _PaletteGuard(QObject):
    """Re-checks text contrast whenever the application palette changes (the system
    switched between light and dark, or a test set one). Signals: none of its own."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ApplicationPaletteChange
            and watched is QApplication.instance()
        ):
            fix_palette()
        return False


def fix_palette() -> None:
    """Give the application a palette whose text meets 4.5:1 (unchanged if it does)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    palette = app.palette()
    fixed = ensure_contrast(palette)
    if fixed is not None:
        app.setPalette(fixed)


def install(app: QApplication) -> FrontdeskStyle:
    """Put frontdesk's style over the platform's, once; later calls return it."""
    current = app.style()
    if isinstance(current, FrontdeskStyle):
        return current
    style = FrontdeskStyle(current.name())
    app.setStyle(style)
    fix_palette()
    app.installEventFilter(_PaletteGuard(app))
    app.styleHints().colorSchemeChanged.connect(_follow_system_scheme)
    ring = FocusRing(app)
    ring.setObjectName("frontdesk-focus-ring")
    ring.style = style  # (Python keeps the style object as long as the app)
    return style


def _follow_system_scheme() -> None:
    """The system went light or dark: take its new palette (a palette set by the app
    would otherwise hide the change), then fix that one's contrast."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setPalette(QPalette())
        fix_palette()


def focus_ring(app: QApplication) -> FocusRing | None:
    found = app.findChild(FocusRing, "frontdesk-focus-ring")
    return found if isinstance(found, FocusRing) else None


def ring_room() -> int:
    """The margin a panel keeps round its fields so the focus ring is never clipped."""
    app = QApplication.instance()
    current = app.style() if isinstance(app, QApplication) else None
    return current.ring_width() + 1 if isinstance(current, FrontdeskStyle) else RING + 1


def set_text_scale(scale: float) -> None:
    """Scale check boxes, icons and arrows with the text (1.0 = the system's size)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    style = app.style()
    if isinstance(style, FrontdeskStyle):
        # Read on every metric call; the font change that follows makes widgets ask again.
        style.scale = scale
