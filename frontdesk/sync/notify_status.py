"""Asking the hub, before the adviser promises a caller a text or an e-mail, whether it
can send one for this desk's organisation (GOV.UK Notify set up: a key and a template).

The answer only informs: the request is recorded on the desk whatever it is, and the hub
sends it once it can.
"""

from __future__ import annotations

from enum import Enum

from frontdesk.store.desk import DeskStore
from frontdesk.store.details_sent import EMAIL, SMS
from frontdesk.sync.account import SyncState
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.errors import SyncError
from frontdesk.sync.session import connect

CHANNELS = (SMS, EMAIL)


class HubSends(Enum):
    """What is known about the hub sending a channel's messages."""

    YES = "yes"
    NOT_SET_UP = "not set up"  # the hub answered: no key or no template for the channel
    UNKNOWN = "unknown"  # the hub could not be asked now (offline, signed out)
    NO_HUB = "no hub"  # a standalone desk


def hub_sending(desk: DeskStore, tokens: TokenStore | None = None) -> dict[str, HubSends]:
    """Whether the desk's hub can send texts ("sms") and e-mails ("email") now."""
    if SyncState(desk).account() is None:
        return dict.fromkeys(CHANNELS, HubSends.NO_HUB)
    try:
        _, client = connect(desk, tokens)
        with client:
            body = client.notify_status()
    except SyncError:
        return dict.fromkeys(CHANNELS, HubSends.UNKNOWN)
    return {c: HubSends.YES if body.get(c) is True else HubSends.NOT_SET_UP for c in CHANNELS}


def hub_sends(desk: DeskStore, channel: str, tokens: TokenStore | None = None) -> HubSends:
    """Whether the desk's hub can send `channel` ("sms" or "email") messages now."""
    return hub_sending(desk, tokens)[channel]
