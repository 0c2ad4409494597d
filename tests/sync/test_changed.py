"""Reading alert entries off the feed, and what a round says it changed: the services,
alerts and notes it wrote, the enquiries whose status moved — and nothing when nothing
moved, so the window refreshes nothing."""

from __future__ import annotations

from typing import Any

from frontdesk.store.alerts import ALERT
from frontdesk.store.catalogue_changes import ORGANIZATION, SERVICE, CatalogueChange
from frontdesk.store.guidance import GUIDANCE, change_id
from frontdesk.sync.changed import NOTHING, ChangeNotes, SyncChanges
from frontdesk.sync.feed import decode_page

ALERT_DATA = {
    "service_id": "src:s1",
    "text": "Closed today",
    "until": "2026-12-08T17:00:00+00:00",
    "set_at": "2026-12-08T09:00:00+00:00",
}


def _entry(op: str, data: Any, entity: str = "src:s1") -> dict[str, Any]:
    return {"kind": "service_alert", "id": entity, "op": op, "data": data}


def test_alert_entries_become_catalogue_changes() -> None:
    page = decode_page([_entry("upsert", ALERT_DATA), _entry("delete", None, "src:s2")])
    assert page.skipped == 0
    assert [(c.kind, c.id, c.record) for c in page.catalogue] == [
        (ALERT, "src:s1", ALERT_DATA),
        (ALERT, "src:s2", None),
    ]


def test_a_malformed_alert_is_skipped_not_stored() -> None:
    bad = [
        _entry("upsert", {**ALERT_DATA, "until": "soon"}),
        _entry("upsert", {**ALERT_DATA, "text": 3}),
        _entry("upsert", ALERT_DATA, entity="src:other"),  # not the entry's service
    ]
    page = decode_page(bad)
    assert (page.skipped, page.catalogue) == (3, [])


def test_notes_name_what_a_page_wrote() -> None:
    notes = ChangeNotes()
    guidance = {"service_id": "src:s3", "organization_id": None}
    notes.note_catalogue(
        [
            CatalogueChange(SERVICE, "src:s1", "src", {"id": "s1"}),
            CatalogueChange(ALERT, "src:s2", "", ALERT_DATA),
            CatalogueChange(GUIDANCE, change_id("src:s3", None), "", guidance),
        ]
    )
    notes.enquiries.add("enq-1")
    changes = notes.frozen()
    assert changes == SyncChanges(
        services=frozenset({"src:s1"}),
        alerts=frozenset({"src:s2"}),
        guidance=frozenset({"src:s3"}),
        enquiries=frozenset({"enq-1"}),
    )
    assert all(changes.touches_service(s) for s in ("src:s1", "src:s2", "src:s3"))
    assert not changes.touches_service("src:s4")
    assert changes.touches_any(["src:s9", "src:s2"]) and not changes.touches_any(["src:s9"])


def test_a_renamed_organisation_or_a_rebuild_touches_every_service() -> None:
    notes = ChangeNotes()
    notes.note_catalogue([CatalogueChange(ORGANIZATION, "src:o1", "src", None)])
    assert notes.frozen().touches_service("src:anything")
    rebuilt = ChangeNotes().frozen(rebuilt=True)
    assert rebuilt.touches_any(["src:x"]) and rebuilt.safeguarding and not rebuilt.empty


def test_nothing_written_is_nothing_changed() -> None:
    assert ChangeNotes().frozen() == NOTHING and NOTHING.empty
    assert not NOTHING.touches_any(["src:s1"])
