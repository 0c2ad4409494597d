"""One way to tell the adviser something: `info`, `warning` and `error` log the message and
emit it on the bridge, which the main window shows in its status bar (info) or message bar
(warning, error). Callers pass text already translated; nothing personal goes in."""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("frontdesk.gui.message")


class Level(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class MessageBridge(QObject):
    """Carries messages from anywhere in the GUI to whichever widget shows them.

    Signals:
        shown(Level, str): a message to show, with its level.
    """

    shown = Signal(object, str)


_bridge: MessageBridge | None = None


def bridge() -> MessageBridge:
    """The application's bridge, made on first use (after QApplication exists)."""
    global _bridge
    if _bridge is None:
        _bridge = MessageBridge()
    return _bridge


def _send(level: Level, text: str, log_level: int) -> None:
    log.log(log_level, "%s shown to adviser: %s", level.value, text)
    bridge().shown.emit(level, text)


def info(text: str) -> None:
    _send(Level.INFO, text, logging.INFO)


def warning(text: str) -> None:
    _send(Level.WARNING, text, logging.WARNING)


def error(text: str) -> None:
    _send(Level.ERROR, text, logging.ERROR)
