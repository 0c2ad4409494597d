"""Every importer refuses a file too big to read (before it reads it whole), a field too
long to be real and a NUL or other control character where text cannot hold one, naming
the file, the record and the field."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from frontdesk.formats import limits
from frontdesk.formats.base import FeedError
from frontdesk.formats.registry import read_feed

# One small file per format, with `value` as the text of one field of its only record.
Writer = Callable[[Path, str], Path]


def _csv(name: str, header: str, row: Callable[[str], str]) -> Writer:
    def write(folder: Path, value: str) -> Path:
        path = folder / name
        path.write_text(f"{header}\r\n{row(value)}\r\n", encoding="utf-8")
        return path

    return write


def _json(records_key: str | None) -> Writer:
    def write(folder: Path, value: str) -> Path:
        record = {"id": "s1", "name": value}
        document: object = {records_key: [record]} if records_key else [record]
        path = folder / "feed.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    return write


def _tabular(folder: Path, value: str) -> Path:
    package = folder / "package"
    package.mkdir()
    (package / "services.csv").write_text(f"id,name\r\ns1,{value}\r\n", encoding="utf-8")
    return package


# format, writer, the field holding the value, the record's index and id as reported.
FORMATS = [
    pytest.param("oruk1", _json("content"), "name", 0, "s1", id="oruk-v1"),
    pytest.param("hsds3", _json("contents"), "name", 0, "s1", id="hsds3-json"),
    pytest.param("hsds3-tabular", _tabular, "name", 1, "s1", id="hsds3-tabular"),
    pytest.param(
        "lgsl",
        _csv("services.csv", "Identifier,Label,Description,History notes", lambda v: f"1,{v},,"),
        "label",
        1,
        "1",
        id="lgsl",
    ),
    pytest.param(
        "govuk-lgsl-tiers",
        _csv("tiers.csv", "LGSL,Description,Providing Tier", lambda v: f"1,{v},all"),
        "description",
        1,
        "1",
        id="govuk-tiers",
    ),
    pytest.param(
        "govuk-local-authorities",
        _csv(
            "councils.csv",
            "id,gss,tier_id,parent_local_authority_id,name",
            lambda v: f"1,E06000001,3,,{v}",
        ),
        "name",
        1,
        "1",
        id="govuk-councils",
    ),
    pytest.param(
        "postcodes",
        _csv(
            "postcodes.csv", "postcode,la_code,ward_code,ward_name", lambda v: f"M1 1AA,E1,W1,{v}"
        ),
        "ward_name",
        1,
        "M1 1AA",
        id="postcodes",
    ),
    pytest.param(
        "ward-lookup",
        _csv("wards.csv", "WD22CD,WD22NM,LAD22CD,LAD22NM", lambda v: f"E05000001,{v},E1,Here"),
        "wd22nm",
        1,
        "E05000001",
        id="ward-lookup",
    ),
]


@pytest.mark.parametrize(("fmt", "write", "field", "index", "record_id"), FORMATS)
def test_a_name_longer_than_any_real_one_fails_the_file_naming_its_place(
    fmt: str, write: Writer, field: str, index: int, record_id: str, tmp_path: Path
) -> None:
    path = write(tmp_path, "A" * (limits.MAX_LINE_CHARS + 1))
    with pytest.raises(FeedError) as caught:
        read_feed(path, fmt)
    error = caught.value
    assert (error.index, error.record_id, error.field) == (index, record_id, field)
    assert "1,001 characters long" in str(error)
    assert str(error).count("\n") == 0


@pytest.mark.parametrize(("fmt", "write", "field", "index", "record_id"), FORMATS)
def test_a_name_at_the_limit_is_imported_whole(
    fmt: str, write: Writer, field: str, index: int, record_id: str, tmp_path: Path
) -> None:
    feed = read_feed(write(tmp_path, "A" * limits.MAX_LINE_CHARS), fmt)
    assert feed.skipped == [] and feed.records_read >= 1


def test_a_description_may_be_long_but_not_without_end(tmp_path: Path) -> None:
    """Bristol inlines images in descriptions, so free text gets far more room than a name."""
    record = {"id": "s1", "name": "Advice", "description": "x" * limits.MAX_TEXT_CHARS}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([record]))
    [service] = read_feed(path, "hsds3").catalogue.services
    assert service.description is not None and len(service.description) == limits.MAX_TEXT_CHARS
    record["organization"] = {"id": "o1", "name": "Org", "description": "x" * 1_000_001}
    path.write_text(json.dumps([record]))
    with pytest.raises(FeedError) as caught:
        read_feed(path, "hsds3")
    assert caught.value.field == "organization.description"


def test_a_web_address_has_room_for_a_long_query(tmp_path: Path) -> None:
    url = "https://example.org/form?" + "q" * 1500
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([{"id": "s1", "name": "Advice", "url": url}]))
    assert read_feed(path, "hsds3").catalogue.services[0].url == url
    path.write_text(json.dumps([{"id": "s1", "name": "Advice", "url": url + "q" * 600}]))
    with pytest.raises(FeedError, match="2,048"):
        read_feed(path, "hsds3")


def test_a_long_tag_in_a_list_is_named_by_its_position(tmp_path: Path) -> None:
    record = {"id": "s1", "name": "Advice", "pc_targetAudience": ["Adults", "B" * 1001]}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"content": [record], "totalElements": 1}))
    with pytest.raises(FeedError) as caught:
        read_feed(path, "oruk1")
    assert caught.value.field == "pc_targetAudience[1]"


def _sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on disk."""
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("oruk1", "feed.json"),
        ("hsds3", "feed.json"),
        ("lgsl", "services.csv"),
        ("govuk-lgsl-tiers", "tiers.csv"),
        ("govuk-local-authorities", "councils.csv"),
        ("postcodes", "postcodes.csv"),
        ("ward-lookup", "wards.csv"),
    ],
)
def test_a_file_over_the_limit_is_refused_by_its_size(fmt: str, name: str, tmp_path: Path) -> None:
    path = _sparse(tmp_path / name, limits.MAX_FILE_BYTES + 1)
    with pytest.raises(FeedError) as caught:
        read_feed(path, fmt)
    assert str(caught.value) == (
        f"{path}: the file is 256.0 MiB, more than the 256.0 MiB frontdesk imports from one file"
    )


@pytest.mark.parametrize("table", ["services.csv", "datapackage.json"])
def test_every_file_of_a_data_package_is_held_to_the_limit(table: str, tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "services.csv").write_text("id,name\r\ns1,Advice\r\n")
    _sparse(package / table, limits.MAX_FILE_BYTES + 1)
    with pytest.raises(FeedError, match=r"more than the 256\.0 MiB"):
        read_feed(package, "hsds3-tabular")


@pytest.mark.parametrize(
    ("fmt", "head"),
    [("hsds3", b'[{"id": "s1", "name": "'), ("lgsl", b"Identifier,Label,Description\r\n1,")],
)
def test_a_pipe_is_read_in_bounded_chunks_and_refused_past_the_limit(
    fmt: str, head: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stream has no size to check first: it is counted as it comes."""
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 4 * 1024 * 1024)
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    written: list[int] = []

    def feed_the_pipe() -> None:
        try:
            with fifo.open("wb") as pipe:
                pipe.write(head)
                for _ in range(64):  # 64 MiB if nobody stopped reading
                    pipe.write(b"a" * 1024 * 1024)
                    written.append(1)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed_the_pipe, daemon=True)
    writer.start()
    try:
        with pytest.raises(FeedError, match=r"more than 4\.0 MiB"):
            read_feed(fifo, fmt)
    finally:
        writer.join(timeout=30)
    assert not writer.is_alive()
    assert len(written) < 64, "the reader stopped reading soon after the limit"


def test_a_long_csv_cell_is_judged_by_its_column_not_by_the_csv_module(tmp_path: Path) -> None:
    path = tmp_path / "services.csv"
    header = "Identifier,Label,Description,History notes\r\n"
    path.write_text(f"{header}1,Advice,{'x' * 200_000},\r\n")
    [service] = read_feed(path, "lgsl").catalogue.services
    assert service.description == "x" * 200_000
    path.write_text(f"{header}1,Advice,{'x' * (limits.MAX_TEXT_CHARS + 1)},\r\n")
    with pytest.raises(FeedError) as caught:
        read_feed(path, "lgsl")
    assert (caught.value.index, caught.value.record_id, caught.value.field) == (
        1,
        "1",
        "description",
    )


@pytest.mark.parametrize("character", ["\x00", "\x03", "\x1b", "\x0b"])
@pytest.mark.parametrize(("fmt", "write", "field", "index", "record_id"), FORMATS)
def test_a_control_character_in_a_name_fails_the_file_naming_its_place(
    character: str,
    fmt: str,
    write: Writer,
    field: str,
    index: int,
    record_id: str,
    tmp_path: Path,
) -> None:
    path = write(tmp_path, f"Advice{character}centre")
    with pytest.raises(FeedError) as caught:
        read_feed(path, fmt)
    error = caught.value
    assert (error.index, error.record_id, error.field) == (index, record_id, field)
    assert f"U+{ord(character):04X}" in str(error)
    assert str(error).count("\n") == 0


@pytest.mark.parametrize(("fmt", "write", "field", "index", "record_id"), FORMATS)
def test_a_tab_in_a_name_is_only_space(
    fmt: str, write: Writer, field: str, index: int, record_id: str, tmp_path: Path
) -> None:
    feed = read_feed(write(tmp_path, "Advice\tcentre"), fmt)
    assert feed.skipped == [] and feed.records_read >= 1


def test_free_text_may_hold_a_stray_control_character_but_never_a_nul(tmp_path: Path) -> None:
    """Bristol's live feed has a U+0003 inside a description: cleaning removes it."""
    record = {"id": "s1", "name": "Advice", "description": "<p>information\x03 and triage</p>"}
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([record]))
    [service] = read_feed(path, "hsds3").catalogue.services
    assert service.description == "information and triage"
    record["description"] = "information\x00 and triage"
    path.write_text(json.dumps([record]))
    with pytest.raises(FeedError, match=r"NUL character \(U\+0000\)") as caught:
        read_feed(path, "hsds3")
    assert caught.value.field == "description"


def test_a_nul_in_an_lgsl_scope_note_fails_the_file(tmp_path: Path) -> None:
    path = tmp_path / "services.csv"
    path.write_bytes(b"Identifier,Label,Description,History notes\r\n1,Advice,Help\x00me,\r\n")
    with pytest.raises(FeedError) as caught:
        read_feed(path, "lgsl")
    assert (caught.value.index, caught.value.field) == (1, "description")


def test_a_data_package_cannot_name_a_file_with_a_nul(tmp_path: Path) -> None:
    package = tmp_path / "package"
    package.mkdir()
    (package / "services.csv").write_text("id,name\r\ns1,Advice\r\n")
    resources = [{"name": "service", "path": "services.csv\x00.txt"}]
    (package / "datapackage.json").write_text(json.dumps({"resources": resources}))
    with pytest.raises(FeedError) as caught:
        read_feed(package, "hsds3-tabular")
    assert caught.value.field == "resources[0].path"
    assert "U+0000" in str(caught.value)
