"""Record reports in the window: reporting the shown service from the detail pane with the
keyboard, the small dialog that asks what is wrong, and the warning every desk shows on a
reported service in the results and the details."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from frontdesk.core.record_report import GroupUpdate, RecordWarning, ReportField, ReportStatus
from frontdesk.gui import i18n
from frontdesk.gui.detail.report_dialog import ReportAnswer, ReportDialog
from frontdesk.gui.main_window import MainWindow
from frontdesk.gui.search.model import BadgesRole
from frontdesk.store.enquiries import EnquiryLog
from frontdesk.store.record_reports import ReportLog
from tests.gui.test_main_window import detail_matches, search


def _shown(qtbot: QtBot, window: MainWindow) -> str:
    search(qtbot, window, "missed bin")
    qtbot.waitUntil(lambda: detail_matches(window))
    assert window.detail.detail is not None
    return window.detail.detail.id


def test_ctrl_shift_r_reports_the_shown_service(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    service_id = _shown(qtbot, window)
    asked: list[str] = []

    def ask(cls: type[ReportDialog], name: str, parent: object = None) -> ReportAnswer:
        asked.append(name)
        return ReportAnswer(ReportField.PHONE, "the number rings out", "0161 912 2000")

    monkeypatch.setattr(ReportDialog, "ask", classmethod(ask))
    window.detail.browser.setFocus()
    qtbot.keyClick(
        window.detail.browser,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.desk is not None
    qtbot.waitUntil(lambda: bool(ReportLog(window.desk.store).own()))  # type: ignore[union-attr]
    [report] = ReportLog(window.desk.store).own()
    assert asked == [window.detail.detail.service.name]  # type: ignore[union-attr]
    assert (report.service_id, report.field, report.suggested) == (
        service_id,
        ReportField.PHONE,
        "0161 912 2000",
    )
    assert [op.kind for op in EnquiryLog(window.desk.store).pending_ops()] == ["record_report"]
    qtbot.waitUntil(lambda: "Report saved on this desk" in window.info_line.text())
    mine = "(phone number): saved on this desk, not sent yet"
    qtbot.waitUntil(lambda: mine in window.detail.browser.toPlainText())


def test_the_agencys_answer_to_this_desks_report_shows_in_the_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    service_id = _shown(qtbot, window)
    assert window.desk is not None and window.detail.detail is not None
    log = ReportLog(window.desk.store)
    mine = log.report(service_id, window.detail.detail.service.name, ReportField.HOURS, "shut")
    EnquiryLog(window.desk.store).acknowledge(
        [mine_op.op_id for mine_op in EnquiryLog(window.desk.store).pending_ops()]
    )
    now = dt.datetime.now(dt.UTC)
    log.apply_groups(
        [
            GroupUpdate(
                "9",
                service_id,
                ReportField.HOURS,
                ReportStatus.FIXED,
                1,
                now,
                now,
                "open Tuesdays now",
                (mine.id,),
            )
        ]
    )
    window.record_reports.refresh()
    expected = "(opening hours): fixed by the agency — open Tuesdays now"
    qtbot.waitUntil(lambda: expected in window.detail.browser.toPlainText())
    assert "⚠ Reported" not in window.detail.browser.toPlainText()  # closed: no warning


def test_the_report_button_is_off_until_a_service_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.detail.clear()
    assert not window.detail.report_button.isEnabled()
    _shown(qtbot, window)
    assert window.detail.report_button.isEnabled()


def test_a_reported_service_is_marked_in_the_results_and_the_details(
    qtbot: QtBot, window: MainWindow
) -> None:
    service_id = _shown(qtbot, window)
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    group = GroupUpdate(
        "1", service_id, ReportField.PHONE, ReportStatus.OPEN, 3, since, since, None, ()
    )
    assert window.desk is not None
    ReportLog(window.desk.store).apply_groups([group])
    window.record_reports.refresh()
    day = since.astimezone().strftime("%A")
    expected = f"⚠ Reported: phone number may be wrong (3 advisers, since {day})"
    row = next(
        r
        for r in range(window.search.model.rowCount())
        if window.search.model.service_id(r) == service_id
    )
    qtbot.waitUntil(lambda: expected in window.search.model.index(row, 0).data(BadgesRole))
    assert expected in window.search.model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    qtbot.waitUntil(lambda: expected in window.detail.browser.toPlainText())

    # Closed by the agency: the mark goes from both at the next refresh.
    ReportLog(window.desk.store).apply_groups([replace_status(group, ReportStatus.FIXED)])
    window.record_reports.refresh()
    qtbot.waitUntil(lambda: expected not in window.detail.browser.toPlainText())
    assert expected not in window.search.model.index(row, 0).data(BadgesRole)


def replace_status(group: GroupUpdate, status: ReportStatus) -> GroupUpdate:
    return dataclasses.replace(group, status=status)


def test_one_adviser_today_reads_naturally(window: MainWindow) -> None:
    warning = RecordWarning("s", ReportField.CLOSED_MOVED, 1, dt.datetime.now(dt.UTC))
    text = window.record_reports.warning_text(warning)
    assert text == "⚠ Reported: may have closed or moved (1 adviser, since today)"


def test_an_older_report_gives_its_date(window: MainWindow) -> None:
    since = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)
    warning = RecordWarning("s", ReportField.HOURS, 2, since)
    text = window.record_reports.warning_text(warning, dt.date(2026, 12, 7))
    assert text.startswith("⚠ Reported: opening hours may be wrong (2 advisers, since ")
    assert "Monday" not in text and "02" in text


def test_the_dialog_asks_what_is_wrong_and_refuses_an_empty_problem(qtbot: QtBot) -> None:
    dialog = ReportDialog("Missed bin collections")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.field.accessibleName() == "What is wrong"
    assert dialog.problem.accessibleName() == "What you found"
    assert dialog.suggested.accessibleName() == "The right value, if known"
    dialog.send_button.click()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert "Say what you found" in dialog.message.text()

    dialog.field.setCurrentIndex(dialog.field.findData(ReportField.HOURS.value))
    qtbot.keyClicks(dialog.problem, "closed on Mondays now")
    qtbot.keyClicks(dialog.suggested, "Tue-Fri 9-5")
    dialog.send_button.click()
    assert not dialog.isVisible()
    assert dialog.answer() == ReportAnswer(
        ReportField.HOURS, "closed on Mondays now", "Tue-Fri 9-5"
    )


def test_the_dialog_is_operated_by_keyboard_in_tab_order(qtbot: QtBot) -> None:
    dialog = ReportDialog("Missed bin collections")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    order = [dialog.field]
    widget = dialog.field
    for _ in range(2):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [dialog.field, dialog.problem, dialog.suggested]
    buttons = dialog.findChild(QDialogButtonBox, "buttons")
    assert buttons is not None and dialog.send_button in buttons.buttons()


def test_the_warning_and_the_dialog_speak_welsh(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    translators = i18n.install(qapp, "cy")
    try:
        warning = RecordWarning("s", ReportField.PHONE, 3, dt.datetime.now(dt.UTC))
        text = window.record_reports.warning_text(warning)
        assert (
            text == "⚠ Wedi'i adrodd: gall y rhif ffôn fod yn anghywir (3 cynghorydd, ers heddiw)"
        )
        dialog = ReportDialog("Casglu biniau")
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Rhoi gwybod am broblem gyda'r cofnod hwn"
        assert dialog.field.itemText(0) == "Rhif ffôn"
    finally:
        i18n.remove(qapp, translators)
