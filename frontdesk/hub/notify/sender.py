"""Sending queued messages with GOV.UK Notify's official client, and fetching their
delivery status back.

Exactly once: Notify's `reference` is the desk's event id. A send whose answer never came
(Notify down, a timeout) is retried later with backoff; before sending again the hub asks
Notify for notifications with that reference, and adopts the one it finds instead of
sending twice. A 400 (a bad number, a missing template field) is final: the message is
"rejected" with Notify's reason. 429 and 5xx wait and try again. The client is made by a
factory so each organisation can use its own key.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient
from sqlalchemy import Engine, select

from frontdesk.hub import schema as t
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import reading, writing
from frontdesk.hub.notify.queue import QUEUED, set_status
from frontdesk.hub.notify.recipients import SMS
from frontdesk.hub.notify.templates import api_key_for, base_url, personalisation, templates_for

log = logging.getLogger("frontdesk.hub.notify")

SENDING, DELIVERED, REJECTED = "sending", "delivered", "rejected"
#: Notify's statuses as the desk is told them (its "created", "pending" and "sent" are
#: all still on the way).
STATUS_FROM_NOTIFY = {
    "created": SENDING,
    "sending": SENDING,
    "pending": SENDING,
    "sent": SENDING,
    "delivered": DELIVERED,
    "permanent-failure": "permanent-failure",
    "temporary-failure": "temporary-failure",
    "technical-failure": "technical-failure",
}
FINAL = frozenset(
    {DELIVERED, REJECTED, "permanent-failure", "temporary-failure", "technical-failure"}
)
BACKOFF_S, BACKOFF_MAX_S = 30.0, 3600.0
BATCH = 100


class NotifyClient:
    """The calls the hub makes, typed, over Notify's official client (which has no type
    hints); its errors (`APIError`) pass through unchanged."""

    def __init__(self, api_key: str, url: str, timeout: float = 10.0) -> None:
        self._client = NotificationsAPIClient(api_key, base_url=url, timeout=timeout)  # type: ignore[no-untyped-call]

    def send(self, channel: str, to: str, template: str, fields: dict[str, str], ref: str) -> Any:
        c = self._client
        if channel == SMS:
            return c.send_sms_notification(to, template, fields, reference=ref)  # type: ignore[no-untyped-call]
        return c.send_email_notification(to, template, fields, reference=ref)  # type: ignore[no-untyped-call]

    def by_reference(self, reference: str) -> list[dict[str, Any]]:
        found = self._client.get_all_notifications(reference=reference)  # type: ignore[no-untyped-call]
        return list(found.get("notifications", []))

    def by_id(self, notification_id: str) -> dict[str, Any]:
        found: dict[str, Any] = self._client.get_notification_by_id(notification_id)  # type: ignore[no-untyped-call]
        return found


ClientFactory = Callable[[str], NotifyClient | None]


def environment_clients(organization_id: str) -> NotifyClient | None:
    """The client for an organisation's key from the environment; None if none is set."""
    key = api_key_for(organization_id)
    return None if key is None else NotifyClient(key, base_url())


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    adopted: int = 0  # found already sent by an earlier attempt
    rejected: int = 0
    retrying: int = 0
    unconfigured: int = 0
    updated: int = 0  # statuses fetched that changed
    problems: list[str] = field(default_factory=list)


def backoff(attempts: int, rng: random.Random | None = None) -> dt.timedelta:
    """Exponential with full jitter, as the desk's own retries."""
    ceiling = min(BACKOFF_MAX_S, BACKOFF_S * 2 ** max(0, attempts - 1))
    return dt.timedelta(seconds=(rng or random).uniform(ceiling / 2, ceiling))


def deliver_due(engine: Engine, clients: ClientFactory = environment_clients) -> DeliveryReport:
    """Send every queued message whose time has come."""
    report = DeliveryReport()
    m = t.outbound_messages.c
    with reading(engine) as conn:
        due = conn.execute(
            select(t.outbound_messages)
            .where(m.status == QUEUED, m.next_attempt_at <= utcnow(), m.recipient.is_not(None))
            .order_by(m.next_attempt_at)
            .limit(BATCH)
        ).all()
    for row in due:
        _deliver(engine, row, clients, report)
    return report


def _deliver(engine: Engine, row: Any, clients: ClientFactory, report: DeliveryReport) -> None:
    client = clients(row.organization_id)
    with reading(engine) as conn:
        templates = templates_for(conn, row.organization_id)
        fields = personalisation(conn, row.service_id, row.enquiry_id)
    template = (
        None if templates is None else (templates.sms if row.channel == SMS else templates.email)
    )
    if client is None or template is None:
        report.unconfigured += 1
        what = "API key" if client is None else f"{row.channel} template"
        report.problems.append(f"{row.organization_id}: no Notify {what} set")
        return  # stays queued until the hub is configured
    try:
        if row.attempts:
            earlier = client.by_reference(row.id)
            if earlier:
                _record(
                    engine, row.id, status=_status(earlier[0]["status"]), notify_id=earlier[0]["id"]
                )
                report.adopted += 1
                return
        sent = client.send(row.channel, row.recipient, template, fields, row.id)
    except APIError as error:
        _failed(engine, row, error, report)
        return
    _record(engine, row.id, status=SENDING, notify_id=sent["id"])
    report.sent += 1


def _failed(engine: Engine, row: Any, error: APIError, report: DeliveryReport) -> None:
    reason = _reason(error)
    if error.status_code == 400:
        _record(engine, row.id, status=REJECTED, reason=reason)
        report.rejected += 1
        return
    # 429 (rate limit), 5xx, no answer: wait and try again; 403 too, as a key being
    # rotated is put right by the operator, not by telling the caller it failed.
    attempts = row.attempts + 1
    _record(
        engine,
        row.id,
        status=QUEUED,
        reason=reason,
        attempts=attempts,
        next_attempt_at=utcnow() + backoff(attempts),
    )
    report.retrying += 1
    log.warning("Notify answered %s for message %s; retrying later", error.status_code, row.id)


def refresh_statuses(
    engine: Engine, clients: ClientFactory = environment_clients
) -> DeliveryReport:
    """Fetch the delivery status of messages still on their way."""
    report = DeliveryReport()
    m = t.outbound_messages.c
    with reading(engine) as conn:
        open_ = conn.execute(
            select(m.id, m.organization_id, m.notify_id, m.status)
            .where(m.status == SENDING, m.notify_id.is_not(None))
            .limit(BATCH)
        ).all()
    for row in open_:
        client = clients(row.organization_id)
        if client is None:
            continue
        try:
            found = client.by_id(row.notify_id)
        except APIError as error:
            report.problems.append(f"{row.id}: {_reason(error)}")
            continue
        status = _status(found.get("status", ""))
        if status != row.status:
            _record(engine, row.id, status=status)
            report.updated += 1
    return report


def _record(engine: Engine, message_id: str, **values: Any) -> None:
    with writing(engine) as conn:
        set_status(conn, message_id, updated_at=utcnow(), **values)


def _status(notify_status: str) -> str:
    return STATUS_FROM_NOTIFY.get(notify_status, SENDING)


def _reason(error: APIError) -> str:
    message = error.message
    if isinstance(message, list):
        message = "; ".join(
            str(e.get("message", e)) if isinstance(e, dict) else str(e) for e in message
        )
    return f"Notify answered {error.status_code}: {message}"[:500]
