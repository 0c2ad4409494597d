"""The printed hand-out, rendered to PDF with Qt and read back with pypdf: one page of A4
or A5, in English or Welsh, in large print, with what the caller needs and a QR code."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pypdf
import pytest

from frontdesk.core.catalogue import Address, Location, Phone, Schedule, Service
from frontdesk.core.guidance import Guidance
from frontdesk.gui.handout.content import Handout
from frontdesk.gui.handout.render import page_image, write_pdf

SERVICE = Service(
    id="1",
    name="Report a missed bin",
    description="Tell us if your bin was not emptied.",
    url="https://www.trafford.gov.uk/bins",
    phones=(Phone("0161 912 2000", description="Monday to Friday"),),
    locations=(
        Location("l1", "Civic Centre", address=Address("Talbot Road", postal_code="M32 0TH")),
    ),
    schedules=(Schedule(byday=("MO", "TU"), opens_at="08:00", closes_at="18:00"),),
)
NOTE = Guidance(
    "demo:1",
    None,
    1,
    "sue",
    "2026-12-07T10:00:00+00:00",
    "## Script\nSay hello.\n\n## What to bring\n- **Council tax bill**\n- Photo ID\n\n"
    "## Eligibility\nAll",
)
DAY = dt.date(2026, 12, 7)
A4, A5 = (595, 842), (420, 595)  # points


def read(path: Path) -> tuple[list[str], tuple[int, int], int]:
    """(text of each page with spacing and ligatures made plain, page size, images)."""
    reader = pypdf.PdfReader(path)
    texts = [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text()))
        for page in reader.pages
    ]
    box = reader.pages[0].mediabox
    return texts, (round(box.width), round(box.height)), len(reader.pages[0].images)


def handout(**kw: object) -> Handout:
    return Handout(SERVICE, "Trafford Council", (NOTE,), DAY, **kw)  # type: ignore[arg-type]


def test_an_a4_page_in_english_has_everything_the_caller_needs(tmp_path: Path) -> None:
    pdf = tmp_path / "handout.pdf"
    assert write_pdf(handout(), pdf) == 1
    [text], size, images = read(pdf)
    assert size == A4 and images == 1  # the QR code of the web address
    for expected in (
        "Report a missed bin",
        "Provided by: Trafford Council",
        "Phone: 0161 912 2000 (Monday to Friday)",
        "Monday, Tuesday: 08:00–18:00",
        "Civic Centre — Talbot Road, M32 0TH",
        "https://www.trafford.gov.uk/bins",
        "What to bring Council tax bill Photo ID",
        "Given to you on 7 December 2026.",
    ):
        assert expected in text
    assert "Say hello" not in text and "Eligibility" not in text  # the adviser's, not theirs


def test_welsh_large_print_on_a4_and_a5(tmp_path: Path) -> None:
    pdf = tmp_path / "cy.pdf"
    assert write_pdf(handout(language="cy", large=True), pdf) == 1
    [text], size, _ = read(pdf)
    assert size == A4
    assert "Manylion y gwasanaeth y buom yn siarad amdano" in text
    assert "Dydd Llun, Dydd Mawrth: 08:00–18:00" in text
    assert "Beth i ddod gyda chi" in text and "7 Rhagfyr 2026" in text
    small = tmp_path / "a5.pdf"
    write_pdf(handout(language="cy", a5=True), small)
    texts, size, _ = read(small)
    assert size == A5 and len(texts) == 1 and "Report a missed bin" in texts[0]


def test_large_print_is_larger_and_never_shrunk_below_16_points(tmp_path: Path) -> None:
    normal, large = page_image(handout(), 72), page_image(handout(large=True), 72)
    assert normal.size() == large.size()

    def inked_rows(image: object) -> int:
        return sum(
            any(image.pixelColor(x, y).lightness() < 128 for x in range(0, image.width(), 3))  # type: ignore[attr-defined]
            for y in range(image.height())  # type: ignore[attr-defined]
        )

    assert inked_rows(large) > inked_rows(normal) * 1.3
    # On A5 a long hand-out in large print takes a second page rather than small type.
    long_note = "## What to bring\n" + "\n".join(f"- Document number {i}" for i in range(16))
    crowded = Handout(
        SERVICE,
        "Trafford Council",
        (Guidance("s", None, 1, "a", "2026", long_note),),
        DAY,
        large=True,
        a5=True,
    )
    pdf = tmp_path / "long.pdf"
    assert write_pdf(crowded, pdf) == 2
    texts, _, _ = read(pdf)
    assert "Document number 15" in texts[1]


def test_a_service_without_a_website_has_no_qr_code_or_list_to_bring(tmp_path: Path) -> None:
    bare = Handout(Service(id="2", name="Food bank"), None, (), DAY)
    pdf = tmp_path / "bare.pdf"
    write_pdf(bare, pdf)
    [text], _, images = read(pdf)
    assert images == 0 and "Website" not in text and "What to bring" not in text
    assert "Food bank" in text


def test_a_file_that_cannot_be_written_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="No such file"):
        write_pdf(handout(), tmp_path / "no-such-folder" / "x.pdf")
