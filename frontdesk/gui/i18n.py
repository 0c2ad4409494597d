"""Translations: frontdesk's own .qm (resources/i18n) plus Qt's for its standard buttons.

English needs a .qm too, though only for plurals: Qt chooses "%n service(s)" forms from a
translation's numerus forms, and without one it shows the source text as written."""

from __future__ import annotations

import logging
from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("frontdesk.gui.i18n")

SUPPORTED = ("en_GB", "cy")


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load `language` (en_GB's file holds only the plural forms of the British English
    source text). An unsupported language gets English.

    Returns the translators installed; keep them alive as long as the application.
    """
    QLocale.setDefault(QLocale(language))
    if language not in SUPPORTED:
        language = "en_GB"
    installed: list[QTranslator] = []
    own = QTranslator(app)
    resource = files("frontdesk.resources") / "i18n" / f"frontdesk_{language}.qm"
    with as_file(resource) as path:
        if own.load(str(path)):
            app.installTranslator(own)
            installed.append(own)
        else:
            log.warning("no translation file for %s", language)
    if language == "en_GB":
        return installed  # Qt's own buttons are in English already
    qt = QTranslator(app)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
