"""Signing a desk in to a hub and out again.

Signing in swaps the adviser's password for a token (the password is never stored), keeps
the token in the OS keyring and the non-secret facts (hub, account, organisation) in
desk.db. Signing out revokes the token on the hub when it can be reached and always
removes it from the keyring; the outbox stays and is sent after the next sign-in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync.account import SIGNED_OUT, HubAccount, SyncState
from frontdesk.sync.client import HubClient, normalise_hub_url
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.errors import HubUnreachable, KeyringUnavailable, NotSignedIn, SignedOut
from frontdesk.sync.pull import CURSOR, FEED
from frontdesk.sync.rebuild import CatalogueFile

log = logging.getLogger(__name__)


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
    tokens = tokens or TokenStore()
    tokens.check()  # before the hub issues a token there would be nowhere to keep
    with HubClient(url, ca_bundle=ca_bundle) as client:
        result = client.login(user, password)
    account = HubAccount(url, result.user, result.organization_id, ca_bundle)
    state = SyncState(desk)
    previous = state.account()
    tokens.save(url, account.user, result.token)
    if previous is not None and (previous.url, previous.user) != (url, account.user):
        _forget(tokens, previous)
    state.set_account(account)
    EnquiryLog(desk).device_id()
    log.info("signed in to %s as %s (%s)", url, account.user, account.organization_id)
    return account


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
        token = tokens.load(account.url, account.user)
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
    reason = state.get(SIGNED_OUT)
    if reason:
        raise SignedOut(reason)
    token = (tokens or TokenStore()).load(account.url, account.user)
    if not token:
        raise SignedOut("no sign-in is stored in the keyring for this hub; sign in again")
    return account, HubClient(account.url, token, ca_bundle=account.ca_bundle)


def _forget(tokens: TokenStore, account: HubAccount) -> None:
    try:
        tokens.delete(account.url, account.user)
    except KeyringUnavailable as error:
        log.warning("could not remove the old sign-in from the keyring: %s", error)
