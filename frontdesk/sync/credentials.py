"""Where the desk keeps its hub token: the operating system's keyring, nowhere else.

Windows Credential Manager, the macOS Keychain or a Secret Service (GNOME Keyring,
KWallet) on Linux. A keyring that writes the token to a plain file (keyrings.alt) is used
only when someone chose it explicitly (PYTHON_KEYRING_BACKEND or keyring's config file),
never because nothing better was found: a token in a file is a session anyone who copies
the file can use. With no usable keyring, signing in fails with instructions instead.

The one exception is the embedded demo hub (`frontdesk.sync.embedded`): a throwaway
loopback process on fictional data that this process started and stops. Its token is kept
in this process's memory (`MemoryTokens`), whatever keyring there is, and dies with it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import keyring
import keyring.backend
import keyring.core
import keyring.errors

from frontdesk.sync.errors import KeyringUnavailable

log = logging.getLogger(__name__)

SERVICE = "frontdesk"

HOW_TO_ENABLE = (
    "no OS keyring is available to keep the hub sign-in safe. On a Linux desktop, install "
    "and unlock GNOME Keyring or KWallet (headless: apt-get install gnome-keyring dbus-x11, "
    "then run frontdesk under dbus-run-session after "
    "`echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets`). On a test "
    "machine only: pip install keyrings.alt and set "
    "PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring (the token is then stored "
    "unencrypted)"
)


def token_key(hub_url: str, user: str) -> str:
    """The keyring entry's user name: one token per hub and account."""
    return f"{user}@{hub_url}"


def _insecure(backend: Any) -> bool:
    module = type(backend).__module__
    return (
        module.startswith("keyrings.alt")
        or module.startswith("keyring.backends.fail")
        or (module.startswith("keyring.backends.null"))
    )


def default_backend() -> keyring.backend.KeyringBackend:
    """The keyring to use, or KeyringUnavailable saying how to get one."""
    chosen = keyring.get_keyring()
    if keyring.core.load_env() is not None or keyring.core.load_config() is not None:
        return chosen  # someone picked it on purpose
    backends = getattr(chosen, "backends", None)
    first = backends[0] if isinstance(backends, list) and backends else chosen
    if (isinstance(backends, list) and not backends) or _insecure(first):
        raise KeyringUnavailable(HOW_TO_ENABLE)
    return chosen


class MemoryTokens:
    """Tokens for the embedded hubs this process started, in its memory only.

    Only a hub that `hold` was called for is kept here, so a real hub's token can never
    end up in memory by accident (and vanish at exit). Nothing here is ever written to a
    file: the token is worthless once the process and its hub have gone. Thread-safe (the
    GUI thread and the sync thread both read it).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hubs: dict[str, dict[str, str]] = {}

    def hold(self, hub_url: str) -> None:
        """From now on, keep the tokens for `hub_url` (a hub this process started) here."""
        with self._lock:
            self._hubs.setdefault(hub_url, {})

    def release(self, hub_url: str) -> None:
        """The hub has stopped: forget it and every token for it."""
        with self._lock:
            self._hubs.pop(hub_url, None)

    def holds(self, hub_url: str) -> bool:
        with self._lock:
            return hub_url in self._hubs

    def get(self, hub_url: str, user: str) -> str | None:
        with self._lock:
            return self._hubs.get(hub_url, {}).get(user)

    def put(self, hub_url: str, user: str, token: str) -> None:
        with self._lock:
            tokens = self._hubs.get(hub_url)
            if tokens is None:  # released meanwhile: its hub has stopped
                raise KeyringUnavailable("the embedded demo hub has stopped")
            tokens[user] = token

    def remove(self, hub_url: str, user: str) -> bool:
        with self._lock:
            return self._hubs.get(hub_url, {}).pop(user, None) is not None


#: The process's one memory store: every TokenStore sees the same embedded sign-ins, so
#: the demo's first sync, the app's background syncer and its sign-out agree.
EMBEDDED = MemoryTokens()


class TokenStore:
    """Tokens in the keyring, keyed by hub and account; those of an embedded hub this
    process started in `EMBEDDED` instead. `backend` None: the default keyring, resolved
    (and checked) on first use, so the demo never needs one."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend
        self._memory = EMBEDDED

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        if self._backend is None:
            self._backend = default_backend()
        return self._backend

    def in_memory(self, hub_url: str) -> bool:
        """Whether this hub's tokens live in this process's memory (an embedded hub)."""
        return self._memory.holds(hub_url)

    def check(self, hub_url: str | None = None) -> None:
        """Fail now (KeyringUnavailable) rather than after the hub has issued a token."""
        if hub_url is not None and self.in_memory(hub_url):
            return
        _ = self.backend

    def save(self, hub_url: str, user: str, token: str) -> None:
        if self.in_memory(hub_url):
            self._memory.put(hub_url, user, token)
            return
        try:
            self.backend.set_password(SERVICE, token_key(hub_url, user), token)
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable(f"the keyring refused to store the sign-in: {error}") from None

    def load(self, hub_url: str, user: str) -> str | None:
        if self.in_memory(hub_url):
            return self._memory.get(hub_url, user)
        try:
            token: str | None = self.backend.get_password(SERVICE, token_key(hub_url, user))
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable(f"the keyring could not be read: {error}") from None
        return token

    def delete(self, hub_url: str, user: str) -> bool:
        """Remove the entry; False if there was none."""
        if self.in_memory(hub_url):
            return self._memory.remove(hub_url, user)
        try:
            self.backend.delete_password(SERVICE, token_key(hub_url, user))
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable(f"the keyring could not be changed: {error}") from None
        return True
