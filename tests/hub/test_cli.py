"""The `frontdesk hub` commands, run as a user would, against a SQLite hub."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.cli import main
from frontdesk.hub import schema as t
from frontdesk.hub.accounts.passwords import verify_password
from frontdesk.hub.db import create_hub_engine


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    monkeypatch.setenv("FRONTDESK_HUB_DB", url)
    assert main(["hub", "init-db"]) == 0
    return url


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


def test_init_db_is_idempotent(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hub", "init-db", "--db", db]) == 0
    assert "already at schema" in capsys.readouterr().out


def test_commands_need_a_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FRONTDESK_HUB_DB", raising=False)
    assert main(["hub", "org", "list"]) == 1
    assert "--db" in capsys.readouterr().err
    assert main(["hub", "org", "list", "--db", "mysql://x/y"]) == 1


def test_an_uninitialised_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "org", "list", "--db", f"sqlite:///{tmp_path / 'new.db'}"]) == 1
    assert "init-db" in capsys.readouterr().err


def test_organisations_and_accounts(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "org", "add", "kirklees", "Kirklees Council"]) == 0
    assert main(["hub", "org", "add", "kirklees", "Again"]) == 1
    _stdin(monkeypatch, "a long enough password\n")
    assert main(["hub", "user", "add", "alice", "--role", "adviser"]) == 0  # the only org
    assert main(["hub", "org", "add", "nhs", "NHS Trust"]) == 0
    _stdin(monkeypatch, "a long enough password\n")
    assert main(["hub", "user", "add", "bob", "--role", "agency"]) == 1  # which org now?
    assert "--org" in capsys.readouterr().err
    _stdin(monkeypatch, "short\n")
    assert main(["hub", "user", "add", "bob", "--role", "agency", "--org", "nhs"]) == 1
    _stdin(monkeypatch, "a long enough password\n")
    assert main(["hub", "user", "add", "bob", "--role", "agency", "--org", "nhs"]) == 0
    _stdin(monkeypatch, "a new long password\n")
    assert main(["hub", "user", "passwd", "alice"]) == 0
    assert main(["hub", "user", "disable", "bob"]) == 0
    capsys.readouterr()
    assert main(["hub", "user", "list"]) == 0
    out = capsys.readouterr().out
    assert "alice\tadviser\tkirklees" in out and "bob\tagency\tnhs  (disabled)" in out
    engine = create_hub_engine(db)
    with engine.connect() as conn:
        stored = conn.scalar(select(t.accounts.c.password_hash).where(t.accounts.c.name == "alice"))
        actions = conn.scalars(select(t.audit_log.c.action)).all()
    engine.dispose()
    assert verify_password("a new long password", stored)
    assert {"org.add", "user.add", "user.password", "user.disable"} <= set(actions)


def test_import_and_prune(db: str, shared_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json"
    assert main(["hub", "import", str(feed), "--source", "bristol", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report[0]["source"] == "bristol" and report[0]["added"] == 3
    assert main(["hub", "import", str(feed), "--source", "bristol"]) == 0
    assert "3 unchanged" in capsys.readouterr().out
    assert main(["hub", "import", str(shared_data / "nope.json")]) == 1
    assert main(["hub", "prune-changes", "--keep-days", "30"]) == 0
    assert "removed 0 superseded" in capsys.readouterr().out


def test_guidance_set_list_and_show(
    db: str, tmp_path: Path, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = shared_data / "oruk-v3-bristol-fixtures" / "bristol-services-page1.json"
    assert main(["hub", "import", str(feed), "--source", "bristol", "--json"]) == 0
    assert main(["hub", "org", "add", "bristol", "Bristol City Council"]) == 0
    service = f"bristol:{json.loads(feed.read_text())['contents'][0]['id']}"
    notes = tmp_path / "notes.md"
    notes.write_text("# What to ask\nIs the caller over 18?\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["hub", "guidance", "set", service, "--file", str(notes), "--org", "bristol"]) == 0
    assert "version 1 for organisation bristol" in capsys.readouterr().out
    notes.write_text("Bring proof of address.", encoding="utf-8")
    assert main(["hub", "guidance", "set", service, "--file", str(notes)]) == 0
    assert "for every organisation" in capsys.readouterr().out
    assert main(["hub", "guidance", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1] for line in lines] == ["shared", "bristol"]
    assert main(["hub", "guidance", "show", service, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert {n["body"] for n in shown} == {
        "# What to ask\nIs the caller over 18?",
        "Bring proof of address.",
    }
    assert all(n["author"] == "cli" for n in shown)
    # Refusals are one line and change nothing.
    assert main(["hub", "guidance", "set", "bristol:nope", "--file", str(notes)]) == 1
    assert main(["hub", "guidance", "set", service, "--file", str(tmp_path / "none.md")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("nothing was changed" in line for line in err)
    assert main(["hub", "guidance", "show", "bristol:nope"]) == 1


def test_guidance_safeguarding_set_and_show(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words, prompt = tmp_path / "words.txt", tmp_path / "prompt.txt"
    words.write_text("suicide\nbailiff\n", encoding="utf-8")
    prompt.write_text("Is the caller safe? 999 if in danger.\n", encoding="utf-8")
    assert main(["hub", "guidance", "safeguarding", "show"]) == 0
    assert "built-in" in capsys.readouterr().out
    args = ["hub", "guidance", "safeguarding", "set", "--words", str(words)]
    assert main([*args, "--prompt", str(prompt)]) == 0
    assert "every organisation is now version 1 (2 words" in capsys.readouterr().out
    assert main(["hub", "guidance", "safeguarding", "show", "--json"]) == 0
    [shown] = json.loads(capsys.readouterr().out)
    assert (shown["words"], shown["prompt"]) == (
        ["suicide", "bailiff"],
        "Is the caller safe? 999 if in danger.",
    )
    prompt.write_text("  \n", encoding="utf-8")
    assert main([*args, "--prompt", str(prompt)]) == 1
    assert "the prompt is empty; nothing was changed" in capsys.readouterr().err


def test_notify_templates_and_a_sender_round(
    db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "org", "add", "kirklees", "Kirklees Council"]) == 0
    template = "f33517ff-2a88-4f6e-b855-c550268ce08a"
    assert main(["hub", "notify", "set", "kirklees", "--sms-template", template]) == 0
    assert f"texts use {template}, e-mails use (none)" in capsys.readouterr().out
    assert main(["hub", "notify", "set", "kirklees", "--sms-template", "nope"]) == 1
    assert main(["hub", "notify", "set", "nowhere", "--sms-template", template]) == 1
    assert main(["hub", "notify", "set", "kirklees"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3 and "not a Notify template id" in err[0] and "no organisation" in err[1]
    monkeypatch.delenv("FRONTDESK_NOTIFY_API_KEY", raising=False)
    assert main(["hub", "notify", "run", "--once"]) == 0
    assert "sent 0" in capsys.readouterr().out
