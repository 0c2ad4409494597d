"""Reading the CSV files councils and government publish, once, for every tabular reader.

The published files are UTF-8 (sometimes with a BOM), end rows in CRLF while quoted cells
hold bare LF newlines, and often end every line with a comma. This module turns such a
file into rows keyed by normalised column names, streaming so that a full ONS postcode
directory fits in memory, and raises `FeedError` naming file, data row, id and column for
anything it cannot read: a bad byte, broken quoting, a short or overlong row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from frontdesk.formats import limits
from frontdesk.formats.base import FeedError, ParsedFeed, RecordNote
from frontdesk.formats.hygiene import clean_line, clean_text

T = TypeVar("T")

# The csv module stops at 131,072 characters a cell without saying which column. A cell
# can be as long as the file instead: the file limit bounds it, and the field limits,
# checked as a reader takes each value, name the column.
csv.field_size_limit(max(csv.field_size_limit(), limits.MAX_FILE_BYTES))

_NOT_WORD = re.compile(r"[^a-z0-9]+")
# Bytes that are not UTF-8 survive decoding as lone surrogates (errors="surrogateescape").
_BAD_BYTE = re.compile("[\udc80-\udcff]")


def column_name(header: str) -> str:
    """One spelling per column: `History notes`, `history-notes` and `HISTORY_NOTES` agree."""
    return _NOT_WORD.sub("_", header.strip().lstrip("\ufeff").lower()).strip("_")


def sniff_header(head: bytes) -> tuple[str, ...]:
    """The normalised column names on the first row of `head`, or () if it is not CSV text."""
    text = head.decode("utf-8-sig", errors="replace")
    if "\x00" in text:
        return ()
    try:
        first = next(csv.reader(text.splitlines()[:1]), [])
    except csv.Error:
        return ()
    return tuple(column_name(cell) for cell in first)


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One data row. `index` is its 1-based number below the header; `id` its first cell."""

    path: Path
    index: int
    cells: dict[str, str]

    @property
    def id(self) -> str | None:
        """The first cell, to name the row in messages (None if it is not fit to show)."""
        column, first = next(iter(self.cells.items()), ("", ""))
        if limits.field_problem(column, first) is not None:
            return None
        return clean_line(_BAD_BYTE.sub("\ufffd", first))

    def raw(self, column: str) -> str:
        """The cell as written; `FeedError` if it is not fit to import."""
        return self._cell(column, None)

    def line(self, column: str) -> str | None:
        """A one-line value (name, code, label), cleaned; None when empty or absent."""
        return clean_line(self._cell(column, True))

    def text(self, column: str) -> str | None:
        """A free-text value keeping its paragraphs, cleaned; None when empty or absent."""
        return clean_text(self._cell(column, False))

    def _cell(self, column: str, one_line: bool | None) -> str:
        value = self.cells.get(column, "")
        problem = limits.field_problem(column, value, one_line=one_line)
        if problem is not None:
            raise self.error(problem, column)
        return value

    def error(self, reason: str, column: str | None = None) -> FeedError:
        return FeedError(self.path, reason, index=self.index, record_id=self.id, field=column)

    def note(self, reason: str) -> RecordNote:
        return RecordNote(self.index, self.id, reason)


@dataclass(slots=True)
class CsvTable:
    """An open CSV file: its normalised columns, and its data rows when iterated (once)."""

    path: Path
    columns: tuple[str, ...]
    _rows: Iterator[CsvRow]

    def __iter__(self) -> Iterator[CsvRow]:
        return self._rows

    def first_column(self, *candidates: str) -> str | None:
        return find_column(self.columns, *candidates)


def find_column(columns: Iterable[str], *candidates: str) -> str | None:
    """The column matching the earliest of `candidates`: publishers name one value differently.

    `NN` in a candidate stands for the two-digit year of an ONS code vintage (`wdNNcd`).
    """
    columns = tuple(columns)
    for candidate in candidates:
        pattern = re.compile(re.escape(candidate).replace("NN", r"\d{2}") + "$")
        found = next((name for name in columns if pattern.match(name)), None)
        if found is not None:
            return found
    return None


@contextmanager
def open_csv(path: Path, *, required: Collection[str] = ()) -> Iterator[CsvTable]:
    """Open `path` as a CSV table, checking that every `required` column is present."""
    try:
        handle = limits.open_text(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        raise FeedError(path, f"cannot open: {exc.strerror or exc}") from exc
    with handle:
        reader = csv.reader(handle, strict=True)
        columns = _header(path, reader)
        missing = [name for name in required if name not in columns]
        if missing:
            raise FeedError(path, f"missing column '{missing[0]}'", field=missing[0])
        yield CsvTable(path, columns, _rows(path, reader, columns))


def _header(path: Path, reader: Iterator[list[str]]) -> tuple[str, ...]:
    try:
        cells = next(reader, [])
    except csv.Error as exc:
        raise FeedError(path, f"header row is not valid CSV: {exc}") from exc
    if _BAD_BYTE.search("".join(cells)):
        raise FeedError(path, "header row is not valid UTF-8")
    while cells and not cells[-1].strip():
        cells.pop()  # the trailing comma on every line makes an unnamed last column
    columns = tuple(column_name(cell) for cell in cells)
    if not columns:
        raise FeedError(path, "the file is empty: no header row")
    for position, name in enumerate(columns, start=1):
        if not name:
            raise FeedError(path, f"column {position} has no name in the header row")
        if columns.index(name) != position - 1:
            raise FeedError(path, "column appears twice in the header row", field=name)
    return columns


def _rows(path: Path, reader: Iterator[list[str]], columns: tuple[str, ...]) -> Iterator[CsvRow]:
    index = 0
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise FeedError(path, f"not valid CSV: {exc}", index=index + 1) from exc
        if cells is None:
            return
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        index += 1
        row = CsvRow(path, index, dict(zip(columns, cells, strict=False)))
        _check_width(row, cells, columns)
        _check_bytes(row)
        yield row


def _check_width(row: CsvRow, cells: list[str], columns: tuple[str, ...]) -> None:
    if len(cells) < len(columns):
        missing = columns[len(cells)]
        raise row.error(f"row ends early: {len(cells)} of {len(columns)} columns", missing)
    if any(cell.strip() for cell in cells[len(columns) :]):  # empty extras: trailing commas
        raise row.error(f"row has {len(cells)} cells but the header names {len(columns)}")


def _check_bytes(row: CsvRow) -> None:
    for column, value in row.cells.items():
        if _BAD_BYTE.search(value):
            raise row.error("not valid UTF-8 text", column)


def keep_last(records: Iterable[tuple[CsvRow, str, T]]) -> tuple[list[T], list[RecordNote]]:
    """Records with distinct keys in file order; for a repeated key the later row wins.

    Each row dropped this way is reported, naming the row that replaced it.
    """
    kept: dict[str, tuple[int, T]] = {}  # the row number only: rows of big files are not kept
    duplicates: list[RecordNote] = []
    for row, key, record in records:
        earlier = kept.pop(key, None)
        if earlier is not None:
            duplicates.append(
                RecordNote(earlier[0], key, f"duplicate id, replaced by row {row.index}")
            )
        kept[key] = (row.index, record)
    return [record for _, record in kept.values()], duplicates


def counted(feed: ParsedFeed, rows: Iterable[CsvRow]) -> Iterator[CsvRow]:
    """The rows, each counted in `feed.records_read` as it goes past."""
    for row in rows:
        feed.records_read += 1
        yield row


def named_rows(
    feed: ParsedFeed,
    rows: Iterable[CsvRow],
    *,
    key: Callable[[CsvRow], str | None],
    name: Callable[[CsvRow], str | None],
) -> Iterator[tuple[CsvRow, str, str]]:
    """Counted rows with their id and name; rows lacking either are noted in `feed.skipped`."""
    for row in counted(feed, rows):
        row_key, row_name = key(row), name(row)
        if row_key is None:
            feed.skipped.append(row.note("no id"))
        elif row_name is None:
            feed.skipped.append(RecordNote(row.index, row_key, "no name"))
        else:
            yield row, row_key, row_name


def read_whole(
    path: Path, *, required: Collection[str] = ()
) -> tuple[tuple[str, ...], list[CsvRow]]:
    """Every row of a small file at once (an HSDS table, the GOV.UK lists)."""
    with open_csv(path, required=required) as table:
        return table.columns, list(table)
