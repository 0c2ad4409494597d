"""Guidance notes written on a real hub process reach a desk with its next sync, show in
catalogue.db, and move a service up the desk's search; a withdrawn note goes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from frontdesk.hub.guidance.notes import set_note
from frontdesk.search.api import SearchEngine
from frontdesk.store.guidance import notes_for
from tests.helpers.hub import eventually
from tests.helpers.hub_process import ORG, HubProcess


def _top(desk: Any, text: str) -> list[str]:
    store = desk.syncer().catalogue.store
    try:
        return [hit.id for hit in SearchEngine(store).search(text, typing=False).hits[:3]]
    finally:
        store.close()


def _notes(desk: Any, service: str) -> list[Any]:
    store = desk.syncer().catalogue.store
    try:
        return notes_for(store.engine, service)
    finally:
        store.close()


def _synced_until(desk: Any, check: Any) -> Any:
    """Sync until `check` holds (on PostgreSQL a neighbour's transaction may hold a new
    feed row back for a moment)."""

    def done() -> Any:
        desk.sync()
        return check()

    return eventually(done)


def test_guidance_reaches_the_desk_and_changes_its_ranking(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    # Written before the desk's first sync: the rebuild brings it.
    set_note(
        hub_engine,
        f"{ORG}:svc-3",
        "Ask whether they hold a blue badge.",
        organization_id=ORG,
        author="sue",
    )
    desk = make_desk()
    desk.sign_in(hub.url)
    (note,) = _synced_until(desk, lambda: _notes(desk, f"{ORG}:svc-3"))
    assert (note.body, note.author, note.version) == (
        "Ask whether they hold a blue badge.",
        "sue",
        1,
    )
    assert _top(desk, "blue badge")[0] == f"{ORG}:svc-3"

    # Every service matches "council tax"; a shared note about vouchers lifts one of them.
    before = _top(desk, "council tax voucher")
    assert f"{ORG}:svc-7" not in before[:1]
    set_note(
        hub_engine,
        f"{ORG}:svc-7",
        "Issue a **voucher** first.",
        organization_id=None,
        author="admin",
    )
    assert _synced_until(desk, lambda: _top(desk, "council tax voucher")[:1] == [f"{ORG}:svc-7"])

    # Withdrawn on the hub: gone from the desk and from its search.
    set_note(hub_engine, f"{ORG}:svc-3", "", organization_id=ORG, author="sue")
    assert _synced_until(desk, lambda: f"{ORG}:svc-3" not in _top(desk, "blue badge"))
    assert _notes(desk, f"{ORG}:svc-3") == []
