"""What a desk tells the hub about itself on every pull and push, in headers: its device
id, how many ops wait in its outbox, and when it last pulled the catalogue. The hub
shows them to supervisors as the estate (which desks are quiet, which are behind)."""

from __future__ import annotations

from frontdesk.store.enquiries import EnquiryLog
from frontdesk.sync.pull import PULLED_AT
from frontdesk.sync.rebuild import CatalogueFile

DEVICE_HEADER = "Frontdesk-Device"
OUTBOX_HEADER = "Frontdesk-Outbox"
CATALOGUE_HEADER = "Frontdesk-Catalogue-Pulled-At"


def desk_headers(log: EnquiryLog, catalogue: CatalogueFile | None) -> dict[str, str]:
    """The headers as things stand now (read at each request, so a count is never old)."""
    headers = {DEVICE_HEADER: log.device_id(), OUTBOX_HEADER: str(log.outbox_size())}
    pulled = catalogue.store.meta(PULLED_AT) if catalogue is not None else None
    if pulled:
        headers[CATALOGUE_HEADER] = pulled
    return headers
