"""The hand-out's words in the language the caller wants, whatever the window speaks.

The strings are marked with QT_TRANSLATE_NOOP (context "Handout") so Qt's tools collect
them into the Welsh .ts like every other; they are looked up in a translator loaded for
the hand-out's own language rather than in the application's.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, QTranslator

LANGUAGES = ("en", "cy")
CONTEXT = "Handout"

TITLE = QT_TRANSLATE_NOOP("Handout", "Details of the service we talked about")
AGENCY = QT_TRANSLATE_NOOP("Handout", "Provided by")
PHONE = QT_TRANSLATE_NOOP("Handout", "Phone")
EMAIL = QT_TRANSLATE_NOOP("Handout", "E-mail")
HOURS = QT_TRANSLATE_NOOP("Handout", "Opening hours")
ADDRESS = QT_TRANSLATE_NOOP("Handout", "Address")
WEB = QT_TRANSLATE_NOOP("Handout", "Website")
QR = QT_TRANSLATE_NOOP("Handout", "Scan the code with a phone camera to open the website.")
BRING = QT_TRANSLATE_NOOP("Handout", "What to bring")
GIVEN = QT_TRANSLATE_NOOP("Handout", "Given to you on {0}.")
QR_NAME = QT_TRANSLATE_NOOP("Handout", "QR code of the website address")
DAYS = (
    QT_TRANSLATE_NOOP("Handout", "Monday"),
    QT_TRANSLATE_NOOP("Handout", "Tuesday"),
    QT_TRANSLATE_NOOP("Handout", "Wednesday"),
    QT_TRANSLATE_NOOP("Handout", "Thursday"),
    QT_TRANSLATE_NOOP("Handout", "Friday"),
    QT_TRANSLATE_NOOP("Handout", "Saturday"),
    QT_TRANSLATE_NOOP("Handout", "Sunday"),
)


class Words:
    """Translates the hand-out's strings into `language` ("en" or "cy")."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"a hand-out is in English (en) or Welsh (cy), not {language!r}")
        self.language = language
        self._translator: QTranslator | None = None
        if language == "cy":
            translator = QTranslator()
            resource = files("frontdesk.resources") / "i18n" / "frontdesk_cy.qm"
            with as_file(resource) as path:
                if translator.load(str(path)):
                    self._translator = translator

    def __call__(self, marked: object) -> str:
        """`marked`: one of this module's strings (QT_TRANSLATE_NOOP types it as object)."""
        text = str(marked)
        if self._translator is None:
            return text
        return self._translator.translate(CONTEXT, text) or text

    def date(self, day: QDate) -> str:
        locale = QLocale(
            QLocale.Language.Welsh if self.language == "cy" else QLocale.Language.English,
            QLocale.Country.UnitedKingdom,
        )
        return locale.toString(day, "d MMMM yyyy")
