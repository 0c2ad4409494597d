"""`frontdesk search` from a terminal and from scripts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from frontdesk.cli import main
from tests.search.catalogue import feed, open_store, service


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    store = open_store(tmp_path)
    store.apply_imports(
        [
            (
                "demo",
                feed(
                    service("1", "Council Tax Reduction", "Help paying your council tax bill."),
                    service("2", "Food Bank", "Emergency food parcels."),
                ),
            )
        ]
    )
    store.close()
    return tmp_path


def test_json_output_lists_hits_with_ids_and_scores(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "council tax", "--json", "--data-dir", str(data_dir)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out, list)
    hit = out[0]
    assert (hit["id"], hit["source_id"], hit["name"]) == ("demo:1", "1", "Council Tax Reduction")
    assert {"organization", "score", "snippet", "covers", "match"} <= hit.keys()


def test_json_mode_keeps_stdout_to_the_array_and_tells_people_on_stderr(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "counsil tax ", "--json", "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert [h["id"] for h in json.loads(captured.out)] == ["demo:1"]
    assert "Showing results for “council tax”" in captured.err


def test_json_output_is_an_empty_array_when_nothing_matches(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "zebra crossing", "--json", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_human_list_says_when_a_query_was_corrected(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "counsil tax ", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Showing results for “council tax”" in out
    assert "Council Tax Reduction" in out


def test_an_unknown_postcode_is_reported(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["search", "food", "--postcode", "ZZ9 9ZZ", "--data-dir", str(data_dir)])
    assert "ZZ9 9ZZ" in capsys.readouterr().out


def test_batch_answers_one_json_line_per_query_in_order(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("food\nnothing matches this\ncouncil tax\n"))
    assert main(["search", "--batch", "-", "--json", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [[h["id"] for h in json.loads(line)] for line in lines] == [["demo:2"], [], ["demo:1"]]


def test_a_missing_batch_file_is_a_clear_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "--batch", str(data_dir / "none.txt"), "--data-dir", str(data_dir)]) == 1
    assert "cannot read the query file" in capsys.readouterr().err


def test_an_empty_catalogue_says_so_and_how_to_fill_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "council tax", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "No services found" not in out
    assert "catalogue is empty" in out
    assert "frontdesk import FILE" in out
    assert "frontdesk login" in out and "frontdesk sync" in out


def test_an_empty_catalogue_keeps_json_stdout_to_the_array(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "council tax", "--json", "--data-dir", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "catalogue is empty" in captured.err


def test_a_catalogue_with_services_but_no_match_still_says_no_services_found(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "zebra crossing", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "No services found." in out
    assert "catalogue is empty" not in out


def test_the_human_list_says_when_only_some_words_matched(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "food parcels for my cat", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "Food Bank" in out
    assert "No service matched every word; showing services matching some of them." in out


def test_json_mode_tells_what_was_relaxed_on_stderr(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "food parcels for my cat", "--json", "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert [h["id"] for h in json.loads(captured.out)] == ["demo:2"]
    assert "showing services matching some of them" in captured.err
