"""Reading record-report groups as the owning agency sees them, and as the admin sees the
ones no agency owns yet.

Ownership is worked out when reading, through the same catalogue-organisation links that
route referrals (`referrals.routing`): a group belongs to the hub organisation linked to
the catalogue organisation of the reported service. So a link made later routes the
reports already waiting, and nothing has to be re-addressed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, select

from frontdesk.core.record_report import ReportStatus
from frontdesk.hub import schema as t
from frontdesk.hub.catalogue.read import Paging, envelope
from frontdesk.hub.db import reading

JsonObject = dict[str, Any]
_g, _r, _s, _l = (
    t.record_report_groups,
    t.record_reports,
    t.services,
    t.organization_catalogue_links,
)


@dataclass(frozen=True, slots=True)
class GroupFilter:
    #: The owning hub organisation; None with `unrouted` for the admin's queue.
    owner: str | None
    status: ReportStatus | None = None
    unrouted: bool = False


def _columns() -> Select[Any]:
    return (
        select(
            _g,
            _s.c.name.label("service_name"),
            _l.c.organization_id.label("owner"),
        )
        .join_from(_g, _s, _s.c.id == _g.c.service_id, isouter=True)
        .join(_l, _l.c.catalogue_org_id == _s.c.organization_id, isouter=True)
    )


def _filtered(where: GroupFilter) -> Select[Any]:
    query = _columns()
    if where.unrouted:
        query = query.where(_l.c.organization_id.is_(None), _g.c.open_key.is_not(None))
    else:
        query = query.where(_l.c.organization_id == where.owner)
    if where.status is not None:
        query = query.where(_g.c.status == where.status.value)
    return query


def list_groups(engine: Engine, where: GroupFilter, paging: Paging) -> JsonObject:
    """Oldest first report first: the longest-standing problem heads the queue."""
    query = _filtered(where).order_by(_g.c.first_reported_at, _g.c.id)
    with reading(engine) as conn:
        total = conn.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = conn.execute(query.limit(paging.per_page).offset(paging.offset)).all()
        contents = _render_all(conn, rows)
    return envelope(contents, int(total), paging)


def get_group(engine: Engine, group_id: int) -> JsonObject | None:
    with reading(engine) as conn:
        rows = conn.execute(_columns().where(_g.c.id == group_id)).all()
        rendered = _render_all(conn, rows)
    return rendered[0] if rendered else None


def _render_all(conn: Connection, rows: Sequence[Any]) -> list[JsonObject]:
    ids = [row.id for row in rows]
    reports: dict[int, list[JsonObject]] = {i: [] for i in ids}
    if ids:
        found = conn.execute(
            select(_r.c.group_id, _r.c.problem, _r.c.suggested, _r.c.reported_at)
            .where(_r.c.group_id.in_(ids))
            .order_by(_r.c.reported_at, _r.c.id)
        )
        for report in found:
            reports[report.group_id].append(
                {
                    "problem": report.problem,
                    "suggested": report.suggested,
                    "reported_at": report.reported_at.isoformat(),
                }
            )
    return [_render(row, reports[row.id]) for row in rows]


def _render(row: Any, reports: list[JsonObject]) -> JsonObject:
    return {
        "id": str(row.id),
        "service_id": row.service_id,
        "service_name": row.service_name,
        "owner_organization_id": row.owner,
        "field": row.field,
        "status": row.status,
        "closed": not ReportStatus(row.status).is_open,
        "confirmations": row.confirmations,
        "first_reported_at": row.first_reported_at.isoformat(),
        "last_reported_at": row.last_reported_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
        "closed_at": row.closed_at.isoformat() if row.closed_at else None,
        "note": row.note,
        "reports": reports,
    }
