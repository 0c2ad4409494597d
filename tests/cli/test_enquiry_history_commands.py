"""`frontdesk enquiries history` and `enquiries add --reason`: a consented caller's earlier
enquiries on this desk, newest first; one clear line for anything that cannot be used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_enquiries_commands import add, data, run

__all__ = ["data"]  # the fixture, shared with the other enquiries commands' tests

JOAN = ("--phone", "0161 912 2000", "--email", "joan@example.org", "--consent")


def test_history_lists_a_consented_callers_enquiries_newest_first(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    _, first, _ = add(capsys, data, "--outcome", "advice-given", "--name", "Joan", *JOAN)
    _, second, _ = add(
        capsys, data, "--outcome", "signposted", "--reason", "missed-collection", *JOAN
    )
    add(capsys, data, "--outcome", "advice-given", "--phone", "0161 912 2001", "--consent")
    status, out, err = run(
        capsys, data, "enquiries", "history", "--phone", "+44 (0)161 912 2000", "--json"
    )
    assert status == 0, err
    found = json.loads(out)
    assert [f["reference"] for f in found] == [second.strip(), first.strip()]
    assert found[0]["reason"] == "missed-collection" and found[0]["outcome"] == "signposted"
    assert found[0]["service_names"] == ["Bin collections"]
    status, out, _ = run(capsys, data, "enquiries", "history", "--email", "JOAN@example.org")
    assert status == 0 and out.count("Bin collections") == 2 and "signposted" in out
    status, out, _ = run(
        capsys, data, "enquiries", "history", "--postcode", "M33 7ZG", "--name", "Joan"
    )
    assert status == 0 and "no earlier enquiries" in out  # Joan gave no postcode


def test_a_caller_who_did_not_consent_has_no_history(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, _, err = add(capsys, data, "--outcome", "advice-given")
    assert status == 0, err
    status, out, _ = run(capsys, data, "enquiries", "history", "--phone", "0161 912 2000")
    assert status == 0 and "no earlier enquiries" in out


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (("--phone", "0161 912"), "--phone: the telephone number '0161 912'"),
        (("--email", "joan.oneill@example"), "--email: the e-mail address"),
        (("--postcode", "M33", "--name", "Joan"), "--postcode: the postcode 'M33'"),
        (("--postcode", "M33 7ZG"), "--postcode and --name go together"),
        (("--phone", "0161 912 2000", "--email", "a@example.org"), "name the caller by one"),
        ((), "name the caller by one"),
    ],
)
def test_a_malformed_identifier_exits_1_with_one_line_naming_the_field(
    capsys: pytest.CaptureFixture[str], data: Path, argv: tuple[str, ...], named: str
) -> None:
    status, out, err = run(capsys, data, "enquiries", "history", *argv)
    assert status == 1 and out == ""
    assert named in err and len(err.strip().splitlines()) == 1


def test_an_unknown_reason_exits_1_naming_the_field_and_listing_valid_ones(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, out, err = add(capsys, data, "--outcome", "advice-given", "--reason", "bins")
    assert status == 1 and out == ""
    assert "--reason: 'bins'" in err and "missed-collection" in err
    assert len(err.strip().splitlines()) == 1
    _, listed, _ = run(capsys, data, "enquiries", "list", "--json")
    assert json.loads(listed) == [], "nothing was saved"


def test_an_organisations_own_reason_is_accepted_and_exported(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    (data / "reasons.toml").write_text(
        '[[reason]]\ncode = "garden-waste-permit"\ncategory = "Environment"\n'
        'label = "Garden waste permit"\n',
        encoding="utf-8",
    )
    status, _, err = add(
        capsys, data, "--outcome", "advice-given", "--reason", "garden-waste-permit"
    )
    assert status == 0, err
    status, _, err = run(capsys, data, "enquiries", "export", str(data / "out.json"))
    assert status == 0, err
    [exported] = json.loads((data / "out.json").read_text(encoding="utf-8"))
    assert exported["reason"] == "garden-waste-permit"
    assert isinstance(exported["duration_seconds"], int)
