"""Guidance notes in the detail panel: shown above the contact details, and rendered from
Markdown with no raw HTML, no images (remote or local) and no links but web, e-mail and
phone."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QTextBrowser

from frontdesk.core.guidance import Guidance
from frontdesk.gui.detail.guidance import guidance_section, note_html
from frontdesk.gui.main_window import MainWindow
from frontdesk.store.catalogue_changes import CatalogueChange
from frontdesk.store.guidance import GUIDANCE, change_id
from tests.gui.test_main_window import detail_matches, search

HOSTILE = (
    "## Ask first\n\n"
    "Is the caller **safe**? <b>raw</b> <script>alert(1)</script>\n\n"
    "![tracker](https://example.org/pixel.png) ![local](file:///etc/passwd)\n\n"
    "[apply online](https://www.gov.uk/apply) [run](javascript:alert(1)) [open](file:///tmp)\n"
)


def test_markdown_is_rendered_without_html_images_or_unsafe_links(qtbot: QtBot) -> None:
    html = note_html(HOSTILE)
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(html)
    text = browser.toPlainText()
    assert "Ask first" in text and "safe" in text
    assert "<b>raw</b>" in text and "<script>alert(1)</script>" in text  # shown, not obeyed
    assert "[image: tracker]" in text and "[image: local]" in text
    assert "<img" not in html and "<script" not in html
    assert 'href="https://www.gov.uk/apply"' in html
    assert "javascript:" not in html and "file:" not in html


def test_each_note_says_whose_it_is_its_version_date_and_author() -> None:
    notes = [
        Guidance("s", "leeds", 3, "sue", "2026-12-07T10:00:00+00:00", "Own"),
        Guidance("s", None, 1, "admin", "2026-11-01T09:00:00+00:00", "Shared"),
    ]
    html = guidance_section(notes)
    assert "Your organisation&#x27;s note, version 3, 2026-12-07 by sue" in html
    assert "Shared note, version 1, 2026-11-01 by admin" in html
    assert html.index("Own") < html.index("Shared")
    assert guidance_section([]) == ""


def test_the_panel_shows_a_services_guidance_above_its_contact_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    search(qtbot, window, "missed bin")
    qtbot.waitUntil(lambda: detail_matches(window))
    assert window.detail.detail is not None and window.catalogue is not None
    service = window.detail.detail.id
    assert "Guidance for advisers" not in window.detail.browser.toPlainText()
    data = {
        "service_id": service,
        "organization_id": "leeds",
        "version": 1,
        "author": "sue",
        "updated_at": "2026-12-07T10:00:00+00:00",
        "body": "Check the **crew rota** first.",
    }
    change = CatalogueChange(GUIDANCE, change_id(service, "leeds"), "", data)
    window.catalogue.store.change_applier("https://hub").apply([change], {})
    window.detail.refresh()
    qtbot.waitUntil(lambda: "crew rota" in window.detail.browser.toPlainText())
    text = window.detail.browser.toPlainText()
    heading = text.index("Guidance for advisers")
    assert heading < text.index("crew rota") < text.index("Opening hours")
    assert "Contact" not in text or text.index("crew rota") < text.index("Contact")


def test_a_notes_headings_sit_below_the_panels_own() -> None:
    html = note_html("# Big\n\n## Smaller\n\ntext")
    assert "<h1" not in html and "<h2" not in html and "font-size" not in html
    assert html.count("<h4") == 2 and html.count("</h4>") == 2
