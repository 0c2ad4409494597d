"""`frontdesk enquiries show REF` and `enquiries amend REF`: the enquiry a caller quotes,
its history, and corrections queued for the hub; and `frontdesk status` counting
enquiries, not the ops they are sent as."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.core import reference
from tests.helpers.enquiry_cli import run, town_data


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder whose catalogue holds two services, `town:bins` and `town:housing`."""
    return town_data(tmp_path)


def logged(capsys: pytest.CaptureFixture[str], data: Path, *extra: str) -> str:
    status, out, err = run(
        capsys, data, "enquiries", "add", "--service", "town:bins", "--note", "Missed bin", *extra
    )
    assert status == 0, err
    return out.strip()


def show(capsys: pytest.CaptureFixture[str], data: Path, ref: str) -> dict[str, object]:
    status, out, err = run(capsys, data, "enquiries", "show", ref, "--json")
    assert status == 0, err
    shown: dict[str, object] = json.loads(out)
    return shown


def test_show_finds_the_enquiry_as_the_caller_reads_the_reference_out(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    ref = logged(capsys, data, "--outcome", "advice-given")
    typed = f"{ref[:3].lower()}-{ref[3:7]} {ref[7:]}"
    shown = show(capsys, data, typed)
    assert shown["reference"] == ref and shown["outcome"] == "advice given"
    kinds = [event["kind"] for event in shown["history"]]  # type: ignore[attr-defined]
    assert kinds == ["created", "service linked", "note", "outcome set"]
    status, out, _ = run(capsys, data, "enquiries", "show", ref)
    assert status == 0 and ref in out and "history:" in out and "note: Missed bin" in out


def test_an_unknown_or_mistyped_reference_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    ref = logged(capsys, data, "--outcome", "advice-given")
    slipped = ref[:4] + ("Z" if ref[4] != "Z" else "Y") + ref[5:]
    for typed in (slipped, reference.make("ZZZ", 9), "not a ref"):
        for command in ("show", "amend"):
            extra = ("--note", "x") if command == "amend" else ()
            status, out, err = run(capsys, data, "enquiries", command, typed, *extra)
            assert status == 1 and out == "", (command, typed)
            assert err.count("\n") == 1


def test_amend_corrects_the_enquiry_and_queues_it_for_the_hub(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    ref = logged(capsys, data, "--outcome", "referred", "--referral-service", "town:bins")
    status, out, err = run(
        capsys, data, "enquiries", "amend", ref, "--referral-service", "town:housing",
        "--note", "Housing team, not bins",
    )  # fmt: skip
    assert status == 0, err
    assert ref in out and "amended" in out
    shown = show(capsys, data, ref)
    assert shown["referral_service_id"] == "town:housing"
    assert shown["notes"] == ["Missed bin", "Housing team, not bins"]
    assert shown["history"][-2]["kind"] == "amended"  # type: ignore[index]
    assert shown["history"][-1]["kind"] == "referral sent"  # type: ignore[index]
    status, out, err = run(capsys, data, "enquiries", "amend", ref, "--outcome", "advice-given")
    assert status == 1 and err.count("\n") == 1 and "nothing was changed" in err
    status, out, err = run(
        capsys, data, "enquiries", "amend", ref, "--outcome", "advice-given", "--no-referral"
    )
    assert status == 0, err
    assert show(capsys, data, ref)["outcome"] == "advice given"


def test_follow_up_done_is_shown_and_asked_for_twice_changes_nothing(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    ref = logged(capsys, data, "--outcome", "callback-arranged")
    assert run(capsys, data, "enquiries", "amend", ref, "--follow-up-done")[0] == 0
    status, out, _ = run(capsys, data, "enquiries", "amend", ref, "--follow-up-done")
    assert status == 0 and "nothing to change" in out
    shown = show(capsys, data, ref)
    assert shown["follow_up_done_at"] is not None
    assert [e["kind"] for e in shown["history"]][-1] == "follow-up done"  # type: ignore[attr-defined]
    status, _, err = run(capsys, data, "enquiries", "amend", ref)
    assert status == 1 and "--follow-up-done" in err


def test_a_new_call_follows_an_earlier_enquiry_by_its_reference(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    first = logged(capsys, data, "--outcome", "advice-given")
    second = logged(capsys, data, "--outcome", "escalated", "--follows", first.lower())
    assert show(capsys, data, second)["follows_reference"] == first
    status, out, err = run(capsys, data, "enquiries", "show", second)
    assert f"follows:    {first}" in out
    status, out, err = run(
        capsys, data, "enquiries", "add", "--service", "town:bins", "--outcome", "signposted",
        "--follows", reference.make("ZZZ", 5),
    )  # fmt: skip
    assert status == 1 and err.count("\n") == 1


def test_status_counts_enquiries_waiting_not_the_ops_they_are_sent_as(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    logged(capsys, data, "--outcome", "advice-given")  # created, linked, note, outcome: 4 ops
    status, out, _ = run(capsys, data, "status")
    assert status == 0 and "waiting to send: 1 enquiry\n" in out
    status, out, _ = run(capsys, data, "status", "--json")
    facts = json.loads(out)
    assert (facts["waiting"], facts["outbox"]) == (1, 4)
