"""The safeguarding prompt: a bar that appears when the search text or the enquiry notes
carry words of danger or crisis, reminding the adviser to check the caller is safe.

The words and the prompt come from the hub (the organisation's own, or the hub's
default), read from catalogue.db on the database worker; until a desk has any it uses the
built-in words and wording. The bar never takes focus from what the adviser is typing;
screen readers announce it when it appears.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from frontdesk.core.safeguarding import SafeguardingPrompt, crisis_word
from frontdesk.gui.operations import OperationRunner
from frontdesk.search.catalogue_access import CatalogueAccess
from frontdesk.store.safeguarding import current_prompt


class SafeguardingBar(QFrame):
    """Watches a search box and a notes field. Signals: none of its own."""

    def __init__(
        self, search: QLineEdit, notes: QPlainTextEdit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._search, self._notes = search, notes
        self.prompt = SafeguardingPrompt()
        self.word: str | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("SafeguardingBar { border: 3px solid palette(highlight); }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the hub's words shown as typed
        self.setAccessibleName(self.tr("Safeguarding prompt"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        search.textChanged.connect(self.check)
        notes.textChanged.connect(self.check)
        self.hide()

    def load(self, runner: OperationRunner, catalogue: CatalogueAccess) -> None:
        """Read the current words and prompt (after the catalogue opens or syncs)."""
        engine = catalogue.store.engine
        runner.run(lambda: current_prompt(engine), key="safeguarding").on_success(self.use)

    def use(self, prompt: SafeguardingPrompt) -> None:
        self.prompt = prompt
        self.check()

    def default_text(self) -> str:
        return self.tr(
            "Is the caller safe right now? If anyone is in immediate danger, call 999. "
            "Samaritans: 116 123 (free, day or night). Follow your safeguarding procedure "
            "and tell your supervisor."
        )

    def check(self) -> None:
        texts = (self._search.text(), self._notes.toPlainText())
        word = crisis_word(texts, self.prompt.words)
        if word is None:
            self.word = None
            self.hide()
            return
        was_shown = self.word is not None
        self.word = word
        heading = self.tr("⚠ Safeguarding — “{0}” was mentioned.").format(word)
        self.text.setText(f"{heading}\n{self.prompt.prompt or self.default_text()}")
        self.show()
        if not was_shown:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self.text.text()))
