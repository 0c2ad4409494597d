"""A service's guidance notes as HTML for the detail panel, from their Markdown.

Notes are written on the hub, so the desk treats them as untrusted text: Qt's own
Markdown reader with raw HTML switched off (a `<script>` or `<b>` shows as the characters
typed), every image replaced by its description (nothing is fetched or opened, remote
or local), and links kept only to web pages, e-mail and phone numbers.
"""

from __future__ import annotations

import re
from html import escape

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

from frontdesk.core.guidance import Guidance

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)
_HEADING_TAG = re.compile(r"<(/?)h[1-6]")
_FONT_SIZE = re.compile(r"font-size:[^;\"]*;?")


def safe_document(markdown: str) -> QTextDocument:
    """The note as a document with nothing in it that could load or run anything."""
    doc = QTextDocument()
    features = QTextDocument.MarkdownFeature
    doc.setMarkdown(markdown, features.MarkdownDialectGitHub | features.MarkdownNoHTML)
    _defuse(doc)
    return doc


def note_html(markdown: str) -> str:
    """The note's body as HTML to place inside the panel's page. Its headings are set
    below the panel's own ("Guidance for advisers"), whatever level the note used."""
    found = _BODY.search(safe_document(markdown).toHtml())
    body = found.group(1) if found else ""
    body = _FONT_SIZE.sub("", body)  # Qt writes heading sizes on the spans as well
    return _HEADING_TAG.sub(r"<\1h4", body)


def guidance_section(notes: tuple[Guidance, ...] | list[Guidance]) -> str:
    if not notes:
        return ""
    title = QCoreApplication.translate("ServiceDetail", "Guidance for advisers")
    parts = [f"<h3>{escape(title)}</h3>"]
    for note in notes:
        parts.append(f"<p><i>{escape(_byline(note))}</i></p>")
        parts.append(note_html(note.body))
    return "".join(parts)


def _byline(note: Guidance) -> str:
    whose = (
        QCoreApplication.translate("ServiceDetail", "Your organisation's note")
        if note.organization_id
        else QCoreApplication.translate("ServiceDetail", "Shared note")
    )
    return QCoreApplication.translate("ServiceDetail", "{0}, version {1}, {2} by {3}").format(
        whose, note.version, note.updated_at[:10], note.author
    )


def _defuse(doc: QTextDocument) -> None:
    """Images become their alt text; links to anything but safe schemes become plain text.
    Edited from the end backwards, so earlier positions stay valid."""
    edits: list[tuple[int, int, str | None]] = []  # (start, length, replacement or unlink)
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                alt = fmt.toImageFormat().property(QTextCharFormat.Property.ImageAltText)
                label = QCoreApplication.translate("ServiceDetail", "[image: {0}]").format(
                    alt or ""
                )
                edits.append((fragment.position(), fragment.length(), label))
            elif fmt.isAnchor() and QUrl(fmt.anchorHref()).scheme().lower() not in SAFE_SCHEMES:
                edits.append((fragment.position(), fragment.length(), None))
            it += 1
        block = block.next()
    cursor = QTextCursor(doc)
    for start, length, replacement in reversed(edits):
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        if replacement is not None:
            cursor.insertText(replacement, QTextCharFormat())
        else:
            cursor.setCharFormat(QTextCharFormat())  # plain text: not blue, not a link
