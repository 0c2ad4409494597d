"""The safeguarding bar: words of crisis in the search box or the notes bring up the
prompt (built-in, or the one the hub sent), and it goes when the words do."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from frontdesk.gui.main_window import MainWindow
from frontdesk.store.catalogue_changes import CatalogueChange
from frontdesk.store.safeguarding import SAFEGUARDING


def test_crisis_words_in_the_search_box_show_the_built_in_prompt(
    qtbot: QtBot, window: MainWindow
) -> None:
    bar = window.safeguarding
    assert not bar.isVisible()
    qtbot.keyClicks(window.search.box, "rent arrears")
    assert not bar.isVisible()
    window.search.box.clear()
    qtbot.keyClicks(window.search.box, "caller took an overdose")
    assert bar.isVisible()
    assert "“overdose” was mentioned" in bar.text.text() and "999" in bar.text.text()
    assert window.search.box.hasFocus()  # typing carries on where it was
    window.search.box.clear()
    assert not bar.isVisible()


def test_the_notes_and_the_hubs_own_words_and_prompt(qtbot: QtBot, window: MainWindow) -> None:
    assert window.catalogue is not None
    data = {
        "organization_id": "leeds",
        "version": 1,
        "words": ["bailiff"],
        "prompt": "Offer the housing crisis line: 0300 000 0000.",
        "author": "cli",
    }
    change = CatalogueChange(SAFEGUARDING, "leeds", "", data)
    window.catalogue.store.change_applier("https://hub").apply([change], {})
    window.safeguarding.load(window.runner, window.catalogue)
    qtbot.waitUntil(lambda: window.safeguarding.prompt.words == ("bailiff",))
    window.form.notes.setPlainText("A bailiff is at the door")
    assert window.safeguarding.isVisible()
    assert "housing crisis line" in window.safeguarding.text.text()
    window.form.notes.setPlainText("Feeling suicidal")  # not one of this organisation's words
    assert not window.safeguarding.isVisible()
