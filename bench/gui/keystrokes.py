"""Keystroke-to-painted-results latency in the real adviser's window, plus memory.

    python bench/gui/keystrokes.py DATA_DIR [--queries 30] [--gap-ms 60]

Run by bench/gui/run.py in a child process (so each platform, offscreen or a real X
server, gets a fresh QApplication and a clean peak-memory count); prints one JSON object.

The window is the app's own: MainWindow, Startup and the threaded OperationRunner over the
data folder, exactly as `frontdesk --data-dir` builds them. The one substitution is the
results list's class, swapped for a subclass whose paintEvent notes the time *after*
QListView has painted (every row the delegate draws is then in the backing store).

For each character of each query:

    t0      just before QTest.keyClick(search box, character)
    applied SearchPanel.results_shown for this exact text (the model has been reset)
    painted the end of the first results-view paint after `applied`

latency = painted - t0, which takes in the 25 ms debounce, the queued hand-over to the
database worker, the search there, the queued hand-back, the model reset and the paint.
The bench waits in a real QEventLoop (not a busy loop, which would hold the GIL the
worker needs) and leaves `--gap-ms` of idle loop between keys, as a typist would.

The baseline, in the same process afterwards: the same prefixes through
SearchEngine.search with the filters and page size the GUI uses (the search alone) and
through CatalogueAccess.search (the whole job the worker does per keystroke).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import memory_kb, queries, summary

from frontdesk.core.catalogue import ServiceStatus
from frontdesk.gui.app import application
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.search import panel
from frontdesk.gui.settings import Settings
from frontdesk.gui.startup import Startup
from frontdesk.search.catalogue_access import RESULT_LIMIT, CatalogueAccess, SearchRequest
from frontdesk.search.filters import Filters
from frontdesk.store.paths import DataPaths

TIMEOUT_MS = 5000


class Probe:
    """What the hooks saw for the keystroke being measured."""

    def __init__(self) -> None:
        self.expected: str | None = None
        self.applied = 0.0
        self.painted = 0.0
        self.loop: QEventLoop | None = None
        self.worker: dict[str, tuple[float, float]] = {}  # text -> (start, end) on worker

    def shown(self, text: str) -> None:
        if text == self.expected and not self.applied:
            self.applied = time.perf_counter()

    def paint_done(self) -> None:
        if self.applied and not self.painted:
            self.painted = time.perf_counter()
            if self.loop is not None:
                self.loop.quit()


PROBE = Probe()


class TimedResultsView(panel.ResultsView):
    """The app's results list, noting when a paint has finished."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        PROBE.paint_done()


def timed_access(access: CatalogueAccess) -> None:
    """Record, per query text, when the worker started and finished the search job."""
    original = access.search

    def search(request: SearchRequest, now: dt.datetime) -> Any:
        start = time.perf_counter()
        outcome = original(request, now)
        PROBE.worker[request.text] = (start, time.perf_counter())
        return outcome

    access.search = search  # type: ignore[method-assign]


def wait(condition: Any, timeout_s: float = 60.0) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there")
        QTest.qWait(5)


def idle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def open_window(data: Path, scratch: Path) -> tuple[MainWindow, OperationRunner, Startup]:
    panel.ResultsView = TimedResultsView  # type: ignore[misc]
    settings = Settings(QSettings(str(scratch / "bench-settings.ini"), QSettings.Format.IniFormat))
    runner = OperationRunner.threaded()
    window = MainWindow(runner, settings)
    window.resize(1280, 800)
    startup = Startup(window, runner, DataPaths(data), settings)
    window.search.results_shown.connect(PROBE.shown)
    window.show()
    startup.begin()
    wait(lambda: window.catalogue is not None and window.desk is not None)
    wait(lambda: window.search.shown_request is not None)
    window.activateWindow()
    window.search.box.setFocus()
    return window, runner, startup


def type_key(window: MainWindow, char: str, expected: str) -> dict[str, float] | None:
    """Press one key; the timings for its results, or None if they never painted."""
    PROBE.expected, PROBE.applied, PROBE.painted = expected, 0.0, 0.0
    PROBE.loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(PROBE.loop.quit)
    timer.start(TIMEOUT_MS)
    t0 = time.perf_counter()
    QTest.keyClick(window.search.box, char)
    if not PROBE.painted:
        PROBE.loop.exec()
    timer.stop()
    PROBE.loop = None
    if not PROBE.painted or expected not in PROBE.worker:
        return None
    started, finished = PROBE.worker[expected]
    return {
        "total": (PROBE.painted - t0) * 1000,
        "to_worker": (started - t0) * 1000,  # debounce + queue
        "worker": (finished - started) * 1000,
        "to_gui": (PROBE.applied - finished) * 1000,  # hand-back + model reset + labels
        "paint": (PROBE.painted - PROBE.applied) * 1000,
    }


def clear_box(window: MainWindow) -> None:
    box = window.search.box
    if box.text():
        PROBE.expected = None
        box.clear()
        wait(lambda: not (window.search.shown_request or SearchRequest("x")).text)
    idle(50)


def gui_pass(window: MainWindow, texts: list[str], gap_ms: int) -> dict[str, Any]:
    samples: list[dict[str, float]] = []
    memory: dict[str, int] = {}
    missed: list[str] = []
    done = 0
    for query in texts:
        clear_box(window)
        for n, char in enumerate(query, 1):
            sample = type_key(window, char, query[:n])
            done += 1
            if sample is None:
                missed.append(query[:n])
            else:
                samples.append(sample | {"text": query[:n]})  # type: ignore[dict-item]
            if done == 50:
                memory["after_50_searches"] = memory_kb()["VmHWM"]
            idle(gap_ms)
    parts = ("total", "to_worker", "worker", "to_gui", "paint")
    return {
        "keystrokes": done,
        "missed": missed,
        "latency": {p: summary([s[p] for s in samples]) for p in parts},
        "slowest": sorted(samples, key=lambda s: -s["total"])[:5],
        "memory": memory,
    }


def baseline(access: CatalogueAccess, texts: list[str]) -> dict[str, Any]:
    prefixes = [q[:n] for q in texts for n in range(1, len(q) + 1)]
    filters = Filters(status=ServiceStatus.ACTIVE)
    now = dt.datetime.now()
    engine_ms: list[float] = []
    access_ms: list[float] = []
    for text in prefixes:
        start = time.perf_counter()
        access.engine.search(text, filters, limit=RESULT_LIMIT)
        engine_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        access.search(SearchRequest(text), now)
        access_ms.append((time.perf_counter() - start) * 1000)
    return {"engine": summary(engine_ms), "access": summary(access_ms)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--gap-ms", type=int, default=60)
    args = parser.parse_args()
    app = application()
    window, runner, startup = open_window(args.data, args.data.parent)
    after_start = memory_kb()["VmHWM"]
    assert window.catalogue is not None
    timed_access(window.catalogue)
    texts = queries(args.queries)
    # One query typed first and not counted: the first searches load the vocabulary.
    gui_pass(window, ["warm up"], args.gap_ms)
    result = gui_pass(window, texts, args.gap_ms)
    result["memory"]["after_startup"] = after_start
    result["memory"]["end"] = memory_kb()["VmHWM"]
    result["platform"] = QApplication.platformName()
    result["baseline"] = baseline(window.catalogue, texts)
    print(json.dumps(result))
    runner.cancel_pending()
    window.close()
    runner.shutdown()
    startup.close_stores()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
