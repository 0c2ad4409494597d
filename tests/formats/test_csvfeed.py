"""How every CSV reader copes with the files councils actually publish, and what it says
when a file cannot be read: the message names the file, the data row, its id and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontdesk.formats.base import FeedError
from frontdesk.formats.csvfeed import CsvRow, keep_last, open_csv, read_whole, sniff_header


def write(tmp_path: Path, content: str | bytes, name: str = "feed.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_crlf_rows_keep_newlines_inside_quoted_cells(tmp_path: Path) -> None:
    path = write(tmp_path, 'Identifier,Label,\r\n1,"two\nlines",\r\n2,plain,\r\n')
    columns, rows = read_whole(path)
    assert columns == ("identifier", "label")  # the trailing empty column is dropped
    assert [row.raw("label") for row in rows] == ["two\nlines", "plain"]


def test_a_byte_order_mark_and_header_spelling_do_not_matter(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbfHistory Notes, Providing-Tier\nx,y\n")
    columns, rows = read_whole(path)
    assert columns == ("history_notes", "providing_tier")
    assert rows[0].line("providing_tier") == "y"


def test_blank_lines_are_not_rows(tmp_path: Path) -> None:
    _, rows = read_whole(write(tmp_path, "id,name\n1,a\n\n2,b\n"))
    assert [(row.index, row.id) for row in rows] == [(1, "1"), (2, "2")]


def test_empty_cells_read_as_none_and_text_is_cleaned(tmp_path: Path) -> None:
    _, rows = read_whole(write(tmp_path, "id,name,notes\n1,  Caf\u00c3\u00a9  ,\n"))
    assert rows[0].line("name") == "Café"
    assert rows[0].line("notes") is None
    assert rows[0].line("not_a_column") is None


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "id,title\n1,x\n")
    with pytest.raises(FeedError) as error:
        read_whole(path, required=("id", "name"))
    assert error.value.path == path
    assert error.value.field == "name"
    assert "feed.csv" in str(error.value) and "'name'" in str(error.value)


def test_invalid_utf8_names_row_id_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, b"id,name\n1,fine\n2,caf\xe9\n")
    with pytest.raises(FeedError) as error:
        read_whole(path)
    assert (error.value.index, error.value.record_id, error.value.field) == (2, "2", "name")
    assert "UTF-8" in str(error.value)


def test_a_truncated_file_names_the_row_it_stopped_in(tmp_path: Path) -> None:
    path = write(tmp_path, 'id,name,notes\n1,a,b\n2,b,"cut off in the mid')
    with pytest.raises(FeedError) as error:
        read_whole(path)
    assert error.value.path == path
    assert error.value.index == 2
    assert "record 2" in str(error.value)


def test_a_row_that_ends_early_names_the_first_missing_column(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name,notes\n1,a,b\n2,b\n")
    with pytest.raises(FeedError) as error:
        read_whole(path)
    assert (error.value.index, error.value.record_id, error.value.field) == (2, "2", "notes")


def test_a_row_with_more_values_than_columns_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name\n1,a,surprise\n")
    with pytest.raises(FeedError, match="2"):
        read_whole(path)


def test_garbled_quoting_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 'id,name\n1,"quoted"then more\n')
    with pytest.raises(FeedError) as error:
        read_whole(path)
    assert error.value.index == 1


def test_a_column_named_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FeedError) as error:
        read_whole(write(tmp_path, "id,Name,name\n1,a,b\n"))
    assert error.value.field == "name"


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="empty"):
        read_whole(write(tmp_path, ""))


def test_rows_stream_for_large_files(tmp_path: Path) -> None:
    path = write(tmp_path, "id,name\n" + "".join(f"{n},row {n}\n" for n in range(1, 1001)))
    with open_csv(path) as table:
        first = next(iter(table))
        assert first.line("name") == "row 1"
        assert sum(1 for _ in table) == 999


def test_a_repeated_id_keeps_the_later_row_and_reports_the_earlier(tmp_path: Path) -> None:
    rows = [CsvRow(tmp_path, index, {"id": key}) for index, key in enumerate("aba", start=1)]
    kept, duplicates = keep_last((row, row.raw("id"), row.index) for row in rows)
    assert kept == [2, 3]
    assert [(note.index, note.record_id) for note in duplicates] == [(1, "a")]
    assert "row 3" in duplicates[0].reason


def test_sniffing_reads_only_the_header() -> None:
    assert sniff_header(b"LGSL,Description,Providing Tier\r\n1,x,all") == (
        "lgsl",
        "description",
        "providing_tier",
    )
    assert sniff_header(b"\x00\x01binary") == ()
