"""The supervisor's view on a real hub process (PostgreSQL) that holds enquiries pushed by
two advisers' desks: the window shows the hub's own figures for the period and the
organisation — equal to `monthly_report` read straight from the database — with the
pushing desks in the estate table, and `frontdesk report --json` and `--pdf` on the
supervisor's desk give the same numbers."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from PySide6.QtCore import QDate

from frontdesk.gui.operations import OperationRunner
from frontdesk.gui.supervisor.window import RANGE, SupervisorWindow
from frontdesk.hub.accounts.registry import Role, add_account
from frontdesk.hub.enquiries.monthly_report import monthly_report
from frontdesk.sync import sign_in
from frontdesk.sync.credentials import TokenStore
from frontdesk.sync.period_report import HUB
from tests.cli.test_period_report_commands import pdf_text
from tests.helpers import desk_log
from tests.helpers.enquiry_cli import run
from tests.helpers.hub import pg_template, pg_url
from tests.helpers.hub_process import ORG, Desk, HubProcess, file_keyring, prepare_hub

__all__ = ["file_keyring", "pg_template", "pg_url"]  # fixtures, used here by name

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

SINCE, UNTIL = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
MOMENTS = ("as_at", "generated_at")


@pytest.fixture
def hub_engine(pg_url: str) -> Iterator[Engine]:
    engine = prepare_hub(pg_url)
    add_account(engine, "sue", Role.SUPERVISOR, ORG, "a long supervisor password", actor="test")
    yield engine
    engine.dispose()


@pytest.fixture
def hub(pg_url: str, hub_engine: Engine, tmp_path: Path) -> Iterator[HubProcess]:
    process = HubProcess(pg_url, tmp_path / "hub.log")
    process.start()
    yield process
    process.stop(graceful=False)


@pytest.fixture
def pushed(
    hub: HubProcess, tmp_path: Path, file_keyring: TokenStore
) -> Iterator[tuple[list[Desk], Desk]]:
    """Two advisers' desks that logged the generated calls between them and pushed them,
    and a supervisor's desk signed in to the same hub."""
    calls = desk_log.generate()
    desks = [Desk(tmp_path / name, file_keyring) for name in ("alice", "bob")]
    supervisor = Desk(tmp_path / "sue", file_keyring)
    try:
        for n, desk in enumerate(desks):
            desk.sign_in(hub.url, desk.root.name)
            desk_log.write(desk.store, calls[n::2])
            report = desk.sync()
            assert desk.log.outbox_size() == 0, report
        sign_in(supervisor.store, hub.url, "sue", "a long supervisor password", tokens=file_keyring)
        yield desks, supervisor
    finally:
        for desk in [*desks, supervisor]:
            desk.close()


def without_moments(figures: Any) -> Any:
    """The figures without the instants they were read at, which two readings never share."""
    if isinstance(figures, dict):
        return {k: without_moments(v) for k, v in figures.items() if k not in MOMENTS}
    if isinstance(figures, list):
        return [without_moments(v) for v in figures]
    return figures


def hubs_own(engine: Engine) -> dict[str, Any]:
    figures: dict[str, Any] = json.loads(json.dumps(monthly_report(engine, SINCE, UNTIL, ORG)))
    return figures


def test_the_window_shows_the_hubs_own_figures_and_the_pushing_desks(
    qtbot: QtBot,
    runner: OperationRunner,
    hub_engine: Engine,
    pushed: tuple[list[Desk], Desk],
    file_keyring: TokenStore,
) -> None:
    desks, supervisor = pushed
    window = SupervisorWindow(runner, supervisor.store, tokens=file_keyring)
    qtbot.addWidget(window)
    window.period.setCurrentIndex(RANGE)
    window.start.setDate(QDate(SINCE.year, SINCE.month, SINCE.day))
    window.end.setDate(QDate(UNTIL.year, UNTIL.month, UNTIL.day))
    with qtbot.waitSignal(window.report_shown, timeout=30_000):
        window.show_button.click()
    report = window.report
    assert report is not None and report.source == HUB, report and report.note()
    truth = hubs_own(hub_engine)
    assert truth["enquiries"] > 0
    assert without_moments(report.figures) == without_moments(truth)
    assert f"the hub's figures for {ORG}" in window.source.text()

    hours = window.tables["by_hour"].table_model
    total = hours.columnCount() - 1
    for hour in range(24):
        expected = sum(truth["by_hour"].get(str(hour), {}).values())
        assert hours.index(hour, total).data() == str(expected), hour
    advisers = window.tables["by_adviser"].table_model
    shown = {advisers.index(r, 0).data(): advisers.index(r, 1).data() for r in range(2)}
    assert shown == {name: str(n) for name, n in truth["by_adviser"].items()}
    assert set(shown) == {"alice", "bob"}
    estate = window.tables["estate"].table_model
    listed = {estate.index(r, 0).data() for r in range(estate.rowCount())}
    assert {desk.log.device_id() for desk in desks} <= listed


def test_frontdesk_report_on_the_supervisors_desk_gives_the_same_numbers(
    capsys: pytest.CaptureFixture[str],
    hub_engine: Engine,
    pushed: tuple[list[Desk], Desk],
    tmp_path: Path,
) -> None:
    desks, supervisor = pushed
    pdf = tmp_path / "october.pdf"
    status, out, err = run(
        capsys,
        supervisor.root,
        *("report", "--since", SINCE.isoformat(), "--until", UNTIL.isoformat()),
        *("--json", "--pdf", str(pdf)),
    )
    assert status == 0, err
    truth = hubs_own(hub_engine)
    assert without_moments(json.loads(out)) == without_moments(truth)

    pages, _ = pdf_text(pdf)
    text = " ".join(pages)
    assert f"Organisation: {ORG}" in pages[0]
    assert "Figures: the hub's, every desk of the organisation" in pages[0]
    assert f"Enquiries {truth['enquiries']} " in text
    fcr = truth["first_contact_resolution"]
    assert f"Resolved at first contact {fcr['resolved']} " in text
    repeat = truth["repeat_callers"]
    assert f"Repeat callers {repeat['callers']} " in text
    channels = sorted({c for counts in truth["by_hour"].values() for c in counts})
    for hour in range(24):
        counts = truth["by_hour"].get(str(hour), {})
        cells = [counts.get(c, 0) for c in channels]
        row = f"{hour:02d}:00 " + " ".join(str(n) for n in [*cells, sum(cells)])
        assert row in text, row
    for desk in desks:
        assert re.search(rf"{re.escape(desk.log.device_id())} {ORG} \d{{4}}-\d\d-\d\d", text)
