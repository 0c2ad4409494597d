"""`frontdesk report`: the desk's own figures as JSON and as an A4 PDF whose text, read
back with pypdf, carries exactly the numbers counted from the generated enquiries."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from frontdesk.store.desk import DeskStore
from frontdesk.sync.credentials import TokenStore
from tests.helpers import desk_log
from tests.helpers.enquiry_cli import run
from tests.helpers.hub_process import file_keyring, free_port  # noqa: F401
from tests.helpers.report_hub import HUB_FIGURES, report_hub, signed_in  # noqa: F401

SINCE, UNTIL = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
CHANNEL_WORDS = {
    "email": "E-mail",
    "face to face": "Face to face",
    "phone": "Phone",
    "web chat": "Web chat",
}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[desk_log.Call]]:
    folder = tmp_path_factory.mktemp("data")
    desk = DeskStore.open(folder / "desk.db", folder / "backups")
    calls = desk_log.generate()
    desk_log.write(desk, calls)
    desk.close()
    return folder, calls


def args(pdf: Path | None = None) -> list[str]:
    extra = ["--pdf", str(pdf)] if pdf else []
    return ["report", "--since", SINCE.isoformat(), "--until", UNTIL.isoformat(), *extra]


def pdf_text(path: Path) -> tuple[list[str], PdfReader]:
    reader = PdfReader(path)
    pages = []
    for page in reader.pages:
        text = unicodedata.normalize("NFKC", page.extract_text())
        pages.append(" ".join(text.split()))
    return pages, reader


def test_json_prints_the_desks_own_figures(
    data: tuple[Path, list[desk_log.Call]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, calls = data
    status, out, err = run(capsys, folder, *args(), "--json")
    assert status == 0, err
    figures = json.loads(out)
    truth = desk_log.truth(calls, SINCE, UNTIL)
    # No catalogue names the referral services here, so every referral is unrouted.
    truth["referrals_by_agency"] = {"unrouted": sum(truth["referrals_by_agency"].values())}
    assert {k: figures[k] for k in truth} == truth
    assert figures["source"] == "desk"


def test_the_pdf_carries_the_generated_numbers_exactly(
    data: tuple[Path, list[desk_log.Call]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder, calls = data
    pdf = tmp_path / "october.pdf"
    status, out, err = run(capsys, folder, *args(pdf))
    assert status == 0, err
    pages, reader = pdf_text(pdf)
    assert f"wrote {pdf} ({len(pages)} pages, A4)" in out
    text = " ".join(pages)
    truth: dict[str, Any] = desk_log.truth(calls, SINCE, UNTIL)
    fcr = truth["first_contact_resolution"]
    assert "Enquiries report" in pages[0]
    assert "Period: 2026-10-01 to 2026-10-31 (London calendar days)" in pages[0]
    assert "Organisation: this desk" in pages[0]
    assert re.search(r"Generated: \d{4}-\d\d-\d\d \d\d:\d\d \(London time\)", pages[0])
    assert f"Enquiries {truth['enquiries']} " in text
    assert f"Resolved at first contact {fcr['resolved']} " in text
    assert f"First-contact resolution rate {fcr['rate'] * 100:.1f} %" in text
    p90 = truth["duration_seconds"]["p90"]
    assert f"Handling time: 90th percentile (min:sec) {p90 // 60}:{p90 % 60:02d}" in text
    repeat = truth["repeat_callers"]
    assert f"Repeat callers {repeat['callers']} " in text
    assert f"Enquiries from repeat callers {repeat['enquiries']} " in text
    channels = sorted({c for counts in truth["by_hour"].values() for c in counts})
    assert "Hour " + " ".join(CHANNEL_WORDS[c] for c in channels) + " Total" in text
    for hour in range(24):
        counts = truth["by_hour"].get(str(hour), {})
        cells = [counts.get(c, 0) for c in channels]
        row = f"{hour:02d}:00 " + " ".join(str(n) for n in [*cells, sum(cells)])
        assert row in text, row
    for channel, words in (("sms", "Texts"), ("email", "E-mails")):
        m = truth["messages"][channel]
        assert f"{words} {m['sent']} {m['delivered']} {m['failed']} {m['pending']}" in text
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {number} of {len(pages)}")
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842), "A4 in points"


def test_a_period_ending_before_it_starts_is_refused(
    data: tuple[Path, list[desk_log.Call]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = data
    status, _, err = run(
        capsys, folder, "report", "--since", "2026-10-31", "--until", "2026-10-01", "--json"
    )
    assert status == 1
    assert "--until is before --since" in err


def test_org_without_a_hub_says_the_figures_are_the_desks(
    data: tuple[Path, list[desk_log.Call]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = data
    status, out, err = run(capsys, folder, *args(), "--json", "--org", "council")
    assert status == 0
    assert "--org needs a hub" in err
    assert json.loads(out)["source"] == "desk"


def test_a_supervisors_desk_prints_and_reports_the_hubs_figures(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    file_keyring: TokenStore,  # noqa: F811
    report_hub: tuple[str, list[str]],  # noqa: F811
) -> None:
    url, asked = report_hub
    signed_in(tmp_path, url, file_keyring).close()
    pdf = tmp_path / "hub.pdf"
    status, out, err = run(capsys, tmp_path, *args(pdf), "--json", "--org", "council")
    assert status == 0, err
    assert asked == ["/supervisor/v1/report?since=2026-10-01&until=2026-10-31&org=council"]
    assert json.loads(out) == HUB_FIGURES
    pages, _ = pdf_text(pdf)
    assert "Organisation: council" in pages[0]
    assert "Figures: the hub's, every desk of the organisation" in pages[0]
    assert "Enquiries 1234 " in pages[0]
    text = " ".join(pages)
    assert "desk-b council 2026-10-20 09:00" in text, "a stale desk, in London time"
    assert "Yes: not seen lately" in text


def test_an_unreachable_hub_is_said_and_the_desks_figures_printed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    file_keyring: TokenStore,  # noqa: F811
) -> None:
    signed_in(tmp_path, f"http://127.0.0.1:{free_port()}", file_keyring).close()
    status, out, err = run(capsys, tmp_path, *args(), "--json")
    assert status == 0
    assert "The hub cannot be reached" in err and "this desk's own figures" in err
    assert json.loads(out)["source"] == "desk"
