"""Starting the desktop application: the QApplication, language, text size, logging, the
crash hook, the operation runner and the main window; then the event loop; on the way out
background sync is stopped before the database worker."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from frontdesk import __version__, logsetup
from frontdesk.gui import crash, i18n, message, readiness, style, window_size
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.settings import LANGUAGE, Settings, apply_text_size
from frontdesk.gui.startup import Startup
from frontdesk.store.paths import data_paths

log = logging.getLogger("frontdesk.gui")


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName("frontdesk")
    app.setOrganizationName("frontdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.frontdesk.Frontdesk")
    style.install(app)
    return app


def report_machine_config(settings: Settings) -> None:
    """A machine-wide configuration that could not be used: one line in the message bar
    (the app starts on the adviser's settings and the defaults)."""
    if settings.machine.problem:
        message.warning(
            QApplication.translate(
                "App", "The machine-wide configuration {0} is ignored ({1}); ask IT to fix it."
            ).format(settings.machine.path, settings.machine.problem)
        )


def run(
    data_dir: str | None,
    demo: bool,
    lang: str | None,
    settings: Settings | None = None,
    *,
    demo_hub: bool = False,
) -> int:
    """Run the app until its window closes. `demo` imports the demo catalogue locally;
    `demo_hub` says the desk is signed in to `frontdesk demo`'s embedded hub instead."""
    app = application()
    settings = settings or Settings()
    # A language locked by the machine-wide configuration holds even over --lang.
    use_lang = lang in i18n.SUPPORTED and not settings.is_locked(LANGUAGE)
    language = lang if use_lang and lang is not None else settings.language
    translators = i18n.install(app, language)
    apply_text_size(settings.text_size)
    paths = data_paths(data_dir or settings.data_folder or None)
    try:
        paths.ensure()
    except OSError as error:
        QMessageBox.critical(
            None,
            app.translate("App", "frontdesk cannot start"),
            app.translate("App", "The data folder {0} cannot be created: {1}").format(
                paths.root, error.strerror or error
            ),
        )
        return 1
    logsetup.configure(paths.logs)
    crash.install()
    log.info("frontdesk %s starting (language %s)", __version__, language)
    runner = OperationRunner.threaded()
    window = MainWindow(runner, settings)
    startup = Startup(window, runner, paths, settings, demo=demo, demo_hub=demo_hub)
    readiness.install(window)
    report_machine_config(settings)
    window_size.show(window, settings)
    startup.begin()
    status = app.exec()
    startup.stop_sync()  # before the runner: a catalogue swap in hand needs its worker
    runner.shutdown()  # lets the last draft auto-save finish
    startup.close_stores()
    i18n.remove(app, translators)
    log.info("frontdesk stopped")
    return status
