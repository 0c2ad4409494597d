"""`frontdesk import`, `catalogue stats` and `export`, run as a user runs them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from frontdesk.cli import main

BRISTOL_V1 = "oruk-v1-bristol-services/bristol_services.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def stats(capsys: pytest.CaptureFixture[str], data: Path) -> dict[str, object]:
    status, out, _ = run(capsys, "catalogue", "stats", "--json", "--data-dir", str(data))
    assert status == 0
    result: dict[str, object] = json.loads(out)
    return result


def dump_database(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return "\n".join(db.iterdump())


def test_bristol_imports_with_its_duplicate_and_empty_record_reported(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(
        capsys, "--data-dir", str(tmp_path), "import", str(shared_data / BRISTOL_V1), "--json"
    )
    assert status == 0, err
    [report] = json.loads(out)
    assert report["records_read"] == 819
    assert [d["id"] for d in report["duplicates"]] == ["2af617e5-4532-bebe-1036-ffdf2e93ce55"]
    assert len(report["skipped"]) == 1
    assert report["added"] == 817
    assert stats(capsys, tmp_path)["services"] == 817


def test_no_staff_email_reaches_the_catalogue(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--data-dir", str(tmp_path), "import", str(shared_data / BRISTOL_V1))
    run(
        capsys,
        "--data-dir",
        str(tmp_path),
        "import",
        str(shared_data / "oruk-v3-bristol-fixtures" / "bristol-service-1625ip.json"),
    )
    staff = {
        s["pc_metadata"]["assured_by"]
        for s in json.loads((shared_data / BRISTOL_V1).read_text(encoding="utf-8"))
        if s.get("pc_metadata", {}).get("assured_by")
    }
    assert staff, "the feed is known to carry staff addresses"
    everything = dump_database(tmp_path / "catalogue.db")
    assert [e for e in staff if e in everything] == []
    assert "spot@thecareforum.org.uk" in everything, "a service's own contact address is kept"


def test_reimporting_the_same_file_changes_nothing(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(shared_data / BRISTOL_V1)
    run(capsys, "--data-dir", str(tmp_path), "import", path)
    _, out, _ = run(capsys, "--data-dir", str(tmp_path), "import", path, "--json")
    [report] = json.loads(out)
    assert (report["added"], report["updated"], report["removed"]) == (0, 0, 0)
    assert report["unchanged"] == 817


def test_a_newer_snapshot_updates_and_removes_only_within_its_source(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = json.loads((shared_data / BRISTOL_V1).read_text(encoding="utf-8"))
    snapshot = tmp_path / "bristol.json"
    snapshot.write_text(json.dumps(records), encoding="utf-8")
    data = tmp_path / "data"
    run(capsys, "--data-dir", str(data), "import", str(snapshot))
    run(
        capsys,
        "--data-dir",
        str(data),
        "import",
        str(shared_data / "lgsl-esd-services-2015" / "services.csv"),
    )
    newer = [r for r in records if r["id"] != records[5]["id"]]
    newer[10] = {**newer[10], "name": "Renamed service"}
    snapshot.write_text(json.dumps(newer), encoding="utf-8")
    _, out, _ = run(capsys, "--data-dir", str(data), "import", str(snapshot), "--json")
    [report] = json.loads(out)
    assert (report["added"], report["updated"], report["removed"]) == (0, 1, 1)
    sources = {s["name"]: s["services"] for s in stats(capsys, data)["sources"]}  # type: ignore[attr-defined]
    assert sources == {"bristol": 816, "lgsl": 1519}


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: raw.replace(b'"name"', b'"name": [1] , "x"', 1), id="bad field"),
        pytest.param(lambda raw: raw[:1000] + b"\xff\xfe" + raw[1000:], id="not utf-8"),
    ],
)
def test_a_broken_file_fails_clearly_and_leaves_the_catalogue_unchanged(
    damage: object,
    shared_data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data"
    lgsl = str(shared_data / "lgsl-esd-services-2015" / "services.csv")
    run(capsys, "--data-dir", str(data), "import", lgsl)
    before = dump_database(data / "catalogue.db")
    broken = tmp_path / "broken.json"
    broken.write_bytes(damage((shared_data / BRISTOL_V1).read_bytes()))  # type: ignore[operator]
    status, _out, err = run(capsys, "--data-dir", str(data), "import", lgsl, str(broken))
    assert status == 1
    assert err.count("\n") == 1, "one line on stderr"
    assert "broken.json" in err
    assert "record" in err
    assert "nothing was imported" in err
    assert dump_database(data / "catalogue.db") == before


def test_a_missing_file_fails_with_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--data-dir", str(tmp_path), "import", str(tmp_path / "x.json"))
    assert status == 1
    assert "x.json" in err and "no such file" in err


def test_bad_usage_exits_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--format", "no-such-format", "x.json"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("command", ["import", "catalogue", "export", "search", "demo"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: frontdesk" in capsys.readouterr().out


def test_format_can_be_forced(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json")
    status, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "import", path, "--format", "oruk3", "--json"
    )
    assert status == 0
    assert json.loads(out)[0]["added"] == 3


def test_every_shared_dataset_with_services_imports(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [
        shared_data / BRISTOL_V1,
        shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json",
        shared_data / "hsds-3.0-specification" / "examples" / "service_full.json",
        shared_data / "hsds-3.0-specification" / "examples" / "csv",
        shared_data / "oruk-uk-profile-3.0" / "examples" / "csv",
        shared_data / "lgsl-esd-services-2015" / "services.csv",
        shared_data / "govuk-local-services-lgsl-tiers" / "local_services.csv",
        shared_data / "govuk-local-authorities" / "local-authorities.csv",
        shared_data / "postcodes-trafford-onspd" / "trafford_postcodes.csv",
    ]
    for number, path in enumerate(paths):
        source = ["--source", f"feed-{number}"]
        status, _, err = run(capsys, "--data-dir", str(tmp_path), "import", str(path), *source)
        assert status == 0, f"{path}: {err}"
    result = stats(capsys, tmp_path)
    assert result["local_authorities"] == 382
    assert result["postcodes"] == 11264
    assert result["services"] == 817 + 3 + 1 + 1 + 1 + 1519


def test_export_writes_hsds3_that_the_official_schema_accepts(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    data, out = tmp_path / "data", tmp_path / "export.json"
    run(
        capsys,
        "--data-dir",
        str(data),
        "import",
        str(shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json"),
        str(shared_data / "oruk-v3-bristol-fixtures" / "bristol-service-1625ip.json"),
    )
    status, _, err = run(capsys, "--data-dir", str(data), "export", "--format", "hsds3", str(out))
    assert status == 0, err
    document = json.loads(out.read_text(encoding="utf-8"))
    # The compiled service_list schema describes one item of a /services page.
    schema_path = shared_data / "hsds-3.0-specification/schema/compiled/service_list.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = [
        f"{number}/{list(e.absolute_path)}: {e.message}"
        for number, item in enumerate(document["contents"])
        for e in validator.iter_errors(item)
    ]
    assert errors == []
    assert document["total_items"] == 4
    assert {s["name"] for s in document["contents"]} >= {"1625 Independent People"}


def test_an_oversized_feed_is_refused_before_it_is_read(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    lgsl = str(shared_data / "lgsl-esd-services-2015" / "services.csv")
    run(capsys, "--data-dir", str(data), "import", lgsl)
    before = dump_database(data / "catalogue.db")
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(1024**3)  # a sparse gigabyte: nothing is written to disk
    status, _, err = run(
        capsys, "--data-dir", str(data), "import", str(huge), "--format", "oruk-v1"
    )
    assert status == 1
    assert err == (
        f"frontdesk: {huge}: the file is 1,024.0 MiB, more than the 256.0 MiB frontdesk "
        "imports from one file — nothing was imported\n"
    )
    assert dump_database(data / "catalogue.db") == before


def test_an_absurdly_long_service_name_fails_the_import_naming_its_record(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    lgsl = str(shared_data / "lgsl-esd-services-2015" / "services.csv")
    run(capsys, "--data-dir", str(data), "import", lgsl)
    before = dump_database(data / "catalogue.db")
    records = json.loads((shared_data / BRISTOL_V1).read_text(encoding="utf-8"))
    records[5]["name"] = "Help " * 2_000
    feed = tmp_path / "bristol.json"
    feed.write_text(json.dumps(records), encoding="utf-8")
    status, _, err = run(
        capsys, "--data-dir", str(data), "import", str(feed), "--format", "oruk-v1"
    )
    assert status == 1
    assert err.count("\n") == 1
    assert f"record 5 (id {records[5]['id']}): field 'name': 10,000 characters long" in err
    assert "nothing was imported" in err
    assert dump_database(data / "catalogue.db") == before


def test_an_lgsl_list_with_a_nul_byte_is_refused_and_changes_nothing(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    tiers = str(shared_data / "govuk-local-services-lgsl-tiers" / "local_services.csv")
    run(capsys, "--data-dir", str(data), "import", tiers)
    before = dump_database(data / "catalogue.db")
    raw = (shared_data / "lgsl-esd-services-2015" / "services.csv").read_bytes()
    lines = raw.split(b"\r\n")
    # Past the first 64 KiB, where detection looks: the file is still taken for LGSL.
    identifier = lines[1000].split(b",")[0].decode()
    lines[1000] = lines[1000].replace(b",", b",\x00", 1)
    poisoned = tmp_path / "services.csv"
    poisoned.write_bytes(b"\r\n".join(lines))
    status, _, err = run(capsys, "--data-dir", str(data), "import", str(poisoned))
    assert status == 1
    assert err.startswith(f"frontdesk: {poisoned}: record ")
    assert err.endswith(
        f" (id {identifier}): field 'label': holds a NUL character (U+0000), which no text "
        "may hold — nothing was imported\n"
    )
    assert dump_database(data / "catalogue.db") == before
