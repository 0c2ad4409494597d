"""A consented caller's history from the hub: the organisation's enquiries with them,
made at any desk. Used by the enquiry panel and `frontdesk enquiries history` beside the
desk's own history (`store.caller_history`), which answers offline."""

from __future__ import annotations

import datetime as dt

from frontdesk.store.caller_history import CallerQuery, PastEnquiry, from_json
from frontdesk.store.desk import DeskStore
from frontdesk.sync.account import SyncState
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.session import connect


def signed_in(desk: DeskStore) -> bool:
    """Whether the desk has a hub to ask (standalone desks have only their own history)."""
    return SyncState(desk).account() is not None


def hub_history(
    desk: DeskStore,
    query: CallerQuery,
    *,
    since: dt.datetime | None = None,
    tokens: TokenStore | None = None,
) -> list[PastEnquiry]:
    """The caller's enquiries the hub holds for this desk's organisation, newest first.

    Raises the sync errors (`NotSignedIn`, `SignedOut`, `HubUnreachable`, `HubRefused`)
    when the hub cannot be asked; items the desk cannot read are left out.
    """
    lookup: dict[str, str] = query.to_json()
    if since is not None:
        lookup["since"] = since.astimezone(dt.UTC).isoformat()
    _, client = connect(desk, tokens)
    with client:
        body = client.caller_history(lookup)
    items = body.get("enquiries")
    found = [from_json(item) for item in items] if isinstance(items, list) else []
    return [past for past in found if past is not None]
