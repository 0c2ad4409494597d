"""ONS ward-to-local-authority lookups (`WD22CD, WD22NM, LAD22CD, LAD22NM` and other years).

A ward list lets an adviser pick a ward by name when the caller has no postcode, and tells
which council each ward belongs to. The two digits in the column names are the boundary
vintage; ward codes change series when boundaries are redrawn, so the codes are stored
exactly as given and never matched against another vintage's codes here.
"""

from __future__ import annotations

from pathlib import Path

from frontdesk.core.areas import Ward
from frontdesk.formats.base import FeedError, ParsedFeed
from frontdesk.formats.csvfeed import (
    CsvRow,
    CsvTable,
    find_column,
    keep_last,
    named_rows,
    open_csv,
    sniff_header,
)
from frontdesk.formats.postcodes import POSTCODE_COLUMNS

FORMAT = "ward-lookup"


def sniff(path: Path, head: bytes) -> bool:
    """The header has `wdNNcd` and `ladNNcd` columns and no postcode column."""
    columns = sniff_header(head)
    has = [find_column(columns, name) is not None for name in ("wdNNcd", "ladNNcd")]
    return all(has) and find_column(columns, *POSTCODE_COLUMNS) is None


def read(path: Path) -> ParsedFeed:
    """One `Ward` per ward code, with its council's code and name."""
    feed = ParsedFeed(path=path, format=FORMAT)
    with open_csv(path) as table:
        ward_code, ward_name = _require(table, "wdNNcd"), _require(table, "wdNNnm")
        la_code, la_name = _require(table, "ladNNcd"), table.first_column("ladNNnm")
        named = named_rows(
            feed, table, key=lambda row: _code(row, ward_code), name=lambda row: row.line(ward_name)
        )
        wards = (
            (row, gss, _ward(feed, row, gss, name, la_code, la_name)) for row, gss, name in named
        )
        kept, feed.duplicates = keep_last((row, gss, ward) for row, gss, ward in wards if ward)
    feed.wards.extend(kept)
    return feed


def _ward(
    feed: ParsedFeed, row: CsvRow, gss: str, name: str, la_code: str, la_name: str | None
) -> Ward | None:
    la_gss = _code(row, la_code)
    if la_gss is None:
        feed.skipped.append(row.note("no local authority code"))
        return None
    return Ward(
        gss=gss, name=name, la_gss=la_gss, la_name=None if la_name is None else row.line(la_name)
    )


def _code(row: CsvRow, column: str) -> str | None:
    code = row.line(column)
    return None if code is None else code.upper()


def _require(table: CsvTable, candidate: str) -> str:
    column = table.first_column(candidate)
    if column is None:
        reason = f"missing column '{candidate}' (NN is the boundary year, as in wd22cd)"
        raise FeedError(table.path, reason, field=candidate)
    return column
