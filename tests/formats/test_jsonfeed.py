"""Loading JSON feeds: every page shape yields its records, and a broken file says where."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontdesk.formats.base import FeedError
from frontdesk.formats.jsonfeed import Fields, feed_generation
from frontdesk.formats.jsonload import load_feed


def write(tmp_path: Path, content: Any, name: str = "feed.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    return path


def feed_error(path: Path) -> FeedError:
    with pytest.raises(FeedError) as caught:
        load_feed(path)
    return caught.value


# --- page shapes --------------------------------------------------------------------------


def test_a_bare_array_is_all_records_without_an_envelope(tmp_path: Path) -> None:
    feed = load_feed(write(tmp_path, [{"id": "a"}, {"id": "b"}]))
    assert [r["id"] for r in feed.records] == ["a", "b"]
    assert feed.envelope is None


@pytest.mark.parametrize("key", ["content", "contents", "items"])
def test_a_page_yields_its_records_and_keeps_the_paging_fields(tmp_path: Path, key: str) -> None:
    page = {"totalElements": 2, key: [{"id": "a"}, {"id": "b"}], "last": True}
    feed = load_feed(write(tmp_path, page))
    assert [r["id"] for r in feed.records] == ["a", "b"]
    assert feed.records_key == key
    assert feed.envelope == {"totalElements": 2, "last": True}


def test_an_empty_page_has_no_records(tmp_path: Path) -> None:
    feed = load_feed(write(tmp_path, {"total_items": 0, "contents": []}))
    assert feed.records == []
    assert feed.envelope == {"total_items": 0}


def test_a_single_object_is_one_record(tmp_path: Path) -> None:
    feed = load_feed(write(tmp_path, {"id": "svc-1", "name": "Meals on wheels"}))
    assert feed.records == [{"id": "svc-1", "name": "Meals on wheels"}]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff" + json.dumps([{"id": "a", "name": "Café"}]))
    assert load_feed(path).records[0]["name"] == "Café"


def test_the_whole_bristol_v1_feed_loads(shared_data: Path) -> None:
    feed = load_feed(shared_data / "oruk-v1-bristol-services" / "bristol_services.json")
    assert len(feed.records) == 819


# --- broken files -------------------------------------------------------------------------


def test_a_truncated_feed_names_the_file_the_broken_record_and_the_last_good_one(
    shared_data: Path, tmp_path: Path
) -> None:
    original = (shared_data / "oruk-v1-bristol-services" / "bristol_services.json").read_bytes()
    path = write(tmp_path, original[: len(original) // 2], "bristol_cut.json")
    records = json.loads(original)

    error = feed_error(path)

    message = str(error)
    assert "bristol_cut.json" in message
    assert error.index is not None and 0 < error.index < 819
    assert f"record {error.index}" in message
    assert "truncated" in message
    assert f"last complete record: {error.index - 1} (id {records[error.index - 1]['id']})" in (
        message
    )
    assert "line " in message and "column " in message


def test_corruption_inside_a_record_names_its_id_and_field(tmp_path: Path) -> None:
    text = '[{"id": "a", "name": "One"},\n {"id": "b", "name": "Two" "description": "x"}]'
    error = feed_error(write(tmp_path, text))
    assert (error.index, error.record_id) == (1, "b")
    assert "record 1 (id b)" in str(error)
    assert "after field 'name'" in str(error)
    assert "line 2" in str(error)
    assert "last complete record: 0 (id a)" in str(error)


def test_a_bad_value_names_the_field_it_belongs_to(tmp_path: Path) -> None:
    error = feed_error(write(tmp_path, '[{"id": "a", "name": nope}]'))
    assert error.field == "name"
    assert "record 0 (id a): field 'name': invalid JSON" in str(error)


def test_a_record_that_is_not_an_object_is_refused_with_its_index(tmp_path: Path) -> None:
    error = feed_error(write(tmp_path, [{"id": "a"}, "b", {"id": "c"}]))
    assert error.index == 1
    assert "the record is text, not an object" in str(error)


def test_invalid_utf8_is_refused_naming_its_record_and_field(tmp_path: Path) -> None:
    error = feed_error(write(tmp_path, '[{"id": "a", "name": "Caf\xe9"}]'.encode("latin-1")))
    assert (error.index, error.record_id, error.field) == (0, "a", "name")
    assert "not valid UTF-8 (byte 0xe9) at line 1, column 26" in str(error)


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    assert "empty" in str(feed_error(write(tmp_path, "  \n")))


def test_an_html_error_page_is_not_taken_for_a_feed(tmp_path: Path) -> None:
    error = feed_error(write(tmp_path, "<html><body>502 Bad Gateway</body></html>"))
    assert "not a JSON feed" in str(error)


def test_two_documents_glued_together_are_refused(tmp_path: Path) -> None:
    error = feed_error(write(tmp_path, '[{"id": "a"}]\n[{"id": "b"}]'))
    assert "unexpected data after the end" in str(error)
    assert "line 2" in str(error)


def test_a_broken_paging_field_is_named(tmp_path: Path) -> None:
    error = feed_error(write(tmp_path, '{"totalElements": 1x, "content": []}'))
    assert "after field 'totalElements' at line 1, column 20" in str(error)


# --- reading fields -----------------------------------------------------------------------


def fields(data: dict[str, Any]) -> Fields:
    return Fields(Path("feed.json"), 4, "svc-4", data)


def test_empty_strings_read_as_absent_even_where_an_object_or_list_belongs() -> None:
    record = fields({"name": "", "organization": "", "phones": ""})
    assert record.text("name") is None
    assert record.obj("organization") is None
    assert record.objs("phones") == []


def test_numbers_read_as_text() -> None:
    assert fields({"minimum_age": 16}).text("minimum_age") == "16"


@pytest.mark.parametrize(
    ("data", "read", "field", "found"),
    [
        ({"name": ["a"]}, lambda f: f.text("name"), "name", "a list"),
        ({"organization": "Acme"}, lambda f: f.obj("organization"), "organization", "text"),
        ({"phones": {"number": "1"}}, lambda f: f.objs("phones"), "phones", "an object"),
        ({"phones": ["0117"]}, lambda f: f.objs("phones"), "phones[0]", "text"),
    ],
)
def test_a_wrong_shape_names_file_record_id_and_field(
    data: dict[str, Any], read: Any, field: str, found: str
) -> None:
    with pytest.raises(FeedError) as caught:
        read(fields(data))
    assert str(caught.value).startswith(f"feed.json: record 4 (id svc-4): field '{field}'")
    assert found in str(caught.value)


def test_nested_fields_report_their_full_path() -> None:
    contact = fields({"contacts": [{}, {"phones": [{"number": {"x": 1}}]}]}).objs("contacts")[1]
    with pytest.raises(FeedError, match=r"field 'contacts\[1\]\.phones\[0\]\.number'"):
        contact.objs("phones")[0].text("number")


# --- which generation ---------------------------------------------------------------------


def test_generation_is_told_from_distinctive_keys(shared_data: Path) -> None:
    def head(*parts: str) -> bytes:
        return shared_data.joinpath(*parts).read_bytes()[: 64 * 1024]

    assert feed_generation(head("oruk-v1-bristol-services", "bristol_services.json")) == "oruk1"
    bristol_v3 = head("oruk-v3-bristol-fixtures", "bristol-services-page1.json")
    assert feed_generation(bristol_v3) == "hsds3"
    assert feed_generation(head("hsds-3.0-specification", "examples", "service_full.json")) == (
        "hsds3"
    )
    assert feed_generation(head("hsds-3.0-specification", "datapackage.json")) is None


def test_json_without_record_keys_or_not_json_is_no_generation() -> None:
    assert feed_generation(b'{"service_code": "001", "service_name": "Pothole"}') is None
    assert feed_generation(b"id,name\n1,Meals on wheels\n") is None
