"""A hub with a council that refers callers, the agency that delivers the service, and a
second council and agency that must see none of it — for the referral, Open311,
supervisor and authorisation tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.catalogue.imports import import_feeds
from frontdesk.hub.referrals.routing import link
from tests.helpers.hub import Hub, event_op, small_feed

COUNCIL, AGENCY, OTHER_COUNCIL, OTHER_AGENCY, OPS = (
    "council",
    "housing",
    "othercouncil",
    "otheragency",
    "hubops",
)
LINKED_ORG = "kirklees:org-1"  # the catalogue organisation of small_feed()'s services
SERVICE = "kirklees:svc-0"
CALLER = {"name": "Ann Example", "phone": "07700 900123", "email": "Ann@Example.org"}
ROLES = {
    "adviser": (COUNCIL, Role.ADVISER),
    "supervisor": (COUNCIL, Role.SUPERVISOR),
    "agency": (AGENCY, Role.AGENCY),
    "admin": (OPS, Role.ADMIN),
    "other_supervisor": (OTHER_COUNCIL, Role.SUPERVISOR),
    "other_agency": (OTHER_AGENCY, Role.AGENCY),
}


@dataclass
class World:
    hub: Hub
    headers: dict[str, dict[str, str]]
    seq: dict[str, int] = field(default_factory=dict)

    def push(self, role: str, ops: list[dict[str, Any]], device: str | None = None) -> Any:
        response = self.hub.client.post(
            "/sync/v1/push",
            json={"device_id": device or f"desk-{role}", "ops": ops},
            headers=self.headers[role],
        )
        assert response.status_code == 200, response.text
        return response.json()["results"]

    def _next(self, role: str) -> int:
        self.seq[role] = self.seq.get(role, 0) + 1
        return self.seq[role]

    def enquiry(
        self,
        enquiry: str,
        *,
        role: str = "adviser",
        caller: dict[str, Any] | None = None,
        refer_to: str | None = None,
        outcome: str | None = None,
        services: tuple[str, ...] = (),
        reference: str | None = None,
    ) -> str | None:
        """Push an enquiry as a desk would; returns the referral id if one was sent."""
        created: dict[str, Any] = {"channel": "phone"}
        if reference is not None:
            created["reference"] = reference
        if caller is not None:
            created["caller"] = {**caller, "consent": True}
        ops = [self._op(role, enquiry, "created", created)]
        ops += [self._op(role, enquiry, "service linked", {"service_id": s}) for s in services]
        ops.append(self._op(role, enquiry, "note", {"text": f"about {enquiry}"}))
        if outcome or refer_to:
            ops.append(self._op(role, enquiry, "outcome set", {"outcome": outcome or "referred"}))
        referral = f"ref-{enquiry}" if refer_to else None
        if refer_to:
            data = {"referral_id": referral, "service_id": refer_to, "note": "please call back"}
            ops.append(self._op(role, enquiry, "referral sent", data))
        results = self.push(role, ops)
        assert {r["status"] for r in results} == {"applied"}, results
        return referral

    def amend(self, enquiry: str, changes: dict[str, Any], *, refer_to: str | None = None) -> Any:
        """Push an amendment as a desk would: the `amended` event, then a referral-sent
        event when the amendment sends the referral to `refer_to`."""
        ops = [self._op("adviser", enquiry, "amended", {"changes": changes})]
        if refer_to:
            data = {"referral_id": f"ref-{enquiry}-2", "service_id": refer_to}
            ops.append(self._op("adviser", enquiry, "referral sent", data))
        return self.push("adviser", ops)

    def _op(self, role: str, enquiry: str, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        seq = self._next(role)
        return event_op(
            seq,
            op_id=f"{role}-{seq}",
            enquiry=enquiry,
            event=f"{role}-ev-{seq}",
            kind=kind,
            data=data,
        )


def make_world(hub: Hub) -> World:
    for org in (COUNCIL, AGENCY, OTHER_COUNCIL, OTHER_AGENCY, OPS):
        hub.org(org)
    import_feeds(hub.engine, [("kirklees", small_feed(services=3))], actor="test")
    link(hub.engine, AGENCY, LINKED_ORG, actor="test")
    headers = {}
    for role, (org, kind) in ROLES.items():
        hub.user(role, org, kind)
        headers[role] = hub.login(role)
    return World(hub, headers)
