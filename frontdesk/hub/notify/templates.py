"""Each organisation's Notify templates and API key, and what fills a template.

The API key comes from the environment, never the database: `FRONTDESK_NOTIFY_API_KEY`,
or `FRONTDESK_NOTIFY_API_KEY_<ORG>` for an organisation with a Notify service of its own
when several share a hub (the id upper-cased, '-' and '.' as '_').
`FRONTDESK_NOTIFY_BASE_URL` points the client elsewhere than the real service.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from frontdesk.hub import schema as t
from frontdesk.hub.accounts import audit
from frontdesk.hub.columns import utcnow
from frontdesk.hub.db import insert_ignoring_conflict, writing

KEY_ENV = "FRONTDESK_NOTIFY_API_KEY"
BASE_URL_ENV = "FRONTDESK_NOTIFY_BASE_URL"
DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk"
_TEMPLATE_ID = re.compile(r"^[0-9a-fA-F-]{36}$")


class NotifyConfigError(ValueError):
    """Templates or keys that cannot be used, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class Templates:
    sms: str | None
    email: str | None


def api_key_for(organization_id: str, environ: Mapping[str, str] = os.environ) -> str | None:
    own = environ.get(f"{KEY_ENV}_{re.sub(r'[^A-Za-z0-9]', '_', organization_id).upper()}")
    return own or environ.get(KEY_ENV) or None


def base_url(environ: Mapping[str, str] = os.environ) -> str:
    return environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL


def set_templates(
    engine: Engine, organization_id: str, *, sms: str | None, email: str | None, actor: str
) -> Templates:
    """Set (or, with None, keep) an organisation's template ids."""
    for value in (sms, email):
        if value is not None and not _TEMPLATE_ID.match(value):
            raise NotifyConfigError(f"{value!r} is not a Notify template id (a UUID)")
    with writing(engine) as conn:
        o = t.organizations.c
        if conn.scalar(select(o.id).where(o.id == organization_id)) is None:
            raise NotifyConfigError(f"no organisation {organization_id!r} on this hub")
        current = templates_for(conn, organization_id) or Templates(None, None)
        chosen = Templates(sms or current.sms, email or current.email)
        values = {
            "sms_template": chosen.sms,
            "email_template": chosen.email,
            "updated_at": utcnow(),
        }
        row = {"organization_id": organization_id, **values}
        if not insert_ignoring_conflict(conn, t.notify_templates, row):
            n = t.notify_templates
            conn.execute(n.update().where(n.c.organization_id == organization_id).values(**values))
        audit.record(conn, "notify.templates", actor=actor, organization_id=organization_id)
    return chosen


def templates_for(conn: Connection, organization_id: str) -> Templates | None:
    n = t.notify_templates.c
    row = conn.execute(
        select(n.sms_template, n.email_template).where(n.organization_id == organization_id)
    ).first()
    return None if row is None else Templates(row.sms_template, row.email_template)


def channels_ready(
    conn: Connection, organization_id: str, environ: Mapping[str, str] = os.environ
) -> dict[str, bool]:
    """Whether the hub can send the organisation's texts and e-mails now: an API key in
    the environment and a template id for the channel. What desks ask before an adviser
    promises a caller a text."""
    has_key = api_key_for(organization_id, environ) is not None
    templates = templates_for(conn, organization_id) or Templates(None, None)
    return {"sms": has_key and bool(templates.sms), "email": has_key and bool(templates.email)}


def personalisation(conn: Connection, service_id: str, enquiry_id: str) -> dict[str, str]:
    """What frontdesk fills in an organisation's template: the service's details from the
    hub's catalogue, and the enquiry's short reference (empty for an enquiry made before
    references, whose UUID is no use to a caller)."""
    e = t.enquiries.c
    reference = conn.scalar(select(e.reference).where(e.id == enquiry_id))
    s = t.services.c
    row = conn.execute(select(s.name, s.document).where(s.id == service_id)).first()
    doc: dict[str, Any] = json.loads(row.document) if row is not None else {}
    agency = ""
    if doc.get("organization_id"):
        o = t.catalogue_organizations.c
        source = service_id.split(":", 1)[0]
        found = conn.scalar(select(o.name).where(o.id == f"{source}:{doc['organization_id']}"))
        agency = found or ""
    phones = [p.get("number", "") for p in doc.get("phones", [])]
    phones += [p.get("number", "") for c in doc.get("contacts", []) for p in c.get("phones", [])]
    hours = [
        f"{' '.join(h.get('byday', []))} {h.get('opens_at', '')}-{h.get('closes_at', '')}".strip()
        if h.get("opens_at")
        else h.get("description", "")
        for h in doc.get("schedules", [])
    ]
    return {
        "service_name": row.name if row is not None else service_id,
        "agency": agency,
        "phone": next((p for p in phones if p), ""),
        "hours": "; ".join(h for h in hours if h),
        "web_address": doc.get("url") or "",
        "enquiry_reference": reference or "",
    }
