"""Keeping a desk and the hub in step: outbox push, change-feed pull, credentials.

What the GUI needs is exported here:

- `Syncer(desk, CatalogueFile(path, release=…, reopened=…), prepare=ensure_index,
  on_status=…)`: `start()`, `wake()`, `stop()`, `status()`, `run_once()`.
- `SyncStatus` / `SyncMode`: what the status bar shows; `read_status` without a Syncer.
- `sign_in`, `sign_out`: the login dialog's two buttons; `forget_stopped_demo` when the
  demo hub the desk was signed in to has gone.
- `SyncBusy`: another process already syncs this data folder (see `frontdesk.sync.lock`).
- `start_embedded_hub`: a local hub on SQLite for the demo (needs the `hub` extra).
"""

from frontdesk.sync.account import HubAccount
from frontdesk.sync.embedded import EmbeddedHub, HubExtraMissing, start_embedded_hub
from frontdesk.sync.errors import (
    CursorExpired,
    HubRefused,
    HubUnreachable,
    KeyringUnavailable,
    LoginFailed,
    NotSignedIn,
    OpIdReused,
    ProtocolMismatch,
    SignedOut,
    SyncError,
)
from frontdesk.sync.lock import SyncBusy
from frontdesk.sync.rebuild import CatalogueFile
from frontdesk.sync.session import (
    DemoHubElsewhere,
    SignOutReport,
    forget_stopped_demo,
    sign_in,
    sign_out,
)
from frontdesk.sync.status import SyncMode, SyncStatus, read_status
from frontdesk.sync.syncer import Syncer, SyncReport

__all__ = [
    "CatalogueFile",
    "CursorExpired",
    "DemoHubElsewhere",
    "EmbeddedHub",
    "HubAccount",
    "HubExtraMissing",
    "HubRefused",
    "HubUnreachable",
    "KeyringUnavailable",
    "LoginFailed",
    "NotSignedIn",
    "OpIdReused",
    "ProtocolMismatch",
    "SignOutReport",
    "SignedOut",
    "SyncBusy",
    "SyncError",
    "SyncMode",
    "SyncReport",
    "SyncStatus",
    "Syncer",
    "forget_stopped_demo",
    "read_status",
    "sign_in",
    "sign_out",
    "start_embedded_hub",
]
