"""`frontdesk service show`: one service with the guidance advisers see for it."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest

from frontdesk.cli import main
from frontdesk.core.catalogue import Phone
from frontdesk.store.catalogue_changes import CatalogueChange
from frontdesk.store.guidance import GUIDANCE, change_id
from tests.search.catalogue import feed, open_store, service


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    store = open_store(tmp_path)
    phone = (Phone("0300 123 4567", description="Mon to Fri"),)
    store.apply_imports(
        [("demo", feed(service("1", "Food Bank", "Emergency food parcels.", phones=phone)))]
    )
    data = {
        "service_id": "demo:1",
        "organization_id": None,
        "version": 2,
        "author": "sue",
        "updated_at": "2026-12-07T10:00:00+00:00",
        "body": "Ask whether the caller has a **voucher**.",
    }
    change = CatalogueChange(GUIDANCE, change_id("demo:1", None), "", data)
    store.change_applier("https://hub").apply([change], {})
    store.close()
    return tmp_path


def test_show_prints_the_service_and_its_guidance(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["service", "show", "demo:1", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Food Bank\n")
    assert "agency: Helpful Agency" in out and "phone: 0300 123 4567 (Mon to Fri)" in out
    assert "Guidance (shared, version 2, 2026-12-07 by sue):" in out
    assert out.index("phone:") < out.index("Ask whether the caller has a **voucher**.")


def test_show_json_carries_the_guidance(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["service", "show", "demo:1", "--json", "--data-dir", str(data_dir)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["name"], shown["catalogue_id"]) == ("Food Bank", "demo:1")
    assert [(g["version"], g["author"]) for g in shown["guidance"]] == [(2, "sue")]


def test_an_unknown_service_is_one_line_on_stderr(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["service", "show", "demo:nope", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no service 'demo:nope'" in err


def test_print_writes_a_one_page_pdf_hand_out(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "out.pdf"
    args = ["service", "print", "demo:1", "--pdf", str(pdf), "--data-dir", str(data_dir)]
    assert main([*args, "--lang", "cy", "--large", "--a5"]) == 0
    assert capsys.readouterr().out == f"wrote {pdf} (1 page, A5)\n"
    reader = pypdf.PdfReader(pdf)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Food Bank" in text and "Ffôn: 0300 123 4567" in text
    assert round(reader.pages[0].mediabox.width) == 420  # A5, in points


def test_print_refuses_an_unknown_service_or_an_unwritable_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["service", "print", "--data-dir", str(data_dir), "--pdf"]
    assert main([*base, str(tmp_path / "x.pdf"), "demo:nope"]) == 1
    assert main([*base, str(tmp_path / "missing" / "x.pdf"), "demo:1"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "no service" in err[0] and "No such file" in err[1]
    assert not (tmp_path / "x.pdf").exists()
