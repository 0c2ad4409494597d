"""`GET /sync/v1/notify-status`: whether this hub can send texts and e-mails for the
account's organisation, so a desk can say so before the adviser promises a caller one."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from frontdesk.hub.accounts.registry import Role
from frontdesk.hub.db import reading
from frontdesk.hub.http.endpoint import ApiError, check_protocol, hub, signed_in
from frontdesk.hub.notify.templates import channels_ready

#: The roles whose desks record "details sent" events (those that push enquiries).
ASKING_ROLES = frozenset({Role.ADVISER, Role.SUPERVISOR})


async def notify_status(request: Request) -> JSONResponse:
    check_protocol(request, required=True)
    who = await signed_in(request)
    if who.role not in ASKING_ROLES:
        raise ApiError(
            403, "role_forbidden", f"{who.role.value} accounts do not send callers details"
        )

    def ready() -> dict[str, bool]:
        with reading(hub(request).engine) as conn:
            return channels_ready(conn, who.organization_id)

    return JSONResponse(await run_in_threadpool(ready))
