"""Render the real adviser's screen to PNG files for docs/screenshots/.

Run through `scripts/screenshots`, which starts it under Xvfb. Builds a throw-away data
folder with the demo catalogue, drives the window the way an adviser would (search, pick a
result, read its guidance note, fill in an enquiry, open File → Sign in) and grabs the
window at each step, and draws the shown service's printed hand-out as a page. With
`--hub` the desk is signed in to `frontdesk demo`'s embedded hub (a throw-away file
keyring) and synced, so the status bar shows sync as an adviser on a hub sees it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from frontdesk.core.guidance import GUIDANCE_KIND
from frontdesk.gui import i18n
from frontdesk.gui.app import application
from frontdesk.gui.handout.content import Handout
from frontdesk.gui.handout.render import page_image
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import Settings, apply_text_size
from frontdesk.gui.startup import Startup
from frontdesk.store.catalogue_changes import CatalogueChange
from frontdesk.store.guidance import change_id
from frontdesk.store.paths import DataPaths
from frontdesk.sync.status import SyncMode


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


def search(window: MainWindow, text: str) -> None:
    window.search.box.setText(text)
    window.search.search_now()
    wait_until(
        lambda: window.search.shown_request is not None and window.search.shown_request.text == text
    )


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
    window.resize(1600, 900)
    startup = Startup(window, runner, paths, settings, demo_hub=hub is not None)
    window.show()
    startup.begin()
    wait_until(lambda: window.catalogue is not None and window.desk is not None)
    wait_until(lambda: window.search.model.rowCount() > 0)
    if hub is not None:
        wait_until(lambda: window.sync_mode() is SyncMode.ONLINE)

    # A caller in Lancaster (two-tier): the demo's routing data names the council whose job
    # it is, and the results say which services cover the address.
    window.search.filters.postcode.setText("LA1 1QD")
    search(window, "bin collection")
    window.search.results.setFocus()
    wait_until(
        lambda: window.detail.detail is not None and window.detail.detail.responsible is not None
    )
    settle()
    shot(window, args.out / f"{args.prefix}main.png")
    guidance_and_handout(window, args)

    window.search.filters.postcode.setText("M33 7AL")  # a caller in Sale, Trafford
    window.enquiries.new_enquiry()
    search(window, "council tax")
    window.search.results.setFocus()
    window.add_selected()
    search(window, "food bank")
    window.search.results.setFocus()
    window.add_selected()
    form = window.form
    form.consent.setChecked(True)
    form.name.setText("Sam Caller")
    form.phone.setText("0161 496 0000")
    form.postcode.setText("M33 7AL")
    form.notes.setPlainText("Behind with council tax after losing hours at work; no food in.")
    form.outcome.setCurrentIndex(form.outcome.findData("referred"))
    form.referral.setCurrentIndex(2)
    form.notes.setFocus()
    wait_until(lambda: window.detail.detail is not None)
    settle(1.2)  # the call timer ticks once
    shot(window, args.out / f"{args.prefix}enquiry.png")

    startup.sign_in()  # File → Sign in: here, signing in again to the same hub
    dialog = startup.sign_in_dialog
    assert dialog is not None
    wait_until(dialog.isVisible)
    settle()
    if not dialog.grab().save(str(args.out / f"{args.prefix}sign-in.png")):
        raise OSError("could not write the sign-in screenshot")
    dialog.reject()

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


def shot(window: MainWindow, path: Path) -> None:
    settle()
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
