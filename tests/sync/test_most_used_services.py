"""The services a desk links most often, for its empty search box."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from frontdesk.core.enquiry import Channel, EnquiryDraft, Outcome
from frontdesk.sync.desk_access import DeskAccess


def save(desk: DeskAccess, *service_ids: str) -> None:
    desk.save(
        EnquiryDraft(
            id=str(uuid.uuid4()),
            channel=Channel.PHONE,
            started_at=dt.datetime.now(dt.UTC),
            service_ids=service_ids,
            notes="",
            outcome=Outcome.ADVICE_GIVEN,
        )
    )


def test_most_used_first_and_a_tie_goes_to_the_one_used_last(tmp_path: Path) -> None:
    desk = DeskAccess.open(tmp_path / "desk.db", tmp_path / "backups")
    try:
        assert desk.most_used_services() == ()
        save(desk, "a:bins")
        save(desk, "a:tax", "a:bins")
        save(desk, "a:food")  # used once, like tax, but after it
        assert desk.most_used_services() == ("a:bins", "a:food", "a:tax")
        assert desk.most_used_services(limit=1) == ("a:bins",)
    finally:
        desk.close()
