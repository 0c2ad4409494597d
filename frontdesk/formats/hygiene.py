"""Cleaning that real feeds need before their text is fit to show or search.

Publishers send HTML in descriptions, empty strings for "unknown", text that went through
a Latin-1 round trip once or twice (mojibake), tags that differ only by a trailing space,
and web addresses without a scheme. Every reader passes its text through here so the
catalogue holds one clean form.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from typing import Any

# Block-level tags end a paragraph; <br> ends a line. Everything else is inline.
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
    ]
)
_SKIP_TAGS = frozenset(("script", "style"))
_TAG_HINT = re.compile(r"<[a-zA-Z/!][^>]*>")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that appear when UTF-8 bytes were decoded as Latin-1/cp1252.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00e2\u00c5][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u02c6-\u02dc\u20ac\u2122]"
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_RDF_LITERAL = re.compile(r'^"(?P<text>.*)"@[a-z]{2}(?:-[A-Za-z]+)?$', re.DOTALL)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_QUOTES = "\"'“”‘’"


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n\n• ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252/Latin-1, as many times as it was done.

    Mis-decoded bytes are always non-ASCII, so each run of non-ASCII characters is repaired
    on its own: one cell can mix text encoded twice with text encoded three times. A round
    is kept only if it decodes cleanly and leaves fewer mojibake marks, so text that merely
    contains an "Ã" legitimately is left alone.
    """
    if not _MOJIBAKE_HINT.search(text):
        return text
    return _NON_ASCII_RUN.sub(lambda run: _repair_run(run.group()), text)


def _repair_run(text: str) -> str:
    for _ in range(3):
        if not _MOJIBAKE_HINT.search(text):
            break
        repaired = _reencode(text)
        if repaired is None or len(_MOJIBAKE_HINT.findall(repaired)) >= len(
            _MOJIBAKE_HINT.findall(text)
        ):
            break
        text = repaired
    return text


def _reencode(text: str) -> str | None:
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            code = ord(char)
            if code > 0xFF:
                return None
            raw.append(code)  # cp1252 leaves 0x81, 0x8d, 0x8f, 0x90, 0x9d undefined
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def clean_text(value: Any) -> str | None:
    """Plain, readable text from a feed value, or None when there is nothing in it.

    HTML becomes paragraphs, entities are decoded, mojibake is repaired, runs of spaces
    (including non-breaking ones) collapse, and RDF literal wrappers ("..."@en) are removed.
    """
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    text = repair_mojibake(text)
    literal = _RDF_LITERAL.match(text.strip())
    if literal:
        text = literal.group("text")
    if _TAG_HINT.search(text):
        extractor = _TextExtractor()
        extractor.feed(text)
        extractor.close()
        text = "".join(extractor.parts)
    else:
        text = html.unescape(text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return text or None


def clean_line(value: Any) -> str | None:
    """Like `clean_text`, for one-line values (names, labels): newlines become spaces."""
    text = clean_text(value)
    return None if text is None else " ".join(text.split())


def clean_url(value: Any) -> str | None:
    """A web address with a scheme; `www.example.org` becomes `https://www.example.org`."""
    text = clean_line(value)
    if text is None or " " in text:
        return None
    if _SCHEME.match(text):
        return text
    if text.startswith("//"):
        return "https:" + text
    if "." in text and not _EMAIL.match(text):
        return "https://" + text
    return None


def clean_email(value: Any) -> str | None:
    text = clean_line(value)
    if text is None:
        return None
    text = text.removeprefix("mailto:")
    return text if _EMAIL.match(text) else None


def tag_path(value: Any) -> tuple[str, ...]:
    """A hierarchical tag (`Parents>Grandparents`) as its parts, outermost first, cleaned."""
    text = clean_line(value)
    if text is None:
        return ()
    return tuple(part.strip() for part in text.split(">") if part.strip())


def merge_tags(values: list[Any]) -> tuple[str, ...]:
    """Tags in first-seen order with duplicates that differ by case or spacing merged.

    Hierarchical tags contribute each level, so `Parents>Grandparents` is found by either word.
    """
    seen: dict[str, str] = {}
    for value in values:
        for part in tag_path(value):
            key = " ".join(part.casefold().split())
            seen.setdefault(key, part)
    return tuple(seen.values())


def optional_int(value: Any) -> int | None:
    """An integer, or None for blanks and the -1 that some feeds use for 'not set'."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    try:
        number = int(float(value))
    except (TypeError, ValueError):
        return None
    return None if number < 0 else number


def clean_phone(value: Any) -> str | None:
    """A phone number as published, minus the quotes some exporters wrap around it."""
    text = clean_line(value)
    if text is None:
        return None
    return text.strip(_QUOTES).strip() or None


def _moment(value: Any) -> dt.datetime | None:
    """An ISO 8601 date or date-time (or a UK dd/mm/yyyy date) as written, offset kept."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    uk = _UK_DATE.match(text)
    try:
        if uk:
            day, month, year = (int(part) for part in uk.groups())
            return dt.datetime(year, month, day)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def parse_date(value: Any) -> dt.date | None:
    """The calendar date a feed wrote, or None; a date-time keeps the date as written."""
    moment = _moment(value)
    return None if moment is None else moment.date()


def parse_datetime(value: Any) -> dt.datetime | None:
    """A timezone-aware UTC moment, or None.

    Feeds mix bare dates, naive times and times with offsets; one aware form lets records
    from different feeds be compared. A value without an offset is taken to be UTC.
    """
    moment = _moment(value)
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
