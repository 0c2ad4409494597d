"""Every model the GUI shows passes Qt's model tester, with rows in it."""

from __future__ import annotations

import datetime as dt

from pytestqt.modeltest import ModelTester

from PySide6.QtCore import Qt

from frontdesk.core.enquiry import Channel, Enquiry, Outcome, ReferralStatus, SyncState
from frontdesk.gui.enquiry.linked import LinkedServicesModel
from frontdesk.gui.enquiry.today import DURATION_COLUMN, STATUS_COLUMN, TodayModel
from frontdesk.gui.search.model import BadgesRole, ResultsModel, ResultsProxy
from frontdesk.search.catalogue_access import ResultRow


def rows(count: int) -> tuple[ResultRow, ...]:
    return tuple(
        ResultRow(
            id=f"demo:{i}",
            name=f"Service {i}",
            organization="Trafford Council" if i % 2 else None,
            snippet="A «bin» was missed",
            covers=(None, True, False)[i % 3],
            open_now=(True, False, None)[i % 3],
            stale=i % 4 == 0,
        )
        for i in range(count)
    )


def test_results_model_and_proxy(qtmodeltester: ModelTester) -> None:
    model = ResultsModel()
    model.set_rows(rows(12), "m33 7zz")
    qtmodeltester.check(model)
    proxy = ResultsProxy()
    proxy.setSourceModel(model)
    proxy.set_open_now_only(True)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 4
    model.set_rows(rows(3), "")
    qtmodeltester.check(model)


def test_badges_are_words_not_just_colour() -> None:
    model = ResultsModel()
    model.set_rows(rows(5), "m33 7zz")
    assert model.index(1, 0).data(BadgesRole) == ["✓ Covers M33 7ZZ", "○ Closed now"]
    assert model.index(0, 0).data(BadgesRole) == ["● Open now", "⚠ Not recently checked"]


def test_the_row_cache_stays_small() -> None:
    model = ResultsModel()
    for start in range(0, 2000, 50):
        model.set_rows(tuple(r for r in rows(start + 50)[start:]), "")
    assert len(model._cache) <= 300
    assert model.index(49, 0).data() == "Service 1999"


def test_linked_services_model(qtmodeltester: ModelTester) -> None:
    model = LinkedServicesModel()
    model.add("demo:1", "Missed bins")
    model.add("demo:2", "Council tax")
    assert not model.add("demo:1", "Missed bins")
    qtmodeltester.check(model)
    model.remove(0)
    assert model.ids() == ("demo:2",)
    model.reset(("demo:3",), {})
    model.set_names({"demo:3": "Food bank"})
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Food bank"


def test_today_model(qtmodeltester: ModelTester) -> None:
    now = dt.datetime.now(dt.UTC)
    enquiries = (
        Enquiry(
            "a",
            Channel.PHONE,
            now,
            now,
            outcome=Outcome.REFERRED,
            service_ids=("x", "y"),
            referral_status=ReferralStatus.IN_PROGRESS,
            duration_seconds=192,
            wrap_up_seconds=65,
            reference="K7M23456X",
        ),
        Enquiry(
            "b",
            Channel.EMAIL,
            now,
            now,
            sync_state=SyncState.REJECTED,
            rejection_reason="unknown service",
        ),
        Enquiry("c", Channel.WEB_CHAT, now, now, sync_state=SyncState.SENT),
    )
    model = TodayModel()
    model.set_enquiries(enquiries)
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Reference"
    assert model.index(0, 0).data() == "K7M23456X"
    assert model.index(0, STATUS_COLUMN).data() == "Saved on this desk · In progress"
    assert model.index(1, STATUS_COLUMN).data() == "Rejected by the hub: unknown service"
    assert model.index(0, 2).data() == "Referred"
    assert model.headerData(DURATION_COLUMN, Qt.Orientation.Horizontal) == "Duration"
    assert model.index(0, DURATION_COLUMN).data() == "03:12 + 01:05 wrap-up"
    assert model.index(1, DURATION_COLUMN).data() == "—"  # saved before timings were kept
