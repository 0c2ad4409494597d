"""resources/i18n/frontdesk_cy.ts is the Welsh translation's one source: what a translator
opens in Qt Linguist and what `scripts/update-translations` refreshes. Its access keys
follow the English ones, the shipped .qm is exactly what it compiles to, and it is in the
layout Qt's own tools write, so refreshing it changes only what changed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "frontdesk_cy.ts"
QM = TS.with_suffix(".qm")
# `&&` is a literal ampersand; `&` before a letter marks the access key (Alt+letter).
ACCESS_KEY = re.compile(r"&(&|\w)")
# Where the Welsh lacks the English letter, it is added in brackets at the end: `Enw (&M)`.
BRACKETED = re.compile(r"\(&")
BRACKETED_AT_END = re.compile(r" \(&[A-Z]\)$")


def access_keys(text: str) -> list[str]:
    return [m.group(1).lower() for m in ACCESS_KEY.finditer(text) if m.group(1) != "&"]


def translations(ts: Path) -> Iterator[tuple[str, str, str]]:
    """(context, English source, Welsh text) for every translation with any text."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None, (name, source)
            forms = translation.findall("numerusform") or [translation]
            for form in forms:
                if form.text and form.text.strip():
                    yield name, source, form.text


def access_key_problems(ts: Path) -> list[str]:
    """The Welsh keeps the English access key's letter, so the keyboard shortcut table
    (README) holds in both languages: one key where English has one, none where it has
    none, and a letter the Welsh lacks goes in brackets at the end."""
    problems = []
    for context, source, welsh in translations(ts):
        english, cymraeg = access_keys(source), access_keys(welsh)
        where = f"[{context}] {source!r} -> {welsh!r}"
        if english != cymraeg:
            problems.append(f"{where}: access keys {cymraeg} where English has {english}")
        elif BRACKETED.search(welsh) and not BRACKETED_AT_END.search(welsh):
            problems.append(f"{where}: a bracketed key goes at the end, as ' (&X)'")
    return problems


def qt_tool(name: str) -> str:
    """A Qt tool PySide6 installs beside this interpreter (or, failing that, on the PATH)."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    assert found, f"{name} not found: it comes with PySide6"
    return found


def test_welsh_keeps_the_english_access_keys() -> None:
    assert access_key_problems(TS) == []
    assert sum(1 for _, source, _ in translations(TS) if access_keys(source)) >= 20


@pytest.mark.parametrize(
    ("english", "right", "wrong"),
    [
        ("&amp;Not now", "&amp;Nid nawr", "Nid nawr"),  # the key lost
        ("&amp;Go", "Ewch (&amp;G)", "Ewch (&amp;E)"),  # another letter
        ("Channe&amp;l", "Siane&amp;l", "Siane&amp;l (&amp;L)"),  # two keys
        ("Start a new enquiry?", "Dechrau ymholiad newydd?", "&amp;Dechrau ymholiad newydd?"),
        ("&amp;Go", "Ewch (&amp;G)", "(&amp;G) Ewch"),  # brackets not at the end
    ],
)
def test_a_broken_access_key_is_caught(
    tmp_path: Path, english: str, right: str, wrong: str
) -> None:
    text = TS.read_text(encoding="utf-8")
    good = f"<source>{english}</source>\n        <translation>{right}</translation>"
    assert text.count(good) == 1
    broken = tmp_path / TS.name
    broken.write_text(text.replace(good, good.replace(right, wrong)), encoding="utf-8")
    problems = access_key_problems(broken)
    assert len(problems) == 1 and repr(english.replace("&amp;", "&")) in problems[0]


def test_the_shipped_qm_is_the_ts_compiled(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TS), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert built.read_bytes() == QM.read_bytes(), "run scripts/update-translations"


def _messages(text: str) -> dict[tuple[str, str], str]:
    """Each message's text as written, by (context, source), without its location lines
    (those follow the GUI code's line numbers)."""
    found = {}
    for context in re.finditer(r"<context>\s*<name>(.*?)</name>(.*?)</context>", text, re.S):
        for message in re.finditer(r"<message[ >].*?</message>", context.group(2), re.S):
            source = re.search(r"<source>(.*?)</source>", message.group(0), re.S)
            assert source is not None
            block = re.sub(r"^ *<location [^>]*/>\n", "", message.group(0), flags=re.M)
            found[(context.group(1), source.group(1))] = block
    return found


def test_the_ts_is_in_the_layout_lupdate_writes(tmp_path: Path) -> None:
    """What lupdate writes back for a string already in the file is what the file holds,
    so running the update script makes no noise in the diff."""
    text = TS.read_text(encoding="utf-8")
    refreshed = tmp_path / TS.name
    refreshed.write_text(text, encoding="utf-8")
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "frontdesk" / "gui").rglob("*.py"))
    subprocess.run(
        [qt_tool("pyside6-lupdate"), "-target-language", "cy", "-locations", "relative",
         "-no-obsolete", *sources, "-ts", str(refreshed)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )  # fmt: skip
    ours, theirs = _messages(text), _messages(refreshed.read_text(encoding="utf-8"))
    both = ours.keys() & theirs.keys()
    assert len(both) >= 200
    changed = [key for key in sorted(both) if ours[key] != theirs[key]]
    assert changed == [], "run scripts/update-translations"
    assert text.splitlines()[:3] == refreshed.read_text(encoding="utf-8").splitlines()[:3]


ENGLISH = TS.with_name("frontdesk_en_GB.ts")


def test_english_has_both_forms_of_every_plural(tmp_path: Path) -> None:
    """Without them Qt shows "1 service(s) found"; the .qm is the .ts compiled."""
    root = ET.parse(ENGLISH).getroot()
    plurals = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert len(plurals) >= 5
    for message in plurals:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None
        one, many = (f.text or "" for f in translation.findall("numerusform"))
        assert "(s)" not in one + many and "%n" in many, message.findtext("source")
    built = tmp_path / "en_GB.qm"
    subprocess.run(
        [qt_tool("pyside6-lrelease"), str(ENGLISH), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert built.read_bytes() == ENGLISH.with_suffix(".qm").read_bytes()
