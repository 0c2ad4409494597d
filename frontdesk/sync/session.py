"""Signing a desk in to a hub and out again.

Signing in swaps the adviser's password for a token (the password is never stored), keeps
the token in the OS keyring and the non-secret facts (hub, account, organisation) in
desk.db. Signing out revokes the token on the hub when it can be reached and always
removes it from the keyring; the outbox stays and is sent after the next sign-in.

The embedded demo hub's token lives in the memory of the `frontdesk demo` that started it
(`credentials.MemoryTokens`). Any other process finding that sign-in in desk.db says so
rather than asking a keyring, and signs the desk out of it once that demo has gone (killed
before it could sign out itself), since its token went with it.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from frontdesk.store import machine_config
from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.store.record_reports import ReportLog
from frontdesk.sync.account import SIGNED_OUT, HubAccount, SyncState
from frontdesk.sync.client import HubClient, HubUrlError, normalise_hub_url
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.errors import (
    HubUnreachable,
    KeyringUnavailable,
    NotSignedIn,
    SignedOut,
    SyncError,
)
from frontdesk.sync.pull import CURSOR, FEED
from frontdesk.sync.rebuild import CatalogueFile
from frontdesk.sync.references import ensure_hub_prefix

log = logging.getLogger(__name__)

DEMO_ELSEWHERE = (
    "this desk is signed in to the embedded demo hub, which only the running `frontdesk "
    "demo` can reach (it keeps the sign-in in its memory); sync from the demo's window"
)
DEMO_STOPPED = (
    "the embedded demo hub this desk was signed in to has stopped, and its sign-in ended "
    "with it; this desk works standalone now (`frontdesk demo` starts a new one)"
)


class DemoHubElsewhere(NotSignedIn):
    """Signed in to the embedded hub of a `frontdesk demo` still running in another
    process: only that process holds the token, so this one cannot sync."""


@dataclass(frozen=True, slots=True)
class SignOutReport:
    account: HubAccount
    revoked: bool  # the hub confirmed the token is dead (False: it was unreachable)
    outbox: int  # ops still waiting; sent after the next sign-in


def sign_in(
    desk: DeskStore,
    hub_url: str,
    user: str,
    password: str,
    *,
    ca_bundle: str | None = None,
    tokens: TokenStore | None = None,
) -> HubAccount:
    url = normalise_hub_url(hub_url)
    _check_machine_hub(url)
    tokens = tokens or TokenStore()
    tokens.check(url)  # before the hub issues a token there would be nowhere to keep
    with HubClient(url, ca_bundle=ca_bundle) as client:
        result = client.login(user, password)
    embedded = tokens.in_memory(url)  # the embedded hub this process started
    account = HubAccount(url, result.user, result.organization_id, ca_bundle, embedded)
    state = SyncState(desk)
    previous = state.account()
    tokens.save(url, account.user, result.token)
    if previous is not None and (previous.url, previous.user) != (url, account.user):
        _forget(tokens, previous)
    state.set_account(account)
    EnquiryLog(desk).device_id()
    _take_prefix(desk, account, result.token)
    log.info("signed in to %s as %s (%s)", url, account.user, account.organization_id)
    return account


def _take_prefix(desk: DeskStore, account: HubAccount, token: str) -> None:
    """The desk's reference prefix, now if the hub answers; else at the next sync."""
    try:
        with HubClient(account.url, token, ca_bundle=account.ca_bundle) as client:
            ensure_hub_prefix(desk, client)
    except SyncError as error:
        log.info("reference prefix not taken at sign-in (the next sync takes it): %s", error)


def _check_machine_hub(url: str) -> None:
    """A hub address locked by the machine-wide configuration is the only one allowed."""
    machine = machine_config.load()
    locked = machine.value("hub_url") if machine.is_locked("hub_url") else None
    if locked is not None and normalise_hub_url(str(locked)) != url:
        raise HubUrlError(
            f"this computer may sign in only to {locked} (set by the machine-wide "
            f"configuration {machine.path})"
        )


def sign_out(
    desk: DeskStore, catalogue: CatalogueFile | None = None, *, tokens: TokenStore | None = None
) -> SignOutReport:
    state = SyncState(desk)
    account = state.account()
    if account is None:
        raise NotSignedIn("this desk is not signed in to a hub")
    tokens = tokens or TokenStore()
    revoked = False
    try:
        token = None if _held_elsewhere(tokens, account) else tokens.load(account.url, account.user)
    except KeyringUnavailable:
        token = None
    if token:
        try:
            with HubClient(account.url, token, ca_bundle=account.ca_bundle) as client:
                client.logout()
            revoked = True
        except SignedOut:
            revoked = True  # already dead on the hub
        except HubUnreachable as error:
            log.warning("could not revoke the token on the hub: %s", error)
    _forget(tokens, account)
    state.clear_account()
    ReportLog(desk).forget_warnings()  # they came from that hub's feed
    if catalogue is not None:
        # Standalone again: local imports may now change the catalogue, so a later
        # sign-in must rebuild it from the hub rather than carry on from this cursor.
        catalogue.store.set_meta({CURSOR: None, FEED: None})
    return SignOutReport(account, revoked, EnquiryLog(desk).outbox_size())


def connect(desk: DeskStore, tokens: TokenStore | None = None) -> tuple[HubAccount, HubClient]:
    """A client for the signed-in account, or NotSignedIn / SignedOut saying why not."""
    state = SyncState(desk)
    account = state.account()
    if account is None:
        raise NotSignedIn(
            "this desk is not signed in to a hub (frontdesk login HUB_URL --user NAME)"
        )
    tokens = tokens or TokenStore()
    if _held_elsewhere(tokens, account):
        # Not SignedOut: that would be recorded in desk.db and stop the running demo too.
        if forget_stopped_demo(desk, tokens=tokens) is not None:
            raise NotSignedIn(DEMO_STOPPED)
        raise DemoHubElsewhere(DEMO_ELSEWHERE)
    reason = state.get(SIGNED_OUT)
    if reason:
        raise SignedOut(reason)
    token = tokens.load(account.url, account.user)
    if not token:
        raise SignedOut("no sign-in is stored in the keyring for this hub; sign in again")
    return account, HubClient(account.url, token, ca_bundle=account.ca_bundle)


def forget_stopped_demo(desk: DeskStore, *, tokens: TokenStore | None = None) -> HubAccount | None:
    """Sign the desk out of an embedded demo hub whose demo has gone (killed or crashed
    before it signed out): the token died with it, so that sign-in can never work again.
    Returns the account signed out of; None if there was nothing to do (not a demo
    sign-in, this process's own, or that demo still runs).

    The catalogue keeps its cursor (this may run before catalogue.db is open): the cursor
    names the old hub's address, and a new demo hub is given a fresh port by the system,
    so the next sign-in rebuilds the catalogue as after `sign_out`."""
    tokens = tokens or TokenStore()
    account = SyncState(desk).account()
    if account is None or not _held_elsewhere(tokens, account) or _listening(account.url):
        return None
    sign_out(desk, tokens=tokens)
    log.info("the embedded demo hub at %s has stopped: signed out of it", account.url)
    return account


def _held_elsewhere(tokens: TokenStore, account: HubAccount) -> bool:
    """A demo sign-in whose token is in another process's memory (or gone with it): no
    keyring has it, so none is asked."""
    return account.embedded and not tokens.in_memory(account.url)


def _listening(url: str) -> bool:
    """Whether anything still accepts connections at the demo hub's loopback address. The
    hub process exits with its demo (`embedded`), so this says whether that demo runs."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), 1.0):
            return True
    except OSError:
        return False


def _forget(tokens: TokenStore, account: HubAccount) -> None:
    if _held_elsewhere(tokens, account):
        return  # it was only ever in that demo's memory
    try:
        tokens.delete(account.url, account.user)
    except KeyringUnavailable as error:
        log.warning("could not remove the old sign-in from the keyring: %s", error)
