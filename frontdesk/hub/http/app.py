"""The hub's ASGI application: routes, JSON error handling, and the process entry point.

Starlette rather than FastAPI: the hub's handlers validate by hand against the sync
protocol (per-op results, not one 422 for the request), its OpenAPI document is written by
hand, and Starlette alone is a smaller, faster dependency (see bench/hub/README.md).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontdesk.hub.accounts import api_auth
from frontdesk.hub.alerts import api as api_alerts
from frontdesk.hub.catalogue import api as api_catalogue
from frontdesk.hub.db import create_hub_engine, database_url
from frontdesk.hub.enquiries import api_admin, api_callers, api_supervisor
from frontdesk.hub.guidance import api as api_guidance
from frontdesk.hub.http import desk_versions
from frontdesk.hub.http.endpoint import (
    PROTOCOL_HEADER,
    SUPPORTED_PROTOCOLS,
    ApiError,
    HubConfig,
    HubContext,
    error_response,
)
from frontdesk.hub.http.openapi import openapi_document
from frontdesk.hub.migrate import check_current
from frontdesk.hub.notify import api as api_notify
from frontdesk.hub.record_reports import api as api_record_reports
from frontdesk.hub.referrals import api_agency, api_open311
from frontdesk.hub.sync import api as api_sync
from frontdesk.hub.sync.live import DEFAULT_MAX_WAIT

log = logging.getLogger("frontdesk.hub")

HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(openapi_document())


def routes() -> list[Route]:
    c = api_catalogue
    return [
        Route("/", c.root, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"], name="openapi"),
        Route("/auth/v1/login", api_auth.login, methods=["POST"]),
        Route("/auth/v1/session", api_auth.session, methods=["GET"]),
        Route("/auth/v1/logout", api_auth.logout, methods=["POST"]),
        Route("/sync/v1/changes", api_sync.changes, methods=["GET"]),
        Route("/sync/v1/push", api_sync.push_ops, methods=["POST"]),
        Route("/enquiries/v1/caller-history", api_callers.history, methods=["POST"]),
        Route("/sync/v1/reference-prefix", api_sync.reference_prefix, methods=["POST"]),
        Route("/sync/v1/desk-versions", desk_versions.desk_versions, methods=["GET"]),
        Route("/sync/v1/notify-status", api_notify.notify_status, methods=["GET"]),
        Route("/services", c.services, methods=["GET"]),
        Route("/services/{id:path}", c.service, methods=["GET"]),
        Route("/organizations", c.organizations, methods=["GET"]),
        Route("/organizations/{id:path}", c.organization, methods=["GET"]),
        Route("/taxonomies", c.taxonomies, methods=["GET"]),
        Route("/taxonomies/{id:path}", c.taxonomy, methods=["GET"]),
        Route("/taxonomy_terms", c.taxonomy_terms, methods=["GET"]),
        Route("/taxonomy_terms/{id:path}", c.taxonomy_term, methods=["GET"]),
        Route("/service_at_locations", c.service_at_locations, methods=["GET"]),
        Route("/service_at_locations/{id:path}", c.service_at_location, methods=["GET"]),
        *_referral_routes(),
        *_record_report_routes(),
        *_guidance_routes(),
        *_alert_routes(),
    ]


def _referral_routes() -> list[Route]:
    """Agencies' queues, Open311, supervisors' reports and admins' retention tools."""
    a, o, s, adm = api_agency, api_open311, api_supervisor, api_admin
    return [
        Route("/agency/v1/referrals", a.referrals, methods=["GET"]),
        Route("/agency/v1/referrals/{id}", a.referral, methods=["GET"]),
        Route("/agency/v1/referrals/{id}/status", a.referral_status, methods=["POST"]),
        Route("/open311/v2/services.json", o.services, methods=["GET"]),
        Route("/open311/v2/services/{id:path}.json", o.service, methods=["GET"]),
        Route("/open311/v2/requests.json", o.requests_json, methods=["GET", "POST"]),
        Route("/open311/v2/requests/{id}.json", o.one_request, methods=["GET"]),
        Route("/supervisor/v1/enquiries", s.enquiries, methods=["GET"]),
        Route("/supervisor/v1/enquiries/export", s.export_enquiries, methods=["GET"]),
        Route("/supervisor/v1/enquiries/{reference}", s.enquiry, methods=["GET"]),
        Route("/supervisor/v1/statistics", s.enquiry_statistics, methods=["GET"]),
        Route("/supervisor/v1/report", s.period_report, methods=["GET"]),
        Route("/admin/v1/purge", adm.purge_callers, methods=["POST"]),
        Route("/admin/v1/subject/export", adm.export_subject, methods=["POST"]),
        Route("/admin/v1/subject/erase", adm.erase_subject, methods=["POST"]),
    ]


def _record_report_routes() -> list[Route]:
    """Reports that a record is wrong: the owning agency's queue, the admin's unrouted ones."""
    rr = api_record_reports
    return [
        Route("/agency/v1/record-reports", rr.record_reports, methods=["GET"]),
        Route("/agency/v1/record-reports/{id}", rr.record_report, methods=["GET"]),
        Route("/agency/v1/record-reports/{id}/status", rr.record_report_status, methods=["POST"]),
        Route("/admin/v1/record-reports", rr.unrouted_reports, methods=["GET"]),
    ]


def _guidance_routes() -> list[Route]:
    """Supervisors' guidance notes per service (desks receive them on the change feed)."""
    g = api_guidance
    return [
        Route("/supervisor/v1/guidance", g.guidance, methods=["GET", "POST"]),
    ]


def _alert_routes() -> list[Route]:
    """Service alerts: the delivering agency's, supervisors' and admins' (desks receive
    them on the change feed)."""
    al = api_alerts
    return [
        Route("/agency/v1/alerts", al.alerts, methods=["GET"]),
        Route(
            "/agency/v1/services/{id:path}/alert",
            al.service_alert,
            methods=["GET", "PUT", "DELETE"],
        ),
    ]


def _render(request: Request, error: ApiError) -> Response:
    if api_open311.is_open311(request.url.path):
        return api_open311.error_response(error)  # GeoReport v2's own error form
    return error_response(error)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _render(request, exc)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = HTTP_CODES.get(exc.status_code, "http_error")
    return _render(
        request,
        ApiError(exc.status_code, code, str(exc.detail), headers=dict(exc.headers or {})),
    )


async def _crash(request: Request, exc: Exception) -> Response:
    # A bug or a database outage, never bad input: logged with its traceback for the
    # operator, and the client told only that it may retry.
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _render(
        request, ApiError(500, "internal_error", "the hub failed to answer; try again later")
    )


class _CommonHeaders:
    """Adds the protocol version and a no-sniff header to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((PROTOCOL_HEADER.lower().encode(), SUPPORTED_PROTOCOLS[-1].encode()))
                headers.append((b"x-content-type-options", b"nosniff"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, sending)


def create_app(
    engine: Engine, config: HubConfig | None = None, *, owns_engine: bool = False
) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        context: HubContext = app.state.hub
        if context.live is not None:
            await context.live.close()
        if owns_engine:
            engine.dispose()

    app = Starlette(
        routes=routes(),
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            Exception: _crash,
        },
        lifespan=lifespan,
    )
    app.state.hub = HubContext(engine, config or HubConfig())
    app.add_middleware(_CommonHeaders)
    return app


MAX_WAIT_ENV = "FRONTDESK_HUB_MAX_WAIT"


def max_wait_from_environment() -> int:
    """FRONTDESK_HUB_MAX_WAIT: the longest a desk's pull is held, 0–300 seconds (0 turns
    the live feed off: every pull is answered at once, and desks poll on their timer)."""
    raw = os.environ.get(MAX_WAIT_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_WAIT
    if not raw.isdigit() or int(raw) > 300:
        raise ValueError(f"{MAX_WAIT_ENV} must be a whole number of seconds from 0 to 300")
    return int(raw)


def app_from_environment() -> Starlette:
    """The app `frontdesk hub serve` runs in each worker: database from FRONTDESK_HUB_DB."""
    engine = create_hub_engine(database_url(None))
    check_current(engine)
    hours = int(os.environ.get("FRONTDESK_HUB_TOKEN_HOURS", "168"))
    minimum, latest = desk_versions.from_environment()
    config = HubConfig(
        token_ttl=dt.timedelta(hours=hours),
        min_desk_version=minimum,
        latest_desk_version=latest,
        max_wait=max_wait_from_environment(),
    )
    return create_app(engine, config, owns_engine=True)
