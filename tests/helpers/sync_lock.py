"""Another process holding a desk's sync lock, as a running app or `frontdesk sync --watch`
would: a real child process, so that killing it shows what the OS does with the lock."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

HOLD = """
import sys, time
from pathlib import Path
from frontdesk.sync.lock import SyncLock
lock = SyncLock.for_folder(Path(sys.argv[1]), sys.argv[2])
lock.acquire()
print("held", flush=True)
time.sleep(600)
"""


def installed_cli() -> str:
    """The `frontdesk` script installed beside this interpreter (as an adviser runs it)."""
    script = Path(sys.executable).with_name("frontdesk")
    assert script.exists(), f"frontdesk is not installed beside {sys.executable}"
    return str(script)


def hold_sync_lock(
    folder: Path, role: str = "the frontdesk app", timeout: float = 30.0
) -> subprocess.Popen[str]:
    """A child process that takes `folder`'s sync lock and sleeps; returns once it holds
    it. The caller kills it."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder), role],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_line(child, "held", timeout)
    return child


def wait_for_line(child: subprocess.Popen[str], wanted: str, timeout: float) -> None:
    """Read the child's stdout until a line contains `wanted` (fails if it exits)."""
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
            return
    child.kill()
    raise AssertionError(f"the child did not print {wanted!r} within {timeout:.0f} s")
