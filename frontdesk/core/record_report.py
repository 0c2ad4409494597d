"""Reports that a catalogue record is wrong: which part, what the adviser found, and what
became of it. Shared by the desk (which writes them) and the hub (which groups and routes
them); stdlib only."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from dataclasses import dataclass
from typing import Any


class ReportField(enum.StrEnum):
    """The part of a service record an adviser says is wrong."""

    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"
    HOURS = "hours"
    ELIGIBILITY = "eligibility"
    CLOSED_MOVED = "closed/moved"
    OTHER = "other"


class ReportStatus(enum.StrEnum):
    """Where a group of reports stands. The owning agency moves it on; a newer import or
    harvest that changes the reported part closes it as `changed at source`."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    FIXED = "fixed"
    NOT_A_PROBLEM = "not a problem"
    CHANGED_AT_SOURCE = "changed at source"

    @property
    def is_open(self) -> bool:
        return self in (ReportStatus.OPEN, ReportStatus.ACKNOWLEDGED)


#: What an agency may set: acknowledging keeps the report open, the others close it.
AGENCY_STATUSES = (ReportStatus.ACKNOWLEDGED, ReportStatus.FIXED, ReportStatus.NOT_A_PROBLEM)
#: A contact field's suggested value is kept verbatim: it is the record's own, not a person's.
CONTACT_FIELDS = frozenset({ReportField.PHONE, ReportField.EMAIL})
MAX_PROBLEM_CHARS = 1000
MAX_SUGGESTED_CHARS = 300

# The parts of a service document (core.codec's dict) each field is about. "Other" is the
# whole record bar the dates a re-publication moves without changing anything.
_PARTS: dict[ReportField, tuple[str, ...]] = {
    ReportField.PHONE: ("phones", "contacts"),
    ReportField.EMAIL: ("email", "contacts"),
    ReportField.ADDRESS: ("locations",),
    ReportField.HOURS: ("schedules",),
    ReportField.ELIGIBILITY: ("eligibility", "minimum_age", "maximum_age"),
    ReportField.CLOSED_MOVED: ("status", "locations"),
}
_UNTRACKED = frozenset({"last_modified", "last_assured"})


def reported_part(service: dict[str, Any], field: ReportField) -> dict[str, Any]:
    """The part of the record a report on `field` is about."""
    if field is ReportField.OTHER:
        return {k: v for k, v in service.items() if k not in _UNTRACKED}
    part = {key: service.get(key) for key in _PARTS[field]}
    contacts = part.get("contacts")
    if field in (ReportField.PHONE, ReportField.EMAIL) and isinstance(contacts, list):
        # Only the contacts' phones (or e-mails): a new contact name changes neither.
        key = "phones" if field is ReportField.PHONE else "email"
        part["contacts"] = [c.get(key) for c in contacts if isinstance(c, dict)]
    return part


def part_fingerprint(service: dict[str, Any] | None, field: ReportField) -> str:
    """A digest of the reported part: a later record with another digest changed it. A
    record that is gone has the empty digest."""
    if service is None:
        return ""
    text = json.dumps(reported_part(service, field), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- what a desk holds ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecordWarning:
    """An open report on a service, as every desk shows it until the report closes."""

    service_id: str
    field: ReportField
    advisers: int
    since: dt.datetime


@dataclass(frozen=True, slots=True)
class OwnReport:
    """A report this desk made, and what became of it."""

    id: str
    service_id: str
    service_name: str
    field: ReportField
    problem: str
    suggested: str | None
    reported_at: dt.datetime
    waiting: bool  # not yet confirmed by the hub
    rejection_reason: str | None
    status: ReportStatus | None  # the hub's latest word, once it arrived by the feed
    status_note: str | None


@dataclass(frozen=True, slots=True)
class GroupUpdate:
    """A record-report group as the change feed carries it to every desk."""

    group_id: str
    service_id: str
    field: ReportField
    status: ReportStatus
    confirmations: int
    first_reported_at: dt.datetime
    updated_at: dt.datetime
    note: str | None
    report_ids: tuple[str, ...]
