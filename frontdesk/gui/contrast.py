"""WCAG 2.2 contrast of a palette's text against its backgrounds, and a palette nudged
just far enough to meet it.

Colours are compared as the eye sees them: a translucent foreground (Qt's placeholder
text is half-transparent) is first laid over its background.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# WCAG 1.4.3 (AA) for text, and 1.4.11 for what shows focus or state.
TEXT_CONTRAST = 4.5
FOCUS_CONTRAST = 3.0

Role = QPalette.ColorRole
# Each text role with the background it is drawn on.
TEXT_PAIRS: tuple[tuple[Role, Role], ...] = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
)
# Disabled controls are exempt (WCAG 1.4.3); the window in the background is not.
GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    return (
        0.2126 * _channel(colour.red())
        + 0.7152 * _channel(colour.green())
        + 0.0722 * _channel(colour.blue())
    )


def over(front: QColor, back: QColor) -> QColor:
    """`front` laid over the opaque `back` (what a translucent colour looks like)."""
    alpha = front.alphaF()
    mix = [
        round(f * alpha + b * (1 - alpha))
        for f, b in (
            (front.red(), back.red()),
            (front.green(), back.green()),
            (front.blue(), back.blue()),
        )
    ]
    return QColor(*mix)


def ratio(front: QColor, back: QColor) -> float:
    """WCAG contrast ratio (1 to 21) of `front` drawn on `back`."""
    lighter, darker = sorted((luminance(over(front, back)), luminance(back)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _towards(colour: QColor, target: QColor, step: float) -> QColor:
    return QColor(
        round(colour.red() + (target.red() - colour.red()) * step),
        round(colour.green() + (target.green() - colour.green()) * step),
        round(colour.blue() + (target.blue() - colour.blue()) * step),
    )


def _moved(colour: QColor, target: QColor, against: QColor, wanted: float) -> QColor | None:
    """`colour` moved towards `target` by the least tenth that reaches `wanted` against
    `against` (so the palette's hue survives); None when even `target` does not."""
    for tenth in range(11):
        candidate = _towards(colour, target, tenth / 10)
        if ratio(candidate, against) >= wanted:
            return candidate
    return None


def readable_pair(
    front: QColor, back: QColor, wanted: float = TEXT_CONTRAST
) -> tuple[QColor, QColor]:
    """Text and background that reach `wanted`: light text on a dark ground gets lighter,
    dark text darker; text already white or black that still falls short (Fusion's white
    on blue) keeps its colour and the background moves away from it instead."""
    text = over(front, back)
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    lighter = luminance(text) >= luminance(back)
    moved = _moved(text, white if lighter else black, back, wanted)
    if moved is not None:
        return moved, back
    ground = _moved(back, black if lighter else white, text, wanted)
    return text, ground if ground is not None else (black if lighter else white)


def ensure_contrast(palette: QPalette) -> QPalette | None:
    """A copy of `palette` whose text reaches 4.5:1 on its backgrounds, or None when it
    already does."""
    fixed = QPalette(palette)
    changed = False
    # A background moved for one pair is another pair's too: check again until none moves.
    for _ in range(3):
        moved = False
        for group in GROUPS:
            for text, back in TEXT_PAIRS:
                front, behind = fixed.color(group, text), fixed.color(group, back)
                if ratio(front, behind) >= TEXT_CONTRAST:
                    continue
                new_front, new_back = readable_pair(front, behind)
                fixed.setColor(group, text, new_front)
                fixed.setColor(group, back, new_back)
                moved = changed = True
        if not moved:
            break
    return fixed if changed else None


def focus_colour(palette: QPalette) -> QColor:
    """The focus ring's colour: the highlight where it stands out 3:1 from the window,
    else the window's text colour (which always does)."""
    window = palette.color(Role.Window)
    highlight = palette.color(Role.Highlight)
    if ratio(highlight, window) >= FOCUS_CONTRAST:
        return highlight
    return palette.color(Role.WindowText)
