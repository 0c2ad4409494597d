"""Logging for the desk: named loggers under `frontdesk` writing a rotating file in the
data folder's logs/. Callers log ids, counts and error types, never what a caller said."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "frontdesk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure(logs: Path, level: int = logging.INFO) -> Path | None:
    """Send `frontdesk.*` to logs/frontdesk.log (1 MB × 5). Returns the file, or None when
    the folder cannot be written (the app still runs; the status bar says nothing)."""
    root = logging.getLogger("frontdesk")
    root.setLevel(level)
    target = logs / LOG_FILE
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == target:
            return target
    try:
        logs.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    return target


def close() -> None:
    """Detach and close the file handlers (tests open many data folders)."""
    root = logging.getLogger("frontdesk")
    for handler in list(root.handlers):
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
