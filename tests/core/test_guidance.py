"""What a hand-out takes from guidance notes."""

from __future__ import annotations

from frontdesk.core.guidance import Guidance, what_to_bring


def note(body: str) -> Guidance:
    return Guidance("s", None, 1, "sue", "2026-12-07", body)


def test_what_to_bring_is_the_list_under_its_heading_in_english_or_welsh() -> None:
    english = note("# Ask\n- age\n## What to bring\n- **Photo ID**\n1. A bill\n\n## Script\nHi")
    welsh = note("### Beth i ddod gyda chi\n* Cerdyn banc\n- [ ] Photo ID\n# Nesaf\ntext")
    assert what_to_bring([english, welsh]) == ["Photo ID", "A bill", "Cerdyn banc"]


def test_a_sub_heading_stays_inside_the_section_and_no_heading_means_nothing() -> None:
    nested = note("## What to bring\n- ID\n### If renting\n- Tenancy agreement\n## Other\n- x")
    assert what_to_bring([nested]) == ["ID", "Tenancy agreement"]
    assert what_to_bring([note("Bring ID")]) == []
