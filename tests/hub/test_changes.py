"""The change feed: paging with a cursor, tombstones, scoping, retention and 410."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from frontdesk.hub import schema as t
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.db import create_hub_engine
from frontdesk.hub.sync.changes import Cursor, Position, encode_cursor, prune, read_floor
from tests.helpers.hub import Hub, eventually, small_feed


def _pull_all(hub: Hub, headers: dict[str, str], cursor: str | None = None, limit: int = 2):  # type: ignore[no-untyped-def]
    """Page through the feed to its end; returns (changes, final cursor, pages)."""
    seen: list[dict[str, Any]] = []
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = hub.client.get("/sync/v1/changes", params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        seen += body["changes"]
        cursor = body["cursor"]
        pages += 1
        if not body["has_more"]:
            return seen, cursor, pages


def _settled(hub: Hub, headers: dict[str, str], expected: int, cursor: str | None = None):  # type: ignore[no-untyped-def]
    def enough():  # type: ignore[no-untyped-def]
        pulled = _pull_all(hub, headers, cursor)
        return pulled if len(pulled[0]) >= expected else None

    result = eventually(enough)
    assert result, f"the feed never reached {expected} changes"
    return result


def test_an_import_reaches_a_desk_page_by_page_without_loss_or_repeats(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    import_feeds(hub.engine, [("kirklees", small_feed(services=5))], actor="test")
    changes, cursor, pages = _settled(hub, headers, 7)
    kinds = [c["kind"] for c in changes]
    assert sorted(kinds) == [
        "organization",
        "service",
        "service",
        "service",
        "service",
        "service",
        "taxonomy_term",
    ]
    assert len({(c["kind"], c["id"]) for c in changes}) == 7
    assert pages == 4
    service = next(c for c in changes if c["id"] == "kirklees:svc-0")
    assert service["op"] == "upsert"
    assert service["data"]["source"] == "kirklees"
    assert service["data"]["service"]["name"] == "Service 0"
    # Caught up: the cursor returns nothing new, and says so.
    again = hub.client.get("/sync/v1/changes", params={"cursor": cursor}, headers=headers).json()
    assert again == {"changes": [], "cursor": cursor, "has_more": False}


def test_re_import_sends_only_what_changed_and_tombstones_what_vanished(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    import_feeds(hub.engine, [("kirklees", small_feed(services=3))], actor="test")
    _, cursor, _ = _settled(hub, headers, 5)
    import_feeds(hub.engine, [("kirklees", small_feed(services=3))], actor="test")
    assert _pull_all(hub, headers, cursor)[0] == []
    import_feeds(hub.engine, [("kirklees", small_feed(services=2, name_suffix="!"))], actor="test")
    changes, _, _ = _settled(hub, headers, 3, cursor)
    assert {(c["id"], c["op"]) for c in changes} == {
        ("kirklees:svc-0", "upsert"),
        ("kirklees:svc-1", "upsert"),
        ("kirklees:svc-2", "delete"),
    }
    assert next(c for c in changes if c["op"] == "delete")["data"] is None


def test_a_bad_cursor_is_400_and_limits_are_checked(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    for cursor in (
        "not-a-cursor",
        "MTo",
        encode_cursor(Cursor(0, Position(0, 0)))[:-1] + "!",
        "Mjow",
    ):
        response = hub.client.get("/sync/v1/changes", params={"cursor": cursor}, headers=headers)
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "bad_cursor"
    for limit in ("0", "1001", "ten"):
        response = hub.client.get("/sync/v1/changes", params={"limit": limit}, headers=headers)
        assert response.json()["error"]["code"] == "bad_parameter"


def test_prune_keeps_the_latest_change_per_record_and_expires_older_cursors(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    import_feeds(hub.engine, [("kirklees", small_feed(services=3))], actor="test")
    _, old_cursor, _ = _settled(hub, headers, 5)
    import_feeds(hub.engine, [("kirklees", small_feed(services=2, name_suffix="!"))], actor="test")
    _, new_cursor, _ = _settled(hub, headers, 3, old_cursor)
    with hub.engine.begin() as conn:
        conn.execute(
            update(t.changes).values(created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=40))
        )
    report = prune(hub.engine, keep_days=30)
    assert (report.superseded, report.tombstones) == (3, 1)  # svc-0/1/2's first upserts
    # A desk that has seen the tombstone carries on; one that has not must rebuild.
    current = hub.client.get("/sync/v1/changes", params={"cursor": new_cursor}, headers=headers)
    assert current.status_code == 200
    expired = hub.client.get("/sync/v1/changes", params={"cursor": old_cursor}, headers=headers)
    assert expired.status_code == 410
    assert expired.json()["error"]["code"] == "cursor_expired"
    # Starting again gives the compacted catalogue: latest version of each record, no ghosts.
    fresh, _, _ = _pull_all(hub, headers)
    assert sorted(c["id"] for c in fresh if c["kind"] == "service") == [
        "kirklees:svc-0",
        "kirklees:svc-1",
    ]
    assert all(c["op"] == "upsert" for c in fresh)
    assert {c["data"]["service"]["name"] for c in fresh if c["kind"] == "service"} == {
        "Service 0!",
        "Service 1!",
    }


def _age_the_feed(hub: Hub) -> None:
    with hub.engine.begin() as conn:
        conn.execute(
            update(t.changes).values(created_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=40))
        )


def test_every_prune_that_drops_tombstones_expires_the_cursors_before_it(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    import_feeds(hub.engine, [("kirklees", small_feed(services=3))], actor="test")
    import_feeds(hub.engine, [("kirklees", small_feed(services=2))], actor="test")
    _settled(hub, headers, 6)
    _age_the_feed(hub)
    first = prune(hub.engine, keep_days=30)
    _, after_first, _ = _pull_all(hub, headers)  # a desk rebuilt after the first prune
    import_feeds(hub.engine, [("kirklees", small_feed(services=1))], actor="test")
    _settled(hub, headers, 1, after_first)
    _age_the_feed(hub)
    second = prune(hub.engine, keep_days=30)
    assert (first.tombstones, second.tombstones) == (1, 1)
    assert second.floor > first.floor
    with hub.engine.connect() as conn:
        epoch, floor = read_floor(conn)
    assert (epoch, floor) == (2, second.floor)
    # That desk never heard svc-1 go: it must rebuild, not carry on with a ghost.
    expired = hub.client.get("/sync/v1/changes", params={"cursor": after_first}, headers=headers)
    assert expired.status_code == 410


def test_prune_leaves_recent_history_alone(hub: Hub) -> None:
    headers = hub.adviser("alice", "kirklees")
    import_feeds(hub.engine, [("kirklees", small_feed(services=3))], actor="test")
    import_feeds(hub.engine, [("kirklees", small_feed(services=1, name_suffix="!"))], actor="test")
    report = prune(hub.engine, keep_days=30)
    assert (report.superseded, report.tombstones) == (0, 0)
    assert len(_settled(hub, headers, 8)[0]) == 8


def test_an_organisation_never_sees_anothers_rows(hub: Hub) -> None:
    from tests.helpers.hub import event_op

    kirklees = hub.adviser("alice", "kirklees")
    calderdale = hub.adviser("bob", "calderdale")
    import_feeds(hub.engine, [("shared", small_feed(services=1))], actor="test")
    referral = event_op(2, kind="referral sent", data={"service_id": "shared:svc-0"})
    push = {"device_id": "desk-k", "ops": [event_op(1), referral]}
    assert hub.client.post("/sync/v1/push", json=push, headers=kirklees).status_code == 200
    own, _, _ = _settled(hub, kirklees, 4)
    other, _, _ = _settled(hub, calderdale, 3)
    assert [c["kind"] for c in own].count("referral") == 1
    assert "referral" not in [c["kind"] for c in other]
    # Request parameters cannot widen the scope.
    sneaky = hub.client.get(
        "/sync/v1/changes",
        params={"organization_id": "kirklees", "scope": "all"},
        headers=calderdale,
    ).json()["changes"]
    assert "referral" not in [c["kind"] for c in sneaky]


@pytest.mark.postgres
def test_after_an_import_pages_are_read_in_index_order_not_sorted(pg_url: str) -> None:
    # Without statistics PostgreSQL guessed `changes` was tiny and sorted every row after
    # the cursor for each page; an import analyzes what it wrote (`refresh_statistics`).
    engine = create_hub_engine(pg_url)
    import_feeds(engine, [("src", small_feed(services=3000))], actor="t")
    page = (
        "SELECT xid, seq, payload FROM changes "
        "WHERE (scope_org IS NULL OR scope_org = 'org') AND (xid, seq) > (0, 10) "
        "AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint "
        "ORDER BY xid, seq LIMIT 1001"
    )
    with engine.connect() as conn:
        plan = "\n".join(row[0] for row in conn.exec_driver_sql(f"EXPLAIN {page}"))
    engine.dispose()
    assert "Index Scan using ix_changes_xid_seq" in plan, plan
    assert "Sort" not in plan, plan
