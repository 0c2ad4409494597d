"""`frontdesk enquiries list | export | add`, run as a script or an adviser runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from frontdesk.core import reference
from frontdesk.core.catalogue import Catalogue, Organization, Service
from frontdesk.core.feed import ParsedFeed
from frontdesk.store.catalogue import CatalogueStore
from tests.helpers.enquiry_cli import run, town_data


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder whose catalogue holds two services, `town:bins` and `town:housing`."""
    return town_data(tmp_path)


def add(capsys: pytest.CaptureFixture[str], data: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, data, "enquiries", "add", "--service", "town:bins", *extra)


def test_add_prints_the_new_reference_and_list_shows_it(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, out, err = add(capsys, data, "--outcome", "advice-given", "--note", "Missed bin")
    assert status == 0, err
    new_ref = out.strip()
    assert reference.normalise(new_ref) == new_ref
    status, out, _ = run(capsys, data, "enquiries", "list", "--json")
    [shown] = json.loads(out)
    assert (shown["reference"], shown["outcome"], shown["service_ids"]) == (
        new_ref,
        "advice given",
        ["town:bins"],
    )
    assert shown["sync_state"] == "saved locally"
    _, out, _ = run(capsys, data, "enquiries", "list")
    assert new_ref in out and "advice given" in out


def test_outcomes_are_accepted_as_written_or_hyphenated(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    assert add(capsys, data, "--outcome", "advice given")[0] == 0
    assert add(capsys, data, "--outcome", "Callback-Arranged", "--channel", "web-chat")[0] == 0
    status, _, err = add(capsys, data, "--outcome", "sorted")
    assert status == 2 and "advice-given" in err


def test_a_service_not_in_the_catalogue_is_refused(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, out, err = run(
        capsys, data, "enquiries", "add", "--service", "town:nope", "--outcome", "signposted"
    )
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and "town:nope is not in the catalogue" in err
    assert json.loads(run(capsys, data, "enquiries", "list", "--json")[1]) == []


def test_a_referral_needs_a_known_referral_service(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, _, err = add(capsys, data, "--outcome", "referred")
    assert status == 1 and "no service is chosen" in err
    status, _, err = add(capsys, data, "--outcome", "referred", "--referral-service", "town:x")
    assert status == 1 and "town:x is not in the catalogue" in err
    status, _, _ = add(capsys, data, "--outcome", "referred", "--referral-service", "town:housing")
    assert status == 0


def test_a_postcode_is_kept_only_with_consent(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, _, err = add(capsys, data, "--outcome", "signposted", "--postcode", "bs1 4dj")
    assert status == 1 and "--consent" in err
    args = ("--outcome", "signposted", "--postcode", "bs14dj", "--consent")
    assert add(capsys, data, *args)[0] == 0
    out = data / "all.json"
    run(capsys, data, "enquiries", "export", "--format", "json", str(out), "--include-caller")
    [record] = json.loads(out.read_text(encoding="utf-8"))
    assert record["caller_postcode"] == "BS1 4DJ"


def test_export_writes_csv_and_json_from_a_date(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    add(capsys, data, "--outcome", "escalated")
    add(capsys, data, "--outcome", "transferred")
    status, out, _ = run(
        capsys, data, "enquiries", "export", "--format", "csv", str(data / "e.csv")
    )
    assert status == 0 and "wrote 2 enquiries" in out
    with (data / "e.csv").open(encoding="utf-8-sig") as file:
        outcomes = [r["outcome"] for r in csv.DictReader(file)]
    assert outcomes == ["transferred", "escalated"], "newest first"
    later = ["--since", "2999-01-01"]
    run(capsys, data, "enquiries", "export", "--format", "json", str(data / "e.json"), *later)
    assert json.loads((data / "e.json").read_text(encoding="utf-8")) == []


def test_bad_dates_and_unwritable_exports_fail_clearly(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    status, _, err = run(capsys, data, "enquiries", "list", "--since", "31/03/2025")
    assert status == 2 and "not a date" in err
    blocker = data / "file"
    blocker.write_text("", encoding="utf-8")
    status, _, err = run(
        capsys, data, "enquiries", "export", "--format", "csv", str(blocker / "e.csv")
    )
    assert status == 1 and err.startswith("frontdesk: could not write")


def test_caller_details_are_stored_in_standard_forms_with_consent(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    details = ("--name", "Joan O'Neill", "--phone", "0161 912 2000")
    status, _, err = add(capsys, data, "--outcome", "signposted", *details)
    assert status == 1 and err.count("\n") == 1
    assert "--consent" in err and "--name, --phone" in err
    email = ("--email", "Joan.ONeill@Example.ORG", "--postcode", "m33 7zz")
    status, out, err = add(capsys, data, "--outcome", "signposted", *details, *email, "--consent")
    assert status == 0, err
    new_ref = out.strip()
    run(capsys, data, "enquiries", "export", str(data / "all.json"), "--include-caller")
    [record] = json.loads((data / "all.json").read_text(encoding="utf-8"))
    assert record["reference"] == new_ref
    assert (record["caller_name"], record["caller_phone"], record["caller_email"]) == (
        "Joan O'Neill",
        "+441619122000",
        "Joan.ONeill@example.org",
    )
    assert record["caller_postcode"] == "M33 7ZZ"
    run(capsys, data, "enquiries", "export", str(data / "all.csv"), "--include-caller")
    with (data / "all.csv").open(encoding="utf-8-sig") as file:
        [row] = list(csv.DictReader(file))
    assert row["caller_phone"] == "0161 912 2000"  # for people, and no formula guard needed


@pytest.mark.parametrize(
    ("option", "typed", "named"),
    [
        ("--phone", "0161 91", "--phone: the telephone number '0161 91'"),
        ("--email", "joan.oneill@example", "--email: the e-mail address 'joan.oneill@example'"),
    ],
)
def test_a_malformed_phone_or_email_fails_with_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], data: Path, option: str, typed: str, named: str
) -> None:
    status, out, err = add(capsys, data, "--outcome", "signposted", option, typed, "--consent")
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and named in err and "nothing was saved" in err
    assert json.loads(run(capsys, data, "enquiries", "list", "--json")[1]) == []


def test_export_takes_its_format_from_the_file_name(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    add(capsys, data, "--outcome", "escalated")
    assert run(capsys, data, "enquiries", "export", str(data / "e.JSON"))[0] == 0
    assert len(json.loads((data / "e.JSON").read_text(encoding="utf-8"))) == 1
    assert run(capsys, data, "enquiries", "export", str(data / "e.csv"))[0] == 0
    assert (data / "e.csv").read_bytes().startswith(b"\xef\xbb\xbfreference,id,")
    status, _, err = run(capsys, data, "enquiries", "export", str(data / "e.xlsx"))
    assert status == 1 and err.count("\n") == 1 and ".csv or .json" in err
    assert not (data / "e.xlsx").exists()
    status, _, _ = run(capsys, data, "enquiries", "export", "--format", "csv", str(data / "e.txt"))
    assert status == 0 and (data / "e.txt").read_bytes().startswith(b"\xef\xbb\xbf")


def test_an_export_names_the_services_their_agency_and_the_adviser(
    capsys: pytest.CaptureFixture[str], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frontdesk.store.desk import DeskStore
    from frontdesk.sync.account import HubAccount, SyncState

    store = CatalogueStore.open(data / "catalogue.db")
    org = Catalogue(
        services=[Service(id="tip", name="Household waste site", organization_id="o1")],
        organizations=[Organization(id="o1", name="Trafford Council")],
    )
    store.apply_imports([("council", ParsedFeed(data / "c.json", "test", catalogue=org))])
    store.close()
    referral = ("--referral-service", "council:tip", "--service", "council:tip")
    assert add(capsys, data, "--outcome", "referred", *referral)[0] == 0
    monkeypatch.setenv("LOGNAME", "jsmith")  # getpass reads the login name from here first
    monkeypatch.setenv("USER", "jsmith")
    run(capsys, data, "enquiries", "export", str(data / "e.csv"))
    with (data / "e.csv").open(encoding="utf-8-sig") as file:
        [row] = list(csv.DictReader(file))
    assert row["service_ids"] == "town:bins | council:tip"
    assert row["service_names"] == "Bin collections | Household waste site (Trafford Council)"
    assert row["referral_service_name"] == "Household waste site (Trafford Council)"
    assert row["adviser"] == "jsmith"

    desk = DeskStore.open(data / "desk.db", data / "backups")
    SyncState(desk).set_account(HubAccount("https://hub.example", "alice", "trafford"))
    desk.close()
    run(capsys, data, "enquiries", "export", str(data / "e.json"))
    [record] = json.loads((data / "e.json").read_text(encoding="utf-8"))
    assert record["adviser"] == "alice"
    assert record["service_names"] == ["Bin collections", "Household waste site (Trafford Council)"]
