"""`frontdesk enquiries send`: a service's details texted or e-mailed to the caller,
recorded on the desk for the hub to send, refused in one line when it cannot be."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_enquiries_commands import add, data, run

__all__ = ["data"]


def test_send_records_a_text_and_list_shows_it_waiting(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    _, out, _ = add(capsys, data, "--outcome", "signposted")
    enquiry = out.strip()
    args = ["enquiries", "send", enquiry, "--service", "town:housing", "--consent"]
    status, out, err = run(capsys, data, *args, "--sms", "07700 900123")
    assert status == 0, err
    assert (
        out == "a text to +447700900123 is recorded; the hub sends it once this desk has synced\n"
    )
    # A desk without a hub says so rather than let the adviser promise the text.
    assert err == (
        "This desk is not signed in to a hub: the request is kept and sent once the desk "
        "signs in and syncs\n"
    )
    _, out, _ = run(capsys, data, "enquiries", "list")
    assert "    text of town:housing: waiting to send" in out


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (["--service", "town:housing", "--sms", "07700 900123"], "add --consent"),
        (["--service", "town:nope", "--sms", "07700 900123", "--consent"], "not in the catalogue"),
        (["--service", "town:housing", "--sms", "0117 496 0000", "--consent"], "not a UK mobile"),
        (["--service", "town:housing", "--email", "ann@", "--consent"], "not an e-mail address"),
    ],
)
def test_send_refuses_in_one_line_and_records_nothing(
    capsys: pytest.CaptureFixture[str], data: Path, extra: list[str], reason: str
) -> None:
    _, out, _ = add(capsys, data, "--outcome", "signposted")
    status, _, err = run(capsys, data, "enquiries", "send", out.strip(), *extra)
    assert status == 1 and err.count("\n") == 1
    assert reason in err and "nothing was sent" in err
    _, out, _ = run(capsys, data, "enquiries", "list")
    assert "text of" not in out and "e-mail of" not in out


def test_send_to_an_unknown_enquiry(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    args = ["enquiries", "send", "nope", "--service", "town:housing", "--email", "a@b.org"]
    status, _, err = run(capsys, data, *args, "--consent")
    assert status == 1 and "no enquiry nope" in err
