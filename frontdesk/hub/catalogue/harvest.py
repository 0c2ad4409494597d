"""Harvesting a live Open Referral feed into the hub's catalogue, all or nothing.

The UK profile has no `modified_after`, so a harvest cannot ask what changed: it fetches
the whole feed every time and diffs it against what the same source gave before, through
the very code a file import uses (`catalogue_import.apply_feed`): changed services are
upserted, vanished ones tombstoned — only that source's — and unchanged ones send desks
nothing. The harvested records go through the same reader mapping and hygiene as a file
(`jsonfeed.assemble` with the format's `map_service`): only the file scanning differs.

Nothing is written until every page has arrived and every record has been mapped; then the
diff, the source's new location and the harvest's history row commit in one transaction.
A failed harvest (a page that never answers, a malformed page, the page cap) leaves the
catalogue and the change feed untouched, and is recorded as failed with its reason.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from sqlalchemy import Engine, insert, update

from frontdesk.core.feed import ParsedFeed, RecordNote
from frontdesk.formats import hsds_json, oruk_v1
from frontdesk.formats.base import FeedError
from frontdesk.formats.jsonfeed import assemble, feed_generation
from frontdesk.formats.jsonload import JsonFeed
from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.catalogue.harvest_http import FetchError, HttpSettings, get_json, new_session
from frontdesk.hub.catalogue.harvest_pages import PageError, Walk, page_url, walk
from frontdesk.hub.catalogue.imports import apply_feed, refresh_statistics
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import writing

SNIFF_CHARS = 64 * 1024


class Profile(StrEnum):
    ORUK_V1 = "oruk-v1"
    ORUK_V3 = "oruk-v3"
    HSDS3 = "hsds3"


_MAPPERS = {"oruk1": oruk_v1.map_service, "hsds3": hsds_json.map_service}
_FORMATS = {Profile.ORUK_V1: "oruk1", Profile.ORUK_V3: "hsds3", Profile.HSDS3: "hsds3"}


class HarvestError(Exception):
    """The harvest failed and changed nothing; the message says which page and why."""


@dataclass(frozen=True, slots=True)
class HarvestOptions:
    profile: Profile | None = None  # None: told from the first page's keys
    source: str | None = None  # None: from the URL's host name
    per_page: int = 100
    delay: float = 1.0  # seconds between pages
    max_pages: int = 1000
    http: HttpSettings = field(default_factory=HttpSettings)


@dataclass(slots=True)
class HarvestReport:
    source: str
    url: str
    format: str
    pages: int
    records_read: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[RecordNote] = field(default_factory=list)
    duplicates: list[RecordNote] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        notes = [*self.skipped, *self.duplicates]
        return {
            "source": self.source,
            "url": self.url,
            "format": self.format,
            "pages": self.pages,
            "records_read": self.records_read,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "notes": [{"index": n.index, "id": n.record_id, "reason": n.reason} for n in notes],
        }


def source_from_url(url: str) -> str:
    """`https://bristol.openplace.directory/o/...` → `bristol-openplace-directory`."""
    host = (urlsplit(url).hostname or "feed").removeprefix("www.")
    return re.sub(r"[^a-z0-9]+", "-", host.lower()).strip("-") or "feed"


def harvest(
    engine: Engine,
    url: str,
    options: HarvestOptions,
    *,
    actor: str,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] | None = None,
) -> HarvestReport:
    """Fetch every page of `url` and bring its source in line; HarvestError if anything
    fails, with the catalogue unchanged."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise HarvestError(f"{url}: not an http(s) URL")
    source = options.source or source_from_url(url)
    started = utcnow()
    fetched: Walk | None = None
    fmt = _FORMATS[options.profile] if options.profile else "unknown"
    try:
        fetched = _fetch(url, options, session, sleep)
        fmt = _FORMATS[options.profile] if options.profile else _detect(fetched)
        feed = _parse(fetched, fmt)
        return _apply(engine, source, url, fetched, feed, actor, started)
    except HarvestError as error:
        _record_failure(engine, source, url, fmt, started, fetched, str(error))
        raise


def _fetch(
    url: str,
    options: HarvestOptions,
    session: requests.Session | None,
    sleep: Callable[[float], None] | None,
) -> Walk:
    own = session is None
    http = session or new_session()
    pause = sleep or time.sleep

    def fetch(page: int) -> Any:
        try:
            return get_json(http, page_url(url, page, options.per_page), options.http, pause)
        except FetchError as error:
            raise PageError(page, str(error)) from None

    try:
        return walk(fetch, max_pages=options.max_pages, delay=options.delay, sleep=pause)
    except PageError as error:
        raise HarvestError(f"{url}: {error}; nothing was changed") from None
    finally:
        if own:
            http.close()


def _detect(fetched: Walk) -> str:
    """oruk1 or hsds3 from the records' keys, as a file import would detect it."""
    head = json.dumps(fetched.records[:50], ensure_ascii=False)[:SNIFF_CHARS]
    return feed_generation(head.encode("utf-8")) or "hsds3"


def _parse(fetched: Walk, fmt: str) -> ParsedFeed:
    origin = Path("harvest")
    try:
        return assemble(JsonFeed(origin, fetched.records), fmt, _MAPPERS[fmt])
    except FeedError as error:
        where = ""
        if error.index is not None:
            page, position = fetched.locate(error.index)
            where = f"page {page}, record {position}"
            where += f" (id {error.record_id})" if error.record_id else ""
            where += f", field '{error.field}'" if error.field else ""
            where += ": "
        raise HarvestError(f"{where}{error.reason}; nothing was changed") from None


def _apply(
    engine: Engine,
    source: str,
    url: str,
    fetched: Walk,
    feed: ParsedFeed,
    actor: str,
    started: dt.datetime,
) -> HarvestReport:
    report = HarvestReport(source, url, feed.format, fetched.pages, feed.records_read)
    if not feed.catalogue.services:
        # Far likelier a broken server than a directory that closed every service; and an
        # import treats a feed without services as reference data, removing nothing.
        raise HarvestError(f"{url}: the feed gave no services; nothing was changed")
    with writing(engine) as conn:
        imported = apply_feed(conn, source, feed)
        conn.execute(
            update(t.catalogue_sources)
            .where(t.catalogue_sources.c.name == source)
            .values(location=url)
        )
        report.added, report.updated = imported.added, imported.updated
        report.unchanged, report.removed = imported.unchanged, imported.removed
        report.skipped, report.duplicates = imported.skipped, imported.duplicates
        conn.execute(insert(t.catalogue_harvests).values(**_history(report, started, None)))
        audit.record(conn, "catalogue.harvest", actor=actor, target=source, detail=_counts(report))
    refresh_statistics(engine)
    return report


def _counts(report: HarvestReport) -> dict[str, int]:
    return {
        "pages": report.pages,
        "records": report.records_read,
        "added": report.added,
        "updated": report.updated,
        "removed": report.removed,
    }


def _history(report: HarvestReport, started: dt.datetime, error: str | None) -> dict[str, Any]:
    return {
        "source": report.source,
        "url": report.url,
        "format": report.format,
        "started_at": started,
        "finished_at": utcnow(),
        "succeeded": error is None,
        "error": error,
        **_counts(report),
    }


def _record_failure(
    engine: Engine,
    source: str,
    url: str,
    fmt: str,
    started: dt.datetime,
    fetched: Walk | None,
    error: str,
) -> None:
    """A separate, small transaction: the failed attempt is history, not a catalogue change."""
    pages, records = (fetched.pages, len(fetched.records)) if fetched else (0, 0)
    report = HarvestReport(source, url, fmt, pages, records)
    with writing(engine) as conn:
        conn.execute(insert(t.catalogue_harvests).values(**_history(report, started, error)))
