"""Getting this desk's reference prefix from the hub (`store.references` uses it).

Asked at sign-in and, until the desk has one, at the start of every sync round, so a
desk signed in before hubs handed prefixes out, or one whose sign-in could not ask, gets
one at its next sync. Until then it keeps numbering under its standalone prefix: a
reference is never held back for want of the hub.
"""

from __future__ import annotations

import logging

from frontdesk.store.desk import DeskStore
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.store.references import has_hub_prefix, set_hub_prefix
from frontdesk.sync.client import HubClient
from frontdesk.sync.errors import HubRefused

log = logging.getLogger(__name__)


def ensure_hub_prefix(desk: DeskStore, client: HubClient) -> str | None:
    """The prefix newly taken from the hub, or None (the desk had one, or the hub gave
    none: an older hub, or a refusal, which is logged). HubUnreachable and SignedOut
    propagate, as for any other request of the round."""
    if has_hub_prefix(desk):
        return None
    try:
        prefix = client.reference_prefix(EnquiryLog(desk).device_id())
        set_hub_prefix(desk, prefix)
    except (HubRefused, KeyError, ValueError) as error:
        log.warning("the hub gave no reference prefix; references stay standalone: %s", error)
        return None
    log.info("references on this desk now start %s", prefix)
    return prefix
