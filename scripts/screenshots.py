"""Render the real adviser's screen to PNG files for docs/screenshots/.

Run through `scripts/screenshots`, which starts it under Xvfb at a given screen size. Builds
a throw-away data folder with the demo catalogue, opens the window maximised as a first run
does, drives a whole call by keyboard only (search, link results, the caller's details,
notes, outcome and referral, save), opens File → Sign in, Settings and the shortcuts, and
grabs each step; it also shows a guidance note and a service alert, and draws the shown
service's printed hand-out as a page. With
`--hub` the desk is signed in to `frontdesk demo`'s embedded hub (a throw-away file
keyring) and synced, so the status bar shows sync as an adviser on a hub sees it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from frontdesk.core.alert import ALERT_KIND, ServiceAlert
from frontdesk.core.guidance import GUIDANCE_KIND
from frontdesk.gui import i18n, window_size
from frontdesk.gui.app import application
from frontdesk.gui.handout.content import Handout
from frontdesk.gui.handout.render import page_image
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings, apply_text_size
from frontdesk.gui.settings_dialog import SettingsDialog
from frontdesk.gui.shortcuts_dialog import ShortcutsDialog
from frontdesk.gui.startup import Startup
from frontdesk.store.catalogue_changes import CatalogueChange
from frontdesk.store.guidance import change_id
from frontdesk.store.paths import DataPaths
from frontdesk.sync.changed import SyncChanges
from frontdesk.sync.status import SyncMode

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not reach the expected state")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def wait_for_search(window: MainWindow, text: str) -> None:
    wait_until(
        lambda: window.search.shown_request is not None and window.search.shown_request.text == text
    )


def keys(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press `key` where the keyboard focus is, as the adviser would."""
    widget = QApplication.focusWidget()
    if widget is None:
        raise RuntimeError("nothing has the keyboard focus")
    QTest.keyClick(widget, key, modifier)
    settle(0.15)


def type_text(text: str) -> None:
    widget = QApplication.focusWidget()
    if widget is None:
        raise RuntimeError("nothing has the keyboard focus")
    QTest.keyClicks(widget, text)
    settle(0.15)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en_GB")
    parser.add_argument("--text-size", type=int, default=100)
    parser.add_argument("--prefix", default="")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--hub", action="store_true", help="sync with the demo's embedded hub")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    app = application()
    translators = i18n.install(app, args.lang)
    apply_text_size(args.text_size)
    work = Path(tempfile.mkdtemp(prefix="frontdesk-shots-"))
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    paths = DataPaths(work / "data").ensure()
    hub = None
    if args.hub:
        from frontdesk.cli.demo_commands import start_demo_hub

        os.environ["XDG_DATA_HOME"] = str(work / "xdg")
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        hub = start_demo_hub(paths.root)
    runner = OperationRunner.threaded()
    window = MainWindow(runner, settings)
    startup = Startup(window, runner, paths, settings, demo_hub=hub is not None)
    # As the app opens it: maximised on a first run, so the shots are the whole screen
    # Xvfb was started with (1366×768 for the README's workspace).
    window_size.show(window, settings)
    startup.begin()
    wait_until(lambda: window.catalogue is not None and window.desk is not None)
    wait_until(lambda: window.search.model.rowCount() > 0)
    if hub is not None:
        wait_until(lambda: window.sync_mode() is SyncMode.ONLINE)
    window.activateWindow()
    settle()

    # A caller in Lancaster (two-tier): the demo's routing data names the council whose job
    # it is, and the results say which services cover the address.
    keys(Qt.Key.Key_P, ALT)  # the caller's postcode filter
    type_text("LA1 1QD")
    keys(Qt.Key.Key_F, CTRL)
    type_text("bin collection")
    wait_for_search(window, "bin collection")
    keys(Qt.Key.Key_Down)
    wait_until(
        lambda: window.detail.detail is not None and window.detail.detail.responsible is not None
    )
    shot(window, args.out / f"{args.prefix}main.png")
    guidance_and_handout(window, args)
    service_alert(window, args)

    # A whole call by keyboard only, as an adviser takes one.
    keys(Qt.Key.Key_N, CTRL)  # new enquiry: a clean search, the call timer starts
    keys(Qt.Key.Key_P, ALT)
    type_text("M33 7AL")  # a caller in Sale, Trafford
    keys(Qt.Key.Key_F, CTRL)
    type_text("council tax")
    wait_for_search(window, "council tax")
    keys(Qt.Key.Key_Return)  # link the highlighted result
    keys(Qt.Key.Key_F, CTRL)
    type_text("food bank")
    wait_for_search(window, "food bank")
    keys(Qt.Key.Key_Return)
    keys(Qt.Key.Key_K, ALT)  # the caller agrees to their details being kept
    wait_until(window.form.consent.isChecked)
    keys(Qt.Key.Key_M, ALT)
    type_text("Sam Caller")
    keys(Qt.Key.Key_T, ALT)
    type_text("0161 496 0000")
    keys(Qt.Key.Key_C, ALT)
    type_text("M33 7AL")
    keys(Qt.Key.Key_N, ALT)
    type_text("Behind with council tax after losing hours at work; no food in.")
    keys(Qt.Key.Key_O, ALT)
    for _ in range(window.form.outcome.findData("referred")):  # (the words differ in Welsh)
        keys(Qt.Key.Key_Down)
    keys(Qt.Key.Key_R, ALT)
    keys(Qt.Key.Key_Down)  # the second linked service: the food bank
    keys(Qt.Key.Key_O, ALT)  # focus back on the outcome, as before saving
    wait_until(lambda: window.detail.detail is not None)
    settle(1.2)  # the call timer ticks once
    shot(window, args.out / f"{args.prefix}enquiry.png")
    keys(Qt.Key.Key_S, CTRL)
    wait_until(lambda: window.today.model.rowCount() == 1)
    shot(window, args.out / f"{args.prefix}saved.png")

    startup.sign_in()  # File → Sign in: here, signing in again to the same hub
    dialog = startup.sign_in_dialog
    assert dialog is not None
    wait_until(dialog.isVisible)
    settle()
    if not dialog.grab().save(str(args.out / f"{args.prefix}sign-in.png")):
        raise OSError("could not write the sign-in screenshot")
    dialog.reject()
    for name, make in (
        ("settings", lambda: SettingsDialog(settings, window, window.settings_in_use())),
        ("shortcuts", lambda: ShortcutsDialog(window)),
    ):
        other = make()
        other.show()
        settle()
        if not other.grab().save(str(args.out / f"{args.prefix}{name}.png")):
            raise OSError(f"could not write the {name} screenshot")
        other.reject()

    runner.cancel_pending()
    window.close()
    startup.stop_sync()
    runner.shutdown()
    startup.close_stores()
    if hub is not None:
        hub.stop()
    i18n.remove(app, translators)
    shutil.rmtree(work, ignore_errors=True)  # the throw-away data folder and keyring
    return 0


GUIDANCE = """## What to ask
- Which bin was missed, and was it out by 7am on collection day?

## What to bring
- The bin's number (on the lid)
- A photo of the bin at the kerb, if the caller has one

## Do it for them
Report it online at the council's missed-bin page while the caller is on the line."""


def guidance_and_handout(window: MainWindow, args: argparse.Namespace) -> None:
    """The detail pane with a supervisor's guidance note (applied to the catalogue as the
    hub's change feed delivers it), and the shown service's printed hand-out as a page."""
    detail = window.detail.detail
    assert detail is not None and window.catalogue is not None
    data = {
        "service_id": detail.id,
        "organization_id": None,
        "version": 3,
        "author": "supervisor",
        "updated_at": "2026-12-01T09:00:00+00:00",
        "body": GUIDANCE,
    }
    change = CatalogueChange(GUIDANCE_KIND, change_id(detail.id, None), "", data)
    window.catalogue.store.change_applier("https://hub.example").apply([change], {})
    window.detail.refresh()
    wait_until(lambda: window.detail.detail is not None and bool(window.detail.detail.guidance))
    shot(window, args.out / f"{args.prefix}guidance.png")
    shown = window.detail.detail
    language = "cy" if args.lang == "cy" else "en"
    handout = Handout(shown.service, shown.organization, shown.guidance, language=language)
    path = args.out / f"{args.prefix}handout.png"
    if not page_image(handout, 110).save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


ALERT_TEXT = {
    "en": "Collections are a day late this week after the storm: missed bins are not "
    "reported until Thursday.",
    "cy": "Mae'r casgliadau ddiwrnod yn hwyr yr wythnos hon ar ôl y storm: ni chaiff biniau "
    "a fethwyd eu hadrodd tan ddydd Iau.",
}


def service_alert(window: MainWindow, args: argparse.Namespace) -> None:
    """The shown service with an alert, as a sync round brings it (written to the
    catalogue as the feed delivers it, then the window told what changed); cleared after."""
    detail = window.detail.detail
    assert detail is not None and window.catalogue is not None
    text = ALERT_TEXT["cy" if args.lang == "cy" else "en"]
    now = dt.datetime.now(dt.UTC)
    alert = ServiceAlert(detail.id, text, now + dt.timedelta(hours=5), now)
    applier = window.catalogue.store.change_applier("https://hub.example")
    applier.apply([CatalogueChange(ALERT_KIND, detail.id, "", alert.as_dict())], {})
    window.live.apply(SyncChanges(alerts=frozenset({detail.id})))
    wait_until(lambda: not window.detail.alert.isHidden())
    shot(window, args.out / f"{args.prefix}alert.png")
    applier.apply([CatalogueChange(ALERT_KIND, detail.id)], {})
    window.live.apply(SyncChanges(alerts=frozenset({detail.id})))
    wait_until(window.detail.alert.isHidden)


def shot(window: MainWindow, path: Path) -> None:
    settle()
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
