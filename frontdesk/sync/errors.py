"""What can go wrong while a desk talks to its hub, sorted by what the desk does next.

`HubUnreachable` is the only failure that is retried on its own (with backoff): the
network or the hub is down and will come back. Everything else needs a person: signing in
again (`SignedOut`), updating frontdesk (`ProtocolMismatch`), or reporting a bug
(`OpIdReused`, `HubRefused`). None of them ever drops an outbox row or moves the cursor.
"""

from __future__ import annotations


class SyncError(Exception):
    """A sync step failed; the message says what happened and what to do."""


class NotSignedIn(SyncError):
    """This desk has no hub account: it runs standalone."""


class SignedOut(SyncError):
    """The hub refused the token (expired, revoked, password changed): sign in again.
    Without the password the desk cannot do it by itself."""


class KeyringUnavailable(SyncError):
    """No usable OS keyring, so there is nowhere safe to keep the token."""


class HubUnreachable(SyncError):
    """The network or the hub is down (connection error, timeout, 5xx, 429): retry later.

    `retry_after` is the hub's own hint in seconds, when it gave one."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class LoginFailed(SyncError):
    """Wrong username or password, or too many attempts."""


class ProtocolMismatch(SyncError):
    """The hub speaks another version of the sync protocol: update frontdesk."""


class HubRefused(SyncError):
    """The hub answered a request with a 4xx this desk did not expect: a bug to report."""

    def __init__(self, message: str, status: int, code: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class OpIdReused(HubRefused):
    """The hub already holds this op_id with a different payload. The desk never reuses
    an op_id, so this is a bug: the op stays in the outbox and pushing stops."""

    def __init__(self, message: str, op_id: str) -> None:
        super().__init__(message, 422, "op_id_reused")
        self.op_id = op_id


class CursorExpired(SyncError):
    """The hub no longer keeps changes that far back (410): rebuild the catalogue."""
