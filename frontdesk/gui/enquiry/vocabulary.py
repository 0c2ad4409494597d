"""What the adviser reads for each channel, outcome, sync state and referral status.

The stored values are the core enums' English values; these are their on-screen words,
translated (context "Vocabulary")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.core.enquiry import Channel, Outcome, ReferralStatus, SyncState


def channel_labels() -> dict[Channel, str]:
    return {
        Channel.PHONE: QCoreApplication.translate("Vocabulary", "Phone"),
        Channel.FACE_TO_FACE: QCoreApplication.translate("Vocabulary", "Face to face"),
        Channel.EMAIL: QCoreApplication.translate("Vocabulary", "E-mail"),
        Channel.WEB_CHAT: QCoreApplication.translate("Vocabulary", "Web chat"),
    }


def outcome_labels() -> dict[Outcome, str]:
    return {
        Outcome.RESOLVED_AT_FIRST_CONTACT: QCoreApplication.translate(
            "Vocabulary", "Resolved at first contact"
        ),
        Outcome.ADVICE_GIVEN: QCoreApplication.translate("Vocabulary", "Advice given"),
        Outcome.SIGNPOSTED: QCoreApplication.translate("Vocabulary", "Signposted"),
        Outcome.REFERRED: QCoreApplication.translate("Vocabulary", "Referred"),
        Outcome.TRANSFERRED: QCoreApplication.translate("Vocabulary", "Transferred"),
        Outcome.CALLBACK_ARRANGED: QCoreApplication.translate("Vocabulary", "Callback arranged"),
        Outcome.ESCALATED: QCoreApplication.translate("Vocabulary", "Escalated"),
        Outcome.NO_FURTHER_ACTION: QCoreApplication.translate("Vocabulary", "No further action"),
    }


def sync_labels() -> dict[SyncState, str]:
    return {
        SyncState.SAVED_LOCALLY: QCoreApplication.translate("Vocabulary", "Saved on this desk"),
        SyncState.SENT: QCoreApplication.translate("Vocabulary", "Sent to the hub"),
        SyncState.REJECTED: QCoreApplication.translate("Vocabulary", "Rejected by the hub"),
    }


def referral_labels() -> dict[ReferralStatus, str]:
    return {
        ReferralStatus.SENT: QCoreApplication.translate("Vocabulary", "Referral sent"),
        ReferralStatus.ACKNOWLEDGED: QCoreApplication.translate("Vocabulary", "Acknowledged"),
        ReferralStatus.IN_PROGRESS: QCoreApplication.translate("Vocabulary", "In progress"),
        ReferralStatus.ACTION_SCHEDULED: QCoreApplication.translate(
            "Vocabulary", "Action scheduled"
        ),
        ReferralStatus.CLOSED_RESOLVED: QCoreApplication.translate(
            "Vocabulary", "Closed – resolved"
        ),
        ReferralStatus.CLOSED_NOT_RESOLVED: QCoreApplication.translate(
            "Vocabulary", "Closed – not resolved"
        ),
        ReferralStatus.NOT_OUR_RESPONSIBILITY: QCoreApplication.translate(
            "Vocabulary", "Not our responsibility"
        ),
        ReferralStatus.DUPLICATE: QCoreApplication.translate("Vocabulary", "Duplicate"),
        ReferralStatus.CANCELLED: QCoreApplication.translate("Vocabulary", "Cancelled"),
    }
