"""Fault scenarios at the protocol's edges: lost responses, duplicate and out-of-order
batches, revoked tokens, a desk clock a day out, an outbox from the previous app version,
expired cursors. Each ends with the same invariants (conftest.assert_converged)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import Engine, select, update

from frontdesk.core.enquiry import SyncState
from frontdesk.hub import schema as h
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.sync.changes import prune
from frontdesk.store import desk_schema as d
from frontdesk.store import enquiries as enquiries_module
from frontdesk.sync import HubUnreachable, SignedOut, SyncMode, read_status
from frontdesk.sync.client import HubClient
from frontdesk.sync.push import SequenceGap, push_outbox, wire
from frontdesk.sync.session import connect
from tests.helpers.hub import small_feed
from tests.helpers.hub_process import ORG, Desk, HubProcess, assert_converged
from tests.helpers.proxy import FaultProxy


def test_the_hub_commits_but_the_response_is_lost(
    proxy: FaultProxy, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(proxy.url)
    desk.log_enquiries(20)
    proxy.faults.drop_responses["/sync/v1/push"] = 1
    with pytest.raises(HubUnreachable):
        desk.sync()
    assert proxy.faults.dropped == 1
    assert desk.log.outbox_size() > 0  # nothing forgotten without an answer
    report = desk.sync()
    assert report.push.duplicate > 0 and report.push.applied == 0  # the hub had them all
    assert_converged(hub_engine, [desk])


def test_a_feed_page_cut_off_mid_answer_is_fetched_again(
    proxy: FaultProxy, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(proxy.url)
    proxy.faults.truncate["/sync/v1/changes"] = 1
    with pytest.raises(HubUnreachable, match="cannot reach the hub"):
        desk.sync()
    desk.sync()
    assert_converged(hub_engine, [desk])


def test_the_same_batch_sent_twice_at_once(
    proxy: FaultProxy, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(proxy.url)
    desk.log_enquiries(30)
    proxy.faults.duplicate["/sync/v1/push"] = 3  # each push reaches the hub twice at once
    desk.sync(batch_size=20)
    # And two pushes of the same outbox racing each other. (Two syncers of one desk no
    # longer race: the second is refused, test_lock.py; the hub must cope all the same.)
    desk.log_enquiries(30)
    threads = [threading.Thread(target=push_now, args=(desk,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert_converged(hub_engine, [desk])


def push_now(desk: Desk) -> None:
    """What a syncer's round does first, without the syncer (and its lock)."""
    _, client = connect(desk.store, desk.tokens)
    with client:
        push_outbox(desk.log, client, batch=10)


def test_out_of_order_device_seq_is_resent_from_the_expected_one(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.log_enquiries(6)
    ops = desk.log.pending_ops()
    token = desk.tokens.load(hub.url, "alice")
    with HubClient(hub.url, token) as client:  # later ops arrive first
        results = client.push(desk.log.device_id(), [wire(op) for op in ops[3:]])
    assert {r["status"] for r in results} == {"out_of_order"}
    assert results[0]["expected_seq"] == ops[0].device_seq
    report = desk.sync()
    assert report.push.applied == len(ops)
    assert_converged(hub_engine, [desk])


def test_a_sequence_gap_stops_pushing_but_keeps_every_op(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.log_enquiries(3)
    first = desk.log.pending_ops(limit=1)[0]
    with desk.store.engine.begin() as conn:  # as if an older desk.db backup was restored
        conn.execute(d.outbox.delete().where(d.outbox.c.op_id == first.op_id))
    waiting = desk.log.outbox_size()
    report = desk.sync()
    assert report.push_blocked and "op number" in report.push_blocked
    assert desk.log.outbox_size() == waiting
    status = read_status(desk.store, None)
    assert status.mode is SyncMode.BLOCKED
    token = desk.tokens.load(hub.url, "alice")
    with HubClient(hub.url, token) as client, pytest.raises(SequenceGap):
        push_outbox(desk.log, client)


def test_a_token_revoked_mid_sync_needs_a_new_sign_in_and_loses_nothing(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    cursor = desk.cursors[-1]
    desk.log_enquiries(10)
    with hub_engine.begin() as conn:
        conn.execute(update(h.tokens).values(revoked_at=dt.datetime.now(dt.UTC)))
    with pytest.raises(SignedOut):
        desk.sync()
    status = read_status(desk.store, None)
    assert status.mode is SyncMode.SIGNED_OUT and "revoked" in (status.message or "")
    assert desk.log.outbox_size() > 0
    with pytest.raises(SignedOut):  # no retrying on its own without a new sign-in
        desk.sync()
    desk.note_cursor()
    assert desk.cursors[-1] == cursor
    desk.sign_in(hub.url)
    assert_converged(hub_engine, [desk])


def test_a_desk_clock_a_day_out(hub: HubProcess, hub_engine: Engine, make_desk: Any) -> None:
    ahead, behind = make_desk("ahead"), make_desk("behind")
    day = dt.timedelta(days=1)
    for desk, skew in ((ahead, day), (behind, -day)):
        desk.sign_in(hub.url)
        desk.log_enquiries(5, now=dt.datetime.now(dt.UTC) + skew)
    assert_converged(hub_engine, [ahead, behind])
    with hub_engine.connect() as conn:
        times = [r.at for r in conn.execute(select(h.enquiry_events.c.at))]
    assert len(times) >= 10  # stored as the desks stamped them; ordering is by device_seq


def test_an_outbox_from_the_previous_version_is_sent_as_it_was_written(
    hub: HubProcess, hub_engine: Engine, make_desk: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    old = desk.log_enquiries(5)  # written by "version 1" of the app, never sent
    monkeypatch.setattr(enquiries_module, "OUTBOX_SCHEMA_V", 2)  # the upgrade
    new = desk.log_enquiries(2)
    report = desk.sync()
    # The old ops keep their schema_v and bytes, so the hub applies them; this hub does
    # not know version 2 yet, so those are rejected — shown on the enquiry, never dropped.
    for enquiry_id in old:
        assert desk.log.get(enquiry_id).sync_state is SyncState.SENT  # type: ignore[union-attr]
    for enquiry_id in new:
        shown = desk.log.get(enquiry_id)
        assert shown is not None and shown.sync_state is SyncState.REJECTED
        assert "schema_v 2" in (shown.rejection_reason or "")
    assert report.push.rejected >= len(new)
    assert desk.log.outbox_size() == 0


def test_an_expired_cursor_rebuilds_the_catalogue_and_leaves_desk_db_alone(
    hub: HubProcess, hub_engine: Engine, make_desk: Any
) -> None:
    desk = make_desk()
    desk.sign_in(hub.url)
    desk.sync()
    enquiries = desk.log_enquiries(3)
    desk.sync()
    # Services vanish and the hub compacts its history past this desk's cursor.
    import_feeds(hub_engine, [(ORG, small_feed(services=10))], actor="t")
    assert prune(hub_engine, keep_days=0).tombstones == 20
    report = desk.sync()
    assert report.pull.rebuilt
    assert_converged(hub_engine, [desk])
    assert [desk.log.get(e) is not None for e in enquiries] == [True] * 3
    assert not (desk.root / "catalogue.db.staging").exists()


def test_empty_pages_do_not_loop(proxy: FaultProxy, hub_engine: Engine, make_desk: Any) -> None:
    desk = make_desk()
    desk.sign_in(proxy.url)
    desk.sync()
    proxy.faults.requests.clear()
    syncer = desk.syncer(poll_interval=0.05)
    syncer.start()
    threading.Event().wait(1.0)
    syncer.stop()
    pulls = [r for r in proxy.faults.requests if "/sync/v1/changes" in r]
    assert 1 <= len(pulls) <= 25  # one per round, never a tight loop on an empty page
    desk.note_cursor()
    assert len(set(desk.cursors)) == 1
