"""Where the desk keeps its hub token: the operating system's keyring, nowhere else.

Windows Credential Manager, the macOS Keychain or a Secret Service (GNOME Keyring,
KWallet) on Linux. A keyring that writes the token to a plain file (keyrings.alt) is used
only when someone chose it explicitly (PYTHON_KEYRING_BACKEND or keyring's config file),
never because nothing better was found: a token in a file is a session anyone who copies
the file can use. With no usable keyring, signing in fails with instructions instead.
"""

from __future__ import annotations

import logging
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


class TokenStore:
    """Tokens in the keyring, keyed by hub and account. `backend` None: the default one,
    resolved (and checked) on first use."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        if self._backend is None:
            self._backend = default_backend()
        return self._backend

    def check(self) -> None:
        """Fail now (KeyringUnavailable) rather than after the hub has issued a token."""
        _ = self.backend

    def save(self, hub_url: str, user: str, token: str) -> None:
        try:
            self.backend.set_password(SERVICE, token_key(hub_url, user), token)
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable(f"the keyring refused to store the sign-in: {error}") from None

    def load(self, hub_url: str, user: str) -> str | None:
        try:
            token: str | None = self.backend.get_password(SERVICE, token_key(hub_url, user))
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable(f"the keyring could not be read: {error}") from None
        return token

    def delete(self, hub_url: str, user: str) -> bool:
        """Remove the entry; False if there was none."""
        try:
            self.backend.delete_password(SERVICE, token_key(hub_url, user))
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as error:
            raise KeyringUnavailable(f"the keyring could not be changed: {error}") from None
        return True
