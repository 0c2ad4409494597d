"""The enquiry vocabulary is DESIGN.md's, and a referral's status says whether it is closed."""

from __future__ import annotations

from frontdesk.core.enquiry import Caller, Outcome, ReferralStatus, without_caller


def test_outcomes_are_the_agreed_vocabulary() -> None:
    assert [o.value for o in Outcome] == [
        "resolved at first contact",
        "advice given",
        "signposted",
        "referred",
        "transferred",
        "callback arranged",
        "escalated",
        "no further action",
    ]


def test_only_the_four_working_statuses_are_open() -> None:
    open_ = {s for s in ReferralStatus if not s.is_closed}
    assert open_ == {
        ReferralStatus.SENT,
        ReferralStatus.ACKNOWLEDGED,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.ACTION_SCHEDULED,
    }
    assert ReferralStatus.CANCELLED.is_closed
    assert ReferralStatus.CLOSED_RESOLVED.is_closed


def test_a_caller_with_only_consent_has_no_details() -> None:
    assert Caller(consent=True).is_empty()
    assert not Caller(postcode="M33 7ZZ").is_empty()


def test_an_event_shown_in_a_listing_leaves_the_callers_details_out() -> None:
    created = {"channel": "phone", "caller": {"name": "Ann"}}
    amended = {"changes": {"caller": {"phone": "07700 900123"}, "outcome": "escalated"}}
    assert without_caller(created) == {"channel": "phone"}
    assert without_caller(amended) == {"changes": {"outcome": "escalated"}}
    assert without_caller(amended, "(changed)") == {
        "changes": {"caller": "(changed)", "outcome": "escalated"}
    }
