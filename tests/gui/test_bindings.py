"""The Qt bindings frontdesk is pinned to keep Python's reference counts intact.

PySide6 6.12.0 lost a reference to None on every void call and to True on every signal
emit; on CPython 3.11 the app aborted within seconds of typing. This guards a version bump.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

CALLS = 200


class _Pinger(QObject):
    """Signals: pinged()."""

    pinged = Signal()


def test_void_calls_and_signal_emits_do_not_lose_references() -> None:
    pinger = _Pinger()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        pinger.setObjectName("")
        pinger.pinged.emit()
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] >= before[0] - CALLS // 4
    assert after[1] >= before[1] - CALLS // 4
