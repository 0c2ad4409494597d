"""Printing a hand-out from the detail pane (Ctrl+P): the language and size asked, then
the system's print dialog — answered here with a PDF printer, read back with pypdf."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from frontdesk.gui.handout.dialog import HandoutChoice, HandoutOptions, PrintDialog
from frontdesk.gui.main_window import MainWindow
from tests.gui.test_main_window import detail_matches, search


def test_ctrl_p_prints_the_shown_service_on_the_chosen_paper(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "printed.pdf"
    asked: list[str] = []

    def options(cls: object, parent: object, language: str) -> HandoutChoice:
        asked.append(language)
        return HandoutChoice("cy", large=False)

    def printer_dialog(cls: object, printer: QPrinter, parent: object) -> bool:
        # What the adviser would choose: a printer (here, a PDF file) and A5 paper.
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
        return True

    monkeypatch.setattr(HandoutOptions, "ask", classmethod(options))
    monkeypatch.setattr(PrintDialog, "ask", classmethod(printer_dialog))
    search(qtbot, window, "missed bin")
    qtbot.waitUntil(lambda: detail_matches(window))
    assert window.detail.print_button.isEnabled()
    window.actions_by_name["print_handout"].trigger()
    assert asked == ["en"]  # the window's language is offered first
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1 and round(reader.pages[0].mediabox.width) == 420  # A5
    text = " ".join(reader.pages[0].extract_text().split())
    assert window.detail.detail is not None
    assert window.detail.detail.service.name in text and "Manylion y gwasanaeth" in text
    assert "sent to the printer" in window.info_line.text()


def test_cancelling_prints_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[object] = []
    monkeypatch.setattr(HandoutOptions, "ask", classmethod(lambda cls, parent, lang: None))
    monkeypatch.setattr(PrintDialog, "ask", classmethod(lambda cls, p, parent: printed.append(p)))
    search(qtbot, window, "missed bin")
    qtbot.waitUntil(lambda: detail_matches(window))
    window.detail.print_handout()
    assert printed == []
