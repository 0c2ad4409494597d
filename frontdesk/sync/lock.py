"""One syncer per data folder: an OS advisory lock on `sync.lock` beside desk.db.

Two processes syncing one desk (the app and `frontdesk sync --watch`) would race on the
outbox and the cursor, and a rebuild in one would swap catalogue.db from under the other,
whose connections keep reading (and its syncer writing) the unlinked old file. So a Syncer
holds this lock while it lives, and a second one, in any process, is refused.

The lock is the operating system's (flock on POSIX, a byte-range lock on Windows), never
a file that merely exists: it goes with the process however the process ends, so a killed
app cannot leave its desk unsyncable. The file itself stays; it holds only the holder's
process id and role, for the refusal to name.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
from pathlib import Path

from frontdesk.store.paths import DataPaths
from frontdesk.sync.errors import SyncError

log = logging.getLogger(__name__)

#: Said when the holder cannot be told (it wrote nothing yet, or the file is unreadable).
ANY_HOLDER = "the app, or `frontdesk sync --watch`"
# Windows locks a byte range, which others then cannot read either: lock a byte well past
# the holder's note so the refusal can still read who holds it.
_WINDOWS_OFFSET = 4096
_NOTE_MAX = 200


class SyncBusy(SyncError):
    """Another Syncer, in this process or another, already syncs this data folder."""

    def __init__(self, folder: Path, holder: str | None) -> None:
        who = holder or ANY_HOLDER
        super().__init__(
            f"another frontdesk ({who}) is already syncing this desk ({folder}) and does "
            "the work; nothing was changed"
        )
        self.folder = folder
        self.holder = holder


class SyncLock:
    """The data folder's sync lock. `acquire` raises SyncBusy when another holds it;
    `release` (or this object's end) lets it go. Not shared between threads."""

    def __init__(self, path: Path, role: str | None = None) -> None:
        self.path = path
        self.role = role
        self._fd: int | None = None

    @classmethod
    def for_folder(cls, folder: Path, role: str | None = None) -> SyncLock:
        return cls(DataPaths(folder).sync_lock, role)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock unless already held here; SyncBusy when someone else has it."""
        if self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            taken = _try_lock(fd)
        except OSError as error:
            # A file system without locks (some network shares): syncing unguarded is
            # what frontdesk did before the lock existed, better than not syncing at all.
            log.warning("cannot lock %s (%s); syncing without the lock", self.path, error)
            taken = True
        if not taken:
            os.close(fd)
            raise SyncBusy(self.path.parent, self._read_holder())
        self._fd = fd
        self._write_holder(fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)  # no stale holder for the next refusal to name
            _unlock(fd)
        except OSError:
            pass  # closing the file below releases it anyway
        finally:
            os.close(fd)

    def __del__(self) -> None:
        # A Syncer dropped without stop() must not keep its desk locked until exit.
        with contextlib.suppress(Exception):
            self.release()

    def _write_holder(self, fd: int) -> None:
        who = f"{self.role}, pid {os.getpid()}" if self.role else f"pid {os.getpid()}"
        note = f"{who}\n".encode()[:_NOTE_MAX]
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, note)
        except OSError as error:
            log.debug("could not note the sync lock's holder: %s", error)

    def _read_holder(self) -> str | None:
        try:
            with open(self.path, "rb") as handle:
                text = handle.read(_NOTE_MAX).decode("utf-8", "replace").strip()
        except OSError:
            return None
        return text or None


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in (errno.EACCES, errno.EDEADLK):
                return False  # another handle, in this process or another, has the byte
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        # flock, not fcntl's record locks: those are per process, so a second Syncer in
        # the same process would be let in, and closing any descriptor of the file drops
        # them; flock's belong to this one open file.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
