"""Waiting for a child process to say something on its standard output."""

from __future__ import annotations

import queue
import subprocess
import threading
import time


def wait_for_line(child: subprocess.Popen[str], wanted: str, timeout: float) -> str:
    """Read the child's stdout until a line contains `wanted`, and return that line (fails
    if the child exits first, or after `timeout` seconds, killing it)."""
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            if child.poll() is not None:
                stderr = child.stderr.read() if child.stderr else ""
                raise AssertionError(f"the child exited: {stderr[-2000:]}") from None
            continue
        if wanted in line:
            return line
    child.kill()
    raise AssertionError(f"the child did not print {wanted!r} within {timeout:.0f} s")
