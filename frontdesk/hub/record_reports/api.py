"""`/agency/v1/record-reports`: reports that the agency's own records are wrong, and its
word on them; `/admin/v1/record-reports`: the reports no agency owns yet (their record's
organisation is not linked to one).

An agency sees reports on records its organisation owns and nothing else; another
agency's report is answered as one that does not exist. Report texts have had personal
phone numbers and e-mail addresses removed on arrival and never name the reporter.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.core.record_report import ReportStatus
from frontdesk.hub.accounts.access import require_role
from frontdesk.hub.accounts.auth import Principal
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.catalogue.read import Paging
from frontdesk.hub.http.endpoint import (
    ApiError,
    check_protocol,
    client_of,
    enum_param,
    hub,
    int_param,
    path_id,
    read_json,
    signed_in,
)
from frontdesk.hub.record_reports.actions import (
    MAX_NOTE_CHARS,
    NO_GROUP,
    ReportActionError,
    parse_agency_status,
    parse_group_id,
    set_status,
)
from frontdesk.hub.record_reports.queries import GroupFilter, get_group, list_groups

BODY_LIMIT = 16 * 2**10


async def _signed_in_as(request: Request, role: Role, what: str) -> Principal:
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, [role], what)
    return who


def _status_filter(request: Request) -> ReportStatus | None:
    return enum_param(request, "status", ReportStatus)


def _paging(request: Request) -> Paging:
    return Paging(
        int_param(request, "page", 1, 1, 1_000_000), int_param(request, "per_page", 50, 1, 200)
    )


async def record_reports(request: Request) -> JSONResponse:
    who = await _signed_in_as(request, Role.AGENCY, "read reports on an agency's records")
    where = GroupFilter(who.organization_id, _status_filter(request))
    page = await run_in_threadpool(list_groups, hub(request).engine, where, _paging(request))
    return JSONResponse(page)


async def record_report(request: Request) -> JSONResponse:
    who = await _signed_in_as(request, Role.AGENCY, "read reports on an agency's records")
    return JSONResponse(await _own_group(request, who))


async def _own_group(request: Request, who: Principal) -> dict[str, object]:
    group_id = parse_group_id(path_id(request))
    found = None
    if group_id is not None:
        found = await run_in_threadpool(get_group, hub(request).engine, group_id)
    # Another agency's report is answered as one that does not exist.
    if found is None or found["owner_organization_id"] != who.organization_id:
        raise ApiError(404, "not_found", NO_GROUP)
    return found


async def record_report_status(request: Request) -> JSONResponse:
    who = await _signed_in_as(request, Role.AGENCY, "answer reports on an agency's records")
    body = await read_json(request, BODY_LIMIT)
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_request", 'send {"status": ..., "note": ...}')
    note = body.get("note")
    if note is not None and not (isinstance(note, str) and len(note) <= MAX_NOTE_CHARS):
        raise ApiError(400, "invalid_request", f"note must be text of at most {MAX_NOTE_CHARS}")
    group_id = parse_group_id(path_id(request))
    try:
        if group_id is None:
            raise ReportActionError(404, "not_found", NO_GROUP)
        status = parse_agency_status(body.get("status"))
        await run_in_threadpool(
            set_status,
            hub(request).engine,
            who,
            group_id,
            status,
            (note or "").strip() or None,
            client_of(request),
        )
    except ReportActionError as error:
        raise ApiError(error.status, error.code, error.message) from None
    return JSONResponse(await _own_group(request, who))


async def unrouted_reports(request: Request) -> JSONResponse:
    await _signed_in_as(request, Role.ADMIN, "read the reports no agency owns")
    where = GroupFilter(None, _status_filter(request), unrouted=True)
    page = await run_in_threadpool(list_groups, hub(request).engine, where, _paging(request))
    return JSONResponse(page)
