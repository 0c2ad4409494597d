"""Reading change-feed entries: catalogue records, guidance notes and service alerts for
catalogue.db, referral statuses for desk.db. Kinds this frontdesk does not know are
skipped, so a newer hub can add some."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from frontdesk.core.alert import alert_from_dict
from frontdesk.core.codec import organization_from_dict, taxonomy_term_from_dict
from frontdesk.core.enquiry import ReferralStatus
from frontdesk.core.guidance import guidance_from_dict
from frontdesk.core.record_report import GroupUpdate
from frontdesk.store.alerts import ALERT
from frontdesk.store.catalogue_changes import (
    ORGANIZATION,
    SERVICE,
    TAXONOMY_TERM,
    CatalogueChange,
    Record,
)
from frontdesk.store.catalogue_rows import check_service_dict
from frontdesk.store.guidance import GUIDANCE, change_id
from frontdesk.store.safeguarding import SAFEGUARDING, check_entry
from frontdesk.sync.record_report_feed import RECORD_REPORT, group_update

log = logging.getLogger(__name__)

UPSERT, DELETE = "upsert", "delete"
REFERRAL = "referral"
MESSAGE_STATUS = "message_status"
# Services stay the codec dicts they arrived as, checked but not turned into dataclasses:
# the row builder reads the dict, and a first sync of 200,000 services would otherwise
# spend a large share of its time building `Service`s only to encode them again.
_DECODERS: dict[str, Any] = {
    SERVICE: check_service_dict,
    ORGANIZATION: organization_from_dict,
    TAXONOMY_TERM: taxonomy_term_from_dict,
}


@dataclass(frozen=True, slots=True)
class ReferralUpdate:
    """The receiving agency's latest word on one referral this desk's organisation sent."""

    referral_id: str
    enquiry_id: str
    status: ReferralStatus
    note: str | None
    updated_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class MessageUpdate:
    """The hub's latest word on a text or e-mail this desk's organisation asked for."""

    event_id: str
    status: str
    reason: str | None
    updated_at: str


@dataclass(slots=True)
class DecodedPage:
    catalogue: list[CatalogueChange] = field(default_factory=list)
    referrals: list[ReferralUpdate] = field(default_factory=list)
    record_reports: list[GroupUpdate] = field(default_factory=list)
    messages: list[MessageUpdate] = field(default_factory=list)
    skipped: int = 0


def decode_page(entries: list[dict[str, Any]]) -> DecodedPage:
    page = DecodedPage()
    for entry in entries:
        try:
            _decode(entry, page)
        except (KeyError, TypeError, ValueError) as error:
            # One malformed entry must not stop the feed for good; it is logged for the
            # hub's operator and the next upsert of that record will bring it right.
            log.error(
                "skipping a change the desk cannot read (%s %s): %r",
                entry.get("kind"),
                entry.get("id"),
                error,
            )
            page.skipped += 1
    return page


def _decode(entry: dict[str, Any], page: DecodedPage) -> None:
    kind, op = entry["kind"], entry["op"]
    data: dict[str, Any] = entry.get("data") or {}
    if kind in _DECODERS:
        if op == DELETE:
            page.catalogue.append(CatalogueChange(kind, str(entry["id"])))
        elif op == UPSERT:
            record: Record = _DECODERS[kind](data[kind])
            page.catalogue.append(CatalogueChange(kind, str(entry["id"]), data["source"], record))
        else:
            page.skipped += 1
    elif kind == REFERRAL and op == UPSERT:
        page.referrals.append(_referral(data))
    elif kind == RECORD_REPORT and op == UPSERT:
        page.record_reports.append(group_update(data))
    elif kind == GUIDANCE and op == UPSERT:
        # Checked here, kept as the dict it came as: a rebuild may hand it to another
        # process (`search.fill`), which takes records as dicts.
        note = guidance_from_dict(data)
        key = change_id(note.service_id, note.organization_id)
        page.catalogue.append(CatalogueChange(GUIDANCE, key, "", data))
    elif kind == MESSAGE_STATUS and op == UPSERT:
        reason = data.get("reason")
        page.messages.append(
            MessageUpdate(
                event_id=_text(data["id"]),
                status=_text(data["status"]),
                reason=reason if isinstance(reason, str) else None,
                updated_at=_text(data["updated_at"]),
            )
        )
    elif kind == ALERT and op == DELETE:
        page.catalogue.append(CatalogueChange(ALERT, str(entry["id"])))
    elif kind == ALERT and op == UPSERT:
        # Checked here, kept as a dict for the same reason as guidance.
        alert = alert_from_dict(data)
        if alert.service_id != entry["id"]:
            raise ValueError("an alert's service is not the entry's id")
        page.catalogue.append(CatalogueChange(ALERT, alert.service_id, "", data))
    elif kind == SAFEGUARDING and op == UPSERT:
        check_entry(data)
        scope = data["organization_id"] or ""
        page.catalogue.append(CatalogueChange(SAFEGUARDING, scope, "", data))
    else:
        page.skipped += 1


def _referral(data: dict[str, Any]) -> ReferralUpdate:
    at = data.get("updated_at")
    note = data.get("note")
    return ReferralUpdate(
        referral_id=str(data["id"]),
        enquiry_id=str(data["enquiry_id"]),
        status=ReferralStatus(data["status"]),
        note=note if isinstance(note, str) else None,
        updated_at=dt.datetime.fromisoformat(at) if isinstance(at, str) else None,
    )


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("expected text")
    return value
