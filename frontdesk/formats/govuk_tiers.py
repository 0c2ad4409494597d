"""GOV.UK's local services list: which tier of council provides each LGSL service.

In a two-tier area the county and the district split the work; this file says which one
delivers, say, bin collection (district) or school transport (county), so an adviser can
name the right council for the caller's address. Its plain-English labels ("Find out
about free school meals") are also good search words for the LGSL service they describe.
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.core.catalogue import Tier
from frontdesk.formats.base import LgslTier, ParsedFeed
from frontdesk.formats.csvfeed import CsvRow, keep_last, named_rows, open_csv, sniff_header

FORMAT = "govuk-lgsl-tiers"

_COLUMNS = ("lgsl", "description", "providing_tier")
# "all" (every tier provides it) maps to None.
_TIERS: dict[str, Tier | None] = {
    "county/unitary": Tier.COUNTY,
    "district/unitary": Tier.DISTRICT,
    "all": None,
}


def sniff(path: Path, head: bytes) -> bool:
    """The header is exactly `LGSL, Description, Providing Tier`."""
    return sniff_header(head) == _COLUMNS


def read(path: Path) -> ParsedFeed:
    """One `LgslTier` per code; a row with an unknown tier is skipped and reported."""
    feed = ParsedFeed(path=path, format=FORMAT)
    with open_csv(path, required=_COLUMNS) as table:
        named = named_rows(
            feed, table, key=lambda row: row.line("lgsl"), name=lambda row: row.line("description")
        )
        tiers = ((row, code, _tier(feed, row, code, label)) for row, code, label in named)
        kept, feed.duplicates = keep_last((row, code, t) for row, code, t in tiers if t)
    feed.lgsl_tiers.extend(kept)
    return feed


def _tier(feed: ParsedFeed, row: CsvRow, code: str, label: str) -> LgslTier | None:
    tier_text = (row.line("providing_tier") or "").lower().replace(" ", "")
    if tier_text not in _TIERS:
        feed.skipped.append(row.note(f"unknown providing tier {row.raw('providing_tier')!r}"))
        return None
    return LgslTier(code=code, label=label, tier=_TIERS[tier_text])
