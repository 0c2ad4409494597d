"""ONS postcode lookups: which ward and council a caller's postcode lies in.

This is the first step of routing: postcode → ward and local authority GSS codes. Two
column vocabularies are accepted: the tidy names of extracts such as Trafford Data Lab's
(`postcode, ward_code, ward_name, la_code, la_name, lon, lat`) and the ONS Postcode
Directory's own (`pcds, osward, oslaua, lat, long`), so ONSPD files import as they are; ONS
best-fit lookups with vintage columns (`pcds, wd22cd, lad22cd`) work too. The file is
streamed, and repeated codes share one string. The national ONSPD file is larger than
one import reads (`limits.MAX_FILE_BYTES`); ONS publishes it split by postcode area too,
and any number of those files import in one run.

Codes are stored exactly as the file gives them. Ward GSS codes change series when
boundaries are redrawn, so a ward code from here must not be joined to another file's
ward codes without checking they are the same vintage.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from frontdesk.core.areas import PostcodeArea, Ward, normalise_postcode
from frontdesk.formats.base import FeedError, ParsedFeed
from frontdesk.formats.csvfeed import (
    CsvRow,
    CsvTable,
    counted,
    find_column,
    keep_last,
    open_csv,
    sniff_header,
)
from frontdesk.formats.hygiene import clean_line

FORMAT = "postcodes"

# For each value, the column names that carry it, tidy extract first, then ONSPD.
POSTCODE_COLUMNS = ("postcode", "pcds", "pcd", "pcd2")
_LA_CODE = ("la_code", "oslaua", "laua", "ladNNcd")
_WARD_CODE = ("ward_code", "osward", "wdNNcd")
_WARD_NAME = ("ward_name", "wdNNnm")
_LA_NAME = ("la_name", "ladNNnm")
_LATITUDE = ("lat", "latitude")
_LONGITUDE = ("lon", "long", "longitude")


def sniff(path: Path, head: bytes) -> bool:
    """The header names a postcode column and a local authority column."""
    columns = sniff_header(head)
    return (
        find_column(columns, *POSTCODE_COLUMNS) is not None
        and find_column(columns, *_LA_CODE) is not None
    )


def read(path: Path) -> ParsedFeed:
    """Every postcode with a council; the wards that have names, once each."""
    feed = ParsedFeed(path=path, format=FORMAT)
    with open_csv(path) as table:
        columns = _Columns(table)
        areas = ((row, _area(feed, row, columns)) for row in counted(feed, table))
        kept, feed.duplicates = keep_last(
            (row, area.postcode, area) for row, area in areas if area is not None
        )
    feed.postcodes.extend(kept)
    feed.wards.extend(_wards(kept))
    return feed


class _Columns:
    """Which column of this file holds each value."""

    def __init__(self, table: CsvTable) -> None:
        self.postcode = _require(table, POSTCODE_COLUMNS)
        self.la_code = _require(table, _LA_CODE)
        self.ward_code = table.first_column(*_WARD_CODE)
        self.ward_name = table.first_column(*_WARD_NAME)
        self.la_name = table.first_column(*_LA_NAME)
        self.latitude = table.first_column(*_LATITUDE)
        self.longitude = table.first_column(*_LONGITUDE)


def _require(table: CsvTable, candidates: tuple[str, ...]) -> str:
    column = table.first_column(*candidates)
    if column is None:
        raise FeedError(table.path, f"missing column '{candidates[0]}'", field=candidates[0])
    return column


def _area(feed: ParsedFeed, row: CsvRow, columns: _Columns) -> PostcodeArea | None:
    postcode = normalise_postcode(row.raw(columns.postcode))
    if postcode is None:
        feed.skipped.append(row.note(f"not a postcode: {row.raw(columns.postcode)!r}"))
        return None
    la_gss = _code(row, columns.la_code)
    if la_gss is None:
        feed.skipped.append(row.note("no local authority code"))
        return None
    latitude, longitude = _coordinates(row, columns)
    return PostcodeArea(
        postcode=postcode,
        la_gss=la_gss,
        ward_gss=_code(row, columns.ward_code),
        ward_name=_shared(row, columns.ward_name),
        la_name=_shared(row, columns.la_name),
        latitude=latitude,
        longitude=longitude,
    )


def _code(row: CsvRow, column: str | None) -> str | None:
    """A GSS code; ONSPD's pseudo-codes (`E99999999`, 'no such area') count as none."""
    code = _shared(row, column)
    if code is None or code.endswith("99999999"):
        return None
    return code.upper()


def _shared(row: CsvRow, column: str | None) -> str | None:
    value = None if column is None else clean_line(row.raw(column))
    return None if value is None else sys.intern(value)


def _coordinates(row: CsvRow, columns: _Columns) -> tuple[float | None, float | None]:
    """Latitude and longitude, or neither: ONSPD writes 99.999999 when it has no grid ref."""
    latitude = _number(row, columns.latitude)
    longitude = _number(row, columns.longitude)
    if latitude is None or longitude is None or not -90 <= latitude <= 90:
        return None, None
    if not -180 <= longitude <= 180:
        return None, None
    return latitude, longitude


def _number(row: CsvRow, column: str | None) -> float | None:
    text = "" if column is None else row.raw(column).strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise row.error(f"not a number: {text!r}", column) from None


def _wards(areas: Iterable[PostcodeArea]) -> list[Ward]:
    """Each named ward once, as the first postcode in it describes it."""
    wards: dict[str, Ward] = {}
    for area in areas:
        if area.ward_gss and area.ward_name and area.ward_gss not in wards:
            wards[area.ward_gss] = Ward(area.ward_gss, area.ward_name, area.la_gss, area.la_name)
    return list(wards.values())
