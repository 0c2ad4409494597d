"""`/supervisor/v1`: a supervisor's view of their organisation's enquiries — a page at a
time, a whole export (CSV or JSON), anonymous counts and the period report. Admins may
read any organisation (`organization_id`, `org` for the report, or all when omitted); a
supervisor naming another organisation is refused rather than quietly shown their own.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from frontdesk.core import reference
from frontdesk.hub.accounts.access import require_org, require_role
from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.catalogue.read import Paging
from frontdesk.hub.enquiries.monthly_report import monthly_report
from frontdesk.hub.enquiries.reports import (
    EnquiryFilter,
    export,
    list_enquiries,
    one_enquiry,
    record_export,
    statistics,
    to_csv,
)
from frontdesk.hub.http.endpoint import (
    ApiError,
    check_protocol,
    client_of,
    datetime_param,
    hub,
    int_param,
    signed_in,
    text_param,
)
from frontdesk.hub.sync.desk_state import DEFAULT_STALE_HOURS

READERS = (Role.SUPERVISOR, Role.ADMIN)


async def _filter(request: Request, what: str) -> tuple[EnquiryFilter, str]:
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, READERS, what)
    org = text_param(request, "organization_id", 64)
    if org is not None:
        require_org(who, org, "enquiries")
    elif who.role is not Role.ADMIN:
        org = who.organization_id
    where = EnquiryFilter(org, datetime_param(request, "since"), datetime_param(request, "until"))
    return where, who.name


async def enquiries(request: Request) -> JSONResponse:
    where, _ = await _filter(request, "read enquiries")
    paging = Paging(
        int_param(request, "page", 1, 1, 1_000_000), int_param(request, "per_page", 50, 1, 200)
    )
    page = await run_in_threadpool(list_enquiries, hub(request).engine, where, paging)
    return JSONResponse(page)


async def enquiry(request: Request) -> JSONResponse:
    """One enquiry by the reference the caller quotes, with its amendment history."""
    where, _ = await _filter(request, "read enquiries")
    typed = str(request.path_params["reference"])
    canonical = reference.normalise(typed)
    if canonical is None:
        raise ApiError(400, "bad_parameter", "not an enquiry reference (check character wrong)")
    found = await run_in_threadpool(one_enquiry, hub(request).engine, where, canonical)
    if found is None:
        raise ApiError(404, "not_found", "no enquiry has that reference")
    return JSONResponse(found)


async def export_enquiries(request: Request) -> Response:
    where, actor = await _filter(request, "export enquiries")
    fmt = text_param(request, "format", 10) or "json"
    if fmt not in ("json", "csv"):
        raise ApiError(400, "bad_parameter", "format must be json or csv")
    engine = hub(request).engine
    items = await run_in_threadpool(export, engine, where)
    await run_in_threadpool(
        record_export,
        engine,
        where,
        fmt=fmt,
        count=len(items),
        include_caller=False,
        actor=actor,
        client=client_of(request),
    )
    disposition = {"Content-Disposition": f'attachment; filename="enquiries.{fmt}"'}
    if fmt == "csv":
        return Response(to_csv(items), media_type="text/csv; charset=utf-8", headers=disposition)
    return JSONResponse({"enquiries": items}, headers=disposition)


async def enquiry_statistics(request: Request) -> JSONResponse:
    where, _ = await _filter(request, "read enquiry statistics")
    counts = await run_in_threadpool(statistics, hub(request).engine, where)
    return JSONResponse(counts)


#: The longest period one report covers: a year and a bit, so a financial year fits.
MAX_REPORT_DAYS = 400


async def period_report(request: Request) -> JSONResponse:
    """The period report (`frontdesk hub report --json`): a supervisor's own organisation,
    an admin's named one or (without `org`) the whole hub."""
    check_protocol(request, required=False)
    who = await signed_in(request)
    require_role(who, READERS, "read the period report")
    org = text_param(request, "org", 64)
    if org is not None:
        require_org(who, org, "report")
    elif who.role is not Role.ADMIN:
        org = who.organization_id
    since, until = _day_param(request, "since"), _day_param(request, "until")
    if until < since:
        raise ApiError(400, "bad_parameter", "until is before since")
    if (until - since).days + 1 > MAX_REPORT_DAYS:
        raise ApiError(400, "bad_parameter", f"a report covers at most {MAX_REPORT_DAYS} days")
    stale = int_param(request, "stale_hours", DEFAULT_STALE_HOURS, 1, 24 * 365)
    work = partial(monthly_report, hub(request).engine, since, until, org, stale_hours=stale)
    return JSONResponse(await run_in_threadpool(work))


def _day_param(request: Request, name: str) -> dt.date:
    raw = text_param(request, name, 10)
    if raw is None:
        raise ApiError(400, "bad_parameter", f"{name} is required, as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ApiError(400, "bad_parameter", f"{name} must be a date as YYYY-MM-DD") from None
