"""`/agency/v1`: the referral queue of the agency an account belongs to, and status updates.

Only agency accounts use it: the agency owns a referral's status (DESIGN.md), so an
adviser, a supervisor or even an admin cannot move one on. The protocol header is
optional here: agency back-office systems are not frontdesk desks. A referral carries the
caller's details, so every answer that holds referrals is audited with their ids (an
empty page shows nobody and is not).
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.core.enquiry import ReferralStatus
from frontdesk.hub.accounts import audit
from frontdesk.hub.accounts.access import require_role
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.catalogue.read import Paging
from frontdesk.hub.http.endpoint import (
    ApiError,
    check_protocol,
    client_of,
    datetime_param,
    enum_param,
    hub,
    int_param,
    path_id,
    read_json,
    signed_in,
)
from frontdesk.hub.referrals.queries import ReferralFilter, get_referral, list_for_agency
from frontdesk.hub.referrals.records import (
    MAX_NOTE_CHARS,
    NO_REFERRAL,
    ReferralError,
    parse_status,
    set_status,
)

STATUS_BODY_LIMIT = 16 * 2**10


async def _agency(request: Request, what: str) -> Principal:
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, [Role.AGENCY], what)
    return who


def _status_filter(request: Request) -> ReferralStatus | None:
    return enum_param(request, "status", ReferralStatus)


async def referrals(request: Request) -> JSONResponse:
    who = await _agency(request, "read an agency's referral queue")
    where = ReferralFilter(
        who.organization_id, _status_filter(request), datetime_param(request, "since")
    )
    paging = Paging(
        int_param(request, "page", 1, 1, 1_000_000), int_param(request, "per_page", 50, 1, 200)
    )
    page = await run_in_threadpool(list_for_agency, hub(request).engine, where, paging)
    await _audit_read(request, who, [r["id"] for r in page["contents"]])
    return JSONResponse(page)


async def _audit_read(request: Request, who: Principal, ids: list[str]) -> None:
    if ids:
        await run_in_threadpool(
            audit.record_read,
            hub(request).engine,
            "referral.read",
            actor=who.name,
            organization_id=who.organization_id,
            client=client_of(request),
            detail={"referrals": ids},
        )


async def referral(request: Request) -> JSONResponse:
    who = await _agency(request, "read an agency's referrals")
    found = await _own_referral(request, who)
    return JSONResponse(found)


async def _own_referral(request: Request, who: Principal) -> dict[str, Any]:
    found = await run_in_threadpool(get_referral, hub(request).engine, path_id(request))
    # Another agency's referral is answered as one that does not exist: a 403 would
    # confirm that the id is real.
    if found is None or found["to_organization_id"] != who.organization_id:
        raise ApiError(404, "not_found", NO_REFERRAL)
    await _audit_read(request, who, [found["id"]])
    return found


async def referral_status(request: Request) -> JSONResponse:
    who = await _agency(request, "change a referral's status")
    body = await read_json(request, STATUS_BODY_LIMIT)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", 'send {"status": ..., "note": ...}')
    note = body.get("note")
    if note is not None and not (isinstance(note, str) and len(note) <= MAX_NOTE_CHARS):
        raise ApiError(400, "invalid_request", f"note must be text of at most {MAX_NOTE_CHARS}")
    try:
        status = parse_status(body.get("status"))
        await run_in_threadpool(
            set_status,
            hub(request).engine,
            who,
            path_id(request),
            status,
            (note or "").strip() or None,
            client_of(request),
        )
    except ReferralError as error:
        raise ApiError(error.status, error.code, error.message) from None
    return JSONResponse(await _own_referral(request, who))
