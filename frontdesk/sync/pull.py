"""Pulling the change feed into catalogue.db, page by page.

Each page's records and the cursor after it commit in one catalogue.db transaction, so a
desk killed anywhere resumes at the first page it had not stored. Referral statuses and
the delivery statuses of texts and e-mails on a page are written to desk.db *before* that
commit: setting a status is idempotent, so a page applied again after a kill does no harm,
whereas the other order could lose one.
While a page is being applied the next one is already being fetched and read (parsed and
checked) on another thread, which runs while this one waits on SQLite.

A desk with no cursor, a cursor from another hub or organisation, or a cursor the hub no
longer honours (410) rebuilds instead: see `rebuild`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from frontdesk.store.catalogue import CatalogueStore
from frontdesk.store.catalogue_changes import ApplyPage, PageWriter
from frontdesk.store.details_sent import set_status as set_message_status
from frontdesk.store.enquiries import EnquiryLog, UnknownEnquiryError
from frontdesk.store.record_reports import ReportLog
from frontdesk.sync.changed import ChangeNotes, SyncChanges
from frontdesk.sync.client import ChangePage, HubClient
from frontdesk.sync.collector import fewer_collections
from frontdesk.sync.feed import DecodedPage, ReferralUpdate, decode_page
from frontdesk.sync.live import HeldPage

log = logging.getLogger(__name__)

CURSOR, FEED, PULLED_AT = "sync_cursor", "sync_feed", "sync_pulled_at"
COMPLETE = "sync_complete"  # set on a staging catalogue once it has the whole feed
PAGE = 1000  # the hub's maximum


@dataclass(slots=True)
class PullReport:
    pages: int = 0
    changes: int = 0
    upserted: int = 0
    deleted: int = 0
    referrals: int = 0
    record_reports: int = 0
    skipped: int = 0
    rebuilt: bool = False
    finished: bool = False  # the last page said the feed has no more
    cursor: str | None = None
    # What the pages wrote to the live catalogue.db and to desk.db (a rebuild's staging
    # file is not live: its catalogue changes count once it is swapped in, as `rebuilt`).
    notes: ChangeNotes = field(default_factory=ChangeNotes)

    def add(self, other: PullReport) -> None:
        counted = ("pages", "changes", "upserted", "deleted", "referrals", "record_reports")
        for name in (*counted, "skipped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.finished, self.cursor = other.finished, other.cursor
        self.notes.add(other.notes)

    def what_changed(self) -> SyncChanges:
        """What this pull changed, for the window to refresh."""
        return self.notes.frozen(rebuilt=self.rebuilt)


def pull_pages(
    store: CatalogueStore,
    log_: EnquiryLog,
    client: HubClient,
    feed_id: str,
    *,
    limit: int = PAGE,
    group: int = 1,
    filling: bool = False,
    handover: Callable[[], PageWriter] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    first: HeldPage | None = None,
) -> PullReport:
    """Apply pages after the stored cursor until the feed has no more. The caller has
    checked that the stored cursor belongs to `feed_id`. `first`, a page a long-poll
    brought (`live`), is used instead of asking again if it follows the stored cursor.

    Up to `group` pages share one transaction (a rebuild's staging file, which nobody
    reads, uses several to commit less often); each page still sets the cursor after it,
    so what commits is always rows and the cursor that covers exactly them. `filling` says
    that only this pull writes `store` (a rebuild's staging file: see `ChangeApplier`).

    `handover`, if given, is asked once for what writes the pages after the first
    transaction: when the first page says there are more, so that what it starts (a
    rebuild hands a large catalogue to another process, `search.fill`) starts up while
    this one writes the first transaction itself; it takes over after that."""
    report = PullReport(cursor=store.meta(CURSOR))
    applier: PageWriter = store.change_applier(client.base_url, filling=filling)
    successor: PageWriter | None = None
    with (
        fewer_collections(),
        ThreadPoolExecutor(1, thread_name_prefix="frontdesk-prefetch") as pool,
    ):
        pending: Future[_Fetched] | None
        if first is not None and first.after == report.cursor:
            pending = Future()
            pending.set_result((first.page, decode_page(first.page.changes)))
        else:
            pending = pool.submit(_fetch, client, report.cursor, limit)
        try:
            while pending is not None:
                # The write lock is taken only once a page is here, never while waiting
                # for the first page of a transaction.
                fetched: _Fetched | None = pending.result()
                failed: Exception | None = None
                with applier.transaction() as apply:
                    applied = 0
                    while fetched is not None:
                        page = fetched[0]
                        pending = None
                        if page.has_more and page.changes and not should_stop():
                            pending = pool.submit(_fetch, client, page.cursor, limit)
                        report.finished = not page.has_more or not page.changes
                        if handover is not None and not report.finished:
                            successor, handover = handover(), None
                        _apply(apply, log_, fetched, feed_id, report, live=not filling)
                        applied += 1
                        fetched = None
                        if pending is not None and applied < group:
                            try:
                                fetched = pending.result()
                            except Exception as error:  # the pages before it still commit
                                failed, pending = error, None
                if failed is not None:
                    raise failed
                if successor is not None:
                    # Its writer may need the file to itself (to set its journal mode).
                    store.engine.dispose()
                    applier, successor = successor, None
        except BaseException:
            if pending is not None:
                pending.cancel()
            raise
    return report


_Fetched = tuple[ChangePage, DecodedPage]


def _fetch(client: HubClient, cursor: str | None, limit: int) -> _Fetched:
    page = client.changes(cursor, limit)
    return page, decode_page(page.changes)


def _apply(
    apply: ApplyPage,
    log_: EnquiryLog,
    fetched: _Fetched,
    feed_id: str,
    report: PullReport,
    *,
    live: bool,
) -> None:
    page, decoded = fetched
    if not page.changes and page.cursor == report.cursor:
        return  # an empty page: nothing to store, and nothing to ask for again
    for update in decoded.referrals:
        _record_referral(log_, update)
    if decoded.record_reports:  # idempotent too, so also before the commit
        ReportLog(log_.desk).apply_groups(decoded.record_reports)
    for message in decoded.messages:  # idempotent too: see the module's docstring
        set_message_status(
            log_, message.event_id, message.status, message.reason, message.updated_at
        )
    meta: dict[str, str | None] = {
        CURSOR: page.cursor,
        FEED: feed_id,
        PULLED_AT: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    counts = apply(decoded.catalogue, meta)
    report.pages += 1
    report.changes += len(page.changes)
    report.upserted += counts.upserted
    report.deleted += counts.deleted
    report.referrals += len(decoded.referrals)
    report.record_reports += len(decoded.record_reports)
    report.skipped += decoded.skipped
    report.cursor = page.cursor
    notes = report.notes
    notes.enquiries.update(u.enquiry_id for u in decoded.referrals)
    notes.messages |= bool(decoded.messages)
    notes.record_reports |= bool(decoded.record_reports)
    if live:
        notes.note_catalogue(decoded.catalogue)


def _record_referral(log_: EnquiryLog, update: ReferralUpdate) -> None:
    try:
        log_.set_referral_status(
            update.enquiry_id, update.status, update.note, now=update.updated_at
        )
    except UnknownEnquiryError:
        # Logged on another desk of the same organisation: that desk shows it.
        log.debug("referral %s is for an enquiry not on this desk", update.referral_id)
