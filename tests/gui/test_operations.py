"""The operation runner: results on the GUI thread, newest search wins, failures routed."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from frontdesk.gui import message
from frontdesk.gui.operations import ImmediateExecutor, OperationRunner


def test_callbacks_run_after_run_returns_even_with_an_immediate_executor(qtbot: QtBot) -> None:
    runner = OperationRunner(ImmediateExecutor(), ImmediateExecutor())
    got: list[int] = []
    runner.run(lambda: 41 + 1).on_success(got.append)
    assert got == []  # the chain is complete before anything is delivered
    qtbot.waitUntil(lambda: got == [42])


def test_only_the_newest_result_for_a_key_is_applied(qtbot: QtBot) -> None:
    runner = OperationRunner(ImmediateExecutor(), ImmediateExecutor())
    got: list[str] = []
    for text in ("b", "bi", "bin"):
        runner.run(lambda text=text: text.upper(), key="search").on_success(got.append)
    runner.run(lambda: "done").on_success(got.append)
    qtbot.waitUntil(lambda: "done" in got)
    assert got == ["BIN", "done"]


def test_an_environment_failure_becomes_a_message(qtbot: QtBot) -> None:
    runner = OperationRunner(ImmediateExecutor(), ImmediateExecutor())

    def fail() -> None:
        raise OSError(28, "No space left on device")

    with qtbot.waitSignal(message.bridge().shown) as blocker:
        runner.run(fail)
    assert blocker.args[0] is message.Level.ERROR
    assert "No space left" in blocker.args[1]


def test_a_bug_goes_to_the_excepthook(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[BaseException] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        seen.append(error)

    monkeypatch.setattr(sys, "excepthook", hook)
    runner = OperationRunner(ImmediateExecutor(), ImmediateExecutor())
    runner.run(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], ZeroDivisionError)


def test_the_threaded_runner_works_off_the_gui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    runner = OperationRunner.threaded()
    gui_thread = threading.current_thread()
    ran_on: list[threading.Thread] = []
    answered_on: list[threading.Thread] = []
    progress: list[str] = []
    runner.progress_started.connect(lambda _id, label: progress.append(label))

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 7

    def done(value: int) -> None:
        answered_on.append(threading.current_thread())

    runner.run(work).on_success(done).with_progress("Working…")
    runner.run(lambda: threading.current_thread().name, lane="network").on_success(progress.append)
    qtbot.waitUntil(lambda: bool(answered_on) and len(progress) == 2)
    runner.shutdown()
    assert ran_on[0] is not gui_thread and ran_on[0].name.startswith("frontdesk-db")
    assert answered_on == [gui_thread]
    assert progress[0] == "Working…" and progress[1].startswith("frontdesk-net")


def test_work_asked_for_after_shutdown_is_never_started(qtbot: QtBot) -> None:
    # A widget's timer can still fire while the application quits.
    runner = OperationRunner.threaded()
    runner.shutdown()
    ran: list[int] = []
    got: list[int] = []
    op = runner.run(lambda: ran.append(1) or 1).on_success(got.append)
    qtbot.wait(50)
    assert op.skipped and ran == [] and got == []


class HeldExecutor:
    """Runs each task on a thread of its own that keeps the task until `release` is set,
    as a pool's worker keeps its work item a moment after running it."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []

    def submit(self, fn: Callable[[], None]) -> None:
        def hold() -> None:
            fn()
            self.release.wait(10)

        thread = threading.Thread(target=hold)
        self.threads.append(thread)
        thread.start()

    def shutdown(self) -> None:
        self.release.set()
        for thread in self.threads:
            thread.join()


def test_a_widget_only_an_operation_kept_is_destroyed_on_the_gui_thread(qtbot: QtBot) -> None:
    """The worker lets go of the operation before it is delivered, so the callback's
    widget is never destroyed off the GUI thread, however the threads interleave."""
    executor = HeldExecutor()
    runner = OperationRunner(executor, ImmediateExecutor())
    destroyed_on: list[int] = []
    shown: list[int] = []
    _run_into_a_widget_nobody_else_keeps(runner, destroyed_on, shown)
    qtbot.waitUntil(lambda: shown == [7])
    executor.shutdown()  # the worker's thread ends only now
    assert destroyed_on == [threading.main_thread().ident]
    runner.deleteLater()


def _run_into_a_widget_nobody_else_keeps(
    runner: OperationRunner, destroyed_on: list[int], shown: list[int]
) -> None:
    class Label(QLabel):
        def show_value(self, value: int) -> None:
            self.setText(str(value))
            shown.append(value)

    label = Label()  # no parent: Python owns it
    label.destroyed.connect(
        lambda: destroyed_on.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    runner.run(lambda: 7).on_success(label.show_value)
