"""What a sync round changed on this desk, so the window refreshes only what it names.

A pull notes, page by page, which services, alerts and guidance notes it wrote to
catalogue.db and which enquiries' referral statuses (and which texts' delivery statuses)
it wrote to desk.db; the round hands the sum to its listener as one frozen `SyncChanges`.
A rebuild that swapped a new catalogue.db in changed everything in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from frontdesk.store.alerts import ALERT
from frontdesk.store.catalogue_changes import (
    ORGANIZATION,
    SERVICE,
    TAXONOMY_TERM,
    CatalogueChange,
)
from frontdesk.store.guidance import GUIDANCE
from frontdesk.store.safeguarding import SAFEGUARDING


@dataclass(frozen=True, slots=True)
class SyncChanges:
    """What one round changed. Service ids are catalogue ids."""

    services: frozenset[str] = frozenset()  # upserted or removed
    alerts: frozenset[str] = frozenset()  # services whose alert was set or cleared
    guidance: frozenset[str] = frozenset()  # services whose notes changed
    enquiries: frozenset[str] = frozenset()  # enquiries whose referral status changed
    messages: bool = False  # a text's or e-mail's delivery status changed
    record_reports: bool = False  # the hub's word on record reports changed
    safeguarding: bool = False  # the safeguarding words or prompt changed
    names: bool = False  # an organisation or term changed: services show its name
    rebuilt: bool = False  # a new catalogue.db was swapped in: all of it is new

    @property
    def empty(self) -> bool:
        return self == NOTHING

    def touches_service(self, service_id: str) -> bool:
        """Whether what a service's details show may have changed."""
        if self.rebuilt or self.names:
            return True
        return any(service_id in ids for ids in (self.services, self.alerts, self.guidance))

    def touches_any(self, service_ids: Iterable[str]) -> bool:
        """Whether any of these services (a list of results, say) may have changed."""
        if self.rebuilt or self.names:
            return True
        changed = self.services | self.alerts | self.guidance
        return not changed.isdisjoint(service_ids)


NOTHING = SyncChanges()


@dataclass(slots=True)
class ChangeNotes:
    """What a pull has written so far (mutable; `frozen()` gives the round's answer)."""

    services: set[str] = field(default_factory=set)
    alerts: set[str] = field(default_factory=set)
    guidance: set[str] = field(default_factory=set)
    enquiries: set[str] = field(default_factory=set)
    messages: bool = False
    record_reports: bool = False
    safeguarding: bool = False
    names: bool = False

    def note_catalogue(self, changes: Iterable[CatalogueChange]) -> None:
        for change in changes:
            if change.kind == SERVICE:
                self.services.add(change.id)
            elif change.kind == ALERT:
                self.alerts.add(change.id)
            elif change.kind == GUIDANCE:
                self.guidance.add(_guidance_service(change))
            elif change.kind == SAFEGUARDING:
                self.safeguarding = True
            elif change.kind in (ORGANIZATION, TAXONOMY_TERM):
                self.names = True

    def add(self, other: ChangeNotes) -> None:
        self.services |= other.services
        self.alerts |= other.alerts
        self.guidance |= other.guidance
        self.enquiries |= other.enquiries
        self.messages |= other.messages
        self.record_reports |= other.record_reports
        self.safeguarding |= other.safeguarding
        self.names |= other.names

    def frozen(self, *, rebuilt: bool = False) -> SyncChanges:
        return SyncChanges(
            services=frozenset(self.services),
            alerts=frozenset(self.alerts),
            guidance=frozenset(self.guidance),
            enquiries=frozenset(self.enquiries),
            messages=self.messages,
            record_reports=self.record_reports,
            safeguarding=self.safeguarding or rebuilt,
            names=self.names,
            rebuilt=rebuilt,
        )


def _guidance_service(change: CatalogueChange) -> str:
    """A guidance change goes by organisation and service (`store.guidance.change_id`)."""
    record = change.record
    if isinstance(record, dict) and isinstance(record.get("service_id"), str):
        return str(record["service_id"])
    return change.id.rpartition("\x1f")[2]
