"""Which hub this desk is signed in to, and what sync last did, kept in desk.db.

None of it is secret (the token is in the keyring): the hub's address, the account name
and its organisation, an optional CA bundle path, whether it is the embedded demo hub,
whether the hub has since refused the sign-in, and when pushing and pulling last
succeeded. It lives in desk.db's `desk_state` beside the device id, so it survives a
catalogue rebuild.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from frontdesk.store import desk_schema as t
from frontdesk.store.desk import DeskStore

HUB_URL, HUB_USER, HUB_ORG, HUB_CA = "hub.url", "hub.user", "hub.organization", "hub.ca_bundle"
# "1": a `frontdesk demo` hub, whose token lived only in that demo's memory. Another
# process can tell from it why it has no token, instead of asking a keyring.
HUB_EMBEDDED = "hub.embedded"
SIGNED_OUT = "sync.signed_out"  # why the hub stopped accepting the token
BLOCKED = "sync.blocked"  # a bug stopped pushing (op_id reused); needs a person
LAST_PUSH, LAST_PULL, LAST_ERROR = "sync.last_push_at", "sync.last_pull_at", "sync.last_error"
_ACCOUNT_KEYS = (HUB_URL, HUB_USER, HUB_ORG, HUB_CA, HUB_EMBEDDED, SIGNED_OUT, BLOCKED, LAST_ERROR)


@dataclass(frozen=True, slots=True)
class HubAccount:
    url: str
    user: str
    organization_id: str
    ca_bundle: str | None = None
    embedded: bool = False  # the embedded demo hub: its token is in that demo's memory

    @property
    def feed_id(self) -> str:
        """What a change-feed cursor belongs to: one hub, seen as one organisation."""
        return f"{self.url} {self.organization_id}"


class SyncState:
    """desk_state entries about the hub. Thread-safe: each call is its own transaction."""

    def __init__(self, desk: DeskStore) -> None:
        self._desk = desk

    def get(self, key: str) -> str | None:
        query = select(t.desk_state.c.value).where(t.desk_state.c.key == key)
        with self._desk.engine.connect() as conn:
            value: str | None = conn.scalar(query)
        return value

    def get_many(self, keys: tuple[str, ...]) -> dict[str, str]:
        query = select(t.desk_state.c.key, t.desk_state.c.value).where(t.desk_state.c.key.in_(keys))
        with self._desk.engine.connect() as conn:
            return {row.key: row.value for row in conn.execute(query)}

    def set(self, values: dict[str, str | None]) -> None:
        with self._desk.write("record the sync state") as conn:
            for key, value in values.items():
                conn.execute(delete(t.desk_state).where(t.desk_state.c.key == key))
                if value is not None:
                    conn.execute(insert(t.desk_state).values(key=key, value=value))

    def account(self) -> HubAccount | None:
        found = self.get_many((HUB_URL, HUB_USER, HUB_ORG, HUB_CA, HUB_EMBEDDED))
        if HUB_URL not in found or HUB_USER not in found:
            return None
        return HubAccount(
            found[HUB_URL],
            found[HUB_USER],
            found.get(HUB_ORG, ""),
            found.get(HUB_CA),
            embedded=found.get(HUB_EMBEDDED) == "1",
        )

    def set_account(self, account: HubAccount) -> None:
        self.set(
            {
                HUB_URL: account.url,
                HUB_USER: account.user,
                HUB_ORG: account.organization_id,
                HUB_CA: account.ca_bundle,
                HUB_EMBEDDED: "1" if account.embedded else None,
                SIGNED_OUT: None,
                BLOCKED: None,
                LAST_ERROR: None,
            }
        )

    def clear_account(self) -> None:
        self.set(dict.fromkeys(_ACCOUNT_KEYS))

    def stamp(self, key: str, at: dt.datetime | None = None, *, timespec: str = "seconds") -> None:
        self.set({key: (at or dt.datetime.now(dt.UTC)).isoformat(timespec=timespec)})
