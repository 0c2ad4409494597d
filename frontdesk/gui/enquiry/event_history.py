"""An enquiry's events as the adviser reads them in the reopened enquiry: one translated
line each, services by name (context "EnquiryHistory")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from frontdesk.core.enquiry import Channel, EnquiryEvent, EventKind, Outcome
from frontdesk.gui.enquiry.vocabulary import channel_labels, outcome_labels


def _outcome(value: Any) -> str:
    try:
        return outcome_labels()[Outcome(value)]
    except ValueError:
        return QCoreApplication.translate("EnquiryHistory", "no outcome")


def history_line(event: EnquiryEvent, names: Mapping[str, str]) -> str:
    """`HH:MM  what happened`, in the desk's local time."""
    return f"{event.at.astimezone():%d/%m %H:%M}  {_what(event, names)}"


def _what(event: EnquiryEvent, names: Mapping[str, str]) -> str:
    data = event.data

    def name(service_id: Any) -> str:
        return names.get(str(service_id), str(service_id))

    if event.kind is EventKind.AMENDED:
        return QCoreApplication.translate("EnquiryHistory", "Corrected: {0}").format(
            "; ".join(_changes(data.get("changes", {}), name))
        )
    if event.kind is EventKind.CREATED:
        try:
            channel = channel_labels()[Channel(str(data.get("channel")))]
        except ValueError:
            channel = ""
        return QCoreApplication.translate("EnquiryHistory", "Saved ({0})").format(channel)
    if event.kind is EventKind.SERVICE_LINKED:
        return QCoreApplication.translate("EnquiryHistory", "Service linked: {0}").format(
            name(data.get("service_id"))
        )
    if event.kind is EventKind.NOTE:
        return QCoreApplication.translate("EnquiryHistory", "Note: {0}").format(
            data.get("text", "")
        )
    if event.kind is EventKind.OUTCOME_SET:
        return QCoreApplication.translate("EnquiryHistory", "Outcome: {0}").format(
            _outcome(data.get("outcome"))
        )
    if event.kind is EventKind.REFERRAL_SENT:
        return QCoreApplication.translate("EnquiryHistory", "Referral sent to {0}").format(
            name(data.get("service_id"))
        )
    return QCoreApplication.translate("EnquiryHistory", "Follow-up done")


def _changes(changes: Mapping[str, Any], name: Any) -> list[str]:
    parts = []
    if "notes" in changes:
        parts.append(
            QCoreApplication.translate("EnquiryHistory", "note added: {0}").format(changes["notes"])
        )
    if "outcome" in changes:
        parts.append(
            QCoreApplication.translate("EnquiryHistory", "outcome changed to {0}").format(
                _outcome(changes["outcome"])
            )
        )
    if "referral_service_id" in changes:
        target = changes["referral_service_id"]
        parts.append(
            QCoreApplication.translate("EnquiryHistory", "referral redirected to {0}").format(
                name(target)
            )
            if target
            else QCoreApplication.translate("EnquiryHistory", "referral withdrawn")
        )
    if "service_ids" in changes:
        parts.append(QCoreApplication.translate("EnquiryHistory", "linked services changed"))
    if "caller" in changes:
        parts.append(QCoreApplication.translate("EnquiryHistory", "caller details changed"))
    if "channel" in changes:
        parts.append(QCoreApplication.translate("EnquiryHistory", "channel changed"))
    return parts
