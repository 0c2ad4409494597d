"""The HSDS 3.0 read API over the catalogue: `/`, `/services`, `/organizations`,
`/taxonomies`, `/taxonomy_terms`, `/service_at_locations`.

Open Referral feeds are public by design, so these endpoints answer anonymous requests;
a request that does send a token must send a good one. Parameters the hub does not
implement (format, postcode, proximity...) are ignored, as HSDS allows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.hub.catalogue import read
from frontdesk.hub.http.endpoint import (
    ApiError,
    bool_param,
    check_protocol,
    datetime_param,
    hub,
    int_param,
    principal,
    text_param,
)

MAX_PER_PAGE = 200
Handler = Callable[[Request], Awaitable[JSONResponse]]


async def _open(request: Request) -> None:
    check_protocol(request, required=False)
    await principal(request, required=False)


def _paging(request: Request) -> read.Paging:
    return read.Paging(
        page=int_param(request, "page", 1, 1, 1_000_000),
        per_page=int_param(request, "per_page", 50, 1, MAX_PER_PAGE),
    )


def _one(found: dict[str, Any] | None, what: str) -> JSONResponse:
    if found is None:
        raise ApiError(404, "not_found", f"no {what} with that id")
    return JSONResponse(found)


async def root(request: Request) -> JSONResponse:
    await _open(request)
    return JSONResponse(
        {
            "version": read.HSDS_VERSION,
            "profile": read.HSDS_PROFILE,
            "openapi_url": str(request.url_for("openapi")),
        }
    )


async def services(request: Request) -> JSONResponse:
    await _open(request)
    where = read.ServiceFilter(
        search=text_param(request, "search"),
        taxonomy_term_id=text_param(request, "taxonomy_term_id", 300),
        organization_id=text_param(request, "organization_id", 300),
        modified_after=datetime_param(request, "modified_after"),
    )
    page = await run_in_threadpool(read.list_services, hub(request).engine, where, _paging(request))
    return JSONResponse(page)


async def service(request: Request) -> JSONResponse:
    await _open(request)
    found = await run_in_threadpool(read.get_service, hub(request).engine, _id(request))
    return _one(found, "service")


async def organizations(request: Request) -> JSONResponse:
    await _open(request)
    search = text_param(request, "search")
    page = await run_in_threadpool(
        read.list_organizations, hub(request).engine, search, _paging(request)
    )
    return JSONResponse(page)


async def organization(request: Request) -> JSONResponse:
    await _open(request)
    found = await run_in_threadpool(read.get_organization, hub(request).engine, _id(request))
    return _one(found, "organization")


async def taxonomies(request: Request) -> JSONResponse:
    await _open(request)
    search = text_param(request, "search")
    page = await run_in_threadpool(
        read.list_taxonomies, hub(request).engine, search, _paging(request)
    )
    return JSONResponse(page)


async def taxonomy(request: Request) -> JSONResponse:
    await _open(request)
    found = await run_in_threadpool(read.get_taxonomy, hub(request).engine, _id(request))
    return _one(found, "taxonomy")


async def taxonomy_terms(request: Request) -> JSONResponse:
    await _open(request)
    where = read.TermFilter(
        search=text_param(request, "search"),
        taxonomy_id=text_param(request, "taxonomy_id", 300),
        parent_id=text_param(request, "parent_id", 300),
        top_only=bool_param(request, "top_only"),
    )
    page = await run_in_threadpool(
        read.list_taxonomy_terms, hub(request).engine, where, _paging(request)
    )
    return JSONResponse(page)


async def taxonomy_term(request: Request) -> JSONResponse:
    await _open(request)
    found = await run_in_threadpool(read.get_taxonomy_term, hub(request).engine, _id(request))
    return _one(found, "taxonomy term")


async def service_at_locations(request: Request) -> JSONResponse:
    await _open(request)
    search = text_param(request, "search")
    page = await run_in_threadpool(
        read.list_service_at_locations, hub(request).engine, search, _paging(request)
    )
    return JSONResponse(page)


async def service_at_location(request: Request) -> JSONResponse:
    await _open(request)
    found = await run_in_threadpool(read.get_service_at_location, hub(request).engine, _id(request))
    return _one(found, "service at location")


def _id(request: Request) -> str:
    value = str(request.path_params["id"])
    # Not printable (a NUL, say) can never be an id, and PostgreSQL refuses NUL in text.
    if len(value) > 300 or not value.isprintable():
        raise ApiError(404, "not_found", "no record with that id")
    return value
