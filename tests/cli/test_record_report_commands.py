"""`frontdesk service report | reports`: reporting a wrong record from a script, with the
app's checks, and seeing this desk's reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_enquiries_commands import data, run

__all__ = ["data"]  # the fixture: a catalogue with `town:bins` and `town:housing`


def test_a_report_is_saved_and_listed_as_waiting(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, out, err = run(
        capsys,
        data,
        "service",
        "report",
        "town:bins",
        "--field",
        "closed/moved",
        "--problem",
        "moved to the library",
        "--suggested",
        "Central Library",
    )
    assert status == 0, err
    report_id = out.strip()
    status, out, _ = run(capsys, data, "service", "reports", "--json")
    [shown] = json.loads(out)["reports"]
    assert shown["id"] == report_id and shown["field"] == "closed/moved"
    assert (shown["problem"], shown["suggested"]) == ("moved to the library", "Central Library")
    assert shown["state"] == "saved on this desk"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("town:nope", "--field", "phone", "--problem", "dead"), "not in the catalogue"),
        (("town:bins", "--field", "phone", "--problem", "   "), "say what is wrong"),
    ],
)
def test_a_report_that_cannot_be_saved_says_why_in_one_line_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], data: Path, argv: tuple[str, ...], message: str
) -> None:
    status, _, err = run(capsys, data, "service", "report", *argv)
    assert status == 1 and message in err and err.count("\n") == 1
    assert "nothing was saved" in err
    _, out, _ = run(capsys, data, "service", "reports", "--json")
    assert json.loads(out) == {"reports": [], "warnings": []}


def test_an_unknown_field_is_a_usage_error(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    status, _, err = run(
        capsys, data, "service", "report", "town:bins", "--field", "colour", "--problem", "x"
    )
    assert status == 2 and "invalid choice: 'colour'" in err
