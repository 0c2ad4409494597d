"""The operation runner: results on the GUI thread, newest search wins, failures routed."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

import pytest
from pytestqt.qtbot import QtBot

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
