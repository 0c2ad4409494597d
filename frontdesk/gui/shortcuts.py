"""The keyboard map: one table that builds the window's actions and the shortcuts dialog.

Rows with an `action` name become QActions on the main window; rows without one describe
keys handled by a widget (arrows in the results, Enter on a result, Alt+letter labels) so
the dialog and the README list every key an adviser needs for a call without a mouse.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True, slots=True)
class KeyBinding:
    """Keys, in Qt's portable text form, and what they do (English source text)."""

    keys: tuple[str, ...]
    text: str
    action: str | None = None
    span: bool = False  # the keys are a run, shown as "first … last"

    def translated_text(self) -> str:
        return QCoreApplication.translate("Shortcuts", self.text)


# Alt+1 … Alt+9 link the desk's quick picks (gui.quick_picks binds them, one action each).
QUICK_PICK_KEYS = tuple(f"Alt+{n}" for n in range(1, 10))

SHORTCUTS: tuple[KeyBinding, ...] = (
    KeyBinding(
        ("Ctrl+N",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Start a new enquiry (starts the call timer)")),
        "new_enquiry",
    ),
    KeyBinding(
        ("Ctrl+F", "F6"),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Go to the search box")),
        "focus_search",
    ),
    KeyBinding(
        ("Down", "Up"),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Move through the results (from the search box too)")),
    ),
    KeyBinding(
        ("Return",),
        str(
            QT_TRANSLATE_NOOP(
                "Shortcuts", "Link the selected result to the enquiry (in the results)"
            )
        ),
    ),
    KeyBinding(
        ("Ctrl+Return",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Link the selected result to the enquiry (anywhere)")),
        "add_service",
    ),
    KeyBinding(
        QUICK_PICK_KEYS,
        str(
            QT_TRANSLATE_NOOP(
                "Shortcuts",
                "Link quick pick 1 to 9, the services this desk links most (numbered in the "
                "list while the search box is empty)",
            )
        ),
        span=True,
    ),
    KeyBinding(
        ("Ctrl+D", "F7"),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Read the selected service's details")),
        "focus_detail",
    ),
    KeyBinding(
        ("Ctrl+Shift+C",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Copy the service's first phone number")),
        "copy_phone",
    ),
    KeyBinding(
        ("Ctrl+Shift+R",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Report a problem with the shown service's record")),
        "report_record",
    ),
    KeyBinding(
        ("Ctrl+Shift+T",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Text or e-mail the service's details to the caller")),
        "send_details",
    ),
    KeyBinding(
        ("Ctrl+P",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Print a hand-out of the service for the caller")),
        "print_handout",
    ),
    KeyBinding(
        ("F8",), str(QT_TRANSLATE_NOOP("Shortcuts", "Go to the enquiry form")), "focus_enquiry"
    ),
    KeyBinding(
        ("F9",),
        str(
            QT_TRANSLATE_NOOP("Shortcuts", "Go to today's enquiries (Return on one opens it again)")
        ),
        "focus_today",
    ),
    KeyBinding(("Alt+L",), str(QT_TRANSLATE_NOOP("Shortcuts", "Channel"))),
    KeyBinding(
        ("Alt+K",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Keep the caller's details (the caller agrees)")),
    ),
    KeyBinding(
        ("Alt+M", "Alt+T", "Alt+E", "Alt+C"),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Caller's name, telephone, e-mail, postcode")),
    ),
    KeyBinding(("Alt+I",), str(QT_TRANSLATE_NOOP("Shortcuts", "Linked services"))),
    KeyBinding(("Alt+N",), str(QT_TRANSLATE_NOOP("Shortcuts", "Notes"))),
    KeyBinding(("Alt+B",), str(QT_TRANSLATE_NOOP("Shortcuts", "What the call was about"))),
    KeyBinding(("Alt+O",), str(QT_TRANSLATE_NOOP("Shortcuts", "Outcome"))),
    KeyBinding(
        ("Alt+R",), str(QT_TRANSLATE_NOOP("Shortcuts", "Service the caller is referred to"))
    ),
    KeyBinding(
        ("Alt+P", "Alt+A", "Alt+Y", "Alt+W"),
        str(
            QT_TRANSLATE_NOOP(
                "Shortcuts", "Search filters: caller's postcode, agency, category, open now"
            )
        ),
    ),
    KeyBinding(("Ctrl+S",), str(QT_TRANSLATE_NOOP("Shortcuts", "Save the enquiry")), "save"),
    KeyBinding(
        ("Escape",), str(QT_TRANSLATE_NOOP("Shortcuts", "Close the message bar")), "dismiss_message"
    ),
    KeyBinding(
        ("F5",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Sync now: send waiting enquiries, fetch updates")),
        "sync_now",
    ),
    KeyBinding(
        ("Ctrl+Shift+L",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Sign in to the hub")),
        "sign_in",
    ),
    KeyBinding(
        ("Ctrl+Shift+D",),
        str(QT_TRANSLATE_NOOP("Shortcuts", "Supervisor's view: the period's figures and charts")),
        "supervisor_view",
    ),
    KeyBinding(("Ctrl+,",), str(QT_TRANSLATE_NOOP("Shortcuts", "Settings")), "settings"),
    KeyBinding(
        ("F1",), str(QT_TRANSLATE_NOOP("Shortcuts", "This list of keyboard shortcuts")), "shortcuts"
    ),
    KeyBinding(("Ctrl+Q",), str(QT_TRANSLATE_NOOP("Shortcuts", "Quit frontdesk")), "quit"),
)


def binding(action: str) -> KeyBinding:
    return next(b for b in SHORTCUTS if b.action == action)


def markdown_table() -> str:
    """The table for the README, in English."""
    lines = ["| Keys | What it does |", "|---|---|"]
    for row in SHORTCUTS:
        if row.span:
            keys = f"`{row.keys[0]}` … `{row.keys[-1]}`"
        else:
            keys = " or ".join(f"`{k}`" for k in row.keys)
        lines.append(f"| {keys} | {row.text} |")
    return "\n".join(lines)
