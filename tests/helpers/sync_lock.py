"""Another process holding a desk's sync lock, as a running app or `frontdesk sync --watch`
would: a real child process, so that killing it shows what the OS does with the lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers.child_output import wait_for_line

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
