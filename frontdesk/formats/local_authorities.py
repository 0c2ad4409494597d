"""GOV.UK's register of UK councils (Local Links Manager): GSS code, tier and parent county.

Routing needs it: the postcode lookup gives the caller's council as a GSS code, and this
register says whether that council is a county, a district or a unitary, and for a
district which county shares the work. Councils are keyed on `gss`; the legacy SNAC code
is blank for councils created since 2019 and is not used. The file's own `id` exists only
to link a district to its county and is resolved here to the county's GSS code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from frontdesk.core.areas import LocalAuthority
from frontdesk.core.catalogue import Tier
from frontdesk.formats.base import ParsedFeed
from frontdesk.formats.csvfeed import CsvRow, keep_last, named_rows, read_whole, sniff_header
from frontdesk.formats.hygiene import clean_url

FORMAT = "govuk-local-authorities"

_REQUIRED = ("id", "gss", "tier_id", "parent_local_authority_id", "name")
# tier_id as Local Links Manager defines it (app/models/tier.rb).
_TIERS = {"1": Tier.COUNTY, "2": Tier.DISTRICT, "3": Tier.UNITARY}


def sniff(path: Path, head: bytes) -> bool:
    """The header has `gss`, `tier_id` and `parent_local_authority_id`."""
    columns = set(sniff_header(head))
    return {"gss", "tier_id", "parent_local_authority_id"} <= columns


def read(path: Path) -> ParsedFeed:
    """Every council with a GSS code, a name and a known tier, its parent resolved.

    A parent id that names no council in the file is a `FeedError`: a district left without
    its county would send callers to the wrong council for half its services.
    """
    feed = ParsedFeed(path=path, format=FORMAT)
    _, rows = read_whole(path, required=_REQUIRED)
    councils = list(_councils(feed, rows))
    gss_by_id = {row.line("id"): gss for row, gss, _ in councils}
    resolved = ((row, gss, _with_parent(row, council, gss_by_id)) for row, gss, council in councils)
    authorities, feed.duplicates = keep_last(resolved)
    feed.authorities.extend(authorities)
    return feed


def _councils(
    feed: ParsedFeed, rows: Iterable[CsvRow]
) -> Iterable[tuple[CsvRow, str, LocalAuthority]]:
    named = named_rows(feed, rows, key=lambda row: _gss(row), name=lambda row: row.line("name"))
    for row, gss, name in named:
        tier = _TIERS.get(row.line("tier_id") or "")
        if tier is None:
            feed.skipped.append(row.note(f"unknown tier_id {row.raw('tier_id')!r}"))
            continue
        yield (
            row,
            gss,
            LocalAuthority(
                gss=gss,
                name=name,
                tier=tier,
                slug=row.line("slug") or "",
                country=row.line("country_name"),
                homepage_url=clean_url(row.raw("homepage_url")),
            ),
        )


def _gss(row: CsvRow) -> str | None:
    gss = row.line("gss")
    return None if gss is None else gss.upper()


def _with_parent(
    row: CsvRow, council: LocalAuthority, gss_by_id: dict[str | None, str]
) -> LocalAuthority:
    parent_id = row.line("parent_local_authority_id")
    if parent_id is None:
        return council
    parent_gss = gss_by_id.get(parent_id)
    if parent_gss is None:
        raise row.error(
            f"parent {parent_id} is not a council in this file", "parent_local_authority_id"
        )
    return replace(council, parent_gss=parent_gss)
