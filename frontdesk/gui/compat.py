"""Work-arounds for faults in the Qt bindings frontdesk runs on, each detected rather than
assumed from a version number, so a fixed release simply stops triggering it.

PySide6 6.12.0's abi3 wheels treat Python's singletons as immortal: every call of a C++
method that returns void (QPainter.save, QWidget.setFocus…) drops one reference to None,
and every Signal.emit drops one to True. On CPython 3.12 and later those objects are
immortal and nothing happens; on 3.11 a count reaches zero after a few thousand calls
(seconds of painting search results) and the interpreter aborts with "none_dealloc:
deallocating None" or "bool_dealloc". `protect_singletons()` measures the leak and, if it
is there, gives the singletons the kind of count 3.12 gives them, so none reaches zero.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBE_CALLS = 64
# Far more references than any session makes calls, yet far from Py_ssize_t's limit.
_PADDING = 1 << 60
_SINGLETONS: tuple[object, ...] = (None, True, False, Ellipsis, NotImplemented)
# Set once the leak has been found and compensated, for the log to say so.
singletons_protected = False


class _Probe(QObject):
    """Something to call void methods and emit a signal on. Signals: pinged()."""

    pinged = Signal()


def calls_leak_singletons() -> bool:
    """Whether calling a void Qt method or emitting a signal here loses a reference to
    None or True."""
    probe = _Probe()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("")
        probe.pinged.emit()
    after = sys.getrefcount(None), sys.getrefcount(True)
    return any(a <= b - _PROBE_CALLS // 2 for a, b in zip(after, before, strict=True))


def protect_singletons() -> bool:
    """Keep the singletons alive despite the leak (once); returns whether it was found."""
    global singletons_protected
    if singletons_protected or not calls_leak_singletons():
        return singletons_protected
    for singleton in _SINGLETONS:
        # ob_refcnt is the first field of every CPython object, and id() is its address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _PADDING
    singletons_protected = True
    return True
