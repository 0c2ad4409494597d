"""Walking an Open Referral API's pages: which page shapes mean what, and when to stop.

Live feeds page in several dialects, and the walk must end exactly at the end of the data:
stopping early would make the diff tombstone everything after the stop.

- ORUK v1 (Spring): `content`, `totalElements`, `totalPages`, `last`, `number` (0-based);
- ORUK v1 (HSDA-style) and HSDS 3 / ORUK 3: `contents`, `total_items`, `total_pages`,
  `page_number`, `last_page`;
- a bare JSON array: the whole feed in one page.

Both APIs number pages from 1 (`page`, `per_page` query parameters). The walk stops at a
`last`/`last_page` flag, else when `page` reaches the page count, else at an empty page.
A page short of `per_page` is not taken as the end: servers cap `per_page` silently. A page
repeating the previous page's records means the server ignores `page` (it would loop to
the cap), and the cap itself is a failure, not an end: what was fetched is incomplete.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

RECORD_KEYS = ("content", "contents", "items")
LAST_FLAGS = ("last", "last_page")
PAGE_COUNTS = ("totalPages", "total_pages")
ITEM_COUNTS = ("totalElements", "total_items")


class PageError(Exception):
    """Page `page` (from 1) broke the harvest; `reason` says how."""

    def __init__(self, page: int, reason: str) -> None:
        super().__init__(f"page {page}: {reason}")
        self.page = page
        self.reason = reason


@dataclass(slots=True)
class Walk:
    """Every record fetched, and where each page's records start (to name a bad record's
    page in an error)."""

    records: list[dict[str, Any]] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)
    declared_items: int | None = None

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def locate(self, index: int) -> tuple[int, int]:
        """(page from 1, position within that page) of record `index` of the whole walk."""
        page = 0
        for number, start in enumerate(self.page_starts):
            if start <= index:
                page = number
        return page + 1, index - self.page_starts[page]


@dataclass(frozen=True, slots=True)
class Page:
    records: list[dict[str, Any]]
    final: bool
    declared_items: int | None = None


def page_url(url: str, page: int, per_page: int) -> str:
    """`url` asking for one page; its own query parameters are kept, paging ones replaced."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = [(k, v) for k, v in query if k not in ("page", "per_page")]
    query += [("page", str(page)), ("per_page", str(per_page))]
    return urlunsplit(parts._replace(query=urlencode(query)))


def read_page(body: Any, number: int) -> Page:
    """What one page holds and whether it is the last; PageError if it is no page at all."""
    if isinstance(body, list):
        return Page(_records(body, number, "the array"), final=True)
    if not isinstance(body, dict):
        raise PageError(number, f"expected a JSON object or array, found {type(body).__name__}")
    key = next((k for k in RECORD_KEYS if k in body), None)
    if key is None:
        raise PageError(
            number,
            "the object has no 'content', 'contents' or 'items' list of records: "
            "is this the feed's /services URL?",
        )
    records = _records(body[key], number, f"'{key}'")
    last = next((body[k] for k in LAST_FLAGS if isinstance(body.get(k), bool)), None)
    total = next((body[k] for k in PAGE_COUNTS if _count(body.get(k))), None)
    items = next((body[k] for k in ITEM_COUNTS if _count(body.get(k))), None)
    if last is not None:
        final = last or not records
    elif total is not None:
        final = number >= total or not records
    else:
        final = not records
    return Page(records, final, items)


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _records(value: Any, number: int, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise PageError(number, f"{where} is not a list of records")
    for position, record in enumerate(value):
        if not isinstance(record, dict):
            raise PageError(number, f"record {position} of {where} is not a JSON object")
    return value


def walk(
    fetch: Callable[[int], Any],
    *,
    max_pages: int,
    delay: float,
    sleep: Callable[[float], None] = time.sleep,
) -> Walk:
    """Fetch page 1, 2, ... with `fetch(page)` until the feed says it has ended."""
    result = Walk()
    previous_ids: list[Any] | None = None
    number = 1
    while True:
        if number > max_pages:
            raise PageError(
                number,
                f"the feed has more than {max_pages} pages (the safety cap); raise --max-pages "
                "or a larger --per-page if that is expected",
            )
        if number > 1 and delay > 0:
            sleep(delay)
        page = read_page(fetch(number), number)
        ids = [record.get("id") for record in page.records]
        if ids and ids == previous_ids:
            raise PageError(
                number,
                f"it repeats page {number - 1}: the server seems to ignore the page parameter",
            )
        if number == 1:
            result.declared_items = page.declared_items
        result.page_starts.append(len(result.records))
        result.records.extend(page.records)
        if page.final:
            return result
        previous_ids = ids
        number += 1
